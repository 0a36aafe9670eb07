from django import forms
from django.utils.translation import gettext_lazy as _

from trustapp.accounts.models import (
    User,
    available_time_zones,
    validate_display_name,
    validate_time_zone,
)


class TimeZoneField(forms.CharField):
    """A text input backed by a <datalist>: searchable without JavaScript."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Time zone"))
        kwargs.setdefault("max_length", 64)
        kwargs.setdefault(
            "help_text",
            _("Start typing a city, like Berlin or New_York, and pick it from the list."),
        )
        super().__init__(**kwargs)
        self.validators.append(validate_time_zone)
        self.widget.attrs.update(
            {"list": "time-zones", "autocomplete": "off", "data-detect-time-zone": "true"}
        )


class ProfileForm(forms.ModelForm):
    time_zone = TimeZoneField()

    class Meta:
        model = User
        fields = ["display_name", "time_zone", "theme"]
        labels = {"display_name": _("Your name"), "theme": _("Colours")}
        help_texts = {
            "theme": _("Light, dark, or whatever your phone or computer is set to."),
        }

    def __init__(self, data=None, *args, instance, **kwargs):
        if data is not None and "theme" not in data:
            # Sent from a page opened before the choice existed: the colours stay as they are.
            data = data.copy()
            data["theme"] = instance.theme
        super().__init__(data, *args, instance=instance, **kwargs)

    def clean_display_name(self):
        return self.cleaned_data["display_name"].strip()


def time_zone_groups():
    """UTC first, then each region's zones under its name (Europe: Berlin, Lisbon ...)."""
    groups = {}
    for zone in available_time_zones():
        region, _slash, place = zone.partition("/")
        if place:
            groups.setdefault(region, []).append((zone, place.replace("_", " ")))
    return [("UTC", "UTC"), *groups.items()]


class SignupForm(forms.Form):
    """Extra fields on allauth's sign-up form (ACCOUNT_SIGNUP_FORM_CLASS)."""

    # allauth builds its sign-up form on top of this one and honours this order.
    field_order = ["email", "password1", "password2", "display_name", "time_zone"]

    display_name = forms.CharField(
        label=_("Your name"),
        max_length=60,
        required=False,
        help_text=_("How your partner will see you. You can change it later."),
        validators=[validate_display_name],
    )
    # A list to pick from, which works without JavaScript (a text box left empty used to
    # become UTC unseen); with JavaScript the browser's own zone is picked to start with.
    time_zone = forms.ChoiceField(
        label=_("Time zone"),
        choices=time_zone_groups,
        initial="UTC",
        help_text=_("Where you live, so reminders and times fit your day."),
        widget=forms.Select(attrs={"data-detect-time-zone": "true"}),
        error_messages={
            "invalid_choice": _("Please pick a time zone from the list, like Europe/Berlin.")
        },
    )

    def signup(self, request, user):
        user.display_name = self.cleaned_data["display_name"].strip()
        user.time_zone = self.cleaned_data["time_zone"]
        user.save(update_fields=["display_name", "time_zone"])
