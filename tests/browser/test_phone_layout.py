"""At phone width (390 px): the section navigation shows whole words, the current section
marked, and a space's home fits in a few screens, its forms opening on demand."""

import importlib

import pytest
from django.urls import reverse

from tests.support.browser import save_screenshot

pytestmark = [pytest.mark.browser, pytest.mark.production_only]

DEMO_APPS = ["agreements", "appreciations", "conversations", "checkins"]
PHONE_SCREEN = 844
# A few screens at most (it was 6,700 px: the whole appreciation form and the data choice
# came first).
HOME_MAX_HEIGHT = 3 * PHONE_SCREEN

CLIPPED_LINKS = """() => [...document.querySelectorAll('.top-nav a')].filter(a => {
    const box = a.getBoundingClientRect();
    return a.scrollWidth > a.clientWidth || box.left < 0 || box.right > window.innerWidth;
}).map(a => a.textContent.trim())"""


def seed(partnership, alice, bob):
    for app in DEMO_APPS:
        importlib.import_module(f"trustapp.{app}.demo").seed(partnership, alice, bob)


def test_at_phone_width_the_navigation_shows_whole_words_and_the_home_is_short(
    browser_page, live_server, transactional_db, partnership, alice, bob
):
    seed(partnership, alice, bob)
    page = browser_page(alice, phone=True)
    pid = partnership.public_id
    for name in ("couples:home", "appreciations:log", "conversations:index", "checkins:trend"):
        page.goto(reverse(name, args=[pid]))
        assert page.evaluate(CLIPPED_LINKS) == [], name
        current = page.locator(".nav-sections a[aria-current=page]")
        assert current.count() == 1, name
        assert current.evaluate("a => getComputedStyle(a).fontWeight") == "600"
    page.set_viewport_size({"width": 320, "height": 640})  # the narrowest phones
    for name in ("couples:home", "wins:index", "questions:today"):
        page.goto(reverse(name, args=[pid]))
        assert page.evaluate(CLIPPED_LINKS) == [], f"{name} at 320 px"
    page.set_viewport_size({"width": 390, "height": PHONE_SCREEN})
    page.goto(reverse("couples:home", args=[pid]))
    save_screenshot(page, "home-phone")
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height <= HOME_MAX_HEIGHT, f"the home is {height} px tall on a phone"
