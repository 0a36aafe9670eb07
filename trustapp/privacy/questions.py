"""Today's question in a person's download (see trustapp/privacy/rules.py).

A person's own answers are always theirs. Their partner's words appear only as they saw
them: once both answered, and only if they wrote too (words are exchanged one for one).
Days nobody answered say nothing about anyone: they are left out.
"""

from django.db.models import Exists, OuterRef, Prefetch

from trustapp.privacy.rules import Scope, keeps
from trustapp.questions.models import Answer, DayQuestion, QuestionEmail
from trustapp.questions.services import sides


def export_partnership(partnership, user, scope):
    days = (
        DayQuestion.objects.filter(partnership=partnership, answers__isnull=False)
        .distinct()
        .prefetch_related(Prefetch("answers", queryset=Answer.objects.order_by("pk")))
        .order_by("day")
    )
    items = []
    for day_question in days:
        answers = list(day_question.answers.all())
        mine, theirs = sides(day_question, user, answers)
        item = {"day": day_question.day, "question": day_question.text}
        kept = False
        if mine is not None:
            seen_by_partner = (
                day_question.is_revealed
                and not mine.passed
                and any(a.user_id != user.pk and not a.passed for a in answers)
            )
            if keeps(scope, user, author_id=user.pk, shared=seen_by_partner):
                item["your_answer"] = {
                    "passed": mine.passed,
                    "text": mine.text,
                    "answered_at": mine.created_at,
                    "changed_at": mine.updated_at,
                }
                kept = True
        if scope == Scope.SEEN and theirs.answered:
            item["partner_answer"] = {
                "answered": True,
                "passed": theirs.passed,
                "kept_private_because_you_passed": theirs.kept_private,
                "text": theirs.text,
            }
            kept = True
        if kept:
            items.append(item)
    return {"days": items}


def export_email_choice(user):
    choice = QuestionEmail.objects.filter(user=user).first()
    if choice is None:
        return {"chosen": False}
    return {"chosen": True, "by_email": choice.is_on, "local_time": choice.local_time}


def count_rows(user):
    return Answer.objects.filter(user=user).count()


def delete_private(user):
    """Answers the partner never saw, and the email choice.

    A revealed answer stays only if the partner read it (they wrote too); otherwise its
    row stays without its words, so the partner's page still says what happened."""
    Answer.objects.filter(user=user, day_question__revealed_at__isnull=True).delete()
    partner_wrote = Answer.objects.filter(
        day_question=OuterRef("day_question"), passed=False
    ).exclude(user=user)
    Answer.objects.filter(user=user).exclude(Exists(partner_wrote)).update(text="")
    QuestionEmail.objects.filter(user=user).delete()
