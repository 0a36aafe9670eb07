"""Kept pages (trustapp/lib/pagecache.py): fast on a second visit, never stale, never crossed.

These run with the production setting (PAGE_CACHE on, Redis). Each test visits a page,
so it is kept, then changes something the way a person or the app would, and checks that
the next visit shows it.
"""

import datetime
import io
import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.conftest import PASSWORD, make_partnership
from trustapp.appreciations import services as appreciations
from trustapp.appreciations.models import Appreciation
from trustapp.lib import pagecache

TODAY = datetime.date(2026, 11, 20)


def home(partnership):
    return partnership.get_absolute_url()


def log(partnership):
    return reverse("appreciations:log", args=[partnership.public_id])


def visit(client, url, **headers):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, headers=headers)
    assert response.status_code == 200, response.content[:500]
    return response.content.decode(), len(queries)


def kept(client, url):
    """Visit twice: the first visit sets the CSRF cookie, the second is kept."""
    client.get(url)
    body, _queries = visit(client, url)
    return body


def share(partnership, author, text):
    return appreciations.appreciation_create(
        partnership=partnership, author=author, text=text, happened_on=TODAY
    )


@pytest.fixture(autouse=True)
def _on(settings):
    settings.PAGE_CACHE = True


@pytest.mark.parametrize(
    "name, args",
    [
        ("couples:home", []),
        ("agreements:list", []),
        ("agreements:boundaries", []),
        ("appreciations:log", []),
        ("appreciations:looking_back", []),
        ("conversations:index", []),
        ("conversations:history", []),
        ("checkins:history", []),
        ("checkins:trend", []),
    ],
)
def test_a_second_visit_is_the_same_page_for_three_queries(alice_client, partnership, name, args):
    """The session, the person, and the access check that every page of a space makes."""
    url = reverse(name, args=[partnership.public_id, *args])
    alice_client.get(url)
    alice_client.get(url)  # the log's first visit sets its read marker
    pagecache.changed(partnership.pk)
    first, rendered = visit(alice_client, url)
    again, queries = visit(alice_client, url)
    assert again == first
    assert queries == 3 < rendered


def test_a_kept_page_is_one_round_trip_to_redis(alice_client, partnership, monkeypatch):
    """The generations and the page are read together, through one shared client."""
    from django.core.cache import cache

    url = home(partnership)
    kept(alice_client, url)
    client = cache._cache.get_client()
    assert cache._cache.get_client(write=True) is client  # built once, not per call
    commands = []
    real = client.execute_command
    monkeypatch.setattr(
        client, "execute_command", lambda *args, **kw: commands.append(args[0]) or real(*args, **kw)
    )
    again, queries = visit(alice_client, url)
    assert commands == ["MGET"]
    assert queries == 3
    share(partnership, partnership.member_list()[1].user, "Thank you for the soup")
    pagecache.changed(partnership.pk)  # what a request that wrote does on its way out
    commands.clear()
    fresh, _queries = visit(alice_client, url)
    assert "soup" in fresh and "soup" not in again
    assert commands[0] == "MGET" and "SET" in commands  # rendered, then kept


def test_a_kept_page_costs_the_same_with_a_thousand_times_more(
    alice_client, alice, bob, partnership
):
    url = log(partnership)
    for _visit in range(3):  # the CSRF cookie, the read marker, then the page is kept
        alice_client.get(url)
    _body, few = visit(alice_client, url)
    Appreciation.objects.bulk_create(
        Appreciation(
            partnership=partnership,
            author=bob,
            recipient=alice,
            text=f"Thanks {n}",
            happened_on=TODAY,
            shared_at=timezone.now(),
        )
        for n in range(1000)
    )
    pagecache.changed(partnership.pk)
    for _visit in range(3):  # the marker moves and settles, then the page is kept
        alice_client.get(url)
    body, many = visit(alice_client, url)
    assert "Thanks 999" in body
    assert few == many == 3


def test_the_spaces_list_is_kept_and_follows_a_new_space(alice_client, alice, partnership, carol):
    url = reverse("home") + "?all"
    body = kept(alice_client, url)
    assert "With Carol" not in body
    _body, queries = visit(alice_client, url)
    assert queries == 3  # session, person, their spaces; nothing rendered

    make_partnership(alice, carol)  # even written straight to the database
    body, _queries = visit(alice_client, url)
    assert "With Carol" in body


def test_what_bob_shares_shows_on_alices_next_visit(alice_client, bob_client, partnership):
    before = kept(alice_client, log(partnership))
    assert "You carried the shopping" not in before
    response = bob_client.post(
        reverse("appreciations:new", args=[partnership.public_id]),
        {"text": "You carried the shopping", "happened_on": TODAY.isoformat()},
    )
    assert response.status_code == 302
    body, _queries = visit(alice_client, log(partnership))
    assert "You carried the shopping" in body


def test_a_private_note_never_reaches_the_partner_through_the_cache(
    alice_client, bob_client, alice, partnership
):
    appreciations.appreciation_create(
        partnership=partnership,
        author=alice,
        text="Only mine for now",
        happened_on=TODAY,
        share=False,
    )
    assert "Only mine for now" in kept(alice_client, log(partnership))
    assert "Only mine for now" not in kept(bob_client, log(partnership))


def test_each_browser_gets_its_own_page_and_a_token_that_works(alice, partnership):
    first, second = (Client(enforce_csrf_checks=True) for _ in range(2))
    for client in (first, second):
        assert client.login(email=alice.email, password=PASSWORD)
    new_url = reverse("appreciations:log", args=[partnership.public_id])
    kept(first, new_url)
    body = kept(second, new_url)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1)
    response = second.post(
        reverse("appreciations:new", args=[partnership.public_id]),
        {"csrfmiddlewaretoken": token, "text": "Second browser", "happened_on": "2026-11-20"},
    )
    assert response.status_code == 302


def test_a_notice_after_a_change_is_shown_even_when_the_page_was_kept(alice_client, partnership):
    kept(alice_client, log(partnership))
    response = alice_client.post(
        reverse("appreciations:new", args=[partnership.public_id]),
        {"text": "You made tea", "happened_on": TODAY.isoformat()},
        follow=True,
    )
    assert "Thank you for noticing." in response.content.decode()
    # The page with the notice was not kept: the visit after shows it no more.
    body, _queries = visit(alice_client, log(partnership))
    assert "Thank you for noticing." not in body


def test_a_visit_that_moves_a_marker_refreshes_the_other_pages(
    alice_client, bob_client, partnership
):
    kept(alice_client, home(partnership))
    bob_client.post(
        reverse("appreciations:new", args=[partnership.public_id]),
        {"text": "You listened", "happened_on": TODAY.isoformat()},
    )
    body, _queries = visit(alice_client, home(partnership))
    assert "1</span> new from Bob" in body
    kept(alice_client, home(partnership))

    visit(alice_client, log(partnership))  # reads it: the marker moves, nothing is kept
    body, _queries = visit(alice_client, home(partnership))
    assert "new from Bob" not in body


def test_when_bob_leaves_alice_sees_the_space_has_ended(alice_client, bob_client, partnership):
    assert "This space ended" not in kept(alice_client, home(partnership))
    response = bob_client.post(
        reverse("couples:leave", args=[partnership.public_id]), {"confirm": "on"}
    )
    assert response.status_code == 302
    body, _queries = visit(alice_client, home(partnership))
    assert "This space ended" in body


def test_a_new_day_renders_again(alice_client, partnership, monkeypatch):
    url = home(partnership)
    kept(alice_client, url)
    _body, queries = visit(alice_client, url)
    assert queries == 3
    # The next day on the reader's own clock (near midnight UTC's date is not theirs).
    today = pagecache.timezone.localdate
    monkeypatch.setattr(
        pagecache.timezone,
        "localdate",
        lambda *args, **kwargs: today(*args, **kwargs) + datetime.timedelta(days=1),
    )
    _body, queries = visit(alice_client, url)
    assert queries > 3


def test_a_library_change_renders_every_space_again(alice_client, partnership):
    url = reverse("conversations:index", args=[partnership.public_id])
    kept(alice_client, url)
    pagecache.changed(everyone=True)
    _body, queries = visit(alice_client, url)
    assert queries > 3
    # The loaders say so themselves when something changed.
    visit(alice_client, url)
    call_command("load_agreement_templates", stdout=io.StringIO())
    _body, queries = visit(alice_client, url)
    assert queries > 3


def test_htmx_pieces_and_the_setting_off_are_never_kept(alice_client, partnership, settings):
    url = log(partnership)
    alice_client.get(url)
    for _ in range(2):
        _body, queries = visit(alice_client, url, HX_Request="true")
        assert queries > 3
    # A boosted link gets the whole page, which is kept like any other.
    boosted = {"HX_Request": "true", "HX_Boosted": "true"}
    page, _queries = visit(alice_client, home(partnership), **boosted)
    again, queries = visit(alice_client, home(partnership), **boosted)
    assert (again, queries) == (page, 3)
    settings.PAGE_CACHE = False
    for _ in range(2):
        _body, queries = visit(alice_client, url)
        assert queries > 3


def test_a_change_is_announced_again_once_its_transaction_commits(
    partnership, django_capture_on_commit_callbacks
):
    key = f"pagecache:gen:p{partnership.pk}"
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        pagecache.changed(partnership.pk)
    from django.core.cache import cache

    during = cache.get(key)
    assert during is not None and len(callbacks) == 1
    callbacks[0]()
    assert cache.get(key) not in (None, during)


def test_what_counts_as_a_write():
    request_writes = pagecache.WriteSpotter()
    request_writes(lambda *args: None, 'UPDATE "couples_partnership" SET x = 1', (), False, {})
    assert request_writes.wrote
    quiet = pagecache.WriteSpotter()
    quiet(lambda *args: None, 'UPDATE "django_session" SET x = 1', (), False, {})
    quiet(lambda *args: None, "SELECT 1", (), False, {})
    assert not quiet.wrote
