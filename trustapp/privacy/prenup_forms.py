from django import forms
from django.utils.translation import gettext_lazy as _

from trustapp.privacy.prenup import DataChoice


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
