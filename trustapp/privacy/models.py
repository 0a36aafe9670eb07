"""A person's downloads of their data, and what they kept of shared spaces that closed."""

from datetime import timedelta

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from trustapp.privacy.prenup import DataChoice, DataPrenup

__all__ = ["DataChoice", "DataExport", "DataPrenup", "PersonalCopy"]


class DataExport(models.Model):
    """A large download, built in the background and kept for a day.

    The zip lives in the database rather than on disk: web and worker containers share
    no file system, and PostgreSQL is already where this data is kept safe.
    """

    class Status(models.TextChoices):
        PREPARING = "preparing", _("Being prepared")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Could not be prepared")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="data_exports"
    )
    status = models.CharField(max_length=16, choices=Status, default=Status.PREPARING)
    created_at = models.DateTimeField(default=timezone.now)
    ready_at = models.DateTimeField(null=True, blank=True)
    # The download link stops working then, and a periodic task deletes the row.
    expires_at = models.DateTimeField(db_index=True)
    rows = models.PositiveIntegerField(default=0)
    size = models.PositiveIntegerField(default=0)
    content = models.BinaryField(null=True, editable=False)

    class Meta:
        db_table = "accounts_dataexport"  # moved from accounts without moving rows
        ordering = ["-created_at"]

    def __str__(self):
        return f"Export {self.pk} for {self.user_id}"

    # A download still being prepared after this long was lost (a worker died): it fails.
    GIVE_UP_AFTER = timedelta(minutes=15)

    @property
    def is_ready(self):
        return self.status == self.Status.READY and not self.is_expired

    @property
    def is_preparing(self):
        return (
            self.status == self.Status.PREPARING
            and self.created_at > timezone.now() - self.GIVE_UP_AFTER
        )

    @property
    def is_expired(self):
        return self.expires_at <= timezone.now()


class PersonalCopy(models.Model):
    """What one person kept of a shared space once it closed, as the couple chose together.

    A snapshot in the same shape as a download, so it reads the same way. It belongs to
    this person alone: their former partner cannot see or change it.
    """

    class Scope(models.TextChoices):
        SEEN = "seen", _("Everything you shared, as you saw it")
        OWN = "own", _("Only your own words")
        PRIVATE = "private", _("Only your private notes, never shared")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="personal_copies"
    )
    scope = models.CharField(max_length=16, choices=Scope)
    started_at = models.DateTimeField()
    ended_at = models.DateTimeField()
    created_at = models.DateTimeField(default=timezone.now)
    data = models.JSONField(encoder=DjangoJSONEncoder)

    class Meta:
        db_table = "accounts_personalcopy"  # moved from accounts without moving rows
        ordering = ["-ended_at", "-pk"]
        verbose_name_plural = "personal copies"

    def __str__(self):
        return f"Personal copy {self.pk} for {self.user_id}"
