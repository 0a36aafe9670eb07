"""No input answers 5xx: every URL (walked from the URL configuration) and every form,
with real ids and junk ones, junk query values and junk form data, as a member, an outsider
and a signed-out visitor.

Each request runs in a savepoint that is rolled back, so one junk POST (leaving the space,
deleting the account) cannot hide the rest; a view's exception is collected, not raised, so
one run lists every problem at once.
"""

import re
import traceback
from collections import Counter

import pytest
from django.conf import settings
from django.db import transaction
from django.test import Client

from tests.support.urls import build_world, real_values, routes

# Also on the embedded default: visiting every view there is how a statement SQLite
# rejects would show up.
pytestmark = pytest.mark.embedded

ROUTES = routes()
# The admin is Django's own (and answers only staff with two-factor): visited, not fuzzed.
APP_ROUTES = [route for route in ROUTES if not route.route.startswith("admin/")]
JUNK_PATH_VALUES = ["%00", "x" * 300, "-1", "abc", "ü🙂", "9" * 25]
JUNK_QUERY_VALUES = ["-1", "25:61 ü🙂", "9999-12", "x" * 2000 + "//evil.example/"]
QUERY_NAMES = [
    "next", "month", "after", "before", "q", "template", "page", "seen", "status", "depth",
    "drawn", "edit", "all", "text", "title", "category", "by", "quality", "why",
]  # fmt: skip
JUNK_FORM_VALUES = ["", "-1", "9999-12-31", "x" * 5000 + "ü🙂\r\nBcc: x@y.z", "\x00"]
# Fields of forms that only exist after a step (a POST-only URL shows none on GET).
FORM_NAMES = {
    "next", "text", "title", "why", "category", "choice", "reaction", "reply", "done",
    "starred", "hidden", "talked", "depth", "owner_choice", "owner", "connected", "trusted",
    "happened_on", "qualities", "share", "private", "email", "display_name", "time_zone",
    "password", "login", "code", "action", "version", "revision_id", "revisit_on", "confirm",
    "seen", "decision", "accept", "tell_partner", "takeaway", "answer", "cadence", "weekday",
    "pass", "is_on", "line", "language",
}  # fmt: skip
FIELD = re.compile(r'<(?:input|select|textarea|button)\b[^>]*\bname="([^"]+)"')


@pytest.fixture
def world(partnership, alice, bob, carol, other_partnership):
    return build_world(partnership, alice, bob)


class Visitor:
    """A client whose session survives each rolled-back request, collecting any 5xx."""

    def __init__(self, user=None):
        self.client = Client()
        if user is not None:
            self.client.force_login(user)
        self.cookie = self.client.cookies.get(settings.SESSION_COOKIE_NAME)
        self.problems = []
        self.statuses = Counter()

    def request(self, method, url, data=None, *, htmx=False):
        self.client.cookies.clear()
        if self.cookie is not None:
            self.client.cookies[settings.SESSION_COOKIE_NAME] = self.cookie.value
        headers = {"HX-Request": "true"} if htmx else {}
        try:
            with transaction.atomic():
                response = getattr(self.client, method)(url, data, headers=headers)
                transaction.set_rollback(True)
        except Exception as error:
            where = traceback.extract_tb(error.__traceback__)[-1]
            self.problems.append(
                f"{method.upper()} {url[:120]} {_short(data)}: {type(error).__name__}: "
                f"{str(error)[:160]} (at {where.filename}:{where.lineno})"
            )
            return None
        self.statuses[response.status_code] += 1
        if response.status_code >= 500:
            self.problems.append(
                f"{method.upper()} {url[:120]} {_short(data)}: {response.status_code}"
            )
        return response


def _short(data):
    return {k: (v[:12] if isinstance(v, str) else v) for k, v in (data or {}).items()} or ""


def _report(problems):
    return "\n".join(sorted(set(problems)))


def test_a_member_meets_no_5xx_on_any_page_or_form(world, alice):
    alice_visitor = Visitor(alice)
    names = set(FORM_NAMES)
    for route in APP_ROUTES:
        url = route.fill(real_values(world, route))
        for htmx in (False, True):
            response = alice_visitor.request("get", url, htmx=htmx)
            if response is not None and response.status_code == 200:
                names.update(FIELD.findall(response.content.decode(errors="replace")))
        for value in JUNK_QUERY_VALUES:
            alice_visitor.request("get", url, dict.fromkeys(QUERY_NAMES, value))
    names.discard("csrfmiddlewaretoken")
    # The walk reached the pages themselves, not only the sign-in page.
    assert alice_visitor.statuses[200] >= 100 and len(names) >= 40, (alice_visitor.statuses, names)
    for route in APP_ROUTES:
        url = route.fill(real_values(world, route))
        for index, value in enumerate(JUNK_FORM_VALUES):
            data = dict.fromkeys(names, value)
            alice_visitor.request("post", url, data, htmx=index % 2 == 1)
    assert not alice_visitor.problems, _report(alice_visitor.problems)


def test_junk_in_any_path_parameter_meets_no_5xx(world, alice):
    alice_visitor = Visitor(alice)
    for route in APP_ROUTES:
        real = real_values(world, route)
        for name in route.parameters():
            for index, junk in enumerate(JUNK_PATH_VALUES):
                url = route.fill(real | {name: junk})
                alice_visitor.request("get", url)
                if index % 2:
                    alice_visitor.request("post", url, {"next": "abc", "text": "x"})
    assert not alice_visitor.problems, _report(alice_visitor.problems)


def test_an_outsider_meets_no_5xx(world, carol):
    """That the space answers her 404 is tests/test_scoping.py's."""
    carol_visitor = Visitor(carol)
    for route in ROUTES:
        url = route.fill(real_values(world, route))
        for method in ("get", "post"):
            carol_visitor.request(method, url, {"next": "abc", "month": "9999-12", "text": "x"})
    assert not carol_visitor.problems, _report(carol_visitor.problems)


def test_a_signed_out_visitor_meets_no_5xx(world):
    stranger = Visitor()
    for route in ROUTES:
        url = route.fill(real_values(world, route))
        stranger.request("get", url, {"next": "abc", "month": "9999-12", "q": "x"})
        for value in ("abc", "x" * 5000, "\x00"):
            stranger.request("post", url, dict.fromkeys(FORM_NAMES, value))
    assert not stranger.problems, _report(stranger.problems)
