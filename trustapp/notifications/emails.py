"""The reminder and partner-activity emails: warm, short, with links that need no sign-in."""

import contextlib
import email.policy
import logging

from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from trustapp.lib.i18n import by_language, recipient_language, translated
from trustapp.lib.mail import absolute_url, build_templated
from trustapp.notifications import content
from trustapp.notifications.models import (
    ActivityEmails,
    PartnerNotice,
    ReminderDelivery,
    ReminderPreference,
)
from trustapp.notifications.tokens import make_token

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


def build_all(deliveries, *, now, on_error):
    """{delivery pk: email, or None when there is nothing (left) to say}.

    Everything the batch needs is loaded with a handful of queries. A delivery whose email
    cannot be written is handed to `on_error(pk, error)` and left out of the result.
    """
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
    ).select_related("actor", "partnership")
    for notice in found:
        notices.setdefault(notice.delivery_id, []).append(notice)
    extras = Extras(partnerships)

    messages = {}
    own_kinds = {ReminderDelivery.Kind.REMINDER, ReminderDelivery.Kind.DIGEST}
    for kind in {d.kind for d in deliveries} - own_kinds:
        messages.update(_written_elsewhere(kind, deliveries, preferences, now, on_error))
    for delivery in deliveries:
        if delivery.kind not in own_kinds:
            continue
        preference = preferences.get(delivery.user_id)
        try:
            if not delivery.user.is_active or delivery.user.deleted_at:
                messages[delivery.pk] = None
                continue
            # Subject, words and dates in the reader's language (build_templated renders
            # in it too; the subject and the context are written here, before it).
            with recipient_language(delivery.user):
                if delivery.kind == ReminderDelivery.Kind.DIGEST:
                    message = _digest(delivery, preference, notices.get(delivery.pk))
                else:
                    spaces = partnerships.get(delivery.user_id)
                    message = _reminder(delivery, preference, spaces, extras, now)
            messages[delivery.pk] = message
        except Exception as error:
            logger.exception("Could not write the email for delivery %s", delivery.pk)
            on_error(delivery.pk, error)
    return messages


def _written_elsewhere(kind, deliveries, preferences, now, on_error):
    """The emails of a kind an app above writes: {pk: email or None}; None for all of
    them when no app provides it (nothing is sent and the deliveries are skipped)."""
    group = [d for d in deliveries if d.kind == kind]
    write = content.provided(f"{kind}_emails")
    if write is None:
        return dict.fromkeys((d.pk for d in group), None)
    active = [d for d in group if d.user.is_active and not d.user.deleted_at]
    written = dict.fromkeys((d.pk for d in group), None)
    for language, batch in by_language(active, lambda delivery: delivery.user):
        with translation.override(language):
            written.update(write(batch, preferences=preferences, now=now, on_error=on_error))
    return written


def headers_for(delivery, unsubscribe_url):
    """The headers every email of the outbox carries (an app writing its own uses them too)."""
    return {
        "Message-ID": delivery.message_id,
        "List-Unsubscribe": f"<{unsubscribe_url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "Auto-Submitted": "auto-generated",
    }


def _link(name, user, action):
    return absolute_url(reverse(name, args=[make_token(user, action)]))


def _reminder(delivery, preference, partnerships, extras, now):
    if preference is None or not preference.is_on or preference.is_paused(now):
        return None
    if not partnerships:
        return None
    user = delivery.user
    spaces = [
        {
            "partnership": partnership,
            "partner": partnership.partner_of(user),
            "link": _check_in_link(partnership),
            "prompt": extras.prompt_of_the_week(partnership),
            "new_appreciations": extras.new_appreciations(partnership, user),
        }
        for partnership in partnerships
    ]
    unsubscribe_url = _link("notifications:unsubscribe", user, "reminders")
    if len(spaces) == 1 and spaces[0]["partner"] is not None:
        subject = _("A gentle nudge: check in with %(name)s") % {"name": spaces[0]["partner"].name}
    else:
        subject = _("A gentle nudge for your check-ins")
    message = build_templated(
        to=user.email,
        user=user,
        zone=preference.zone,
        template="notifications/email/reminder",
        subject=subject,
        headers=headers_for(delivery, unsubscribe_url),
        context={
            "recipient": user,
            "spaces": spaces,
            "discreet_link": _space_link(partnerships[0]),  # all a discreet email shows
            "next_reminder_at": preference.next_run_at,
            "cadence": preference.get_cadence_display(),
            "unsubscribe_url": unsubscribe_url,
            "snooze_url": _link("notifications:snooze", user, "snooze"),
            "settings_url": absolute_url(reverse("notifications:settings")),
        },
    )
    return ListEmail.from_message(message)


def _space_link(partnership):
    """A discreet email's only link: the space's home, which says nothing of what happened
    (a path like /appreciations/14/ would). The reader signs in and sees it there."""
    return absolute_url(partnership.get_absolute_url())


def _check_in_link(partnership):
    path_of = content.provided("check_in_path")
    return absolute_url(path_of(partnership) if path_of else partnership.get_absolute_url())


class Extras:
    """What other features add to a reminder: the prompt of the week and the count of new
    appreciations, asked for the whole batch at once. A missing or failing extra never
    stops a reminder; it is left out."""

    def __init__(self, partnerships_by_user):
        partnerships = {p.pk: p for spaces in partnerships_by_user.values() for p in spaces}
        pairs = [
            (p.pk, user_id) for user_id, spaces in partnerships_by_user.items() for p in spaces
        ]
        self.prompts = (
            _optional("prompts_of_the_week", partnerships.values()) if partnerships else None
        ) or {}
        self.counts = (_optional("new_appreciation_counts", pairs) if pairs else None) or {}

    def prompt_of_the_week(self, partnership):
        prompt = self.prompts.get(partnership.pk)
        if prompt is None:
            return None
        # The reader's language: the email is written inside recipient_language.
        return translated(prompt, "question") if hasattr(prompt, "question") else str(prompt)

    def new_appreciations(self, partnership, user):
        return self.counts.get((partnership.pk, user.pk), 0)


def _optional(name, *args):
    function = content.provided(name)
    if function is None:
        return None
    # Outside a transaction a failing query harms nothing; inside one, keep it to a savepoint.
    in_transaction = transaction.get_connection().in_atomic_block
    try:
        with transaction.atomic() if in_transaction else contextlib.nullcontext():
            return function(*args)
    except Exception:
        logger.exception("%s failed while writing a reminder", name)
        return None


def _digest(delivery, preference, notices):
    if preference is not None and preference.activity_emails == ActivityEmails.OFF:
        return None
    if not notices:
        return None
    user = delivery.user
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
    unsubscribe_url = _link("notifications:unsubscribe", user, "activity")
    message = build_templated(
        to=user.email,
        user=user,
        zone=preference.zone if preference else None,
        template="notifications/email/activity",
        subject=subject,
        headers=headers_for(delivery, unsubscribe_url),
        context={
            "recipient": user,
            "notices": notices,
            "discreet_link": _space_link(notices[0].partnership),
            "unsubscribe_url": unsubscribe_url,
            "settings_url": absolute_url(reverse("notifications:settings")),
        },
    )
    return ListEmail.from_message(message)
