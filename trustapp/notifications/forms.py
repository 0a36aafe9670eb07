import base64
import binascii
import ipaddress
from urllib.parse import urlsplit

from django import forms
from django.utils.translation import gettext_lazy as _

from trustapp.accounts.forms import TimeZoneField
from trustapp.notifications.models import ReminderPreference


class ReminderPreferenceForm(forms.ModelForm):
    time_zone = TimeZoneField(
        help_text=_("Reminders come at your local time here, summer time included.")
    )

    class Meta:
        model = ReminderPreference
        fields = [
            "cadence",
            "weekday",
            "day_of_month",
            "local_time",
            "time_zone",
            "activity_emails",
        ]
        widgets = {
            "cadence": forms.RadioSelect,
            "activity_emails": forms.RadioSelect,
            "local_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "day_of_month": forms.NumberInput(attrs={"min": 1, "max": 31}),
        }
        labels = {"activity_emails": _("How would you like to hear about it?")}
        help_texts = {
            "weekday": _("For weekly and two-weekly reminders."),
        }
        error_messages = {
            "local_time": {
                "invalid": _("Please enter a time like 18:30."),
                "required": _("Please enter a time like 18:30."),
            },
            "day_of_month": {
                "min_value": _("Please pick a day from 1 to 31."),
                "max_value": _("Please pick a day from 1 to 31."),
                "invalid": _("Please pick a day from 1 to 31."),
                "required": _("Please pick a day from 1 to 31."),
            },
        }


class PushChoicesForm(forms.ModelForm):
    """Which kinds come by push (to every device the person added) and the quiet hours."""

    class Meta:
        model = ReminderPreference
        fields = [
            "push_reminders",
            "push_activity",
            "push_question",
            "push_pause",
            "quiet_from",
            "quiet_until",
        ]
        widgets = {
            "quiet_from": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "quiet_until": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        }
        help_texts = {
            "quiet_until": _(
                "Nothing arrives in between; what comes then waits until the quiet hours "
                "end. Leave both empty for no quiet hours."
            ),
        }
        error_messages = {
            "quiet_from": {"invalid": _("Please enter a time like 22:00.")},
            "quiet_until": {"invalid": _("Please enter a time like 08:00.")},
        }

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("quiet_from"), cleaned.get("quiet_until")
        if (start is None) != (end is None) and not self.errors:
            raise forms.ValidationError(
                _("Please give both ends of the quiet hours, or leave both empty.")
            )
        return cleaned


def _base64url_bytes(value):
    try:
        return base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))
    except (ValueError, binascii.Error):
        return b""


class DeviceForm(forms.Form):
    """What a browser hands over when it subscribes (posted by static/js/app.js)."""

    endpoint = forms.URLField(max_length=1000, assume_scheme="https")
    p256dh = forms.CharField(max_length=200)
    auth = forms.CharField(max_length=100)
    name = forms.CharField(max_length=80, required=False)

    def clean_endpoint(self):
        endpoint = self.cleaned_data["endpoint"]
        host = urlsplit(endpoint).hostname or ""
        # Our worker will POST to this address: only a public push service over https.
        if urlsplit(endpoint).scheme != "https" or host == "localhost" or _is_ip(host):
            raise forms.ValidationError(_("This browser's push address cannot be used."))
        return endpoint

    def clean_p256dh(self):
        if len(_base64url_bytes(self.cleaned_data["p256dh"])) != 65:
            raise forms.ValidationError(_("This browser's push key cannot be used."))
        return self.cleaned_data["p256dh"]

    def clean_auth(self):
        if len(_base64url_bytes(self.cleaned_data["auth"])) != 16:
            raise forms.ValidationError(_("This browser's push key cannot be used."))
        return self.cleaned_data["auth"]

    def clean_name(self):
        return " ".join(self.cleaned_data["name"].split()) or _("A device")


class DeviceNameForm(forms.Form):
    name = forms.CharField(
        label=_("Name of this device"),
        max_length=80,
        error_messages={"required": _("Please give the device a name, like “My phone”.")},
    )

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError(_("Please give the device a name, like “My phone”."))
        return name


def _is_ip(host):
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True
