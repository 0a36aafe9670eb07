"""The reminder and partner-activity emails: warm, short, with links that need no sign-in."""

import email.policy
import importlib
import logging

from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from trustapp.checkins.reminders.models import ActivityEmails, ReminderDelivery, ReminderPreference
from trustapp.checkins.reminders.tokens import make_token
from trustapp.lib.mail import absolute_url, build_templated

logger = logging.getLogger(__name__)


class ListEmail(EmailMultiAlternatives):
    """Keeps long header lines whole: folding would turn the List-Unsubscribe URL into
    encoded words no mail program can follow. RFC 5322 allows 998 characters a line."""

    def message(self, *, policy=email.policy.default):
        return super().message(policy=policy.clone(max_line_length=998))

    @classmethod
    def from_message(cls, message):
        return cls(
            subject=message.subject,
            body=message.body,
            to=message.to,
            headers=message.extra_headers,
            alternatives=message.alternatives,
        )


def build(delivery, *, now):
    """The email for a delivery, or None when there is nothing (left) to say."""
    user = delivery.user
    if not user.is_active:
        return None
    preference = ReminderPreference.objects.filter(user=user).first()
    if delivery.kind == ReminderDelivery.Kind.DIGEST:
        return _build_digest(delivery, preference)
    return _build_reminder(delivery, preference, now)


def _headers(delivery, unsubscribe_url):
    return {
        "Message-ID": delivery.message_id,
        "List-Unsubscribe": f"<{unsubscribe_url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "Auto-Submitted": "auto-generated",
    }


def _link(name, user, action):
    return absolute_url(reverse(name, args=[make_token(user, action)]))


def _build_reminder(delivery, preference, now):
    from trustapp.checkins.reminders.services import reminder_memberships

    if preference is None or not preference.is_on or preference.is_paused(now):
        return None
    user = delivery.user
    partnerships = [membership.partnership for membership in reminder_memberships([user.pk])]
    if not partnerships:
        return None
    spaces = [_space(partnership, user) for partnership in partnerships]
    unsubscribe_url = _link("reminders:unsubscribe", user, "reminders")
    if len(spaces) == 1 and spaces[0]["partner"] is not None:
        subject = _("A gentle nudge: check in with %(name)s") % {"name": spaces[0]["partner"].name}
    else:
        subject = _("A gentle nudge for your check-ins")
    message = build_templated(
        to=user.email,
        user=user,
        zone=preference.zone,
        template="checkins/email/reminder",
        subject=subject,
        headers=_headers(delivery, unsubscribe_url),
        context={
            "recipient": user,
            "spaces": spaces,
            "next_reminder_at": preference.next_run_at,
            "cadence": preference.get_cadence_display(),
            "unsubscribe_url": unsubscribe_url,
            "snooze_url": _link("reminders:snooze", user, "snooze"),
            "settings_url": absolute_url(reverse("reminders:settings")),
        },
    )
    return ListEmail.from_message(message)


def _space(partnership, user):
    try:
        path = reverse("checkins:current", args=[partnership.public_id])
    except NoReverseMatch:
        path = partnership.get_absolute_url()
    return {
        "partnership": partnership,
        "partner": partnership.partner_of(user),
        "link": absolute_url(path),
        "prompt": _prompt_of_the_week(partnership),
        "new_appreciations": _new_appreciations(partnership, user),
    }


def _optional(import_path, name, *args):
    """Call another feature's small contract if it has landed; a missing extra never stops
    a reminder (and a failing one is rolled back to its own savepoint)."""
    try:
        function = getattr(importlib.import_module(import_path), name)
    except (ImportError, AttributeError):
        return None
    try:
        with transaction.atomic():
            return function(*args)
    except Exception:
        logger.exception("%s.%s failed while writing a reminder", import_path, name)
        return None


def _prompt_of_the_week(partnership):
    prompt = _optional("trustapp.conversations.services", "prompt_of_the_week", partnership)
    if prompt is None:
        return None
    return getattr(prompt, "text", None) or str(prompt)


def _new_appreciations(partnership, user):
    found = _optional("trustapp.appreciations.services", "new_for", partnership, user)
    if found is None:
        return 0
    if isinstance(found, int):
        return found
    return found.count() if hasattr(found, "exists") else len(found)


def _build_digest(delivery, preference):
    if preference is not None and preference.activity_emails == ActivityEmails.OFF:
        return None
    user = delivery.user
    notices = list(
        delivery.notices.filter(partnership__ended_at__isnull=True)
        .select_related("actor", "partnership")
        .order_by("created_at", "pk")
    )
    if not notices:
        return None
    for notice in notices:
        notice.link = absolute_url(notice.path)
    if len(notices) == 1:
        subject = notices[0].subject
    else:
        subject = ngettext(
            "%(count)d thing happened in your shared space",
            "%(count)d things happened in your shared space",
            len(notices),
        ) % {"count": len(notices)}
    unsubscribe_url = _link("reminders:unsubscribe", user, "activity")
    message = build_templated(
        to=user.email,
        user=user,
        zone=preference.zone if preference else None,
        template="checkins/email/activity",
        subject=subject,
        headers=_headers(delivery, unsubscribe_url),
        context={
            "recipient": user,
            "notices": notices,
            "unsubscribe_url": unsubscribe_url,
            "settings_url": absolute_url(reverse("reminders:settings")),
        },
    )
    return ListEmail.from_message(message)
