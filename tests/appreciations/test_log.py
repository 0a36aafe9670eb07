import re
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.appreciations.conftest import bulk_appreciations, make_appreciation
from tests.support.plans import avoid_whole_table_reads
from trustapp.appreciations.models import Appreciation, ReadMarker
from trustapp.appreciations.views import PAGE_SIZE
from trustapp.couples import services as couples_services

LOG_BUDGET = 16


def log_url(partnership):
    return reverse("appreciations:log", args=[partnership.public_id])


def test_it_lists_appreciations_newest_first(alice_client, partnership, alice, bob):
    today = timezone.localdate()
    make_appreciation(partnership, alice, bob, "Older kindness", happened_on=today - timedelta(3))
    make_appreciation(partnership, bob, alice, "Newer kindness", happened_on=today)
    body = alice_client.get(log_url(partnership)).content.decode()
    assert body.index("Newer kindness") < body.index("Older kindness")


def test_it_shows_the_quick_log_form(alice_client, partnership):
    body = alice_client.get(log_url(partnership)).content.decode()
    assert reverse("appreciations:new", args=[partnership.public_id]) in body
    assert "Share with Bob" in body and "Keep as a private note" in body


def test_a_private_note_is_seen_by_its_author_alone(
    alice_client, bob_client, partnership, private_note
):
    assert "Fixed the chair quietly." in alice_client.get(log_url(partnership)).content.decode()
    assert "Fixed the chair quietly." not in bob_client.get(log_url(partnership)).content.decode()


def test_it_is_a_404_for_an_outsider(carol_client, partnership, from_alice, htmx_headers):
    assert carol_client.get(log_url(partnership)).status_code == 404
    assert carol_client.get(log_url(partnership), headers=htmx_headers).status_code == 404


def test_it_rejects_a_post(alice_client, partnership):
    assert alice_client.post(log_url(partnership)).status_code == 405


def test_a_former_partner_can_still_read(bob_client, partnership, bob, from_alice):
    couples_services.partnership_leave(partnership=partnership, user=bob)
    response = bob_client.get(log_url(partnership))
    body = response.content.decode()
    assert response.status_code == 200
    assert from_alice.text in body
    assert "Write one down" not in body  # no form in a read-only archive
    assert "Send reply" not in body


def test_new_appreciations_from_the_partner_are_highlighted_once(
    bob_client, partnership, from_alice
):
    first = bob_client.get(log_url(partnership)).content.decode()
    assert "is-new" in first
    assert "1 new from Alice since your last visit" in first
    second = bob_client.get(log_url(partnership)).content.decode()
    assert "is-new" not in second


def test_ones_own_entries_are_never_new(alice_client, partnership, from_alice):
    assert "is-new" not in alice_client.get(log_url(partnership)).content.decode()


def test_the_read_marker_belongs_to_the_reader_and_is_never_shown(
    alice_client, bob_client, partnership, alice, bob, from_alice
):
    bob_client.get(log_url(partnership))
    assert ReadMarker.objects.filter(user=bob).exists()
    # Alice learns nothing about when Bob looked.
    body = alice_client.get(log_url(partnership)).content.decode()
    for word in ("seen", "Seen", "read by", "last visit"):
        assert word not in body


def paged(partnership, alice, bob, count):
    today = timezone.localdate()
    return [
        make_appreciation(partnership, alice, bob, f"Entry {i}", happened_on=today - timedelta(i))
        for i in range(count)
    ]


def test_it_shows_a_plain_older_link_without_javascript(alice_client, partnership, alice, bob):
    paged(partnership, alice, bob, PAGE_SIZE + 5)
    body = alice_client.get(log_url(partnership)).content.decode()
    assert f"Entry {PAGE_SIZE - 1}<" in body and f"Entry {PAGE_SIZE}<" not in body
    older = re.search(r'<a href="([^"]+)" class="button">Older appreciations</a>', body)
    response = alice_client.get(older[1].replace("&amp;", "&"))
    older_body = response.content.decode()
    assert response.status_code == 200
    assert f"Entry {PAGE_SIZE}<" in older_body and f"Entry {PAGE_SIZE + 4}<" in older_body
    assert f"Entry {PAGE_SIZE - 1}<" not in older_body
    assert "Back to the newest" in older_body


def next_url_from(body):
    marker = 'hx-get="'
    assert marker in body
    return body.split(marker)[1].split('"')[0].replace("&amp;", "&")


def test_the_last_item_loads_the_next_page_when_revealed(
    alice_client, partnership, alice, bob, htmx_headers
):
    paged(partnership, alice, bob, 2 * PAGE_SIZE + 5)
    body = alice_client.get(log_url(partnership)).content.decode()
    assert 'hx-trigger="revealed"' in body
    assert body.count('hx-trigger="revealed"') == 1
    response = alice_client.get(next_url_from(body), headers=htmx_headers)
    part = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in part
    assert f"Entry {PAGE_SIZE}<" in part and f"Entry {2 * PAGE_SIZE - 1}<" in part
    assert f"Entry {2 * PAGE_SIZE}<" not in part
    assert 'hx-swap-oob="true"' in part  # the plain link moves along
    last = alice_client.get(next_url_from(part), headers=htmx_headers).content.decode()
    assert f"Entry {2 * PAGE_SIZE + 4}<" in last
    assert 'hx-trigger="revealed"' not in last
    assert "That is everything" in last


def test_entries_on_the_same_day_page_without_gaps_or_repeats(
    alice_client, partnership, alice, bob, htmx_headers
):
    count = PAGE_SIZE + PAGE_SIZE // 2
    for i in range(count):
        make_appreciation(partnership, alice, bob, f"Same day {i}.")
    first = alice_client.get(log_url(partnership)).content.decode()
    second = alice_client.get(next_url_from(first), headers=htmx_headers).content.decode()
    seen = [f"Same day {i}." for i in range(count) if f"Same day {i}." in first]
    rest = [f"Same day {i}." for i in range(count) if f"Same day {i}." in second]
    assert len(seen) == PAGE_SIZE and len(rest) == PAGE_SIZE // 2
    assert not set(seen) & set(rest)


def test_a_broken_cursor_shows_the_first_page(alice_client, partnership, from_alice):
    response = alice_client.get(log_url(partnership), {"before": "yesterday_<x>"})
    assert response.status_code == 200
    assert from_alice.text in response.content.decode()


@pytest.fixture
def varied(partnership, alice, bob):
    for author, recipient, text, day, qualities in [
        (alice, bob, "Alice about patience", date(2026, 1, 10), ["patient"]),
        (bob, alice, "Bob about honesty", date(2026, 2, 3), ["honest", "open"]),
        (bob, alice, "Bob about the garden", date(2026, 1, 20), ["reliable"]),
    ]:
        make_appreciation(
            partnership, author, recipient, text, happened_on=day, qualities=qualities
        )


@pytest.mark.parametrize(
    ("params", "shown", "hidden"),
    [
        ({"by": "me"}, ["Alice about patience"], ["Bob about honesty"]),
        ({"by": "partner"}, ["Bob about honesty", "Bob about the garden"], ["Alice about"]),
        ({"quality": "honest"}, ["Bob about honesty"], ["Alice about", "garden"]),
        ({"month": "2026-01"}, ["Alice about patience", "garden"], ["Bob about honesty"]),
        ({"q": "GARDEN"}, ["Bob about the garden"], ["Alice about", "honesty"]),
        ({"by": "partner", "month": "2026-01"}, ["garden"], ["Alice about", "honesty"]),
    ],
)
def test_it_filters_by_author_quality_month_and_text(
    alice_client, partnership, varied, params, shown, hidden
):
    response = alice_client.get(log_url(partnership), params)
    body = log_part(response.content.decode())
    assert response.status_code == 200
    for text in shown:
        assert text in body
    for text in hidden:
        assert text not in body


def test_the_month_filter_offers_months_that_have_entries(alice_client, partnership, varied):
    body = alice_client.get(log_url(partnership)).content.decode()
    assert '<option value="2026-02">February 2026</option>' in body
    assert '<option value="2026-01">January 2026</option>' in body


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"by": "someone"}, "Pick someone from the list."),
        ({"quality": "bossy"}, "Pick a quality from the list."),
        ({"month": "2026-13"}, "Pick a month from the list."),
        ({"month": "soon"}, "Pick a month from the list."),
        ({"q": "x" * 101}, "at most 100 characters"),
    ],
)
def test_a_bad_filter_is_explained_and_ignored(alice_client, partnership, varied, params, message):
    response = alice_client.get(log_url(partnership), params)
    body = response.content.decode()
    assert response.status_code == 200
    assert message in body
    assert "Bob about honesty" in body


def test_filters_survive_into_the_next_page(alice_client, partnership, alice, bob, htmx_headers):
    paged(partnership, alice, bob, 30)
    make_appreciation(partnership, bob, alice, "Not by alice")
    body = alice_client.get(log_url(partnership), {"by": "me"}).content.decode()
    url = next_url_from(body)
    assert "by=me" in url
    part = alice_client.get(url, headers=htmx_headers).content.decode()
    assert "Not by alice" not in part and f"Entry {PAGE_SIZE}<" in part


def test_an_empty_log_invites_the_first_entry(alice_client, partnership):
    body = alice_client.get(log_url(partnership)).content.decode()
    assert "Nothing here yet" in body


def log_part(body):
    """The log itself, without the "new since your last visit" notice above it."""
    return body.split('id="log-heading"')[1]


def count_queries(client, url, **headers):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, headers=headers)
    assert response.status_code == 200
    return len(context.captured_queries)


def test_the_log_page_keeps_its_query_count_from_10_to_100(
    bob_client, partnership, alice, bob, django_assert_max_num_queries
):
    bob_client.get(log_url(partnership))  # bob has been here before; new ones arrive
    bulk_appreciations(partnership, alice, bob, 10)
    small = count_queries(bob_client, log_url(partnership))
    assert small <= LOG_BUDGET
    bulk_appreciations(partnership, alice, bob, 90)
    with django_assert_max_num_queries(small):
        response = bob_client.get(log_url(partnership) + "?quality=kind&q=thing")
    assert response.status_code == 200
    with django_assert_max_num_queries(small):
        assert bob_client.get(log_url(partnership)).status_code == 200


def test_the_next_page_keeps_its_query_count_from_10_to_100(
    bob_client, partnership, alice, bob, htmx_headers, django_assert_max_num_queries
):
    created = bulk_appreciations(partnership, alice, bob, 10)
    cursor = f"?before={timezone.localdate().isoformat()}_{created[-1].pk + 1}"
    small = count_queries(bob_client, log_url(partnership) + cursor, **htmx_headers)
    assert small <= LOG_BUDGET
    bulk_appreciations(partnership, alice, bob, 90)
    with django_assert_max_num_queries(small):
        response = bob_client.get(log_url(partnership) + cursor, headers=htmx_headers)
    assert response.content.decode().count('<li class="appreciation') == PAGE_SIZE


@pytest.mark.postgres_only
def test_the_log_query_uses_the_index_the_migration_adds(partnership, alice, bob):
    if connection.vendor != "postgresql":
        pytest.skip("the plan is PostgreSQL's")
    bulk_appreciations(partnership, alice, bob, 200)  # ten pages: ordered reads beat a sort
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE appreciations_appreciation")
    avoid_whole_table_reads()
    page = (
        Appreciation.objects.visible_to(alice)
        .filter(partnership=partnership)
        .order_by("-happened_on", "-pk")[:21]
    )
    assert "appreciation_log_order" in page.explain()


def test_a_new_one_dated_far_back_gets_a_link_at_the_top(bob_client, partnership, alice, bob):
    paged(partnership, bob, alice, 25)  # bob's own entries fill the first page
    old_day = timezone.localdate() - timedelta(days=200)
    far = make_appreciation(partnership, alice, bob, "Back in spring", happened_on=old_day)
    body = bob_client.get(log_url(partnership)).content.decode()
    notice = body.split('id="new-since-heading"')[1].split("</section>")[0]
    assert "1 new from Alice since your last visit" in notice
    assert far.get_absolute_url() in notice
    assert "Back in spring" not in log_part(body)
