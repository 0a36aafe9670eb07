from django import forms
from django.utils.translation import gettext_lazy as _

CHOICES = [(n, str(n)) for n in range(1, 6)]


class FeelingForm(forms.Form):
    understood = forms.TypedChoiceField(
        label=_("How understood did you feel? (1 not at all, 5 completely)"),
        choices=CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Pick how understood you felt, from 1 to 5.")},
    )
    cared_for = forms.TypedChoiceField(
        label=_("How cared for did you feel? (1 not at all, 5 completely)"),
        choices=CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Pick how cared for you felt, from 1 to 5.")},
    )

    def __init__(self, *args, about="", **kwargs):
        # Unique ids: one page may hold the form for a conversation and for a check-in.
        kwargs.setdefault("auto_id", f"heard-{about}-%s")
        super().__init__(*args, **kwargs)
