"""The "data prenup": what the two partners chose together to happen to what they shared,
should their shared space ever end.

The choice changes only when both agree: one proposes, the other agrees. Until both have
agreed on something, the most private option stands: each keeps only their own words.
"""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = ["DataChoice", "DataPrenup"]


class DataChoice(models.TextChoices):
    KEEP_ALL = "keep_all", _("Each of us keeps a copy of everything we shared")
    OWN_WORDS = "own_words", _("Each of us keeps only our own words")
    DELETE = "delete", _("What we shared is deleted")


def grace_period():
    """How long an ended space stays readable before the choice deletes anything."""
    return timedelta(days=getattr(settings, "ARCHIVE_GRACE_DAYS", 30))


class DataPrenup(models.Model):
    """One per partnership, created the first time someone proposes (or it ends)."""

    DEFAULT = DataChoice.OWN_WORDS

    partnership = models.OneToOneField(
        "couples.Partnership", on_delete=models.CASCADE, related_name="data_prenup"
    )
    choice = models.CharField(max_length=16, choices=DataChoice, default=DEFAULT)
    # When both agreed on `choice`; None while the default stands because nothing was chosen.
    agreed_at = models.DateTimeField(null=True, blank=True)
    # A change one partner proposed and the other has not agreed to yet.
    proposed_choice = models.CharField(max_length=16, choices=DataChoice, blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    proposed_at = models.DateTimeField(null=True, blank=True)
    # Set when the space ends: the day the choice deletes what it says to delete.
    applies_at = models.DateTimeField(null=True, blank=True, db_index=True)

    class Meta:
        db_table = "couples_dataprenup"  # moved from couples without moving rows
        verbose_name = "data prenup"

    def __str__(self):
        return f"{self.choice} for {self.partnership}"

    @property
    def has_proposal(self):
        return bool(self.proposed_choice)

    @property
    def was_chosen(self):
        return self.agreed_at is not None

    def ends_with_deletion(self):
        return self.choice != DataChoice.KEEP_ALL

    def when_it_applies(self):
        """For an ended space: when the choice is carried out (the end plus the grace)."""
        if self.applies_at is not None:
            return self.applies_at
        ended_at = self.partnership.ended_at
        return ended_at + grace_period() if ended_at else None


def prenup_of(partnership):
    """The partnership's choice; an unsaved default when the two never chose."""
    try:
        return partnership.data_prenup
    except DataPrenup.DoesNotExist:
        return DataPrenup(partnership=partnership)
