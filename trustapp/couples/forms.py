from django import forms
from django.utils.translation import gettext_lazy as _

from trustapp.couples.models import NAME_MAX_LENGTH


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


class NameForm(forms.Form):
    name = forms.CharField(
        label=_("A name for your space"),
        required=False,
        max_length=NAME_MAX_LENGTH,
        help_text=_(
            "Anything the two of you like, for example your names or a word you share. "
            "Either of you can change it later; without one it goes by your two names."
        ),
        error_messages={
            "max_length": _("Please keep the name under %(limit_value)d characters."),
        },
    )

    def __init__(self, *args, default="", **kwargs):
        """`default`: what the space is called without a name, shown in the empty field."""
        super().__init__(*args, **kwargs)
        if default:
            self.fields["name"].widget.attrs["placeholder"] = default
