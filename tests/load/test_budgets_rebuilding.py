"""Rebuilding after a betrayal: the track page with its questions and commitments, the
summary for a therapist, and asking a question keep their query budgets as they grow."""

from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.load.budget import GROWTH, Budget, Call, assert_budgets
from trustapp.agreements import library
from trustapp.agreements.models import Category
from trustapp.agreements.services import agreement_propose
from trustapp.repair import track as services
from trustapp.repair.models import Commitment, Track, TrackQuestion


def url(name, partnership):
    return reverse(f"repair:{name}", args=[partnership.public_id])


def make_world(partnership, alice, bob):
    library.load()
    services.choose(partnership=partnership, user=alice, role="hurt")
    track = services.choose(partnership=partnership, user=bob, role="broke")
    services.set_pace(track=track, user=alice, stage=Track.Stage.HELP)
    services.acknowledge(track=track, user=bob, what="What I did", impact="What it did", share=True)
    later = timezone.localdate() + timedelta(days=30)
    for n in range(8):
        question = services.ask(track=track, user=alice, text=f"Question {n}")
        give = n % 2 == 0
        services.answer(track=track, user=bob, question_id=question.pk, text="An answer", give=give)
        services.commit(
            track=track, user=bob, title=f"Promise {n}", text="I will", revisit_on=later
        )
    services.consent(track=track, user=alice, given=True)
    services.consent(track=track, user=bob, given=True)
    return SimpleNamespace(partnership=partnership, alice=alice, bob=bob, track=track)


def grow(world):
    track = world.track
    TrackQuestion.objects.bulk_create(
        TrackQuestion(track=track, asked_by=world.alice, text="More", answer="Yes")
        for _ in range(GROWTH)
    )
    later = timezone.localdate() + timedelta(days=30)
    for n in range(GROWTH):
        Commitment.objects.create(
            track=track,
            agreement=agreement_propose(
                partnership=world.partnership,
                author=world.bob,
                title=f"More {n}",
                text="I will",
                category=Category.objects.first(),
                revisit_on=later,
            ),
        )


BUDGETS = [
    Budget("track", 10, lambda w: Call(url("track", w.partnership))),
    Budget(
        "status poll, nothing new (htmx)",
        12,
        lambda w: Call(
            url("track_status", w.partnership)
            + f"?seen={services.track_state(services.current_track(w.partnership), user=w.alice)}",
            htmx=True,
            status=204,
        ),
    ),
    Budget("summary", 10, lambda w: Call(url("track_summary", w.partnership))),
    Budget(
        "ask (form)",
        14,
        lambda w: Call(url("track_ask", w.partnership), "post", {"text": "Why?"}, status=302),
    ),
]


@pytest.fixture
def world(partnership, alice, bob):
    return make_world(partnership, alice, bob)


def test_the_track_keeps_its_query_budget_as_it_grows(alice_client, world):
    assert_budgets(alice_client, world, BUDGETS, grow)
