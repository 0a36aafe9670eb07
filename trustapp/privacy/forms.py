from django import forms
from django.utils.translation import gettext_lazy as _

from trustapp.accounts.models import User


class DiscreetForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["discreet_emails"]
        labels = {"discreet_emails": _("Discreet emails")}
        help_texts = {
            "discreet_emails": _(
                "Every email from Trustapp then says only “You have an update”, with a link: "
                "no names, no words from your space, nothing in the subject or the preview. "
                "Dates in your calendar are then called only “Reminder”."
            )
        }


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("To be sure it is really you."),
        error_messages={"required": _("Please type your password to confirm.")},
    )

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(
                _("That is not your password, so nothing was deleted. Please try again."),
                code="wrong_password",
            )
        return password
