from datetime import timedelta

import pytest
from django.utils import timezone

from tests.checkins.support import answer, open_checkin, url
from tests.checkins.test_history import make_history


def test_the_card_invites_a_first_check_in(alice_client, partnership):
    body = alice_client.get(partnership.get_absolute_url()).content.decode()
    assert "Start our first check-in" in body
    assert f'<form method="post" action="{url("start", partnership)}">' in body


def test_the_card_says_who_is_still_to_answer_without_saying_what(
    alice_client, bob_client, partnership, alice
):
    checkin = open_checkin(partnership)
    answer(checkin, alice, on_my_mind="alice-secret")
    alice_body = alice_client.get(partnership.get_absolute_url()).content.decode()
    assert "You have answered. Bob has not yet." in alice_body
    bob_body = bob_client.get(partnership.get_absolute_url()).content.decode()
    assert "Alice has answered. Your answer reveals both." in bob_body
    assert "alice-secret" not in bob_body


def test_the_card_says_when_the_next_check_in_opens(alice_client, partnership):
    open_checkin(partnership, closed_at=timezone.now())
    body = alice_client.get(partnership.get_absolute_url()).content.decode()
    assert "The next one opens on" in body


def test_the_card_says_when_a_check_in_is_due(alice_client, partnership):
    open_checkin(partnership, opened_at=timezone.now() - timedelta(days=8))
    body = alice_client.get(partnership.get_absolute_url()).content.decode()
    assert "It is time for a new check-in." in body
    assert f'<form method="post" action="{url("start", partnership)}">' in body


def test_the_nav_links_to_the_current_check_in(alice_client, partnership):
    body = alice_client.get(url("trend", partnership)).content.decode()
    assert f'href="{url("current", partnership)}" aria-current="page"' in body


@pytest.mark.parametrize("count", [1, 12])
def test_the_card_keeps_the_home_page_query_count_flat(
    alice_client, partnership, alice, bob, count
):
    make_history(partnership, alice, bob, 1)
    baseline = _queries(alice_client, partnership)
    make_history(partnership, alice, bob, count)
    assert _queries(alice_client, partnership) == baseline


def _queries(client, partnership):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        client.get(partnership.get_absolute_url())
    return len([q for q in captured.captured_queries if "checkins_" in q["sql"]])
