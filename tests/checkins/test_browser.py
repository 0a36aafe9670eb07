"""Alice and Bob each answer the check-in; both see both answers and the trend; a small
step they set, and reword, appears in the next check-in's look back."""

import pytest
from playwright.sync_api import expect

from tests.support.browser import assert_accessible, save_screenshot
from trustapp.checkins.models import CheckIn

pytestmark = [pytest.mark.browser]


def answer(page, connected, trusted, went_well):
    page.get_by_role("group", name="How connected").get_by_role(
        "radio", name=str(connected)
    ).check()
    page.get_by_role("group", name="How trusted").get_by_role("radio", name=str(trusted)).check()
    page.get_by_label("What went well?").fill(went_well)
    page.get_by_role("button", name="Share my answer").click()


def test_both_answer_see_both_and_the_trend_and_a_step_carries_over(
    browser_page, live_server, transactional_db, partnership, alice, bob
):
    base = f"/p/{partnership.public_id}/check-ins/"

    # Alice, on a laptop with JavaScript: the answer form is enhanced by htmx.
    alice_page = browser_page(alice)
    alice_page.goto(base)
    # Visiting the tab opens nothing: starting is her choice, a button.
    expect(alice_page.get_by_role("heading", name="Our check-in", exact=True)).to_be_visible()
    assert not CheckIn.objects.exists()
    assert_accessible(alice_page)
    alice_page.get_by_role("button", name="Start our first check-in").click()
    expect(alice_page.get_by_role("heading", name="How we are")).to_be_visible()
    assert_accessible(alice_page)
    answer(alice_page, 4, 5, "Our slow Sunday brunch")
    expect(alice_page.get_by_text("Your answer is saved.")).to_be_visible()
    assert_accessible(alice_page)
    # Before Bob answers, she corrects her own answer.
    alice_page.locator("#answers").get_by_role("link", name="Change my answer").click()
    expect(alice_page.get_by_label("What went well?")).to_have_value("Our slow Sunday brunch")
    alice_page.get_by_label("What went well?").fill("Our slow Sunday breakfast")
    alice_page.get_by_role("button", name="Save my answer").click()
    expect(alice_page.get_by_text("Your answer is saved.")).to_be_visible()
    expect(alice_page.locator("#answers")).to_contain_text("Our slow Sunday breakfast")

    # Bob, on his phone, sees that Alice answered but not what she wrote.
    bob_page = browser_page(bob, phone=True)
    bob_page.goto(base)
    expect(bob_page.get_by_text("Alice has answered.")).to_be_visible()
    assert "brunch" not in bob_page.content()
    assert "Our slow Sunday breakfast" not in bob_page.content()
    assert_accessible(bob_page)

    # He answers with JavaScript off: plain forms that post and redirect. (axe needs
    # timers, which do not run without JavaScript, so it checks his other browser.)
    bob_plain = browser_page(bob, phone=True, java_script_enabled=False)
    bob_plain.goto(base)
    answer(bob_plain, 3, 4, "Cooking together on Wednesday")
    answers = bob_plain.locator("#answers")
    expect(answers.get_by_role("heading", name="Alice")).to_be_visible()
    expect(answers).to_contain_text("Our slow Sunday breakfast")
    expect(answers).to_contain_text("Cooking together on Wednesday")
    bob_page.reload()
    expect(bob_page.locator("#answers")).to_contain_text("Our slow Sunday breakfast")
    assert_accessible(bob_page)
    save_screenshot(bob_page, "checkin-both-answered-phone")

    # Alice's page was waiting: the poll reveals Bob's answer without a reload.
    expect(alice_page.locator("#answers")).to_contain_text(
        "Cooking together on Wednesday", timeout=15_000
    )
    expect(alice_page.locator("#answers").get_by_role("heading", name="Bob")).to_be_visible()

    # A small step for Bob, then the check-in is finished.
    alice_page.get_by_label("A small, concrete step").fill("Book the train for the visit")
    alice_page.get_by_role("group", name="Who takes this step?").get_by_role(
        "radio", name="Bob"
    ).check()
    alice_page.get_by_role("button", name="Add this step").click()
    expect(alice_page.locator("#actions .action-point")).to_contain_text("Book the train")
    # She rewords it in place before they finish.
    alice_page.locator("#actions").get_by_role("link", name="Edit").click()
    alice_page.get_by_label("The step").fill("Book the train for the visit in May")
    assert_accessible(alice_page)
    alice_page.locator("#actions").get_by_role("button", name="Save").click()
    expect(alice_page.locator("#actions .action-point")).to_contain_text("in May")
    assert_accessible(alice_page)
    save_screenshot(alice_page, "checkin-desktop")
    alice_page.get_by_role("button", name="We are done: finish this check-in").click()
    expect(alice_page.get_by_text("Check-in finished.")).to_be_visible()

    # Both see the trend.
    for page in (alice_page, bob_page):
        page.goto(base + "trend/")
        expect(page.locator("svg[role=img]").first).to_be_visible()
        expect(page.get_by_role("table")).to_contain_text("4")
        assert_accessible(page)
    save_screenshot(bob_page, "checkin-trend-phone")

    # The next check-in looks back on the step; Bob ticks it off there.
    alice_page.goto(base)
    alice_page.get_by_role("button", name="Start the next one now").click()
    look_back = alice_page.locator("#look-back")
    expect(look_back).to_contain_text("Book the train for the visit in May")
    bob_page.goto(base)
    step = bob_page.locator("#look-back .action-point", has_text="Book the train")
    step.get_by_role("button", name="Done").click()
    expect(
        bob_page.locator("#look-back .action-point", has_text="Book the train").get_by_role(
            "button", name="Done"
        )
    ).to_have_attribute("aria-pressed", "true")
    assert_accessible(bob_page)
    assert not alice_page.js_errors, alice_page.js_errors
