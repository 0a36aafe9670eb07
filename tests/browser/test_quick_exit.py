"""Alice is reading her space when someone comes near. Escape three times, or the "Quick
exit" button, puts a neutral site in place of the page: Back does not bring Trustapp back."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.support.browser import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.production_only]

NEUTRAL = "https://www.wikipedia.org/"


def neutral_site(page):
    """The neutral site, answered inside the browser (the tests have no internet)."""
    page.context.route(
        NEUTRAL + "**",
        lambda route: route.fulfill(
            body="<!DOCTYPE html><title>Encyclopedia</title><p>Neutral</p>",
            content_type="text/html",
        ),
    )


def walk_to(page, *paths):
    for path in paths:
        page.goto(path)
    return page.evaluate("history.length")


def test_the_shortcut_and_the_button_leave_and_replace_the_history_entry(
    browser_page, live_server, transactional_db, partnership, alice
):
    page = browser_page(alice)
    neutral_site(page)
    home = reverse("couples:home", args=[partnership.public_id])
    log = reverse("appreciations:log", args=[partnership.public_id])

    # The keyboard: one Escape closes things as usual and stays; three in a row leave.
    entries = walk_to(page, home, log)
    page.keyboard.press("Escape")
    page.wait_for_timeout(200)
    assert page.url.endswith(log)
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    page.wait_for_url(NEUTRAL)
    assert page.evaluate("history.length") == entries
    page.go_back()
    assert page.url.endswith(home)  # the page she was on is gone from the tab's history

    # The button, seen at the top of the page: here the safety page, which explains it.
    entries = walk_to(page, reverse("safety"))
    assert_accessible(page)
    button = page.get_by_role("link", name="Quick exit")
    expect(button).to_be_visible()
    assert button.bounding_box()["y"] < 100
    button.click()
    page.wait_for_url(NEUTRAL)
    assert page.evaluate("history.length") == entries
    page.go_back()
    assert page.url.endswith(home)
    assert page.js_errors == []


def test_without_javascript_the_button_is_a_plain_link_that_opens_in_place(
    browser_page, live_server, transactional_db
):
    page = browser_page(java_script_enabled=False)
    neutral_site(page)
    page.goto(reverse("account_login"))
    page.get_by_role("link", name="Quick exit").click()
    page.wait_for_url(NEUTRAL)
    assert len(page.context.pages) == 1
