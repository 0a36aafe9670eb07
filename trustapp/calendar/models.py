"""A person's private calendar feed: a secret address a calendar app subscribes to."""

from django.conf import settings
from django.core import signing
from django.db import models
from django.urls import reverse
from django.utils import timezone

SALT = "trustapp.calendar.feed"


class CalendarFeed(models.Model):
    """One per person. The address is signed, never stored: it names this row and its
    generation, so a new address (or turning the feed off) makes every older one a 404."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    generation = models.PositiveIntegerField(default=1)
    is_on = models.BooleanField(default=True)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"Calendar of {self.user}"

    def get_absolute_url(self):
        return reverse("calendar:feed", args=[self.token])

    @property
    def token(self):
        """Signed without a time in it, so the address is the same on every visit."""
        return signing.Signer(salt=SALT).sign_object([self.pk, self.generation], compress=True)

    @classmethod
    def from_token(cls, token):
        """The feed this address opens, or None (forged, an older address, or off)."""
        try:
            if token.count(":") == 2:  # value:time:signature, made when addresses carried a time
                pk, generation = signing.loads(token, salt=SALT)
            else:
                pk, generation = signing.Signer(salt=SALT).unsign_object(token)
        except (signing.BadSignature, ValueError, TypeError):
            return None
        return (
            cls.objects.select_related("user")
            .filter(pk=pk, generation=generation, is_on=True, user__is_active=True)
            .first()
        )

    def renew(self):
        """A new address; the old one stops working at once."""
        self.generation += 1
        self.is_on = True
        self.save(update_fields=["generation", "is_on"])

    def turn_off(self):
        self.generation += 1
        self.is_on = False
        self.save(update_fields=["generation", "is_on"])
