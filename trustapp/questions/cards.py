"""What today's question shows on the home of a space (one query once the day is asked),
and its part of "on this day"."""

from django.db.models import Exists, OuterRef, Prefetch
from django.utils.translation import gettext as _

from trustapp.couples.memories import Memory, month_start
from trustapp.questions import services
from trustapp.questions.models import Answer, DayQuestion


def home_card(partnership, user):
    if not partnership.is_paired:
        return {"paired": False}
    day = services.couple_day(partnership)
    day_question = (
        DayQuestion.objects.filter(partnership=partnership, day=day)
        .annotate(i_answered=Exists(Answer.objects.filter(day_question=OuterRef("pk"), user=user)))
        .first()
    )
    if day_question is None:  # the first look today: ask it now (nobody answered yet)
        day_question = services.today_question(partnership)
        if day_question is not None:
            day_question.i_answered = False
    return {"paired": True, "day_question": day_question}


def home_waiting(card):
    """Today's question, until this person answered it (then again once both have)."""
    question = card.get("day_question")
    return question is not None and (not question.i_answered or bool(question.revealed_at))


def memories(partnership, user, today, limit):
    """Days' questions both answered (so revealed), on this day of earlier months, with
    the two answers as they were given."""
    days = (
        DayQuestion.objects.filter(
            partnership=partnership,
            revealed_at__isnull=False,
            day__day=today.day,
            day__lt=month_start(today),
        )
        .prefetch_related(Prefetch("answers", queryset=Answer.objects.order_by("pk")))
        .order_by("-day")[:limit]
    )
    found = []
    for day_question in days:
        day_question.partnership = partnership
        lines = []
        for answer in day_question.answers.all():
            who = _("You") if answer.user_id == user.pk else partnership.partner_of(user).name
            said = _("passed") if answer.passed else answer.text
            lines.append(f"{who}: {said}")
        found.append(
            Memory(
                day=day_question.day,
                kind=_("Today’s question"),
                text=day_question.text,
                path=day_question.get_absolute_url(),
                lines=tuple(lines),
            )
        )
    return found
