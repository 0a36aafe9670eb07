from django import forms
from django.utils.translation import gettext_lazy as _

from trustapp.privacy.prenup import DataChoice, DataPrenup


class ChoiceForm(forms.Form):
    choice = forms.ChoiceField(
        choices=DataChoice.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Please pick one of the three options."),
            "invalid_choice": _("Please pick one of the three options."),
        },
    )

    @classmethod
    def for_prenup(cls, prenup):
        return cls(initial={"choice": prenup.proposed_choice or prenup.choice})


class JoiningChoiceForm(forms.Form):
    """The choice offered while accepting an invitation. Leaving it for later (or sending
    nothing at all) keeps the most private option until the two choose together."""

    LATER = ""

    data_choice = forms.ChoiceField(
        label=_("If this space ever ends"),
        choices=[*DataChoice.choices, (LATER, _("We will choose later, together"))],
        widget=forms.RadioSelect,
        required=False,
        initial=DataPrenup.DEFAULT,
    )
