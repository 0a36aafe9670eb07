import re

import pytest

from tests.checkins.support import answer, open_checkin, url
from tests.checkins.test_history import make_history


def test_the_trend_draws_both_partners_ratings_as_accessible_svg(
    alice_client, partnership, alice, bob
):
    make_history(partnership, alice, bob, 3)
    body = alice_client.get(url("trend", partnership)).content.decode()
    assert body.count('role="img"') == 2
    assert re.search(r'<svg[^>]+aria-labelledby="trend-connected-title trend-connected-desc"', body)
    assert '<title id="trend-connected-title">How connected we felt</title>' in body
    assert body.count("<polyline") == 4
    assert "<table" in body and "Bob: connected" in body and "You: trusted" in body
    assert "style=" not in body


def test_the_table_holds_every_value_in_order(alice_client, partnership, alice, bob):
    make_history(partnership, alice, bob, 3)
    body = alice_client.get(url("trend", partnership)).content.decode()
    rows = re.findall(r"<tr>\s*<th scope=\"row\">[^<]+</th>((?:\s*<td>\d</td>)+)", body)
    values = [re.findall(r"<td>(\d)</td>", row) for row in rows]
    # alice connected 1, 2, 3 and bob connected 3, 4, 5 over the three weeks
    assert [row[0] for row in values] == ["1", "2", "3"]
    assert [row[2] for row in values] == ["3", "4", "5"]


def test_averages_are_counted_in_the_database(alice_client, partnership, alice, bob):
    make_history(partnership, alice, bob, 3)
    body = alice_client.get(url("trend", partnership)).content.decode()
    assert "you 2.0 on average" in body and "Bob 4.0" in body


def test_a_check_in_only_one_partner_answered_never_reaches_the_trend(
    bob_client, partnership, alice, bob
):
    make_history(partnership, alice, bob, 1)
    lonely = open_checkin(partnership)
    answer(lonely, alice, connected=5, trusted=1)
    body = bob_client.get(url("trend", partnership)).content.decode()
    assert body.count("<tbody>") == 1
    assert body.count('<th scope="row">') == 1


def test_it_waits_kindly_for_the_first_shared_check_in(alice_client, partnership):
    body = alice_client.get(url("trend", partnership)).content.decode()
    assert "Once you have both answered a check-in" in body
    assert "<svg" not in body.split('id="main"')[1]


@pytest.mark.parametrize("count", [1, 30])
def test_the_trend_has_a_flat_query_budget(
    alice_client, partnership, alice, bob, count, django_assert_max_num_queries
):
    make_history(partnership, alice, bob, count)
    with django_assert_max_num_queries(8):
        response = alice_client.get(url("trend", partnership))
    assert response.status_code == 200


def test_the_trend_rejects_post(alice_client, partnership):
    assert alice_client.post(url("trend", partnership)).status_code == 405


def test_the_trend_is_a_404_for_an_outsider(carol_client, partnership):
    assert carol_client.get(url("trend", partnership)).status_code == 404
