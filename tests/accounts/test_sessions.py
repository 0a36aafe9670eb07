"""See where you are signed in and sign out everywhere else."""

from allauth.usersessions.models import UserSession
from django.test import Client
from django.urls import reverse

from tests.conftest import PASSWORD

CHROME_ON_ANDROID = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36"
)
FIREFOX_ON_WINDOWS = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0"
)


def signed_in(user, user_agent):
    """A browser that signed in through the real form (that is what records a session)."""
    client = Client(headers={"user-agent": user_agent})
    client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    return client


def test_the_sessions_page_lists_each_device_in_plain_words(alice):
    phone = signed_in(alice, CHROME_ON_ANDROID)
    laptop = signed_in(alice, FIREFOX_ON_WINDOWS)
    response = laptop.get(reverse("usersessions_list"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Chrome on Android" in body and "Firefox on Windows" in body
    assert body.count("This device") == 1
    assert "Sign out everywhere else" in body
    assert phone.get(reverse("accounts:profile")).status_code == 200


def test_signing_out_everywhere_else_keeps_this_device(alice):
    phone = signed_in(alice, CHROME_ON_ANDROID)
    laptop = signed_in(alice, FIREFOX_ON_WINDOWS)
    response = laptop.post(reverse("usersessions_list"), follow=True)
    assert b"You are now signed out everywhere else." in response.content
    assert UserSession.objects.filter(user=alice).count() == 1
    assert laptop.get(reverse("accounts:profile")).status_code == 200
    response = phone.get(reverse("accounts:profile"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_with_one_session_there_is_nothing_else_to_sign_out(alice):
    body = signed_in(alice, CHROME_ON_ANDROID).get(reverse("usersessions_list")).content
    assert b"You are signed in only here." in body
    assert b"Sign out everywhere else" not in body


def test_someone_else_s_sessions_never_show(alice, bob):
    signed_in(bob, FIREFOX_ON_WINDOWS)
    body = signed_in(alice, CHROME_ON_ANDROID).get(reverse("usersessions_list")).content
    assert b"Firefox" not in body


def test_the_sessions_page_needs_sign_in(client, db):
    response = client.get(reverse("usersessions_list"))
    assert response["Location"].startswith(reverse("account_login"))


def count_queries_for_sessions_page(user, sessions):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for number in range(sessions - 1):
        signed_in(user, f"{CHROME_ON_ANDROID} {number}")
    client = signed_in(user, FIREFOX_ON_WINDOWS)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("usersessions_list")).status_code == 200
    return len(queries)


def test_the_sessions_page_costs_a_fixed_few_queries_per_session(alice, bob):
    # allauth checks that each listed session is still alive (session row, its
    # user) and drops stale ones. A person has a handful of devices, so this stays
    # small, and it never grows with anything else.
    one = count_queries_for_sessions_page(alice, 1)
    six = count_queries_for_sessions_page(bob, 6)
    assert one <= 10
    assert six - one <= 3 * 5
