"""Rules of today's question: which day it is for a couple, which question that day asks,
private answers revealed once both answered (or passed), and the optional daily email."""

import hashlib
from dataclasses import dataclass
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from trustapp.notifications import schedule
from trustapp.questions.models import Answer, DayQuestion, Question, QuestionEmail

ANSWER_MAX_LENGTH = 200  # a few words
NO_REPEAT_DAYS = 365


class QuestionError(Exception):
    """Why something cannot be done right now, in words a person can read."""


class AlreadyRevealed(QuestionError):
    """Both answered already, so the answers are fixed now."""


# Which day it is ----------------------------------------------------------------------


def local_day(user, now):
    return now.astimezone(user.zone).date()


def couple_day(partnership, now=None):
    """The day both partners have reached: the earlier of their two local dates.

    So the question changes at midnight for the one whose midnight comes last, and
    nobody is ever shown a day their partner cannot answer yet.
    """
    now = now or timezone.now()
    return min(local_day(membership.user, now) for membership in partnership.member_list())


# Which question a day asks ------------------------------------------------------------


def _pick(partnership, day):
    """Not asked in this space in the last year; among those, the highest hash of
    (space, day, slug), so adding questions to the library never changes a past pick."""
    recent = DayQuestion.objects.filter(
        partnership=partnership, day__gt=day - timedelta(days=NO_REPEAT_DAYS)
    ).values("question_id")
    candidates = list(
        Question.objects.filter(is_active=True).exclude(pk__in=recent).values_list("pk", "slug")
    )
    if not candidates:
        # More than a year of days and fewer questions than days: the one asked longest ago.
        oldest = (
            Question.objects.filter(is_active=True)
            .annotate(last=Max("daily_uses__day"))
            .order_by("last", "pk")
            .values_list("pk", "slug")
            .first()
        )
        candidates = [oldest] if oldest else []
    if not candidates:
        return None
    key = f"{partnership.public_id}:{day.isoformat()}"
    pk, _slug = max(candidates, key=lambda c: hashlib.sha256(f"{key}:{c[1]}".encode()).digest())
    return Question.objects.get(pk=pk)


def question_of(partnership, day):
    """The question of `day` in this space, asked now if nobody looked yet (None when the
    library is empty). Both partners opening it at once get the same one."""
    found = DayQuestion.objects.filter(partnership=partnership, day=day).first()
    if found is not None or not partnership.is_active:
        return found
    question = _pick(partnership, day)
    if question is None:
        return None
    try:
        with transaction.atomic():
            return DayQuestion.objects.create(
                partnership=partnership, day=day, question=question, texts=question.texts
            )
    except IntegrityError:
        return DayQuestion.objects.get(partnership=partnership, day=day)


def today_question(partnership, now=None):
    """The question both partners can answer now. An ended space asks nothing new."""
    day = couple_day(partnership, now)
    if not partnership.is_active:
        return DayQuestion.objects.filter(partnership=partnership, day__lte=day).first()
    return question_of(partnership, day)


# Answers --------------------------------------------------------------------------------


def _clean(text):
    text = " ".join((text or "").split())
    if not text:
        raise QuestionError(_("Write a few words, or pass on this one."))
    if len(text) > ANSWER_MAX_LENGTH:
        raise QuestionError(
            _("A few words is plenty: please keep it under %(limit)s characters.")
            % {"limit": ANSWER_MAX_LENGTH}
        )
    return text


def answer_save(*, day_question, user, text="", passed=False):
    """Save one partner's words (or their pass) on a day's question.

    They can change it until both have answered; the second answer reveals the day.
    Nobody is told: there is no "your partner answered" message.
    """
    text = "" if passed else _clean(text)
    with transaction.atomic():
        # Lock the day so two answers arriving together reveal it exactly once.
        locked = DayQuestion.objects.select_for_update().get(pk=day_question.pk)
        if locked.revealed_at is not None:
            raise AlreadyRevealed(_("You have both answered this one, so it stays as it is."))
        now = timezone.now()
        answer, _created = Answer.objects.update_or_create(
            day_question=locked,
            user=user,
            defaults={"text": text, "passed": passed, "updated_at": now},
            create_defaults={"text": text, "passed": passed, "created_at": now, "updated_at": now},
        )
        if locked.answers.exclude(user=user).exists():
            locked.revealed_at = now
            locked.save(update_fields=["revealed_at"])
        day_question.revealed_at = locked.revealed_at
    return answer


@dataclass(frozen=True)
class PartnerSide:
    """The partner's side of a day as one person may see it. `text` is filled only once
    both answered, and only for someone who wrote too (words are exchanged one for one)."""

    answered: bool = False
    passed: bool = False
    kept_private: bool = False
    text: str = ""


def sides(day_question, user, answers=None):
    """(my answer or None, PartnerSide) for `user` on `day_question`."""
    if answers is None:
        answers = list(day_question.answers.all())
    mine = next((a for a in answers if a.user_id == user.pk), None)
    theirs = next((a for a in answers if a.user_id != user.pk), None)
    if theirs is None:
        return mine, PartnerSide()
    if day_question.revealed_at is None:
        return mine, PartnerSide(answered=True)
    if theirs.passed:
        return mine, PartnerSide(answered=True, passed=True)
    if mine is None or mine.passed:
        return mine, PartnerSide(answered=True, kept_private=True)
    return mine, PartnerSide(answered=True, text=theirs.text)


def state_of(day_question, mine, theirs):
    """A short code of what a person sees, so a poll can tell when it changed."""
    if day_question.revealed_at is not None:
        return "revealed"
    return f"{int(mine is not None)}{int(theirs.answered)}"


def with_answers(day_questions, user):
    """Each day with `mine` and `theirs` set for `user`, from answers already prefetched."""
    for day_question in day_questions:
        day_question.mine, day_question.theirs = sides(
            day_question, user, list(day_question.answers.all())
        )
    return day_questions


# The daily email ------------------------------------------------------------------------

# A new time chosen the same day never brings a second email that day.
MIN_EMAIL_GAP = timedelta(hours=20)


def email_choice(user):
    """The person's choice; an unsaved "off" when they never made one."""
    return QuestionEmail.objects.filter(user=user).first() or QuestionEmail(user=user)


def _next_email_at(choice, now):
    if not choice.is_on:
        return None
    after = now
    if choice.last_due_at is not None:
        after = max(after, choice.last_due_at + MIN_EMAIL_GAP)
    return schedule.next_daily(choice.local_time, choice.user.zone, after)


def email_choose(*, user, is_on, local_time=None):
    """Save whether and when (local time) the person likes the question by email."""
    now = timezone.now()
    with transaction.atomic():
        choice, _created = QuestionEmail.objects.select_for_update().get_or_create(user=user)
        choice.is_on = is_on
        if local_time is not None:
            choice.local_time = local_time
        choice.updated_at = now
        choice.next_at = _next_email_at(choice, now)
        choice.save()
    return choice


def emails_dispatch(*, now=None, batch_size=500):
    """Turn due choices into outbox deliveries, one per person and day (the delivery's
    unique (person, kind, due time) is the key). Safe to run in several processes."""
    from trustapp.notifications.models import ReminderDelivery
    from trustapp.notifications.services import enqueue_on_commit, reminder_memberships

    now = now or timezone.now()
    created = 0
    while True:
        with transaction.atomic():
            due = list(
                QuestionEmail.objects.select_for_update(skip_locked=True)
                .filter(next_at__lte=now)
                .select_related("user")
                .order_by("next_at")[:batch_size]
            )
            if not due:
                break
            paired = set(
                reminder_memberships([choice.user_id for choice in due]).values_list(
                    "user_id", flat=True
                )
            )
            deliveries = ReminderDelivery.objects.bulk_create(
                [
                    ReminderDelivery(
                        user_id=choice.user_id,
                        kind=ReminderDelivery.Kind.QUESTION,
                        due_at=choice.next_at,
                        created_at=now,
                        enqueued_at=now,
                    )
                    for choice in due
                    if choice.user_id in paired and choice.user.is_active
                ],
                update_conflicts=True,
                unique_fields=["user", "kind", "due_at"],
                update_fields=["enqueued_at"],
            )
            for choice in due:
                choice.last_due_at = choice.next_at
                choice.next_at = _next_email_at(choice, now)
            QuestionEmail.objects.bulk_update(due, ["last_due_at", "next_at"])
            enqueue_on_commit([delivery.pk for delivery in deliveries])
        created += len(deliveries)
        if len(due) < batch_size:
            break
    return created


def emails_stop(user):
    """Account deletion and one-click unsubscribe: no more question emails."""
    QuestionEmail.objects.filter(user=user).update(is_on=False, next_at=None)
