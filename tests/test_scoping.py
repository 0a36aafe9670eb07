"""Built from the URL configuration itself, so a new view is covered without anyone
remembering to add it: every URL inside a partnership answers an outsider with 404
and a signed-out visitor with a redirect to sign-in."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

SAMPLE_VALUES = {
    "int": "1",
    "str": "x",
    "slug": "x",
    "uuid": "00000000-0000-0000-0000-000000000000",
    "path": "x",
}


def walk(patterns, prefix=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from walk(entry.url_patterns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern)


def partnership_routes():
    routes = sorted(
        {route for route in walk(get_resolver().url_patterns) if "<str:public_id>" in route}
    )
    assert len(routes) >= 4, routes  # the walk itself must find the couples URLs
    return routes


def fill(route, public_id):
    import re

    path = route.replace("<str:public_id>", public_id)
    path = re.sub(r"<(\w+):\w+>", lambda m: SAMPLE_VALUES.get(m.group(1), "x"), path)
    path = re.sub(r"<\w+>", "x", path)
    return "/" + path.lstrip("^").rstrip("$")


@pytest.mark.parametrize("route", partnership_routes())
def test_an_outsider_gets_404_everywhere_in_a_partnership(
    route, carol_client, partnership, other_partnership
):
    url = fill(route, partnership.public_id)
    for method in ("get", "post"):
        response = getattr(carol_client, method)(
            url, headers={"HX-Request": "true"} if method == "get" else {}
        )
        # 405 (a method the URL never takes) says nothing about whether the space exists.
        allowed = {404, 405} if method == "post" else {404}
        assert response.status_code in allowed, (
            f"{method.upper()} {url} answered {response.status_code}"
        )


@pytest.mark.parametrize("route", partnership_routes())
def test_a_signed_out_visitor_is_sent_to_sign_in(route, client, partnership):
    url = fill(route, partnership.public_id)
    for method in ("get", "post"):
        response = getattr(client, method)(url)
        if method == "post" and response.status_code == 405:
            continue
        assert response.status_code == 302, (
            f"{method.upper()} {url} answered {response.status_code}"
        )
        assert response["Location"].startswith(reverse("account_login"))
