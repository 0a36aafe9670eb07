from datetime import timedelta

from django.utils import timezone

from tests.checkins.support import open_checkin, url
from tests.conftest import client_for, make_partnership
from trustapp.checkins.models import CheckIn
from trustapp.couples.services import partnership_leave


def test_looking_opens_nothing_and_offers_a_button_that_does(alice_client, partnership):
    response = alice_client.get(url("current", partnership))
    assert response.status_code == 200
    assert not CheckIn.objects.exists()
    body = response.content.decode()
    assert f'action="{url("start", partnership)}"' in body
    assert "Start our first check-in" in body
    response = alice_client.post(url("start", partnership))
    checkin = CheckIn.objects.get()
    assert response["Location"] == checkin.get_absolute_url()
    assert alice_client.get(url("current", partnership))["Location"] == checkin.get_absolute_url()


def test_a_due_check_in_is_offered_not_opened(alice_client, partnership):
    old = open_checkin(partnership, opened_at=timezone.now() - timedelta(days=8))
    body = alice_client.get(url("current", partnership)).content.decode()
    assert "It is time for a new check-in" in body
    old.refresh_from_db()
    assert old.is_open and CheckIn.objects.count() == 1
    alice_client.post(url("start", partnership))
    old.refresh_from_db()
    assert not old.is_open and CheckIn.objects.count() == 2


def test_both_partners_land_on_the_same_check_in(alice_client, bob_client, partnership):
    first = alice_client.post(url("start", partnership))["Location"]
    assert bob_client.post(url("start", partnership))["Location"] == first
    assert bob_client.get(url("current", partnership))["Location"] == first


def test_it_is_a_404_for_an_outsider(carol_client, partnership):
    assert carol_client.get(url("current", partnership)).status_code == 404
    assert not CheckIn.objects.exists()


def test_it_rejects_post(alice_client, partnership):
    assert alice_client.post(url("current", partnership)).status_code == 405


def test_it_asks_to_invite_the_partner_first(alice):
    partnership = make_partnership(alice)
    response = client_for(alice).get(url("current", partnership))
    assert response.status_code == 200
    assert b"invite" in response.content.lower()
    assert not CheckIn.objects.exists()


def test_an_archive_without_check_ins_shows_the_empty_history(alice_client, partnership, bob):
    partnership_leave(partnership=partnership, user=bob)
    response = alice_client.get(url("current", partnership))
    assert response["Location"] == url("history", partnership)


def test_start_opens_the_next_one_early(alice_client, partnership):
    finished = open_checkin(partnership, closed_at=timezone.now())
    response = alice_client.post(url("start", partnership))
    fresh = CheckIn.objects.exclude(pk=finished.pk).get()
    assert response["Location"] == fresh.get_absolute_url()


def test_start_rejects_get(alice_client, partnership):
    assert alice_client.get(url("start", partnership)).status_code == 405


def test_start_is_a_404_for_an_outsider(carol_client, partnership):
    assert carol_client.post(url("start", partnership)).status_code == 404


def test_start_is_refused_in_an_archive(alice_client, partnership, bob):
    partnership_leave(partnership=partnership, user=bob)
    assert alice_client.post(url("start", partnership)).status_code == 403
    assert not CheckIn.objects.exists()


def test_finish_closes_the_check_in(alice_client, partnership, alice):
    checkin = open_checkin(partnership)
    response = alice_client.post(url("finish", partnership, checkin.pk), follow=True)
    checkin.refresh_from_db()
    assert not checkin.is_open and checkin.closed_by == alice
    assert b"Thank you for making the time" in response.content
    assert b"Start the next one now" in response.content


def test_finish_rejects_get(alice_client, partnership):
    checkin = open_checkin(partnership)
    assert alice_client.get(url("finish", partnership, checkin.pk)).status_code == 405


def test_finish_is_a_404_for_an_outsider_and_for_another_spaces_check_in(
    carol_client, alice_client, partnership, other_partnership
):
    checkin = open_checkin(partnership)
    assert carol_client.post(url("finish", partnership, checkin.pk)).status_code == 404
    theirs = open_checkin(other_partnership)
    assert alice_client.post(url("finish", partnership, theirs.pk)).status_code == 404
    theirs.refresh_from_db()
    assert theirs.is_open


def test_the_detail_page_shows_all_five_steps(alice_client, partnership):
    checkin = open_checkin(partnership)
    response = alice_client.get(checkin.get_absolute_url())
    body = response.content.decode()
    for heading in ["Look back", "How we are", "talk about", "Small steps", "Reconnect"]:
        assert heading in body
    assert "This is your first check-in" in body


def test_the_detail_page_is_a_404_for_an_outsider(carol_client, partnership):
    checkin = open_checkin(partnership)
    assert carol_client.get(checkin.get_absolute_url()).status_code == 404


def test_the_detail_page_rejects_post(alice_client, partnership):
    checkin = open_checkin(partnership)
    assert alice_client.post(checkin.get_absolute_url()).status_code == 405


def test_an_old_check_in_says_when_it_was_finished(alice_client, partnership):
    old = open_checkin(
        partnership,
        opened_at=timezone.now() - timedelta(days=14),
        closed_at=timezone.now() - timedelta(days=13),
    )
    open_checkin(partnership)
    body = alice_client.get(old.get_absolute_url()).content.decode()
    assert "was finished on" in body
    assert "Start the next one now" not in body
    assert "Share my answer" not in body
