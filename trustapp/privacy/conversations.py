"""Conversations in a person's download (see trustapp/privacy/rules.py).

A person's own answers are always theirs. Their partner's answer appears only as they saw
it: once both answered, and only if they wrote one themselves (answers are exchanged one
for one). An unrevealed answer never leaves the database for anyone but its author.
"""

from django.db.models import Exists, OuterRef, Prefetch, Q

from trustapp.conversations.models import Answer, Conversation, PromptChoice, TenderOptIn
from trustapp.conversations.services import answers_for
from trustapp.lib.i18n import translated
from trustapp.privacy.rules import Scope, keeps, who


def export_partnership(partnership, user, scope):
    conversations = (
        Conversation.objects.filter(partnership=partnership)
        .select_related("prompt__topic")
        .prefetch_related(Prefetch("answers", queryset=Answer.objects.order_by("pk")))
        .order_by("started_at", "pk")
    )
    items = []
    for conversation in conversations:
        answers = list(conversation.answers.all())
        mine, theirs = answers_for(conversation, user, answers)
        item = {
            "topic": translated(conversation.prompt.topic, "title"),
            "question": translated(conversation, "question"),
            "started_at": conversation.started_at,
            "revealed_at": conversation.revealed_at,
            "talked_about_at": conversation.talked_at,
        }
        kept = False
        if mine is not None:
            # The partner read it only if the answers were revealed and they wrote too.
            seen_by_partner = (
                conversation.is_revealed
                and mine.is_written
                and any(a.user_id != user.pk and a.is_written for a in answers)
            )
            if keeps(scope, user, author_id=user.pk, shared=seen_by_partner):
                item["your_answer"] = _answer(mine)
                kept = True
        if scope == Scope.SEEN and theirs.answered:
            item["partner_answer"] = {
                "answered": True,
                "just_talk": theirs.just_talk,
                "taken_back": theirs.withdrawn,
                "kept_private_because_you_chose_to_talk": theirs.kept_private,
                "text": theirs.text,
            }
            kept = True
        if conversation.takeaway and keeps(
            scope, user, author_id=conversation.takeaway_by_id, shared=True
        ):
            item["takeaway"] = {
                "text": conversation.takeaway,
                "by": who(user, conversation.takeaway_by_id),
                "at": conversation.takeaway_at,
            }
            kept = True
        if kept or scope == Scope.SEEN:
            items.append(item)
    result = {"conversations": items}
    if scope == Scope.SEEN:
        result["your_choices"] = _choices(partnership, user)
    return result


def _answer(answer):
    return {
        "kind": "just_talk" if not answer.is_written else "written",
        "text": answer.text,
        "written_at": answer.created_at,
        "changed_at": answer.updated_at,
        "taken_back_at": answer.withdrawn_at,
    }


def _choices(partnership, user):
    opt_in = TenderOptIn.objects.filter(partnership=partnership, user=user).first()
    choices = (
        PromptChoice.objects.filter(partnership=partnership, user=user)
        .select_related("prompt")
        .order_by("prompt__slug")
    )
    return {
        "tender_topics_on_since": opt_in.created_at if opt_in else None,
        "starred_prompts": [c.prompt.question for c in choices if c.starred],
        "hidden_prompts": [c.prompt.question for c in choices if c.hidden],
    }


def count_rows(user):
    return Answer.objects.filter(conversation__partnership__memberships__user=user).count()


def delete_private(user):
    """Answers the partner never saw, and this person's own stars, hides and opt-ins.

    After the reveal, a written answer stays only if the partner read it (they wrote too,
    and it was not taken back); otherwise its row stays, without its words, so the
    partner's page still says what happened.
    """
    Answer.objects.filter(user=user, conversation__revealed_at__isnull=True).delete()
    partner_wrote = Answer.objects.filter(
        conversation=OuterRef("conversation"), kind=Answer.Kind.WRITTEN
    ).exclude(user=user)
    Answer.objects.filter(user=user).exclude(
        Exists(partner_wrote) & Q(withdrawn_at__isnull=True)
    ).update(text="")
    PromptChoice.objects.filter(user=user).delete()
    TenderOptIn.objects.filter(user=user).delete()
