"""The check-in ritual: a recurring, private-until-both-answered look at how we are."""

import calendar
from datetime import timedelta

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class CheckInCadence(models.TextChoices):
    WEEKLY = "weekly", _("Every week")
    FORTNIGHTLY = "fortnightly", _("Every two weeks")
    MONTHLY = "monthly", _("Every month")


def add_months(day, months=1):
    """The same day `months` later, clamped to the end of a shorter month (31 Jan -> 28 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


class CheckInSchedule(models.Model):
    """How often a partnership checks in. One row per partnership, created on first change."""

    partnership = models.OneToOneField(
        "couples.Partnership", on_delete=models.CASCADE, related_name="checkin_schedule"
    )
    cadence = models.CharField(max_length=16, choices=CheckInCadence, default=CheckInCadence.WEEKLY)
    updated_at = models.DateTimeField(default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    def __str__(self):
        return f"{self.get_cadence_display()} for {self.partnership}"

    @staticmethod
    def next_date(day, cadence):
        """The day the check-in after one opened on `day` is due."""
        if cadence == CheckInCadence.MONTHLY:
            return add_months(day)
        return day + timedelta(days=14 if cadence == CheckInCadence.FORTNIGHTLY else 7)


class CheckInQuerySet(models.QuerySet):
    def open(self):
        return self.filter(closed_at__isnull=True)

    def with_answer_count(self):
        return self.annotate(answer_count=Count("answers", distinct=True))

    def revealed(self):
        """Check-ins both partners answered: the only ones whose answers either may see."""
        return self.annotate(_answers=Count("answers", distinct=True)).filter(_answers__gte=2)


class CheckIn(models.Model):
    partnership = models.ForeignKey(
        "couples.Partnership", on_delete=models.CASCADE, related_name="checkins"
    )
    opened_at = models.DateTimeField(default=timezone.now, db_index=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = CheckInQuerySet.as_manager()

    class Meta:
        ordering = ["-opened_at"]
        constraints = [
            # At most one check-in is under way per partnership, even when both open it at once.
            models.UniqueConstraint(
                fields=["partnership"],
                condition=Q(closed_at__isnull=True),
                name="one_open_checkin_per_partnership",
            ),
        ]

    def __str__(self):
        return f"Check-in of {self.partnership} opened {self.opened_at:%Y-%m-%d}"

    def get_absolute_url(self):
        return reverse("checkins:detail", args=[self.partnership.public_id, self.pk])

    @property
    def is_open(self):
        return self.closed_at is None


def rating_field(verbose_name):
    return models.PositiveSmallIntegerField(
        verbose_name, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )


class Answer(models.Model):
    """One partner's private answer; the other sees it only once both answered."""

    checkin = models.ForeignKey(CheckIn, on_delete=models.CASCADE, related_name="answers")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="checkin_answers"
    )
    connected = rating_field(_("How connected I felt"))
    trusted = rating_field(_("How trusted I felt"))
    went_well = models.TextField(_("What went well"), max_length=2000, blank=True)
    on_my_mind = models.TextField(_("What is on my mind"), max_length=2000, blank=True)
    i_need = models.TextField(_("One thing I need"), max_length=2000, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(fields=["checkin", "author"], name="one_answer_per_partner"),
            models.CheckConstraint(
                condition=Q(connected__gte=1, connected__lte=5), name="connected_is_one_to_five"
            ),
            models.CheckConstraint(
                condition=Q(trusted__gte=1, trusted__lte=5), name="trusted_is_one_to_five"
            ),
        ]

    def __str__(self):
        return f"{self.author} on {self.checkin}"


class AgendaItem(models.Model):
    """Something a partner would like to talk about at a check-in; seen by both."""

    partnership = models.ForeignKey(
        "couples.Partnership", on_delete=models.CASCADE, related_name="checkin_agenda_items"
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.CharField(_("What would you like to talk about?"), max_length=300)
    created_at = models.DateTimeField(default=timezone.now)
    # Set once talked about, in the check-in where that happened.
    talked_about_at = models.DateTimeField(null=True, blank=True)
    talked_about_in = models.ForeignKey(
        CheckIn, null=True, blank=True, on_delete=models.SET_NULL, related_name="agenda_items"
    )
    # Bumped by each change of the words; an edit carries the version it started from.
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["created_at"]

    def __str__(self):
        return self.text

    @property
    def anchor(self):
        return f"topic-{self.pk}"


class ActionPoint(models.Model):
    """A small concrete step agreed at a check-in, looked back on at the next one."""

    checkin = models.ForeignKey(CheckIn, on_delete=models.CASCADE, related_name="action_points")
    text = models.CharField(_("A small, concrete step"), max_length=300)
    # No owner and `for_both` means the two of us; no owner otherwise means a person who left.
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    for_both = models.BooleanField(default=False)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    done_at = models.DateTimeField(null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Bumped by each change of the words or the owner (not by ticking it done).
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.text

    @property
    def anchor(self):
        return f"action-{self.pk}"

    @property
    def is_done(self):
        return self.done_at is not None

    def noticeable_by(self, user):
        """Done, and `user`'s partner took it (alone or with them): theirs to notice."""
        if not self.is_done:
            return False
        return self.for_both or (self.owner_id is not None and self.owner_id != user.pk)

    def mark(self, *, done, by):
        self.done_at = timezone.now() if done else None
        self.done_by = by if done else None
        self.save(update_fields=["done_at", "done_by"])
