"""The day's question by email, for those who asked for it: the question of each space
they share, with a signed link that answers it without signing in. It never carries an
answer, the partner's or their own, and says nothing about who answered."""

from datetime import timedelta

from django.urls import reverse
from django.utils.translation import gettext as _

from trustapp.lib.mail import absolute_url, build_templated
from trustapp.notifications.emails import ListEmail, headers_for
from trustapp.notifications.services import reminder_memberships
from trustapp.notifications.tokens import make_token
from trustapp.questions import services
from trustapp.questions.models import Answer

ANSWER_LINK = "question"  # answers one day's question in one space
STOP_LINK = "question_emails"  # turns these emails off
ANSWER_LINK_LIFETIME = timedelta(days=7)
STOP_LINK_LIFETIME = timedelta(days=90)


def answer_link(user, day_question):
    token = make_token(
        user,
        ANSWER_LINK,
        p=day_question.partnership.public_id,
        d=day_question.day.isoformat(),
    )
    return absolute_url(reverse("questions:from_email", args=[token]))


def question_emails(deliveries, *, preferences, now, on_error):
    """{delivery pk: email, or None when nothing is left to ask}."""
    return _each(deliveries, preferences, now, on_error, _email)


def question_push(deliveries, *, preferences, now, on_error):
    """{delivery pk: push payload, or None when nothing is left to ask}: the question
    itself, opening today's page (the first space with something to ask)."""
    return _each(deliveries, preferences, now, on_error, _push)


def _each(deliveries, preferences, now, on_error, write):
    spaces = {}
    for membership in reminder_memberships([d.user_id for d in deliveries]):
        spaces.setdefault(membership.user_id, []).append(membership.partnership)
    written = {}
    for delivery in deliveries:
        try:
            preference = preferences.get(delivery.user_id)
            paused = preference is not None and preference.is_paused(now)
            choice = services.email_choice(delivery.user)
            if paused or not choice.is_on:
                written[delivery.pk] = None
                continue
            written[delivery.pk] = write(delivery, spaces.get(delivery.user_id, []), now)
        except Exception as error:
            on_error(delivery.pk, error)
    return written


def _unanswered(user, partnerships, now):
    """[(partnership, day question)] still waiting for this person's answer."""
    waiting = []
    for partnership in partnerships:
        day_question = services.today_question(partnership, now)
        if day_question is None or day_question.is_revealed:
            continue
        if Answer.objects.filter(day_question=day_question, user=user).exists():
            continue  # answered or passed already: nothing to ask
        waiting.append((partnership, day_question))
    return waiting


def _push(delivery, partnerships, now):
    waiting = _unanswered(delivery.user, partnerships, now)
    if not waiting:
        return None
    _partnership, day_question = waiting[0]
    return {
        "title": str(_("A question for today")),
        "body": day_question.text,
        "url": day_question.get_absolute_url(),
    }


def _email(delivery, partnerships, now):
    user = delivery.user
    asked = [
        {
            "partner": partnership.partner_of(user),
            "question": day_question.text,
            "link": answer_link(user, day_question),
            "page": absolute_url(day_question.get_absolute_url()),
        }
        for partnership, day_question in _unanswered(user, partnerships, now)
    ]
    if not asked:
        return None
    stop_url = absolute_url(reverse("questions:stop_emails", args=[make_token(user, STOP_LINK)]))
    message = build_templated(
        to=user.email,
        user=user,
        template="questions/email/question",
        subject=_("A question for today"),
        headers=headers_for(delivery, stop_url),
        context={
            "recipient": user,
            "asked": asked,
            "discreet_link": absolute_url(partnerships[0].get_absolute_url()),
            "stop_url": stop_url,
            "settings_url": absolute_url(reverse("questions:email_settings")),
        },
    )
    return ListEmail.from_message(message)
