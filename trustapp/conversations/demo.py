"""Sample conversations for the demo partners: one finished with a takeaway, one where
Alice has answered and Bob's turn is next."""

from datetime import timedelta

from django.utils import timezone

from trustapp.conversations import services
from trustapp.conversations.library import load_prompts
from trustapp.conversations.models import Conversation, Prompt


def seed(partnership, alice, bob):
    load_prompts()
    finished, _created = services.conversation_start(
        partnership=partnership,
        user=alice,
        prompt=Prompt.objects.get(slug="listening-good-time"),
    )
    services.answer_submit(
        conversation=finished,
        user=alice,
        text="Weekend mornings, after coffee. Never right before I fall asleep.",
    )
    services.answer_submit(
        conversation=finished,
        user=bob,
        text="Evenings on a walk. Late at night my head is too full to listen well.",
    )
    services.conversation_mark_talked(
        conversation=finished,
        user=bob,
        takeaway="Serious talks happen on a weekend walk, and either of us can say "
        "“not tonight” and name a better time.",
    )
    earlier = timezone.now() - timedelta(days=9)
    Conversation.objects.filter(pk=finished.pk).update(started_at=earlier, talked_at=earlier)

    waiting, _created = services.conversation_start(
        partnership=partnership,
        user=alice,
        prompt=Prompt.objects.get(slug="noticing-this-week"),
    )
    services.answer_submit(
        conversation=waiting,
        user=alice,
        text="You fixed the bike light without being asked, and you called when the "
        "train was late.",
    )
    for slug in ("freedom-feel-chosen", "closeness-untold-dream"):
        services.prompt_choose(
            partnership=partnership,
            user=bob,
            prompt=Prompt.objects.get(slug=slug),
            starred=True,
        )
