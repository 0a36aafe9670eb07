from django import forms
from django.utils.translation import gettext_lazy as _

from trustapp.questions.services import ANSWER_MAX_LENGTH


class AnswerForm(forms.Form):
    """A few words, or "pass" (the button named `pass` needs no words)."""

    text = forms.CharField(
        label=_("Your answer"),
        required=False,
        # The browser does not cut a longer answer short; the service says what is too long.
        widget=forms.TextInput(attrs={"autocomplete": "off", "maxlength": ANSWER_MAX_LENGTH * 2}),
        help_text=_("A few words is plenty."),
    )


class EmailChoiceForm(forms.Form):
    is_on = forms.TypedChoiceField(
        label=_("Would you like the day's question by email?"),
        choices=[("1", _("Yes, once a day")), ("0", _("No, I will find it in the app"))],
        coerce=lambda value: value == "1",
        widget=forms.RadioSelect,
        error_messages={"required": _("Please choose yes or no.")},
    )
    local_time = forms.TimeField(
        label=_("At what time"),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages={
            "invalid": _("Please enter a time like 08:30."),
            "required": _("Please enter a time like 08:30."),
        },
    )
