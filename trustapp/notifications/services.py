"""Reminder rules: schedules, the dispatcher, the send-once outbox, partner-activity emails.

How a reminder travels, and why nothing is lost or sent twice:
1. `reminders_dispatch` (beat, every minute) locks due preferences with SKIP LOCKED, writes
   one `ReminderDelivery` per person and slot (unique: the idempotency key), moves
   `next_run_at` to the next *future* slot, and enqueues the sends after COMMIT.
2. `deliveries_send` locks each pending delivery row, sends, and marks it sent in the same
   transaction. A crash before COMMIT rolls the row back to pending; a concurrent copy of
   the task skips the locked row (on SQLite it waits its turn). The one window left is a
   crash after the SMTP server accepted the message and before COMMIT: that message goes
   out again, with the same Message-ID, so a receiver can recognise the repeat. A message
   that cannot be written or sent is recorded against its own delivery and tried again by
   step 3, at most MAX_ATTEMPTS times in all; then it is marked failed with its reason.
3. `deliveries_requeue_stale` (beat) enqueues deliveries still pending after a while: a
   lost broker message or a killed worker costs a delay, never an email.
"""

import logging
import smtplib
from datetime import timedelta
from itertools import batched

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail
from django.db import transaction
from django.db.models import Count, Exists, F, OuterRef, Q
from django.utils import timezone

from trustapp.couples.models import Membership
from trustapp.notifications import emails, push, schedule
from trustapp.notifications.models import (
    ActivityEmails,
    Cadence,
    PartnerNotice,
    PushDelivery,
    PushSubscription,
    ReminderDelivery,
    ReminderPreference,
)

logger = logging.getLogger(__name__)

DISPATCH_BATCH = 500  # preferences locked per transaction
SEND_BATCH = 50  # deliveries per send task: one SMTP connection, one row lock at a time
MAX_ATTEMPTS = 8


def _setting(name, default):
    return getattr(settings, name, default)


# -- Whom to remind ---------------------------------------------------------------------


def reminder_memberships(user_ids):
    """Active memberships in paired, ongoing partnerships, with both members loaded."""
    return (
        Membership.objects.filter(
            user_id__in=user_ids, left_at__isnull=True, partnership__ended_at__isnull=True
        )
        .annotate(members=Count("partnership__memberships"))
        .filter(members=2)
        .select_related("partnership")
        .prefetch_related("partnership__memberships__user")
        .order_by("partnership__created_at")
    )


def partnerships_to_remind(user):
    return [membership.partnership for membership in reminder_memberships([user.pk])]


# -- Preferences ------------------------------------------------------------------------


def preference_for(user):
    """The person's preferences; unsaved defaults (in their profile zone) if never set."""
    preference = ReminderPreference.objects.filter(user=user).first()
    return preference or ReminderPreference(user=user, time_zone=user.time_zone)


def next_reminder_at(preference):
    """When the next reminder comes; for never-saved defaults, when it would come."""
    if preference.pk is not None or not preference.is_on:
        return preference.next_run_at
    return preference.slot_after(timezone.now() + timedelta(days=1))


def _reschedule(preference, now, *, first=False):
    """Set `next_run_at`: the next slot, or None when off or nobody to check in with."""
    if not preference.is_on or not partnerships_to_remind(preference.user):
        preference.next_run_at = None
        return
    after = preference.earliest_next(now)
    if first:
        after = max(after, now + timedelta(days=1))  # not right after pairing up
    if preference.cadence == Cadence.FORTNIGHTLY and preference.anchor is None:
        weekly = schedule.next_slot(
            cadence=schedule.WEEKLY,
            weekday=preference.weekday,
            day_of_month=preference.day_of_month,
            local_time=preference.local_time,
            zone=preference.zone,
            anchor=None,
            after=after,
        )
        preference.anchor = weekly.astimezone(preference.zone).date()
    preference.next_run_at = preference.slot_after(after)


SCHEDULE_FIELDS = ("cadence", "weekday", "day_of_month", "local_time", "time_zone")


def preference_save(*, user, **fields):
    """Save what the person chose and move their next reminder to match, at once."""
    now = timezone.now()
    with transaction.atomic():
        preference, _created = ReminderPreference.objects.select_for_update().get_or_create(
            user=user, defaults={"time_zone": user.time_zone}
        )
        schedule_changed = any(
            getattr(preference, name) != fields[name] for name in SCHEDULE_FIELDS if name in fields
        )
        for name, value in fields.items():
            setattr(preference, name, value)
        if schedule_changed:
            preference.anchor = None
        preference.updated_at = now
        _reschedule(preference, now)
        preference.save()
    return preference


def reminders_pause(*, user, days=14):
    """Snooze: nothing for `days`, then the schedule carries on as before."""
    now = timezone.now()
    with transaction.atomic():
        preference, _created = ReminderPreference.objects.select_for_update().get_or_create(
            user=user, defaults={"time_zone": user.time_zone}
        )
        preference.paused_until = now + timedelta(days=days)
        preference.updated_at = now
        _reschedule(preference, now)
        preference.save()
        _skip_pending(user.pk, ReminderDelivery.Kind.REMINDER)
    return preference


def reminders_resume(*, user):
    now = timezone.now()
    with transaction.atomic():
        preference = ReminderPreference.objects.select_for_update().filter(user=user).first()
        if preference is None:
            return preference_for(user)
        preference.paused_until = None
        preference.updated_at = now
        _reschedule(preference, now)
        preference.save()
    return preference


def reminders_unsubscribe(*, user, what):
    """One-click unsubscribe: `what` is "reminders" or "activity"."""
    if what == "activity":
        return preference_save(user=user, activity_emails=ActivityEmails.OFF)
    preference = preference_save(user=user, cadence=Cadence.OFF)
    _skip_pending(user.pk, ReminderDelivery.Kind.REMINDER)
    return preference


def _skip_pending(user_id, kind=None):
    deliveries = ReminderDelivery.objects.pending().filter(user_id=user_id)
    if kind is not None:
        deliveries = deliveries.filter(kind=kind)
    deliveries.update(status=ReminderDelivery.Status.SKIPPED)


def reminders_stop_for_user(user):
    """Stop everything at once (account deletion): nothing scheduled, nothing waiting."""
    with transaction.atomic():
        ReminderPreference.objects.filter(user=user).update(next_run_at=None)
        _skip_pending(user.pk)
        PartnerNotice.objects.filter(recipient=user, delivery__isnull=True).delete()


def reminders_partnership_ended(partnership):
    """Called inside `partnership_leave`'s transaction, so it stops at once for both."""
    member_ids = list(partnership.memberships.values_list("user_id", flat=True))
    PartnerNotice.objects.filter(partnership=partnership, delivery__isnull=True).delete()
    still_paired = set(
        reminder_memberships(member_ids)
        .exclude(partnership=partnership)
        .values_list("user_id", flat=True)
    )
    for user_id in set(member_ids) - still_paired:
        ReminderPreference.objects.filter(user_id=user_id).update(next_run_at=None)
        _skip_pending(user_id, ReminderDelivery.Kind.REMINDER)


def reminders_enrol(*, now=None):
    """Give everyone in a paired partnership a schedule: the default weekly reminder for
    newcomers, and their own choice again for those who paired up anew. Idempotent."""
    now = now or timezone.now()
    User = get_user_model()
    paired = Exists(
        Membership.objects.filter(
            user=OuterRef("pk"), left_at__isnull=True, partnership__ended_at__isnull=True
        )
        .annotate(members=Count("partnership__memberships"))
        .filter(members=2)
    )
    newcomers = User.objects.filter(paired, is_active=True, reminder_preference__isnull=True)
    created = 0
    for user in newcomers.only("pk", "time_zone")[:5000]:
        preference, was_created = ReminderPreference.objects.get_or_create(
            user=user, defaults={"time_zone": user.time_zone}
        )
        if was_created:
            _reschedule(preference, now, first=True)
            preference.save(update_fields=["next_run_at", "anchor"])
            created += 1
    returning = ReminderPreference.objects.filter(
        ~Q(cadence=Cadence.OFF),
        next_run_at__isnull=True,
        user__is_active=True,
        user__in=User.objects.filter(paired),
    ).select_related("user")
    for preference in returning[:5000]:
        _reschedule(preference, now, first=True)
        preference.save(update_fields=["next_run_at", "anchor"])
    return created


# -- The dispatcher ---------------------------------------------------------------------


def reminders_dispatch(*, now=None, batch_size=DISPATCH_BATCH):
    """Turn due preferences into deliveries. Safe to run in several processes at once."""
    now = now or timezone.now()
    created = 0
    while True:
        with transaction.atomic():
            due = list(
                ReminderPreference.objects.select_for_update(skip_locked=True)
                .filter(next_run_at__lte=now)
                .order_by("next_run_at")[:batch_size]
            )
            if not due:
                break
            deliveries = ReminderDelivery.objects.bulk_create(
                [
                    ReminderDelivery(
                        user_id=preference.user_id,
                        kind=ReminderDelivery.Kind.REMINDER,
                        due_at=preference.next_run_at,
                        created_at=now,
                        enqueued_at=now,
                    )
                    for preference in due
                ],
                update_conflicts=True,
                unique_fields=["user", "kind", "due_at"],
                update_fields=["enqueued_at"],
            )
            # After an outage the missed slots collapse into this one reminder. Many people
            # share a slot, so one UPDATE per distinct next slot is usually a handful.
            by_next = {}
            for preference in due:
                preference.last_due_at = preference.next_run_at
                upcoming = preference.slot_after(preference.earliest_next(now))
                by_next.setdefault(upcoming, []).append(preference.pk)
            for upcoming, pks in by_next.items():
                ReminderPreference.objects.filter(pk__in=pks).update(
                    last_due_at=F("next_run_at"), next_run_at=upcoming
                )
            enqueue_on_commit([delivery.pk for delivery in deliveries])
        created += len(due)
        if len(due) < batch_size:
            break
    return created


def partner_notices_dispatch(*, now=None, batch_size=DISPATCH_BATCH):
    """Gather due partner-activity notices into one email per person."""
    now = now or timezone.now()
    created = 0
    while True:
        with transaction.atomic():
            notices = list(
                PartnerNotice.objects.select_for_update(skip_locked=True)
                .filter(delivery__isnull=True, due_at__lte=now)
                .order_by("due_at", "pk")[:batch_size]
            )
            if not notices:
                break
            by_person = {}
            for notice in notices:
                by_person.setdefault(notice.recipient_id, []).append(notice)
            deliveries = ReminderDelivery.objects.bulk_create(
                [
                    ReminderDelivery(
                        user_id=user_id,
                        kind=ReminderDelivery.Kind.DIGEST,
                        due_at=max(notice.due_at for notice in group),
                        created_at=now,
                        enqueued_at=now,
                    )
                    for user_id, group in by_person.items()
                ],
                update_conflicts=True,
                unique_fields=["user", "kind", "due_at"],
                update_fields=["enqueued_at"],
            )
            for delivery in deliveries:
                PartnerNotice.objects.filter(
                    pk__in=[notice.pk for notice in by_person[delivery.user_id]]
                ).update(delivery=delivery)
            enqueue_on_commit([delivery.pk for delivery in deliveries])
        created += len(deliveries)
        if len(notices) < batch_size:
            break
    return created


def deliveries_requeue_stale(*, now=None, older_than=None, limit=20000):
    """Enqueue again what is still pending after a while (lost message, killed worker)."""
    now = now or timezone.now()
    if older_than is None:
        older_than = timedelta(seconds=_setting("REMINDERS_STALE_AFTER", 600))
    with transaction.atomic():
        ids = list(
            ReminderDelivery.objects.pending()
            .filter(enqueued_at__lte=now - older_than)
            .order_by("enqueued_at")
            .values_list("pk", flat=True)[:limit]
        )
        ReminderDelivery.objects.filter(pk__in=ids).update(enqueued_at=now)
        enqueue_on_commit(ids)
    return len(ids)


def enqueue_on_commit(delivery_ids):
    if delivery_ids:
        transaction.on_commit(lambda: enqueue_send(delivery_ids))


def enqueue_send(delivery_ids):
    """Hand the sends to Celery. An unreachable broker is logged, not raised: the rows are
    safe in the database and the stale sweep sends them once the broker is back."""
    from trustapp.notifications.tasks import send_deliveries

    for chunk in batched(delivery_ids, _setting("REMINDERS_SEND_BATCH", SEND_BATCH), strict=False):
        try:
            send_deliveries.apply_async((list(chunk),), retry=False)
        except Exception:
            logger.warning(
                "Could not enqueue %d reminder deliveries; the stale sweep will retry.",
                len(delivery_ids),
                exc_info=True,
            )
            return


# -- Sending ----------------------------------------------------------------------------


class TransientSendError(Exception):
    """The mail server cannot be reached now; the rest of the batch is retried later."""


def _permanent(error):
    return isinstance(error, smtplib.SMTPRecipientsRefused) or (
        isinstance(error, smtplib.SMTPResponseException) and 500 <= error.smtp_code < 600
    )


def _server_unreachable(error):
    """The connection failed, not this one message: the next ones would fail the same way."""
    answered = (smtplib.SMTPResponseException, smtplib.SMTPRecipientsRefused)
    return isinstance(error, OSError) and not isinstance(error, answered)


def deliveries_send(delivery_ids):
    """Send each pending delivery once. Returns how many went out.

    The emails are written first, for the whole batch with a few queries; then each
    delivery is locked, sent and recorded in its own short transaction. A message that
    cannot be written or sent is recorded against its own delivery (failed after
    MAX_ATTEMPTS tries) and the batch goes on without it.
    """
    deliveries = list(
        ReminderDelivery.objects.pending()
        .filter(pk__in=delivery_ids)
        .select_related("user")
        .order_by("pk")
    )
    pushes_fan_out(deliveries)
    messages = emails.build_all(deliveries, now=timezone.now(), on_error=_record_failure)
    connection = None
    sent = 0
    try:
        for delivery in deliveries:
            if delivery.pk not in messages:  # could not be written; recorded already
                continue
            message = messages[delivery.pk]
            if message is not None and connection is None:
                connection = mail.mailers.default
                connection.open()
            if _send_one(delivery.pk, message, connection):
                sent += 1
    finally:
        if connection is not None:
            connection.close()
    return sent


def _send_one(delivery_id, message, connection):
    """Lock, send, record. PostgreSQL skips a row another worker holds; SQLite has no row
    locks and needs none: its immediate transactions take turns."""
    this = ReminderDelivery.objects.filter(pk=delivery_id)
    try:
        with transaction.atomic():
            if not this.pending().select_for_update(skip_locked=True).exists():
                return False  # sent already, or another worker holds it now
            if message is None:  # nothing (left) to say: reminders off, partnership ended
                this.update(status=ReminderDelivery.Status.SKIPPED)
                return False
            connection.send_messages([message])
            this.update(
                status=ReminderDelivery.Status.SENT,
                sent_at=timezone.now(),
                attempts=F("attempts") + 1,
            )
            return True
    except SoftTimeLimitExceeded:
        raise
    except Exception as error:
        _record_failure(delivery_id, error, permanent=_permanent(error))
        if _server_unreachable(error):
            raise TransientSendError(str(error)) from error
        logger.warning("Delivery %s could not be sent: %r", delivery_id, error)
        return False


def _record_failure(delivery_id, error, *, permanent=False):
    """One more try used up; failed for good when refused or after MAX_ATTEMPTS tries,
    so the stale sweep stops sending it again."""
    with transaction.atomic():
        delivery = (
            ReminderDelivery.objects.pending().select_for_update().filter(pk=delivery_id).first()
        )
        if delivery is None:
            return
        delivery.attempts += 1
        delivery.last_error = repr(error)[:300]
        if permanent or delivery.attempts >= MAX_ATTEMPTS:
            delivery.status = ReminderDelivery.Status.FAILED
        delivery.save(update_fields=["attempts", "last_error", "status"])


# -- Partner activity -------------------------------------------------------------------


def partner_notice_record(*, partnership, recipient, actor, kind, subject, message, path):
    """Note what a partner did; it is emailed later, together (a daily digest by default)."""
    preference = ReminderPreference.objects.filter(user=recipient).first()
    mode = preference.activity_emails if preference else ActivityEmails.DIGEST
    push_only = mode == ActivityEmails.OFF
    if push_only and not _takes_by_push(recipient, preference, "push_activity"):
        return None
    now = timezone.now()
    if mode == ActivityEmails.EACH or push_only:
        due_at = now
    else:
        zone = preference.zone if preference else recipient.zone
        due_at = schedule.next_daily(schedule.DIGEST_AT, zone, now)
    return PartnerNotice.objects.create(
        recipient=recipient,
        partnership=partnership,
        actor=actor,
        kind=kind,
        subject=str(subject)[:200],
        message=str(message)[:500],
        path=path,
        created_at=now,
        due_at=due_at,
    )


def _takes_by_push(user, preference, field):
    """With its emails off, a notice is still kept for a person who takes it by push."""
    wanted = getattr(push.preference_or_default(preference, user), field)
    return wanted and PushSubscription.objects.filter(user=user).exists()


def note_to_self_record(*, partnership, user, kind, subject, message, path, due_at):
    """A note a person asked for themselves (a paused conversation's promised return),
    sent once at `due_at` through the same outbox as partner activity. Nothing is sent to
    someone who turned these emails off (unless they take it by push), and nothing once
    the space has ended."""
    preference = ReminderPreference.objects.filter(user=user).first()
    if preference is not None and preference.activity_emails == ActivityEmails.OFF:
        if not _takes_by_push(user, preference, "push_pause"):
            return None
    return PartnerNotice.objects.create(
        recipient=user,
        partnership=partnership,
        actor=user,
        kind=kind,
        subject=str(subject)[:200],
        message=str(message)[:500],
        path=path,
        created_at=timezone.now(),
        due_at=due_at,
    )


def note_to_self_cancel(notice_id):
    """Withdraw a note that has not gone out yet (one already sent stays sent)."""
    PartnerNotice.objects.filter(pk=notice_id, delivery__isnull=True).delete()


# -- Push, the outbox's second channel --------------------------------------------------
#
# A pending email delivery fans out, before its email is sent, into one PushDelivery per
# device of the person (unique per delivery and device), for the kinds they take by push.
# Each push is then locked, sent and recorded on its own, like an email; one due during
# quiet hours waits for them to end (`not_before`). `pushes_sweep` (beat, every minute)
# enqueues what waited and what is still pending after a while. A device the push service
# reports gone (404, 410) is removed.


def pushes_fan_out(deliveries, *, now=None):
    """Write the pushes of these (pending) deliveries; safe to repeat: a pair written
    before is left as it is. Those due now are enqueued after COMMIT."""
    now = now or timezone.now()
    devices = {}
    for subscription in PushSubscription.objects.filter(
        user_id__in={delivery.user_id for delivery in deliveries}
    ):
        devices.setdefault(subscription.user_id, []).append(subscription)
    if not devices:
        return
    preferences = {
        p.user_id: p for p in ReminderPreference.objects.filter(user_id__in=list(devices))
    }
    rows = []
    for delivery in deliveries:
        if delivery.user_id not in devices:
            continue
        preference = push.preference_or_default(preferences.get(delivery.user_id), delivery.user)
        if not push.wants(preference, delivery.kind):
            continue
        not_before = push.quiet_hours_end(preference, now)
        rows += [
            PushDelivery(
                delivery=delivery,
                subscription=device,
                not_before=not_before,
                enqueued_at=now if not_before <= now else None,
            )
            for device in devices[delivery.user_id]
        ]
    with transaction.atomic():
        PushDelivery.objects.bulk_create(rows, ignore_conflicts=True)
        due = list(
            PushDelivery.objects.filter(
                delivery__in=deliveries,
                status=PushDelivery.Status.PENDING,
                not_before__lte=now,
            ).values_list("pk", flat=True)
        )
        if due:
            transaction.on_commit(lambda: enqueue_pushes(due))


def pushes_sweep(*, now=None, older_than=None, limit=5000):
    """Enqueue the pushes whose quiet hours are over, and those still pending after a while
    (a lost broker message, a killed worker, a push service that did not answer)."""
    now = now or timezone.now()
    if older_than is None:
        older_than = timedelta(seconds=_setting("REMINDERS_STALE_AFTER", 600))
    with transaction.atomic():
        ids = list(
            PushDelivery.objects.filter(status=PushDelivery.Status.PENDING, not_before__lte=now)
            .filter(Q(enqueued_at__isnull=True) | Q(enqueued_at__lte=now - older_than))
            .order_by("not_before")
            .values_list("pk", flat=True)[:limit]
        )
        PushDelivery.objects.filter(pk__in=ids).update(enqueued_at=now)
        if ids:
            transaction.on_commit(lambda: enqueue_pushes(ids))
    return len(ids)


def enqueue_pushes(push_ids):
    from trustapp.notifications.tasks import send_pushes

    for chunk in batched(push_ids, _setting("REMINDERS_SEND_BATCH", SEND_BATCH), strict=False):
        try:
            send_pushes.apply_async((list(chunk),), retry=False)
        except Exception:
            logger.warning(
                "Could not enqueue %d pushes; the sweep will retry.", len(push_ids), exc_info=True
            )
            return


def pushes_send(push_ids):
    """Send each pending push that is due once. Returns how many went out."""
    now = timezone.now()
    pushes = list(
        PushDelivery.objects.filter(
            pk__in=push_ids, status=PushDelivery.Status.PENDING, not_before__lte=now
        )
        .select_related("delivery__user", "subscription")
        .order_by("pk")
    )
    deliveries = list({p.delivery_id: p.delivery for p in pushes}.values())

    def could_not_write(delivery_id, error):
        for item in pushes:
            if item.delivery_id == delivery_id:
                _record_push_failure(item.pk, error)

    payloads = push.build_all(deliveries, now=now, on_error=could_not_write)
    sent = 0
    for item in pushes:
        if item.delivery_id in payloads and _push_one(item, payloads[item.delivery_id]):
            sent += 1
    return sent


def _push_one(item, payload):
    """Lock, send, record: the same discipline as an email (see `_send_one`)."""
    this = PushDelivery.objects.filter(pk=item.pk, status=PushDelivery.Status.PENDING)
    try:
        with transaction.atomic():
            if not this.select_for_update(skip_locked=True).exists():
                return False
            if payload is None or item.subscription is None:
                this.update(status=PushDelivery.Status.SKIPPED)
                return False
            push.send(item.subscription, payload)
            this.update(
                status=PushDelivery.Status.SENT, sent_at=timezone.now(), attempts=F("attempts") + 1
            )
            return True
    except SoftTimeLimitExceeded:
        raise
    except push.DeviceGone as error:
        _record_push_failure(item.pk, error, permanent=True)
        PushSubscription.objects.filter(pk=item.subscription_id).delete()
        return False
    except Exception as error:
        _record_push_failure(item.pk, error, permanent=isinstance(error, push.PushRefused))
        logger.warning("Push %s could not be sent: %r", item.pk, error)
        return False


def _record_push_failure(push_id, error, *, permanent=False):
    with transaction.atomic():
        item = (
            PushDelivery.objects.select_for_update()
            .filter(pk=push_id, status=PushDelivery.Status.PENDING)
            .first()
        )
        if item is None:
            return
        item.attempts += 1
        item.last_error = repr(error)[:300]
        if permanent or item.attempts >= MAX_ATTEMPTS:
            item.status = PushDelivery.Status.FAILED
        item.save(update_fields=["attempts", "last_error", "status"])


# -- Devices ----------------------------------------------------------------------------


def device_subscribe(*, user, endpoint, p256dh, auth, name):
    """Remember this browser for push. The same browser subscribing again (a new account on
    a shared device included) takes the endpoint over: it can belong to one person only."""
    subscription, _created = PushSubscription.objects.update_or_create(
        endpoint=endpoint,
        defaults={"user": user, "p256dh": p256dh, "auth": auth, "name": name},
    )
    return subscription


def device_rename(*, user, device_id, name):
    return PushSubscription.objects.filter(user=user, pk=device_id).update(name=name)


def device_remove(*, user, device_id):
    return PushSubscription.objects.filter(user=user, pk=device_id).delete()[0]
