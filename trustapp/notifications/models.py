"""Gentle reminders: each person's own schedule, and an outbox of deliveries sent once."""

import zoneinfo
from datetime import time
from urllib.parse import urlsplit

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from trustapp.accounts.models import validate_time_zone
from trustapp.notifications import schedule


class Cadence(models.TextChoices):
    WEEKLY = schedule.WEEKLY, _("Every week")
    FORTNIGHTLY = schedule.FORTNIGHTLY, _("Every two weeks")
    MONTHLY = schedule.MONTHLY, _("Once a month")
    OFF = schedule.OFF, _("No reminders")


class Weekday(models.IntegerChoices):
    # A context of their own: a plain "Monday" is also the word Django's dates use inside a
    # sentence ("le lundi 8 juin"), where a capital reads wrongly in Spanish and French; ours
    # stands alone in a list ("Lundi").
    MONDAY = 0, pgettext_lazy("weekday in a list", "Monday")
    TUESDAY = 1, pgettext_lazy("weekday in a list", "Tuesday")
    WEDNESDAY = 2, pgettext_lazy("weekday in a list", "Wednesday")
    THURSDAY = 3, pgettext_lazy("weekday in a list", "Thursday")
    FRIDAY = 4, pgettext_lazy("weekday in a list", "Friday")
    SATURDAY = 5, pgettext_lazy("weekday in a list", "Saturday")
    SUNDAY = 6, pgettext_lazy("weekday in a list", "Sunday")


class ActivityEmails(models.TextChoices):
    DIGEST = "digest", _("One email a day at most, with everything together")
    EACH = "each", _("A short email soon after each one")
    OFF = "off", _("No emails; I will see it in the app")


class ReminderPreference(models.Model):
    """How and when one person likes to be reminded. One row per person.

    `next_run_at` (UTC) is the only column the every-minute dispatcher reads; it is None
    while there is nothing to remind about (reminders off, or no partner to check in with).
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminder_preference"
    )
    cadence = models.CharField(
        _("How often"), max_length=16, choices=Cadence, default=Cadence.WEEKLY
    )
    weekday = models.PositiveSmallIntegerField(
        _("On which day"), choices=Weekday, default=Weekday.SUNDAY
    )
    day_of_month = models.PositiveSmallIntegerField(
        _("Day of the month"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(31)],
        help_text=_("For monthly reminders. The 31st means the last day of shorter months."),
    )
    local_time = models.TimeField(_("At what time"), default=time(18, 0))
    time_zone = models.CharField(
        _("Time zone"), max_length=64, default="UTC", validators=[validate_time_zone]
    )
    paused_until = models.DateTimeField(null=True, blank=True)
    activity_emails = models.CharField(
        _("When your partner does something"),
        max_length=8,
        choices=ActivityEmails,
        default=ActivityEmails.DIGEST,
    )
    # Push notifications, kind by kind (each device opts in on its own, see PushSubscription).
    push_reminders = models.BooleanField(_("Check-in reminders"), default=True)
    push_activity = models.BooleanField(_("When your partner adds something"), default=True)
    push_question = models.BooleanField(_("Today's question"), default=True)
    push_pause = models.BooleanField(_("When a pause you took is over"), default=True)
    # Quiet hours, in `time_zone`: a push due then waits until they end. Both empty: none.
    quiet_from = models.TimeField(_("Quiet from"), null=True, blank=True, default=time(22, 0))
    quiet_until = models.TimeField(_("Quiet until"), null=True, blank=True, default=time(8, 0))
    # A local date that carries a slot: says which weeks are "on" every two weeks.
    anchor = models.DateField(null=True, blank=True)
    next_run_at = models.DateTimeField(null=True, blank=True)
    last_due_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        db_table = "checkins_reminderpreference"  # moved from checkins without moving rows
        indexes = [
            models.Index(
                fields=["next_run_at"],
                name="reminder_pref_next_run",
                condition=Q(next_run_at__isnull=False),
            )
        ]

    def __str__(self):
        return f"Reminders for {self.user}"

    @property
    def zone(self):
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def is_on(self):
        return self.cadence != Cadence.OFF

    def is_paused(self, now=None):
        return self.paused_until is not None and self.paused_until > (now or timezone.now())

    def slot_after(self, after):
        return schedule.next_slot(
            cadence=self.cadence,
            weekday=self.weekday,
            day_of_month=self.day_of_month,
            local_time=self.local_time,
            zone=self.zone,
            anchor=self.anchor,
            after=after,
        )

    def earliest_next(self, now):
        """No reminder during a pause, nor sooner than half a cadence after the last one."""
        after = now
        if self.is_paused(now):
            after = self.paused_until
        if self.last_due_at is not None and self.cadence in schedule.MIN_GAP:
            after = max(after, self.last_due_at + schedule.MIN_GAP[self.cadence])
        return after


class DeliveryQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=ReminderDelivery.Status.PENDING)


class ReminderDelivery(models.Model):
    """One email to one person for one slot. (user, kind, due_at) is the idempotency key."""

    class Kind(models.TextChoices):
        REMINDER = "reminder", _("Check-in reminder")
        DIGEST = "digest", _("Partner activity")
        # Written by the app that owns it (see content.py: "<kind>_emails").
        QUESTION = "question", _("Today's question")

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting to be sent")
        SENT = "sent", _("Sent")
        SKIPPED = "skipped", _("Not needed any more")
        FAILED = "failed", _("Could not be sent")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminder_deliveries"
    )
    kind = models.CharField(max_length=16, choices=Kind, default=Kind.REMINDER)
    due_at = models.DateTimeField()
    status = models.CharField(max_length=16, choices=Status, default=Status.PENDING)
    created_at = models.DateTimeField(default=timezone.now)
    enqueued_at = models.DateTimeField(default=timezone.now)
    attempts = models.PositiveSmallIntegerField(default=0)
    sent_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=300, blank=True)

    objects = DeliveryQuerySet.as_manager()

    class Meta:
        db_table = "checkins_reminderdelivery"  # moved from checkins without moving rows
        ordering = ["-due_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "kind", "due_at"], name="one_delivery_per_person_and_slot"
            )
        ]
        indexes = [
            models.Index(
                fields=["enqueued_at"],
                name="reminder_delivery_pending",
                condition=Q(status="pending"),
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} for {self.user} due {self.due_at:%Y-%m-%d %H:%M}"

    @property
    def message_id(self):
        """Stable across retries, so a receiver (or a test) can tell a repeat from a new one.

        It names no kind of email: a discreet inbox must not read "reminder" in a header.
        """
        domain = urlsplit(settings.SITE_URL).hostname or "trustapp.localhost"
        return f"<delivery-{self.pk}@{domain}>"


class PartnerNotice(models.Model):
    """Something a partner did, waiting to be told in the next email (a digest by default)."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="partner_notices"
    )
    partnership = models.ForeignKey(
        "couples.Partnership", on_delete=models.CASCADE, related_name="+"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    kind = models.CharField(max_length=40)
    subject = models.CharField(max_length=200)
    message = models.CharField(max_length=500)
    path = models.CharField(max_length=300)
    created_at = models.DateTimeField(default=timezone.now)
    due_at = models.DateTimeField()
    delivery = models.ForeignKey(
        ReminderDelivery,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="notices",
    )

    class Meta:
        db_table = "checkins_partnernotice"  # moved from checkins without moving rows
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(
                fields=["due_at"],
                name="partner_notice_waiting",
                condition=Q(delivery__isnull=True),
            )
        ]

    def __str__(self):
        return f"{self.kind} for {self.recipient}"


class PushSubscription(models.Model):
    """One device (a browser on a phone or a computer) that asked for push notifications.

    It belongs to a person, never to a shared space. The keys are the browser's own, used
    only to encrypt what is sent to it; they never leave the server, not even in an export.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="push_subscriptions"
    )
    endpoint = models.URLField(max_length=1000, unique=True)
    p256dh = models.CharField(max_length=200)
    auth = models.CharField(max_length=100)
    name = models.CharField(_("Name of this device"), max_length=80)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.name} of {self.user}"

    @property
    def info(self):
        """What pywebpush calls subscription_info."""
        return {"endpoint": self.endpoint, "keys": {"p256dh": self.p256dh, "auth": self.auth}}


class PushDelivery(models.Model):
    """One push to one device for one outbox delivery: (delivery, subscription) is the
    idempotency key. A device removed later leaves its row behind without a device."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting to be sent")
        SENT = "sent", _("Sent")
        SKIPPED = "skipped", _("Not needed any more")
        FAILED = "failed", _("Could not be sent")

    delivery = models.ForeignKey(ReminderDelivery, on_delete=models.CASCADE, related_name="pushes")
    subscription = models.ForeignKey(
        PushSubscription, null=True, on_delete=models.SET_NULL, related_name="deliveries"
    )
    status = models.CharField(max_length=16, choices=Status, default=Status.PENDING)
    # Quiet hours: not sent before this moment, and not enqueued (None) until then.
    not_before = models.DateTimeField(default=timezone.now)
    enqueued_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    sent_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=300, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["delivery", "subscription"], name="one_push_per_delivery_and_device"
            )
        ]
        indexes = [
            models.Index(
                fields=["not_before"], name="push_delivery_pending", condition=Q(status="pending")
            )
        ]

    def __str__(self):
        return f"Push {self.pk} of delivery {self.delivery_id}"
