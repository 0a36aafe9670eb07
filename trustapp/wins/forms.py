from django import forms
from django.utils.translation import gettext_lazy as _

from trustapp.wins.models import RESPONSE_MAX_LENGTH, TEXT_MAX_LENGTH


class WinForm(forms.Form):
    text = forms.CharField(
        label=_("Something good that happened"),
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={
            "required": _("Write a few words about your good news."),
            "max_length": _(
                "Please keep it under %(limit_value)d characters (it has %(show_value)d)."
            ),
        },
    )

    def __init__(self, *args, **kwargs):
        # Unique ids: this form shares the home page with other features' forms.
        kwargs.setdefault("auto_id", "win-%s")
        super().__init__(*args, **kwargs)
        self.fields["text"].widget.attrs["maxlength"] = TEXT_MAX_LENGTH

    def clean_text(self):
        text = self.cleaned_data["text"].strip()
        if not text:
            raise forms.ValidationError(_("Write a few words about your good news."))
        return text


class ResponseForm(forms.Form):
    response = forms.CharField(
        label=_("Your answer"),
        max_length=RESPONSE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": _("Write a few glad words, and perhaps a question."),
            "max_length": _(
                "Please keep it under %(limit_value)d characters (it has %(show_value)d)."
            ),
        },
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "win-response-%s")
        super().__init__(*args, **kwargs)
        self.fields["response"].widget.attrs["maxlength"] = RESPONSE_MAX_LENGTH

    def clean_response(self):
        text = self.cleaned_data["response"].strip()
        if not text:
            raise forms.ValidationError(_("Write a few glad words, and perhaps a question."))
        return text
