"""Demo agreements and boundaries for Alice and Bob, in every state worth seeing."""

from datetime import timedelta

from django.utils import timezone

from trustapp.agreements import library, services
from trustapp.agreements.models import Category, StarterAgreement


def _from_starter(partnership, author, slug, **overrides):
    starter = StarterAgreement.objects.select_related("category").get(slug=slug)
    fields = {
        "title": starter.title,
        "text": starter.text,
        "why": starter.why,
        "category": starter.category,
    } | overrides
    return services.agreement_propose(partnership=partnership, author=author, **fields)


def _agree(agreement, user):
    agreement.refresh_from_db()
    return services.agreement_consent(
        agreement=agreement, user=user, revision_id=agreement.pending_revision_id
    )


def seed(partnership, alice, bob):
    library.load()
    today = timezone.localdate()
    with services.notifications_off():
        # In force, agreed as proposed.
        phones = _from_starter(partnership, alice, "phones-are-private")
        _agree(phones, bob)

        # In force after Bob suggested a change, and due for a revisit.
        time_out = _from_starter(partnership, bob, "time-out", revisit_on=today - timedelta(days=3))
        services.agreement_suggest_change(
            agreement=time_out,
            author=alice,
            title="Either of us can call a time-out",
            text=(
                "When an argument gets heated, either of us can say 'time-out'. We stop, take "
                "half an hour apart doing something calming, and come back to it the same "
                "evening."
            ),
            why="Twenty minutes is not enough for me to calm down.",
            expected_version=time_out.version,
        )
        _agree(time_out, bob)

        # Waiting for Alice.
        _from_starter(partnership, bob, "protected-evening")

        # Needs a conversation.
        friends = _from_starter(partnership, alice, "friends-time")
        friends = _agree(friends, bob)
        services.agreement_withdraw(
            agreement=friends,
            user=bob,
            note="Can we talk about weekends? I would like a heads-up a bit earlier.",
        )
        services.comment_add(agreement=friends, author=alice, text="Of course. Sunday breakfast?")

        # Alice's own words, waiting for Bob.
        services.agreement_propose(
            partnership=partnership,
            author=alice,
            title="Sunday mornings slow",
            text="On Sundays we keep the morning free of chores and plans until eleven.",
            category=Category.objects.get(slug="time-together-and-apart"),
        )

        boundary = services.boundary_state(
            partnership=partnership,
            owner=alice,
            text="I need half an hour to myself after work before we talk about plans.",
        )
        services.boundary_acknowledge(
            boundary=boundary, user=bob, revision_id=boundary.current_revision_id
        )
        services.boundary_state(
            partnership=partnership,
            owner=bob,
            text="Please do not tease me about my family, even as a joke.",
        )
