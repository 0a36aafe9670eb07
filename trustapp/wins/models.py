"""Good news one partner shares, and the other's warm answer to it."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

TEXT_MAX_LENGTH = 300
RESPONSE_MAX_LENGTH = 500


class Win(models.Model):
    """Something good that happened to one partner, shared with the other at once."""

    partnership = models.ForeignKey(
        "couples.Partnership", on_delete=models.CASCADE, related_name="wins"
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    text = models.TextField(_("your good news"), max_length=TEXT_MAX_LENGTH)
    created_at = models.DateTimeField(default=timezone.now)
    # The partner's one answer: gladness and a question, in their own words.
    response = models.TextField(max_length=RESPONSE_MAX_LENGTH, blank=True)
    responded_at = models.DateTimeField(null=True, blank=True)
    # Set when the one who shared keeps the answer in the appreciation log.
    kept = models.OneToOneField(
        "appreciations.Appreciation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-id"]
        indexes = [
            models.Index(fields=["partnership", "-id"], name="win_list_order"),
        ]

    def __str__(self):
        return self.text[:60]

    def get_absolute_url(self):
        return reverse("wins:detail", args=[self.partnership.public_id, self.pk])

    @property
    def anchor(self):
        return f"win-{self.pk}"

    @property
    def has_response(self):
        return self.responded_at is not None
