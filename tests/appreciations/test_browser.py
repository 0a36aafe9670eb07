"""Alice notices something Bob did; Bob sees it highlighted, reacts and replies; Alice sees
both; the chart counts it. Again without JavaScript, and the log loads more as it scrolls."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.appreciations.conftest import make_appreciation
from tests.support.browser import assert_accessible, save_screenshot
from trustapp.appreciations.views import PAGE_SIZE

pytestmark = [pytest.mark.browser]


def log_path(partnership):
    return f"/p/{partnership.public_id}/appreciations/"


def item(page, text):
    return page.locator("li.appreciation").filter(has_text=text)


def log_one(page, text, qualities):
    page.get_by_label("What did Bob do?").fill(text)
    for quality in qualities:
        page.get_by_label(quality, exact=True).check()
    page.get_by_role("button", name="Share with Bob").click()


def test_alice_appreciates_bob_who_reacts_and_replies(
    browser_page, live_server, transactional_db, partnership, alice, bob
):
    text = "Cooked dinner after my long day and asked nothing back."
    alice_page = browser_page(alice)
    alice_page.goto(log_path(partnership))
    assert_accessible(alice_page)
    log_one(alice_page, text, ["Kind", "Supportive"])
    mine = item(alice_page, text)
    expect(mine).to_be_visible()
    expect(mine.locator(".appreciation-qualities li")).to_have_text(["Supportive", "Kind"])
    expect(alice_page.get_by_text("Shared with Bob. Thank you for noticing.")).to_be_visible()

    bob_page = browser_page(bob, phone=True)
    bob_page.goto(log_path(partnership))
    received = item(bob_page, text)
    expect(received).to_have_class("appreciation is-new")
    expect(received.get_by_text("New", exact=True)).to_be_visible()
    expect(bob_page.get_by_role("heading", name="1 new from Alice")).to_be_visible()
    assert_accessible(bob_page)
    save_screenshot(bob_page, "appreciations-bob-new-phone")

    received.get_by_role("button", name="Heart").click()
    expect(item(bob_page, text).get_by_role("button", name="Heart")).to_have_attribute(
        "aria-pressed", "true"
    )
    item(bob_page, text).locator(".reply-details summary").click()
    item(bob_page, text).get_by_label("A short reply to Alice").fill("It was lovely to do.")
    item(bob_page, text).get_by_role("button", name="Send reply").click()
    expect(item(bob_page, text).locator(".appreciation-reply")).to_contain_text(
        "It was lovely to do."
    )
    assert_accessible(bob_page)
    assert bob_page.js_errors == []

    alice_page.reload()
    mine = item(alice_page, text)
    expect(mine).to_contain_text("Bob sent a heart")
    expect(mine.locator(".appreciation-reply")).to_contain_text("Bob replied: It was lovely to do.")
    assert_accessible(alice_page)
    save_screenshot(alice_page, "appreciations-alice-log")

    alice_page.get_by_role("link", name="Looking back").first.click()
    expect(alice_page.get_by_role("heading", name="Looking back", level=1)).to_be_visible()
    expect(alice_page.get_by_role("img", name="Shared appreciations per week")).to_be_visible()
    alice_page.get_by_text("Show the numbers as a table").click()
    this_week = alice_page.locator("table tbody tr").last
    expect(this_week.locator("td")).to_have_text(["1", "0"])
    assert_accessible(alice_page)
    save_screenshot(alice_page, "appreciations-looking-back")
    assert alice_page.js_errors == []


def test_logging_and_reacting_work_without_javascript(
    browser_page, live_server, transactional_db, partnership, alice, bob
):
    alice_page = browser_page(alice, java_script_enabled=False)
    alice_page.goto(partnership.get_absolute_url())
    alice_page.get_by_text("Write down something Bob did").click()  # the form opens on demand
    log_one(alice_page, "Remembered my dentist appointment for me.", ["Reliable", "Present"])
    expect(alice_page.get_by_text("Shared with Bob. Thank you for noticing.")).to_be_visible()
    expect(alice_page.locator(".appreciations-card")).to_be_visible()

    bob_page = browser_page(bob, java_script_enabled=False)
    bob_page.goto(log_path(partnership))
    received = item(bob_page, "Remembered my dentist appointment")
    expect(received).to_have_class("appreciation is-new")
    received.get_by_role("button", name="Thank you").click()
    expect(bob_page).to_have_url(
        f"{live_server.url}{log_path(partnership)}#appreciation-{received_pk(partnership)}"
    )
    received = item(bob_page, "Remembered my dentist appointment")
    expect(received.get_by_role("button", name="Thank you")).to_have_attribute(
        "aria-pressed", "true"
    )
    received.locator(".reply-details summary").click()
    received.get_by_label("A short reply to Alice").fill("Anytime.")
    received.get_by_role("button", name="Send reply").click()
    expect(item(bob_page, "Remembered my dentist").locator(".appreciation-reply")).to_contain_text(
        "Anytime."
    )
    # No axe here: it needs JavaScript; the same pages are checked in the journey above.


def received_pk(partnership):
    return partnership.appreciations.get().pk


def test_the_log_loads_older_entries_as_it_scrolls(
    browser_page, live_server, transactional_db, partnership, alice, bob
):
    today = timezone.localdate()
    for index in range(2 * PAGE_SIZE + 5):
        make_appreciation(
            partnership, alice, bob, f"Entry {index}.", happened_on=today - timedelta(days=index)
        )
    page = browser_page(alice)
    page.goto(log_path(partnership))
    expect(page.locator("li.appreciation")).to_have_count(PAGE_SIZE)
    page.locator("li.appreciation").last.scroll_into_view_if_needed()
    expect(page.locator("li.appreciation")).to_have_count(2 * PAGE_SIZE)
    page.locator("li.appreciation").last.scroll_into_view_if_needed()
    expect(page.locator("li.appreciation")).to_have_count(2 * PAGE_SIZE + 5)
    expect(item(page, f"Entry {2 * PAGE_SIZE + 4}.")).to_be_visible()
    expect(page.locator("#appreciation-pager")).to_contain_text("That is everything")
    assert page.js_errors == []
