"""Built from the URL configuration itself, so a new view is covered without anyone
remembering to add it: every URL inside a partnership, filled with the ids of objects that
exist in it, answers an outsider with 404 and a signed-out visitor with a redirect to
sign-in. (tests/test_fuzz.py walks the same URLs with junk, asserting no 5xx.)

Each test walks every route over one world (building it costs more than all the requests
together) and lists every route that answered wrongly, not only the first."""

import pytest
from django.urls import reverse

from tests.support.urls import build_world, real_values, routes

PARTNERSHIP_ROUTES = [route for route in routes() if route.in_partnership]


@pytest.fixture
def world(partnership, alice, bob):
    return build_world(partnership, alice, bob)


def urls(world):
    return [route.fill(real_values(world, route)) for route in PARTNERSHIP_ROUTES]


def test_an_outsider_gets_404_everywhere_in_a_partnership(carol_client, other_partnership, world):
    wrong = []
    for url in urls(world):
        for method in ("get", "post"):
            response = getattr(carol_client, method)(
                url, headers={"HX-Request": "true"} if method == "get" else {}
            )
            # 405 (a method the URL never takes) says nothing about whether the space exists.
            allowed = {404, 405} if method == "post" else {404}
            if response.status_code not in allowed:
                wrong.append(f"{method.upper()} {url} answered {response.status_code}")
    assert not wrong, "\n".join(wrong)


def test_a_signed_out_visitor_is_sent_to_sign_in(client, world):
    wrong = []
    for url in urls(world):
        for method in ("get", "post"):
            response = getattr(client, method)(url)
            if method == "post" and response.status_code == 405:
                continue
            if response.status_code != 302 or not response["Location"].startswith(
                reverse("account_login")
            ):
                wrong.append(f"{method.upper()} {url} answered {response.status_code}")
    assert not wrong, "\n".join(wrong)


def test_the_ids_are_real_so_a_member_reaches_the_pages(alice_client, world):
    """Otherwise an outsider's 404 above could come from an object that does not exist."""
    reached = [url for url in urls(world) if alice_client.get(url).status_code == 200]
    assert len(reached) >= 30, reached
