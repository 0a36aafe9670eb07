"""How heard a person felt after a reveal: theirs alone unless they share their own trend."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def scale(verbose_name):
    return models.PositiveSmallIntegerField(
        verbose_name, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )


class Feeling(models.Model):
    """One person's private note after a conversation or a check-in was revealed."""

    partnership = models.ForeignKey(
        "couples.Partnership", on_delete=models.CASCADE, related_name="+"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    conversation = models.ForeignKey(
        "conversations.Conversation",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    checkin = models.ForeignKey(
        "checkins.CheckIn", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    understood = scale(_("how understood I felt"))
    cared_for = scale(_("how cared for I felt"))
    noted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-noted_at", "-pk"]
        indexes = [models.Index(fields=["partnership", "user", "-noted_at"], name="feeling_trend")]
        constraints = [
            models.CheckConstraint(
                condition=Q(conversation__isnull=True) ^ Q(checkin__isnull=True),
                name="feeling_about_one_thing",
            ),
            models.UniqueConstraint(
                fields=["user", "conversation"], name="one_feeling_a_conversation"
            ),
            models.UniqueConstraint(fields=["user", "checkin"], name="one_feeling_a_checkin"),
        ]

    def __str__(self):
        return f"{self.user} {self.understood}/{self.cared_for}"

    @property
    def about(self):
        return self.conversation if self.conversation_id else self.checkin


class SharedTrend(models.Model):
    """This person chose to let their partner see their own trend in this space."""

    partnership = models.ForeignKey(
        "couples.Partnership", on_delete=models.CASCADE, related_name="+"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    shared_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["partnership", "user"], name="one_shared_trend"),
        ]

    def __str__(self):
        return f"{self.user} shares in {self.partnership_id}"
