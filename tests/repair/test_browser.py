"""Two partners in two browsers look back on a hard moment: Alice on a phone with
JavaScript, Bob on a computer without it. Bob never sees Alice's words before he has
finished; Alice's page shows his side by itself once he has, then his "I hear you" and
his yes to her apology as they come; a topic for the next check-in, and a pause with a
time to come back. Alice's browser runs its poll timers at once (page.clock) instead of
waiting for them."""

import re

import pytest
from playwright.sync_api import expect

from tests.repair.conftest import url
from tests.support.browser import assert_accessible, save_screenshot
from trustapp.agreements import library
from trustapp.checkins.models import AgendaItem
from trustapp.repair.steps import STEPS

pytestmark = [pytest.mark.browser]
# The status line polls every 3 seconds (templates/repair/_status.html).
POLL_MS = 3_000


def write_steps(page, mark):
    for step in STEPS:
        page.get_by_role("textbox", name=str(step.title)).fill(f"{step.title}: {mark}")
        last = step.number == len(STEPS)
        page.get_by_role("button", name="Finish" if last else "Save and go on").click()
        if not last:
            expect(page.get_by_text(f"Step {step.number + 1} of 5")).to_be_visible()


def test_two_partners_look_back_on_a_hard_moment_and_take_a_pause(
    browser_page, live_server, transactional_db, partnership, alice, bob
):
    library.load()
    alice_page = browser_page(alice, phone=True)
    alice_page.clock.install()
    bob_page = browser_page(bob, java_script_enabled=False)

    def alice_waits_a_poll():
        alice_page.clock.run_for(POLL_MS)

    # Alice starts one and writes her side, step by step.
    alice_page.goto(url("index", partnership))
    expect(alice_page.get_by_role("heading", name="After a hard moment")).to_be_visible()
    assert_accessible(alice_page)
    alice_page.get_by_label("Which moment?").fill("Saturday’s talk about money")
    alice_page.get_by_role("button", name="Start, each on our own").click()
    expect(alice_page.get_by_text("Step 1 of 5")).to_be_visible()
    write_steps(alice_page, "alice-only")
    expect(alice_page.locator("#repair-status")).to_contain_text("Waiting for Bob")
    assert_accessible(alice_page)
    save_screenshot(alice_page, "repair-alice-waiting-phone")
    alice_page.evaluate("window.stillTheSamePage = true")

    # Bob, without JavaScript, sees that she finished, never what she wrote.
    bob_page.goto(url("index", partnership))
    expect(bob_page.get_by_text("Alice finished, whenever you are ready")).to_be_visible()
    bob_page.get_by_role("link", name="Saturday’s talk about money").click()
    expect(bob_page.locator("#repair-status")).to_contain_text("Alice has finished")
    assert "alice-only" not in bob_page.content()
    write_steps(bob_page, "bob-only")
    expect(bob_page.locator(".answer-theirs").first).to_contain_text("alice-only")
    expect(bob_page.locator(".answer-mine").first).to_contain_text("bob-only")

    # Alice's page shows both sides by itself.
    alice_waits_a_poll()
    expect(alice_page.locator(".answer-theirs").first).to_contain_text("bob-only")

    # Bob says he hears her; her page follows without a reload.
    bob_page.get_by_role("button", name="I hear you").click()
    expect(bob_page.get_by_text("You told Alice: I hear you.")).to_be_visible()
    alice_waits_a_poll()
    expect(alice_page.get_by_text("Bob says: I hear you.")).to_be_visible()
    assert alice_page.evaluate("window.stillTheSamePage") is True

    # Alice offers an apology; Bob checks again and accepts it; her page shows it.
    alice_page.get_by_text("Offer an apology").click()
    alice_page.get_by_label("Your apology, in your own words").fill("I am sorry I walked off.")
    alice_page.get_by_role("button", name="Offer it").click()
    expect(alice_page.locator(".repair-apology")).to_contain_text("I am sorry I walked off.")
    assert_accessible(alice_page)
    save_screenshot(alice_page, "repair-alice-after-phone")
    bob_page.get_by_role("link", name="Check again").click()
    expect(bob_page.locator(".repair-apology")).to_contain_text("I am sorry I walked off.")
    bob_page.get_by_role("button", name="I accept your apology").click()
    expect(bob_page.get_by_text("You accepted it.")).to_be_visible()
    alice_waits_a_poll()
    expect(alice_page.get_by_text("Bob accepted it.")).to_be_visible()

    # Bob brings what would help him to their next check-in, in one click.
    bob_page.locator(".repair-help").first.get_by_role(
        "button", name="Bring it to our next check-in"
    ).click()
    expect(bob_page.get_by_text("It is on the agenda of your next check-in.")).to_be_visible()
    assert "bob-only" in AgendaItem.objects.get().text

    # Bob needs a pause; Alice sees when he will be back, then says they are both ready.
    bob_page.get_by_text("I need a pause").click()
    bob_page.get_by_label("I will be back in").select_option(label="1 hour")
    bob_page.get_by_role("button", name="Pause", exact=True).click()
    expect(bob_page.get_by_text(re.compile(r"You are taking a pause until"))).to_be_visible()
    alice_page.reload()
    pause_note = alice_page.get_by_text(re.compile(r"Bob asked for a pause and will be back"))
    expect(pause_note).to_be_visible()
    assert_accessible(alice_page)
    alice_page.get_by_role("button", name="We are both ready now").click()
    expect(alice_page.get_by_text("The pause is over.")).to_be_visible()
    assert alice_page.js_errors == []
