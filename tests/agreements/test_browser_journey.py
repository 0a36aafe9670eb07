"""Alice and Bob, each in their own browser, make an agreement together:
alice proposes from a starter; bob suggests a change; alice agrees (bob's suggestion
carries his own yes); both see it in force. Bob withdraws consent and alice's page shows
"needs a conversation". Bob states a boundary and alice acknowledges it.

Run once with JavaScript (htmx swaps in place, axe on every page) and once without it
(every step is a plain form post), the second with Bob on a phone-sized screen."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.support.browser import assert_accessible, save_screenshot
from trustapp.agreements.models import Agreement

pytestmark = [pytest.mark.browser]

STARTER = "Either of us can call a time-out"
BOBS_WORDS = (
    "When an argument gets heated, either of us can say 'time-out'. We take half an hour "
    "apart and come back to it the same evening."
)


def check(page, js, name):
    """axe on every page we reach; a screenshot to look at afterwards."""
    if js:
        assert_accessible(page)
    save_screenshot(page, f"agreements-{'js' if js else 'nojs'}-{name}")
    assert not page.js_errors, page.js_errors


@pytest.mark.parametrize("js", [True, False], ids=["javascript", "no-javascript"])
def test_two_partners_make_change_and_question_an_agreement(
    js, browser_page, live_server, transactional_db, alice, bob, partnership
):
    pid = partnership.public_id
    alice_page = browser_page(alice, java_script_enabled=js)
    bob_page = browser_page(bob, java_script_enabled=js, phone=not js)

    # Alice proposes from a starter idea.
    alice_page.goto(f"/p/{pid}/agreements/")
    expect(alice_page.get_by_role("heading", name="Our agreements")).to_be_visible()
    check(alice_page, js, "01-empty-list")
    alice_page.get_by_role("link", name="Start from an idea").click()
    expect(alice_page.get_by_role("heading", name="Starter ideas", exact=True)).to_be_visible()
    check(alice_page, js, "02-library")
    alice_page.get_by_role("link", name=f"Use this idea: {STARTER}").click()
    expect(alice_page.get_by_label("Title")).to_have_value(STARTER)
    check(alice_page, js, "03-propose")
    alice_page.get_by_role("button", name="Propose it").click()
    expect(alice_page.get_by_text("It waits for Bob to read and answer.")).to_be_visible()
    check(alice_page, js, "04-proposed")
    agreement = Agreement.objects.get()
    detail = reverse("agreements:detail", args=[pid, agreement.pk])

    # Bob sees it waiting and suggests a change.
    bob_page.goto(f"/p/{pid}/")
    expect(bob_page.get_by_text("agreement waits for your answer")).to_be_visible()
    check(bob_page, js, "05-bob-home")
    bob_page.goto(detail)
    expect(bob_page.get_by_role("heading", name="Proposed by Alice")).to_be_visible()
    check(bob_page, js, "06-bob-proposal")
    bob_page.get_by_role("link", name="Suggest a change").click()
    words = bob_page.get_by_label("The agreement, in your own words")
    expect(words).to_be_visible()
    check(bob_page, js, "07-bob-suggest-form")
    words.fill(BOBS_WORDS)
    bob_page.get_by_role("button", name="Save my suggestion").click()
    expect(bob_page.get_by_text("Your suggestion is saved.")).to_be_visible()
    expect(bob_page.get_by_role("heading", name="Your suggested words")).to_be_visible()
    check(bob_page, js, "08-bob-suggested")

    # Alice agrees to Bob's words; with Bob's own yes it is in force.
    alice_page.goto(detail)
    expect(alice_page.get_by_role("heading", name="Bob suggested new words")).to_be_visible()
    expect(alice_page.locator(".ag-diff ins").first).to_contain_text("half an hour")
    alice_page.get_by_role("button", name="I agree", exact=True).click()
    expect(alice_page.get_by_text("It is in force for both of you now.")).to_be_visible()
    expect(alice_page.locator("#agreements-waiting-nav")).to_have_text("")
    expect(alice_page.locator(".ag-status-in_force").first).to_have_text("In force")
    check(alice_page, js, "09-alice-agreed")

    bob_page.goto(detail)
    expect(bob_page.locator(".ag-status-in_force").first).to_have_text("In force")
    expect(bob_page.get_by_text("Alice agreed on")).to_be_visible()
    expect(bob_page.get_by_text("Bob agreed on")).to_be_visible()
    check(bob_page, js, "10-bob-in-force")

    # Bob withdraws his consent, with a note.
    bob_page.get_by_text("Withdraw my consent", exact=True).first.click()
    bob_page.get_by_label("A note for your partner").fill("Can we talk about weekends?")
    bob_page.get_by_role("button", name="Withdraw my consent").click()
    expect(bob_page.get_by_role("heading", name="Needs a conversation")).to_be_visible()
    check(bob_page, js, "11-bob-withdrew")

    alice_page.goto(detail)
    expect(alice_page.get_by_role("heading", name="Needs a conversation")).to_be_visible()
    expect(alice_page.get_by_text("Bob withdrew their consent")).to_be_visible()
    expect(alice_page.get_by_text("Can we talk about weekends?")).to_be_visible()
    check(alice_page, js, "12-alice-needs-conversation")

    # Bob states a personal boundary; Alice acknowledges it.
    bob_page.get_by_role("navigation", name="Agreements and boundaries").get_by_role(
        "link", name="Boundaries"
    ).click()
    expect(bob_page.get_by_role("heading", name="Personal boundaries")).to_be_visible()
    bob_page.get_by_label("Your boundary").fill("I need an hour to myself after work.")
    bob_page.get_by_role("button", name="Share it").click()
    expect(bob_page.get_by_text("Shared. Alice can now read and acknowledge it.")).to_be_visible()
    check(bob_page, js, "13-bob-boundary")

    alice_page.goto(f"/p/{pid}/agreements/boundaries/")
    expect(alice_page.get_by_text("I need an hour to myself after work.")).to_be_visible()
    check(alice_page, js, "14-alice-boundaries")
    alice_page.get_by_role("button", name="I have read this and will respect it").click()
    expect(alice_page.get_by_text("You acknowledged it on")).to_be_visible()
    check(alice_page, js, "15-alice-acknowledged")

    bob_page.reload()
    expect(bob_page.get_by_text("Alice acknowledged it on")).to_be_visible()

    agreement.refresh_from_db()
    assert agreement.status == Agreement.Status.NEEDS_CONVERSATION
    assert agreement.agreed_revision.text == BOBS_WORDS
