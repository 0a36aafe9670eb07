"""Did you feel heard? After a reveal each may note, privately, how understood and cared
for they felt; the trend is theirs alone unless they share it, and there is no couple
score. Checked on raw response bodies."""

import pytest

from tests.checkins.support import answer, open_checkin
from tests.heard.conftest import url
from trustapp.heard.models import Feeling
from trustapp.heard.services import feeling_note, trend_share
from trustapp.privacy.deletion import account_delete
from trustapp.privacy.heard import export_partnership
from trustapp.privacy.rules import Scope


@pytest.fixture
def revealed_checkin(partnership, alice, bob):
    checkin = open_checkin(partnership)
    answer(checkin, alice)
    answer(checkin, bob)
    return checkin


def alice_notes(partnership, alice, revealed):
    return feeling_note(
        partnership=partnership, user=alice, conversation=revealed, understood=2, cared_for=3
    )


def test_the_revealed_conversation_offers_the_note(alice_client, revealed):
    body = alice_client.get(revealed.get_absolute_url()).content.decode()
    assert "Did you feel heard?" in body
    assert f'action="{url("conversation", revealed.partnership, revealed.pk)}"' in body


def test_a_conversation_not_yet_revealed_does_not_offer_it_nor_take_one(
    alice_client, partnership, conversation
):
    assert (
        "Did you feel heard?"
        not in alice_client.get(conversation.get_absolute_url()).content.decode()
    )
    response = alice_client.post(
        url("conversation", partnership, conversation.pk), {"understood": 4, "cared_for": 4}
    )
    assert response.status_code == 404
    assert not Feeling.objects.exists()


def test_alice_notes_how_heard_she_felt_and_goes_back(alice_client, partnership, alice, revealed):
    response = alice_client.post(
        url("conversation", partnership, revealed.pk),
        {"understood": "4", "cared_for": "5", "next": revealed.get_absolute_url()},
    )
    assert response.status_code == 302 and response["Location"] == revealed.get_absolute_url()
    note = Feeling.objects.get()
    assert (note.user, note.understood, note.cared_for) == (alice, 4, 5)
    # Once more changes it rather than counting twice.
    alice_client.post(
        url("conversation", partnership, revealed.pk), {"understood": 3, "cared_for": 5}
    )
    assert Feeling.objects.get().understood == 3


def test_after_a_check_in_reveal_too(bob_client, partnership, bob, revealed_checkin):
    body = bob_client.get(revealed_checkin.get_absolute_url()).content.decode()
    assert "Did you feel heard?" in body
    response = bob_client.post(
        url("checkin", partnership, revealed_checkin.pk),
        {"understood": "5", "cared_for": "4"},
        headers={"HX-Request": "true"},
    )
    body = response.content.decode()
    assert response.status_code == 200 and body.lstrip().startswith('<section id="heard-checkin-')
    assert "understood 5 of 5, cared for 4 of 5" in body


def test_a_check_in_only_one_answered_takes_no_note(bob_client, partnership, bob):
    checkin = open_checkin(partnership)
    answer(checkin, bob)
    response = bob_client.post(
        url("checkin", partnership, checkin.pk), {"understood": 5, "cared_for": 4}
    )
    assert response.status_code == 404


@pytest.mark.parametrize(
    "data",
    [{}, {"understood": "9", "cared_for": "3"}, {"understood": "x", "cared_for": "3"}],
    ids=["nothing", "out of range", "not a number"],
)
def test_bad_input_is_explained(alice_client, partnership, revealed, data, htmx_headers):
    response = alice_client.post(
        url("conversation", partnership, revealed.pk), data, headers=htmx_headers
    )
    body = response.content.decode()
    assert response.status_code == 422
    assert "from 1 to 5" in body or "Select a valid choice" in body
    plain = alice_client.post(url("conversation", partnership, revealed.pk), data, follow=True)
    assert plain.redirect_chain[-1][0] == revealed.get_absolute_url()
    body = plain.content.decode()
    assert "from 1 to 5" in body or "Select a valid choice" in body
    assert not Feeling.objects.exists()


def test_the_partner_never_sees_a_note_that_is_not_shared(
    alice_client, bob_client, partnership, alice, revealed
):
    alice_notes(partnership, alice, revealed)
    for path in [
        revealed.get_absolute_url(),
        url("trend", partnership),
        partnership.get_absolute_url(),
    ]:
        body = bob_client.get(path).content.decode()
        assert "understood 2 of 5" not in body and "2 / 5" not in body and "3 / 5" not in body
    mine = alice_client.get(url("trend", partnership)).content.decode()
    assert "2 / 5" in mine and "3 / 5" in mine
    assert "couple" not in mine.lower().split("<main")[1]  # no couple score anywhere


def test_shared_it_shows_to_the_partner_and_stops_when_taken_back(
    alice_client, bob_client, partnership, alice, revealed
):
    alice_notes(partnership, alice, revealed)
    assert alice_client.post(url("share", partnership), {"share": "1"}).status_code == 302
    body = bob_client.get(url("trend", partnership)).content.decode()
    assert "Alice shared their notes with you" in body and "2 / 5" in body
    alice_client.post(url("share", partnership), {"share": "0"})
    assert "2 / 5" not in bob_client.get(url("trend", partnership)).content.decode()


def test_an_outsider_finds_nothing(carol_client, partnership, revealed, revealed_checkin):
    assert carol_client.get(url("trend", partnership)).status_code == 404
    data = {"understood": 4, "cared_for": 4}
    assert carol_client.post(url("conversation", partnership, revealed.pk), data).status_code == 404
    assert (
        carol_client.post(url("checkin", partnership, revealed_checkin.pk), data).status_code == 404
    )
    assert carol_client.post(url("share", partnership), {"share": "1"}).status_code == 404


def test_the_pages_need_the_right_method(alice_client, partnership, revealed):
    assert alice_client.get(url("share", partnership)).status_code == 405
    assert alice_client.get(url("conversation", partnership, revealed.pk)).status_code == 405
    assert alice_client.post(url("trend", partnership)).status_code == 405


def test_the_download_holds_ones_own_notes_only_and_deletion_takes_them(
    partnership, alice, bob, revealed
):
    alice_notes(partnership, alice, revealed)
    feeling_note(
        partnership=partnership, user=bob, conversation=revealed, understood=5, cared_for=5
    )
    assert [n["understood"] for n in export_partnership(partnership, alice, Scope.SEEN)] == [2]
    assert [n["understood"] for n in export_partnership(partnership, bob, Scope.SEEN)] == [5]
    trend_share(partnership=partnership, user=alice, share=True)
    account_delete(user=alice)
    assert list(Feeling.objects.values_list("understood", flat=True)) == [5]
