"""Two partners: Bob ticks off a small step; Alice, on her phone, tells him she noticed in
one tap with a line, and Bob finds it in the log. With JavaScript off, Bob notices that
Alice keeps an agreement they both hold."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.agreements.conftest import in_force
from tests.checkins.support import action_point, open_checkin
from tests.support.browser import assert_accessible, save_screenshot
from trustapp.agreements import library

pytestmark = [pytest.mark.browser]


def test_a_kept_step_and_a_kept_agreement_become_appreciations(
    browser_page, live_server, transactional_db, partnership, alice, bob
):
    library.load()  # a transactional test starts without the agreements' data
    checkin = open_checkin(partnership)
    step = action_point(checkin, "Book the train tickets", owner=bob)
    agreement = in_force(partnership, alice, bob, title="Phones away at dinner")

    bob_page = browser_page(bob, phone=True)
    bob_page.goto(checkin.get_absolute_url())
    done = bob_page.locator(f"#action-{step.pk}").get_by_role("button", name="Done")
    done.click()
    expect(done).to_have_attribute("aria-pressed", "true")
    # Nobody notices their own step.
    expect(bob_page.get_by_role("button", name="I noticed you kept this")).to_have_count(0)

    alice_page = browser_page(alice, phone=True)
    alice_page.goto(checkin.get_absolute_url())
    row = alice_page.locator(f"#action-{step.pk}")
    row.get_by_text("Add a line").click()
    row.get_by_label("A line to go with it (if you like)").fill("Early, and the window seats!")
    row.get_by_role("button", name="I noticed you kept this").click()
    expect(row.get_by_role("status")).to_contain_text("You told Bob you noticed")
    assert_accessible(alice_page)
    save_screenshot(alice_page, "noticed-step-phone")

    bob_page.goto(reverse("appreciations:log", args=[partnership.public_id]))
    entry = bob_page.locator(".appreciation").first
    expect(entry).to_contain_text("Early, and the window seats!")
    expect(entry).to_contain_text("Kept a small step: Book the train tickets")
    expect(entry).to_contain_text("Reliable")
    assert not alice_page.js_errors and not bob_page.js_errors

    plain = browser_page(bob, java_script_enabled=False)
    plain.goto(agreement.get_absolute_url())
    plain.get_by_role("button", name="I noticed you kept this").click()
    expect(plain.get_by_text("You told Alice you noticed.")).to_be_visible()
    expect(plain.get_by_role("heading", name="Phones away at dinner")).to_be_visible()
