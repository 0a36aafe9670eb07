"""The repair card leads the home ("New and waiting for you") only while a partner's step
waits on this person: their finished side of a hard moment, or a question asked on the
rebuilding track. Never the partner's words, never a lone yes."""

import pytest

from tests.repair.conftest import ALICE_MARK, write_all
from trustapp.couples import cards
from trustapp.repair import services
from trustapp.repair import track as tracks
from trustapp.repair.models import Track

pytestmark = [pytest.mark.django_db, pytest.mark.embedded]


def waiting(partnership, user):
    return [card.template for card in cards.for_home(partnership, user).waiting]


def leads(client, partnership):
    body = client.get(partnership.get_absolute_url()).content.decode()
    return body.index('id="waiting-heading"') < body.index('id="card-repair"') < body.index(
        'id="quiet-heading"'
    ), body


def test_a_partners_finished_side_waits_on_the_other_only(alice_finished, partnership, alice, bob):
    assert "repair/_home_card.html" in waiting(partnership, bob)
    assert "repair/_home_card.html" not in waiting(partnership, alice)


def test_the_home_says_what_waits_without_the_partners_words(
    alice_finished, partnership, bob_client
):
    first, body = leads(bob_client, partnership)
    assert first
    assert "has finished writing about “Saturday’s argument”" in body
    assert ALICE_MARK not in body


def test_a_moment_stops_waiting_once_written_revealed_or_stopped(
    alice_finished, partnership, alice, bob
):
    write_all(alice_finished, bob, "bob")
    assert "repair/_home_card.html" not in waiting(partnership, bob)
    other = services.moment_start(partnership=partnership, user=bob, title="Tuesday")
    write_all(other, bob, "bob")
    assert "repair/_home_card.html" in waiting(partnership, alice)
    services.moment_stop(moment=other, user=alice)
    assert "repair/_home_card.html" not in waiting(partnership, alice)


def test_a_started_moment_nobody_finished_is_quiet(moment, partnership, alice, bob):
    assert "repair/_home_card.html" not in waiting(partnership, alice)
    assert "repair/_home_card.html" not in waiting(partnership, bob)


def test_a_lone_yes_to_the_track_never_waits(partnership, alice, bob):
    tracks.choose(partnership=partnership, user=alice, role="hurt")
    assert "repair/_home_card.html" not in waiting(partnership, bob)


def test_a_question_on_the_track_waits_on_the_one_asked(
    partnership, alice, bob, alice_client, bob_client
):
    tracks.choose(partnership=partnership, user=alice, role="hurt")
    track = tracks.choose(partnership=partnership, user=bob, role="broke")
    tracks.set_pace(track=track, user=alice, stage=Track.Stage.QUESTIONS)
    question = tracks.ask(track=track, user=alice, text="Where were you that night?")
    assert "repair/_home_card.html" not in waiting(partnership, alice)
    first, body = leads(bob_client, partnership)
    assert first and "asked you something on your rebuilding track" in body
    assert "Where were you that night?" not in body
    # Paused by the one who was hurt: nothing can be written, so nothing waits.
    tracks.set_pace(track=track, user=alice, paused=True)
    assert "repair/_home_card.html" not in waiting(partnership, bob)
    tracks.set_pace(track=track, user=alice, paused=False)
    tracks.not_yet(track=track, user=bob, question_id=question.pk)
    assert "repair/_home_card.html" not in waiting(partnership, bob)
