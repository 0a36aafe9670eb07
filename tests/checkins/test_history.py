from datetime import timedelta

import pytest
from django.utils import timezone

from tests.checkins.support import action_point, answer, open_checkin, url
from trustapp.couples.services import partnership_leave


def make_history(partnership, alice, bob, count):
    now = timezone.now()
    for week in range(count):
        opened = now - timedelta(days=7 * (count - week))
        checkin = open_checkin(partnership, opened_at=opened, closed_at=opened + timedelta(hours=1))
        answer(checkin, alice, connected=1 + week % 5)
        answer(checkin, bob, connected=1 + (week + 2) % 5)
        action_point(checkin, done_at=now)
        action_point(checkin, owner=alice)


def test_it_lists_check_ins_newest_first_with_what_they_hold(alice_client, partnership, alice, bob):
    make_history(partnership, alice, bob, 2)
    body = alice_client.get(url("history", partnership)).content.decode()
    assert body.count("both answered") == 2
    assert "1 of 2 small steps done" in body
    first, second = partnership.checkins.order_by("-opened_at")
    assert body.index(first.get_absolute_url()) < body.index(second.get_absolute_url())


def test_it_says_so_when_there_are_none(alice_client, partnership):
    assert b"No check-ins yet." in alice_client.get(url("history", partnership)).content


@pytest.mark.parametrize("count", [1, 25])
def test_the_history_has_a_flat_query_budget(
    alice_client, partnership, alice, bob, count, django_assert_max_num_queries
):
    make_history(partnership, alice, bob, count)
    with django_assert_max_num_queries(8):
        response = alice_client.get(url("history", partnership))
    assert response.status_code == 200


def test_the_history_pages_through_older_check_ins(alice_client, partnership, alice, bob):
    make_history(partnership, alice, bob, 21)
    body = alice_client.get(url("history", partnership)).content.decode()
    assert "Page 1 of 2" in body and "?page=2" in body
    older = alice_client.get(url("history", partnership) + "?page=2").content.decode()
    assert older.count("both answered") == 1


def test_htmx_gets_the_list_partial(alice_client, partnership, htmx_headers):
    response = alice_client.get(url("history", partnership), headers=htmx_headers)
    assert b"<html" not in response.content and b'id="checkin-list"' in response.content


def test_the_history_rejects_post(alice_client, partnership):
    assert alice_client.post(url("history", partnership)).status_code == 405


def test_the_history_is_a_404_for_an_outsider(carol_client, partnership):
    assert carol_client.get(url("history", partnership)).status_code == 404


def test_the_history_stays_readable_in_an_archive(alice_client, partnership, alice, bob):
    make_history(partnership, alice, bob, 1)
    partnership_leave(partnership=partnership, user=bob)
    assert b"both answered" in alice_client.get(url("history", partnership)).content
