from django import forms
from django.utils.translation import gettext_lazy as _


class InvitationForm(forms.Form):
    email = forms.EmailField(
        label=_("Your partner's email"),
        required=False,
        help_text=_("We send the link there too. Leave it empty to share the link yourself."),
    )


class LeaveForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("I understand that this ends our shared space for both of us."),
        error_messages={"required": _("Please tick the box to confirm that you want to leave.")},
    )
