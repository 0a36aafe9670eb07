import re
from datetime import UTC, date, datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.appreciations.conftest import bulk_appreciations, make_appreciation
from trustapp.couples import services as couples_services

CHART_BUDGET = 12
# A Wednesday; its week starts on Monday 16 March.
NOW = datetime(2026, 3, 18, 12, 0, tzinfo=UTC)


def looking_back_url(partnership):
    return reverse("appreciations:looking_back", args=[partnership.public_id])


def table_row(body, week):
    match = re.search(rf'<tr><th scope="row">{week}</th>((?:<td>\d+</td>)+)</tr>', body)
    assert match, f"no row for {week}"
    return [int(n) for n in re.findall(r"<td>(\d+)</td>", match[1])]


@pytest.fixture
def history(partnership, alice, bob):
    # (by alice?, text, happened on, qualities, shared)
    entries = [
        (True, "Alice this week", date(2026, 3, 17), ["kind", "reliable"], True),
        (False, "Bob this week", date(2026, 3, 16), ["kind"], True),
        (False, "Bob last week", date(2026, 3, 10), ["honest"], True),
        (True, "Alice private", date(2026, 3, 17), ["patient"], False),
        (True, "Long ago", date(2025, 12, 20), [], True),
        (False, "A month ago today", date(2026, 2, 18), [], True),
        (True, "A year ago today", date(2025, 3, 18), [], True),
        (True, "Not quite", date(2026, 2, 17), [], True),
    ]
    with time_machine.travel(NOW, tick=False):
        for by_alice, text, day, qualities, shared in entries:
            author, recipient = (alice, bob) if by_alice else (bob, alice)
            make_appreciation(
                partnership,
                author,
                recipient,
                text,
                happened_on=day,
                qualities=qualities,
                shared=shared,
            )


@time_machine.travel(NOW, tick=False)
def test_the_chart_counts_shared_appreciations_per_week_and_partner(
    alice_client, partnership, history
):
    body = alice_client.get(looking_back_url(partnership)).content.decode()
    assert table_row(body, "16 March 2026") == [1, 1]  # the private note does not count
    assert table_row(body, "9 March 2026") == [0, 1]
    assert table_row(body, "29 December 2025") == [0, 0]  # twelve weeks back, quiet
    assert "22 December 2025" not in body


@time_machine.travel(NOW, tick=False)
def test_the_chart_is_an_accessible_svg_with_a_table(alice_client, partnership, history):
    body = alice_client.get(looking_back_url(partnership)).content.decode()
    assert '<svg class="week-chart"' in body
    assert 'role="img" aria-labelledby="week-chart-title week-chart-desc"' in body
    assert '<title id="week-chart-title">' in body
    assert "Alice shared 2 appreciations in these 12 weeks." in body
    assert "Bob shared 3 appreciations in these 12 weeks." in body
    assert "<table>" in body and "style=" not in body
    assert body.count('class="week-chart-bar ') == 5  # only weeks with something get a bar


@time_machine.travel(NOW, tick=False)
def test_the_chart_keeps_decimal_points_in_german(alice, alice_client, partnership, history):
    alice.language = "de"
    alice.save(update_fields=["language"])
    body = alice_client.get(looking_back_url(partnership)).content.decode()
    svg = body[body.index("<svg") : body.index("</svg>")]
    assert re.search(r' y="\d+\.\d+"', svg)  # an SVG attribute reads a point, never a comma
    assert not re.search(r'="\d+,\d+"', svg)


@time_machine.travel(NOW, tick=False)
def test_quiet_weeks_are_never_scolded(alice_client, partnership):
    body = alice_client.get(looking_back_url(partnership)).content.decode().lower()
    assert "nothing shared in these weeks yet. that is fine" in body
    for word in ("streak", "missed", "behind", "only "):
        assert word not in body


@time_machine.travel(NOW, tick=False)
def test_it_shows_the_qualities_noticed_most_in_each_partner(alice_client, partnership, history):
    body = alice_client.get(looking_back_url(partnership)).content.decode()
    noticed = body.split('id="qualities-heading"')[1].split("</section>")[0]
    in_you, in_bob = noticed.split("In Bob")
    assert "Kind" in in_you and "Honest" in in_you
    assert "Kind" in in_bob and "Reliable" in in_bob
    assert "Patient" not in noticed  # only on the private note


@time_machine.travel(NOW, tick=False)
def test_on_this_day_shows_earlier_months_only(alice_client, partnership, history):
    body = alice_client.get(looking_back_url(partnership)).content.decode()
    memories = body.split('id="memories-heading"')[1]
    assert "A month ago today" in memories and "A year ago today" in memories
    assert "Not quite" not in memories and "Alice this week" not in memories


@time_machine.travel(NOW, tick=False)
def test_the_partner_never_sees_a_private_note_here(bob_client, partnership, alice, bob):
    make_appreciation(
        partnership,
        alice,
        bob,
        "Secret from February",
        happened_on=date(2026, 2, 18),
        shared=False,
        qualities=["open"],
    )
    body = bob_client.get(looking_back_url(partnership)).content.decode()
    assert "Secret from February" not in body
    assert "Open" not in body.split('id="qualities-heading"')[1].split("</section>")[0]


def test_it_is_a_404_for_an_outsider(carol_client, partnership):
    assert carol_client.get(looking_back_url(partnership)).status_code == 404


def test_it_rejects_a_post(alice_client, partnership):
    assert alice_client.post(looking_back_url(partnership)).status_code == 405


def test_a_former_partner_can_still_look_back(bob_client, partnership, bob, from_alice):
    couples_services.partnership_leave(partnership=partnership, user=bob)
    assert bob_client.get(looking_back_url(partnership)).status_code == 200


@time_machine.travel(NOW, tick=False)
def test_the_chart_page_keeps_its_query_count_from_10_to_a_year_of_them(
    alice_client, partnership, alice, bob, django_assert_max_num_queries
):
    # Something in every section: an "on this day" entry too.
    make_appreciation(partnership, bob, alice, "On this day", happened_on=date(2026, 2, 18))
    bulk_appreciations(partnership, alice, bob, 10)
    with CaptureQueriesContext(connection) as context:
        assert alice_client.get(looking_back_url(partnership)).status_code == 200
    small = len(context.captured_queries)
    assert small <= CHART_BUDGET
    bulk_appreciations(partnership, alice, bob, 365)  # one a day: every week has some
    with django_assert_max_num_queries(small):
        response = alice_client.get(looking_back_url(partnership))
    assert response.status_code == 200
