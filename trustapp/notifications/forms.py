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
