"""Two partners in two browsers: Alice answers today's question from the home card, Bob
(on a phone) sees only that answers stay private, answers, and both pages show both
answers, Alice's without a reload. Then the same with JavaScript off, and a pass."""

import pytest
from playwright.sync_api import expect

from tests.questions.conftest import url
from tests.support.browser import assert_accessible, save_screenshot
from trustapp.questions.models import DayQuestion

pytestmark = [pytest.mark.browser]

ALICE_WORDS = "Warm bread (alice-only)"
BOB_WORDS = "Rain on the roof (bob-only)"


def test_two_partners_answer_and_see_the_reveal_live(
    browser_page, live_server, transactional_db, partnership, alice, bob
):
    alice_page = browser_page(alice)
    bob_page = browser_page(bob, phone=True)

    alice_page.goto(partnership.get_absolute_url())
    card = alice_page.get_by_role("region", name="Today’s question")
    card.get_by_role("link", name="Answer in a few words").click()
    question = DayQuestion.objects.get().text
    expect(alice_page.get_by_role("heading", name=question)).to_be_visible()
    assert_accessible(alice_page)
    alice_page.get_by_label("Your answer").fill(ALICE_WORDS)
    alice_page.get_by_role("button", name="Save my answer").click()
    expect(alice_page.locator("#day-status")).to_contain_text("Your answer is saved")
    alice_page.evaluate("window.stillTheSamePage = true")

    bob_page.goto(url("today", partnership))
    expect(bob_page.get_by_role("heading", name=question)).to_be_visible()
    expect(bob_page.locator("#day-status")).to_contain_text("Answers stay private")
    assert "alice-only" not in bob_page.content()
    assert_accessible(bob_page)
    bob_page.get_by_label("Your answer").fill(BOB_WORDS)
    bob_page.get_by_role("button", name="Save my answer").click()
    expect(bob_page.locator(".answer-theirs")).to_contain_text("alice-only")
    expect(bob_page.locator(".answer-mine")).to_contain_text("bob-only")
    assert_accessible(bob_page)
    save_screenshot(bob_page, "questions-bob-revealed-phone")

    # Alice's page catches up by itself.
    expect(alice_page.locator(".answer-theirs")).to_contain_text("bob-only", timeout=12_000)
    assert alice_page.evaluate("window.stillTheSamePage") is True
    assert_accessible(alice_page)

    # The quiet timeline keeps the day.
    alice_page.get_by_role("link", name="Earlier days").first.click()
    expect(alice_page.locator(".day-item")).to_contain_text("bob-only")
    assert_accessible(alice_page)
    assert not alice_page.js_errors and not bob_page.js_errors


def test_answering_and_passing_work_with_javascript_off(
    browser_page, live_server, transactional_db, partnership, alice, bob
):
    bob_page = browser_page(bob, java_script_enabled=False)
    bob_page.goto(url("today", partnership))
    bob_page.get_by_role("button", name="Save my answer").click()
    expect(bob_page.get_by_text("Write a few words, or pass on this one.")).to_be_visible()
    bob_page.get_by_label("Your answer").fill(BOB_WORDS)
    bob_page.get_by_role("button", name="Save my answer").click()
    expect(bob_page.get_by_text("Saved.", exact=True)).to_be_visible()
    expect(bob_page.locator(".answer-mine")).to_contain_text("bob-only")

    alice_page = browser_page(alice, java_script_enabled=False)
    alice_page.goto(url("today", partnership))
    assert "bob-only" not in alice_page.content()
    alice_page.get_by_role("button", name="Pass on this one").click()
    expect(alice_page.get_by_text("Passed for today. That is fine.")).to_be_visible()
    expect(alice_page.locator(".answer-theirs")).to_contain_text("their words stay with them")
    assert "bob-only" not in alice_page.content()

    # Bob's "Check again" link shows the day as it is now.
    bob_page.get_by_role("link", name="Check again").click()
    expect(bob_page.locator(".answer-theirs")).to_contain_text("Alice passed on this one")
