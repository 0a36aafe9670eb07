from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from trustapp.dates.models import NAME_MAX_LENGTH
from trustapp.lib.forms import VersionedForm

EARLIEST = date(1900, 1, 1)


class OurDateForm(forms.Form):
    """A day that matters: its name (not for "together since"), the day, yearly or once."""

    name = forms.CharField(
        label=_("What it is"),
        max_length=NAME_MAX_LENGTH,
        help_text=_("In your own words: “the day we moved in”, “Sam’s birthday”."),
        error_messages={
            "required": _("Give the day a name, so you both know which it is."),
            "max_length": _(
                "Please keep it under %(limit_value)d characters (it has %(show_value)d)."
            ),
        },
    )
    day = forms.DateField(
        label=_("The day"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": _("Please pick the day."),
            "invalid": _("Please write the day as year-month-day, like 2019-06-21."),
        },
    )
    yearly = forms.BooleanField(label=_("It comes back every year"), required=False, initial=True)

    def __init__(self, *args, together_since=False, **kwargs):
        kwargs.setdefault("auto_id", "together-%s" if together_since else "date-%s")
        super().__init__(*args, **kwargs)
        self.together_since = together_since
        self.fields["name"].widget.attrs["maxlength"] = NAME_MAX_LENGTH
        if together_since:
            # Its name is fixed and it always comes back: an anniversary.
            del self.fields["name"], self.fields["yearly"]

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if not name:
            raise forms.ValidationError(_("Give the day a name, so you both know which it is."))
        return name

    def clean_day(self):
        day = self.cleaned_data["day"]
        if day < EARLIEST:
            raise forms.ValidationError(_("Please pick a day after 1900."))
        return day

    def clean(self):
        cleaned = super().clean()
        if self.together_since:
            cleaned["name"], cleaned["yearly"] = "", True
        return cleaned


class ChangeDateForm(VersionedForm, OurDateForm):
    def made_with(self):
        return super().made_with() | {"together_since": self.together_since}
