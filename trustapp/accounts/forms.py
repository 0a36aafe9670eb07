from django import forms
from django.conf import settings
from django.utils import translation
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


class LanguageSelect(forms.Select):
    """A select whose options carry `lang`: each language is named in its own words."""

    def create_option(self, name, value, *args, **kwargs):
        option = super().create_option(name, value, *args, **kwargs)
        if value:
            option["attrs"]["lang"] = value
        return option


class ProfileForm(forms.ModelForm):
    time_zone = TimeZoneField()

    class Meta:
        model = User
        fields = ["display_name", "time_zone", "language", "theme"]
        labels = {"display_name": _("Your name"), "language": _("Language"), "theme": _("Colours")}
        help_texts = {
            "language": _("Your pages and every email to you come in this language."),
            "theme": _("Light, dark, or whatever your phone or computer is set to."),
        }

    def __init__(self, data=None, *args, instance, **kwargs):
        kept = [name for name in ("theme", "language") if data is not None and name not in data]
        if kept:
            # Sent from a page opened before the choice existed: it stays as it is.
            data = data.copy()
            for name in kept:
                data[name] = getattr(instance, name)
        super().__init__(data, *args, instance=instance, **kwargs)
        # Each language's name is in that language, so a reader lost in the wrong one finds
        # their own: say so to screen readers too.
        self.fields["language"].widget = LanguageSelect(choices=self.fields["language"].choices)

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
        user.language = signup_language(request)
        user.save(update_fields=["display_name", "time_zone", "language"])


def signup_language(request):
    """The language someone signed up in becomes their profile's: the one they picked on a
    signed-out page (the switcher's cookie), or the one their browser asked for when it is
    not the default. Otherwise blank: follow the browser."""
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    language = translation.get_language()
    if chosen or language != settings.LANGUAGE_CODE:
        return language if language in dict(settings.LANGUAGES) else ""
    return ""
