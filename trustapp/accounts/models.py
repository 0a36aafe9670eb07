import unicodedata
import zoneinfo
from functools import cache

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


@cache
def available_time_zones():
    return sorted(zoneinfo.available_timezones() - {"Factory", "localtime"})


def validate_time_zone(value):
    if value not in available_time_zones():
        raise ValidationError(
            _("Please pick a time zone from the list, like Europe/Berlin."), code="time_zone"
        )


def validate_display_name(value):
    """A name is one line of visible text: it ends up in email subjects and page titles."""
    if any(unicodedata.category(char) in ("Cc", "Zl", "Zp") for char in value):
        raise ValidationError(
            _("Please write your name on one line, without tabs or special characters."),
            code="display_name",
        )


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class Theme(models.TextChoices):
    SYSTEM = "system", _("Follow my device")
    LIGHT = "light", pgettext_lazy("colour theme", "Light")
    DARK = "dark", _("Dark")


def language_choices():
    """settings.LANGUAGES, each named in its own words (a callable: the list is settings)."""
    return [("", _("Follow my browser")), *settings.LANGUAGES]


class User(AbstractBaseUser, PermissionsMixin):
    email = models.EmailField(_("email address"), unique=True)
    display_name = models.CharField(
        _("display name"),
        max_length=60,
        blank=True,
        help_text=_("How your partner sees you in the app."),
        validators=[validate_display_name],
    )
    time_zone = models.CharField(
        _("time zone"), max_length=64, default="UTC", validators=[validate_time_zone]
    )
    is_staff = models.BooleanField(default=False)
    is_active = models.BooleanField(default=True)
    date_joined = models.DateTimeField(default=timezone.now)
    discreet_emails = models.BooleanField(
        _("discreet emails"),
        default=False,
        help_text=_("Emails say only “You have an update”, with no names or words in them."),
    )
    # Rendered on <html data-theme>, so the first paint already has the right colours.
    theme = models.CharField(_("theme"), max_length=6, choices=Theme.choices, default=Theme.SYSTEM)
    # The language of their pages and of every email to them; blank follows the browser
    # (Accept-Language) on pages, and emails then go out in the site's default language.
    language = models.CharField(
        _("language"), max_length=12, blank=True, default="", choices=language_choices
    )
    # Set when the person deleted their account; the row stays only as long as a shared
    # archive their partner keeps still needs an author to point at (see accounts/deletion.py).
    deleted_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = []

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self):
        return self.name

    @property
    def name(self):
        """What the app calls this person: their display name, else their email's name."""
        if self.deleted_at is not None:
            # Seen only by the partner who stays, as a name: it must read well anywhere a
            # name does ("Bob & Partner", "Partner agreed on ..."), and says nobody's name.
            return str(_("Partner"))
        return self.display_name or self.email.split("@")[0]

    def get_full_name(self):
        return self.name

    def get_short_name(self):
        return self.name

    @property
    def zone(self):
        return zoneinfo.ZoneInfo(self.time_zone)
