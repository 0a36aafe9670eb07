from django import forms
from django.utils.translation import gettext_lazy as _

from trustapp.conversations.models import Prompt
from trustapp.conversations.services import ANSWER_MAX_LENGTH, TAKEAWAY_MAX_LENGTH
from trustapp.lib.forms import VersionedForm


class AnswerForm(forms.Form):
    text = forms.CharField(
        label=_("Your answer"),
        max_length=ANSWER_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": _("Write a few words first, or choose “Let’s just talk”."),
            "max_length": _("Please keep your answer under %(limit_value)d characters."),
        },
    )


class TalkedForm(forms.Form):
    takeaway = forms.CharField(
        label=_("What do you take away from it?"),
        help_text=_("One or two sentences you both agree with. You can add it later, too."),
        required=False,
        max_length=TAKEAWAY_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "max_length": _("Please keep the takeaway under %(limit_value)d characters."),
        },
    )


class TakeawayForm(VersionedForm):
    takeaway = forms.CharField(
        label=_("Our takeaway"),
        required=False,
        max_length=TAKEAWAY_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "max_length": _("Please keep the takeaway under %(limit_value)d characters."),
        },
    )


class DrawForm(forms.Form):
    ANY = "any"
    depth = forms.ChoiceField(label=_("How deep?"), initial=ANY)

    def __init__(self, *args, tender_unlocked=False, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(self.ANY, _("Any depth"))] + [
            (value, label)
            for value, label in Prompt.Depth.choices
            if tender_unlocked or value != Prompt.Depth.TENDER
        ]
        self.fields["depth"].choices = choices
