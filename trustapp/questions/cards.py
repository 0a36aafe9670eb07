"""What today's question shows on the home of a space: one query once the day is asked."""

from django.db.models import Exists, OuterRef

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
