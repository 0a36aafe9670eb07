"""Push notifications: what each outbox delivery says on a device, and sending it.

A push is short: a title, a line, and the path of the page it opens. In discreet mode every
push says only "You have an update" and opens the start page: no name, no words, no path
that hints at what happened. Times, names and words come from the same rows as the email.
"""

import json
import logging

from django.conf import settings
from django.utils import translation
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from trustapp.lib import vapid
from trustapp.lib.i18n import by_language, recipient_language
from trustapp.notifications import content, schedule
from trustapp.notifications.models import PartnerNotice, ReminderDelivery, ReminderPreference

logger = logging.getLogger(__name__)

# Which choice on the reminder settings page lets each kind through by push. Partner
# activity and a person's own notes (a pause's promised return) share the digest delivery.
ACTIVITY, NOTE_TO_SELF = "activity", "note_to_self"
FIELD = {
    ReminderDelivery.Kind.REMINDER: "push_reminders",
    ReminderDelivery.Kind.QUESTION: "push_question",
    ACTIVITY: "push_activity",
    NOTE_TO_SELF: "push_pause",
}


def preference_or_default(preference, user):
    return preference or ReminderPreference(user=user, time_zone=user.time_zone)


def wants(preference, kind):
    """Does this person take this delivery kind by push? A digest may carry either."""
    if kind == ReminderDelivery.Kind.DIGEST:
        return preference.push_activity or preference.push_pause
    field = FIELD.get(kind)
    return field is not None and getattr(preference, field)


def quiet_hours_end(preference, now):
    """`now`, or the end of the person's quiet hours when `now` falls inside them."""
    start, end = preference.quiet_from, preference.quiet_until
    if start is None or end is None or start == end:
        return now
    at = now.astimezone(preference.zone).time()
    inside = start <= at < end if start < end else (at >= start or at < end)
    return schedule.next_daily(end, preference.zone, now) if inside else now


def discreet_payload():
    return {"title": str(_("You have an update")), "body": "", "url": "/"}


def build_all(deliveries, *, now, on_error):
    """{delivery pk: payload dict, or None when there is nothing (left) to say}."""
    from trustapp.notifications.services import reminder_memberships

    user_ids = [delivery.user_id for delivery in deliveries]
    preferences = {p.user_id: p for p in ReminderPreference.objects.filter(user_id__in=user_ids)}
    partnerships = {}
    reminder_ids = [d.user_id for d in deliveries if d.kind == ReminderDelivery.Kind.REMINDER]
    for membership in reminder_memberships(reminder_ids):
        partnerships.setdefault(membership.user_id, []).append(membership.partnership)
    notices = {}
    digest_ids = [d.pk for d in deliveries if d.kind == ReminderDelivery.Kind.DIGEST]
    found = PartnerNotice.objects.filter(
        delivery_id__in=digest_ids, partnership__ended_at__isnull=True
    ).select_related("partnership")
    for notice in found:
        notices.setdefault(notice.delivery_id, []).append(notice)
    questions = _questions(deliveries, preferences, now, on_error)

    payloads = {}
    for delivery in deliveries:
        user = delivery.user
        preference = preference_or_default(preferences.get(delivery.user_id), user)
        # Each push is written in its reader's language.
        with recipient_language(user):
            try:
                if not user.is_active or user.deleted_at or not wants(preference, delivery.kind):
                    payload = None
                elif delivery.kind == ReminderDelivery.Kind.REMINDER:
                    payload = _reminder(preference, user, partnerships.get(user.pk), now)
                elif delivery.kind == ReminderDelivery.Kind.DIGEST:
                    payload = _digest(preference, notices.get(delivery.pk))
                else:
                    payload = questions.get(delivery.pk)
            except Exception as error:
                logger.exception("Could not write the push for delivery %s", delivery.pk)
                on_error(delivery.pk, error)
                continue
            if payload is not None and user.discreet_emails:
                payload = discreet_payload()
        payloads[delivery.pk] = payload
    return payloads


def _questions(deliveries, preferences, now, on_error):
    """Pushes of the kinds an app above writes ("<kind>_push", like "<kind>_emails")."""
    payloads = {}
    own_kinds = {ReminderDelivery.Kind.REMINDER, ReminderDelivery.Kind.DIGEST}
    for kind in {d.kind for d in deliveries} - own_kinds:
        write = content.provided(f"{kind}_push")
        group = [d for d in deliveries if d.kind == kind and d.user.is_active]
        if write is None:
            continue
        for language, batch in by_language(group, lambda delivery: delivery.user):
            with translation.override(language):
                payloads.update(write(batch, preferences=preferences, now=now, on_error=on_error))
    return payloads


def _reminder(preference, user, partnerships, now):
    if not preference.is_on or preference.is_paused(now) or not partnerships:
        return None
    partnership = partnerships[0]
    partner = partnership.partner_of(user)
    path_of = content.provided("check_in_path")
    body = (
        _("Whenever you are both ready, your check-in with %(name)s is waiting.")
        % {"name": partner.name}
        if partner is not None and len(partnerships) == 1
        else _("Whenever you are ready, your check-ins are waiting.")
    )
    return {
        "title": str(_("A gentle nudge")),
        "body": body,
        "url": path_of(partnership) if path_of else partnership.get_absolute_url(),
    }


def _digest(preference, notices):
    """The notices this person takes by push: a partner's, their own notes, or both."""
    kept = [
        notice
        for notice in notices or []
        if getattr(
            preference,
            FIELD[NOTE_TO_SELF if notice.actor_id == notice.recipient_id else ACTIVITY],
        )
    ]
    if not kept:
        return None
    if len(kept) == 1:
        return {"title": kept[0].subject, "body": kept[0].message, "url": kept[0].path}
    latest = kept[-1]
    return {
        "title": str(_("News from your shared space")),
        "body": Truncator(" · ".join(notice.subject for notice in kept)).chars(200),
        "url": latest.partnership.get_absolute_url(),
    }


# -- Sending ----------------------------------------------------------------------------


class DeviceGone(Exception):
    """The push service says this subscription no longer exists (404 or 410)."""


class PushRefused(Exception):
    """The push service refused this message for good (another 4xx)."""


def signer():
    return vapid.load(settings.VAPID_PRIVATE_KEY, str(settings.DATA_DIR))


def public_key():
    return vapid.public_key(signer())


def send(subscription, payload, *, timeout=10):
    """Encrypt `payload` for the device and hand it to its push service."""
    from pywebpush import WebPushException, webpush

    try:
        webpush(
            subscription_info=subscription.info,
            data=json.dumps(payload),
            vapid_private_key=signer(),
            vapid_claims={"sub": settings.VAPID_SUBJECT},
            ttl=settings.PUSH_TTL,
            timeout=timeout,
        )
    except WebPushException as error:
        status = error.response.status_code if error.response is not None else None
        if status in (404, 410):
            raise DeviceGone(f"the push service answered {status}") from error
        if status is not None and 400 <= status < 500 and status != 429:
            raise PushRefused(f"the push service answered {status}") from error
        raise
