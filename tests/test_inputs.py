"""Bytes no person types (NUL and other control characters) never reach the database.

Before trustapp/lib/inputs.py, a NUL in a path segment, a query value or the session cookie
reached PostgreSQL (DataError, a 500) on every space page, the polls and sign-in.
"""

import pytest
from django.conf import settings
from django.urls import reverse

from tests.accounts.helpers import is_signed_in
from tests.conftest import PASSWORD

SPACE_PAGES = [
    "/p/{pid}/",
    "/p/{pid}/our-data/",
    "/p/{pid}/agreements/",
    "/p/{pid}/agreements/new/",
    "/p/{pid}/appreciations/",
    "/p/{pid}/conversations/",
    "/p/{pid}/conversations/draw/?depth=light",
    "/p/{pid}/check-ins/",
]
QUERIES = ["q", "template", "after", "month", "next", "status", "page", "seen", "before"]


def _plainly_refused(response):
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/plain")
    assert "no link of ours contains" in response.content.decode()


@pytest.mark.parametrize("page", SPACE_PAGES)
def test_a_nul_in_the_path_is_refused_plainly(alice_client, partnership, page):
    _plainly_refused(alice_client.get(page.format(pid="%00")))
    _plainly_refused(alice_client.get(page.format(pid=partnership.public_id + "%00")))


@pytest.mark.parametrize("page", SPACE_PAGES)
def test_a_nul_in_a_query_value_is_refused_plainly(alice_client, partnership, page):
    url = page.format(pid=partnership.public_id)
    joiner = "&" if "?" in url else "?"
    for name in QUERIES:
        _plainly_refused(alice_client.get(f"{url}{joiner}{name}=%00"))
        _plainly_refused(alice_client.get(f"{url}{joiner}{name}=a%01b"))


def test_a_nul_in_a_query_name_is_refused_plainly(alice_client, partnership):
    _plainly_refused(alice_client.get(f"/p/{partnership.public_id}/?q%00=1"))


def test_the_polls_refuse_a_nul_plainly(alice_client, partnership, htmx_headers):
    pid = partnership.public_id
    for url in (
        "/p/%00/conversations/1/status/?seen=00",
        f"/p/{pid}/conversations/1/status/?seen=%00",
        "/p/%00/check-ins/1/answers/?seen=waiting",
        f"/p/{pid}/check-ins/1/answers/?seen=%00",
    ):
        _plainly_refused(alice_client.get(url, headers=htmx_headers))


def test_sign_in_refuses_a_nul_in_its_query_plainly(client, db):
    _plainly_refused(client.get(reverse("account_login") + "?next=%00"))


def test_sign_in_refuses_a_nul_in_a_header_plainly(client, alice):
    data = {"login": "alice@example.com", "password": PASSWORD}
    response = client.post(reverse("account_login"), data, headers={"User-Agent": "Firefox\x00"})
    _plainly_refused(response)
    assert not is_signed_in(client)


def test_a_line_break_in_a_prefilled_text_is_still_welcome(alice_client, partnership):
    url = reverse("appreciations:new", args=[partnership.public_id])
    response = alice_client.get(url + "?text=Soup%0D%0Aand%09bread")
    assert response.status_code == 200
    assert "Soup\r\nand\tbread</textarea>" in response.content.decode()


@pytest.mark.parametrize("cookie", ["\x00", "abc\x00def" * 4, "a" * 31 + "\x00", "x" * 65, "ÄÖ"])
def test_a_garbled_session_cookie_is_no_session(client, alice, partnership, cookie):
    client.cookies[settings.SESSION_COOKIE_NAME] = cookie
    response = client.get(reverse("couples:home", args=[partnership.public_id]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert response.cookies[settings.SESSION_COOKIE_NAME].value == ""  # told to forget it

    client.cookies[settings.SESSION_COOKIE_NAME] = cookie
    assert client.get(reverse("account_login")).status_code == 200
    client.cookies[settings.SESSION_COOKIE_NAME] = cookie
    response = client.post(
        reverse("account_login"), {"login": "alice@example.com", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert is_signed_in(client)


def test_a_real_session_cookie_still_signs_in(alice_client, partnership):
    response = alice_client.get(reverse("couples:home", args=[partnership.public_id]))
    assert response.status_code == 200
    assert settings.SESSION_COOKIE_NAME not in response.cookies
