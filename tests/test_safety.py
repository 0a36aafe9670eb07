"""Safety: a quick exit on every page, and where to find help in many countries."""

import re
from html.parser import HTMLParser

from django.test import override_settings
from django.urls import reverse

from trustapp.views import helplines

NEUTRAL = "https://www.wikipedia.org/"


class QuickExits(HTMLParser):
    """The quick exit links of a page, with the page's scripts."""

    def __init__(self):
        super().__init__()
        self.exits = []
        self.scripts = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and "data-quick-exit" in attrs:
            self.exits.append(attrs)
        if tag == "script" and attrs.get("src"):
            self.scripts.append(attrs["src"])


def quick_exits(response):
    parser = QuickExits()
    parser.feed(response.content.decode())
    return parser


def assert_one_plain_quick_exit(response, url=NEUTRAL):
    found = quick_exits(response)
    assert len(found.exits) == 1, response.request["PATH_INFO"]
    link = found.exits[0]
    # Without JavaScript: a plain link that opens in place, outside htmx, telling nothing.
    assert link["href"] == url
    assert "target" not in link
    assert link["hx-boost"] == "false"
    assert link["rel"] == "noreferrer"
    assert any(src.endswith("js/quick-exit.js") for src in found.scripts)


def test_every_page_signed_out_has_a_quick_exit(client, db):
    for name in ("home", "account_login", "account_signup", "safety", "offline"):
        response = client.get(reverse(name))
        assert response.status_code == 200, name
        assert_one_plain_quick_exit(response)


def test_every_page_signed_in_has_a_quick_exit(alice_client, partnership):
    pid = partnership.public_id
    for url in (
        reverse("home") + "?all",
        reverse("couples:home", args=[pid]),
        reverse("appreciations:log", args=[pid]),
        reverse("checkins:history", args=[pid]),
        reverse("accounts:profile"),
        reverse("privacy:privacy"),
        reverse("safety"),
    ):
        response = alice_client.get(url)
        assert response.status_code == 200, url
        assert_one_plain_quick_exit(response)


@override_settings(QUICK_EXIT_URL="https://weather.example.org/")
def test_a_host_can_choose_the_neutral_site(client, db):
    assert_one_plain_quick_exit(
        client.get(reverse("account_login")), "https://weather.example.org/"
    )


# -- Where to find help ------------------------------------------------------------------


def test_the_list_covers_at_least_ten_countries_each_with_a_phone_and_a_website():
    data = helplines()
    assert len({line["country"] for line in data["lines"]}) >= 10
    for line in data["lines"]:
        assert re.fullmatch(r"[0-9][0-9 \-]{2,}", line["phone"]), line
        assert line["website"].startswith("https://"), line
        assert line["name"] and line["about"], line
    assert data["checked"].isoformat() == "2026-12-07"


def test_the_safety_page_shows_each_line_with_the_date_it_was_checked(client, db):
    body = client.get(reverse("safety")).content.decode()
    data = helplines()
    for line in data["lines"]:
        assert f"<h3>{line['country']}</h3>" in body
        assert f'href="tel:{line["dial"]}"' in body
        assert f'href="{line["website"]}"' in body
    assert 'Checked on <time datetime="2026-12-07">7 December 2026</time>' in body
    assert 'href="https://findahelpline.com/"' in body


def test_a_number_is_dialled_as_written_without_its_spaces():
    lines = {line["country"]: line for line in helplines()["lines"]}
    assert lines["United Kingdom"]["dial"] == "08082000247"
    assert lines["United States"]["dial"] == "18007997233"


def test_the_safety_page_explains_discreet_mode_and_the_quick_exit(client, db):
    body = client.get(reverse("safety")).content.decode()
    assert "Discreet mode" in body
    assert "You have an update" in body
    assert f'href="{reverse("privacy:privacy")}"' in body
    assert "pressing Escape three times" in body
