"""Two partners in two browsers: alice draws a prompt and answers, bob sees that she
answered (never her words), bob answers, both pages show both answers without a reload,
and they turn their takeaway into an agreement proposal."""

import re

import pytest
from django.urls import NoReverseMatch, reverse
from playwright.sync_api import expect

from tests.conversations.conftest import url
from tests.support.browser import assert_accessible, save_screenshot
from trustapp.conversations import services
from trustapp.conversations.models import Conversation

pytestmark = [pytest.mark.browser]

ALICE_WORDS = "When you tell me what you are feeling before I have to guess. (alice-only)"
BOB_WORDS = "Keeping small promises, like calling when you said you would. (bob-only)"
TAKEAWAY = "We say what we feel out loud, and we call when plans change."


def test_two_partners_answer_see_the_reveal_live_and_propose_an_agreement(
    browser_page, live_server, transactional_db, partnership, alice, bob
):
    alice_page = browser_page(alice)
    bob_page = browser_page(bob, phone=True)

    # Alice draws a light prompt and starts talking about it.
    alice_page.goto(url("index", partnership))
    expect(alice_page.get_by_role("heading", name="Conversations", exact=True)).to_be_visible()
    assert_accessible(alice_page)
    alice_page.get_by_label("How deep?").select_option("light")
    alice_page.get_by_role("button", name="Draw a prompt").click()
    expect(alice_page.get_by_role("button", name="Talk about this one")).to_be_visible()
    expect(alice_page.locator(".depth")).to_have_text("Light")
    assert_accessible(alice_page)
    alice_page.get_by_role("button", name="Talk about this one").click()
    expect(alice_page.get_by_role("heading", name="Your turn")).to_be_visible()
    assert_accessible(alice_page)
    conversation = Conversation.objects.get()
    alice_page.get_by_label("Your answer").fill(ALICE_WORDS)
    alice_page.get_by_role("button", name="Save my answer").click()
    expect(alice_page.locator("#conversation-status")).to_contain_text("Waiting for Bob")
    assert_accessible(alice_page)
    save_screenshot(alice_page, "conversations-alice-waiting")
    alice_page.evaluate("window.stillTheSamePage = true")

    # Bob sees that Alice answered, but not what she wrote.
    bob_page.goto(url("index", partnership))
    expect(bob_page.get_by_text("Alice answered, your turn")).to_be_visible()
    assert_accessible(bob_page)
    # From "In progress": the week's prompt, above it, may be this very prompt.
    ongoing = bob_page.get_by_role("region", name="In progress")
    ongoing.get_by_role("link", name=conversation.question).click()
    expect(bob_page.locator("#conversation-status")).to_contain_text("Alice answered. Your turn")
    assert "alice-only" not in bob_page.content()
    assert_accessible(bob_page)
    save_screenshot(bob_page, "conversations-bob-your-turn-phone")

    # Bob answers; his page shows both answers at once.
    bob_page.get_by_label("Your answer").fill(BOB_WORDS)
    bob_page.get_by_role("button", name="Save my answer").click()
    expect(bob_page.locator(".answer-theirs")).to_contain_text("alice-only")
    expect(bob_page.locator(".answer-mine")).to_contain_text("bob-only")
    assert_accessible(bob_page)
    save_screenshot(bob_page, "conversations-bob-revealed-phone")

    # Alice's page catches up by itself, without a reload.
    expect(alice_page.locator(".answer-theirs")).to_contain_text("bob-only", timeout=12_000)
    expect(alice_page.locator(".answer-mine")).to_contain_text("alice-only")
    assert alice_page.evaluate("window.stillTheSamePage") is True
    assert_accessible(alice_page)

    # They talked; Alice notes the takeaway and turns it into an agreement proposal.
    alice_page.get_by_label("What do you take away from it?").fill(TAKEAWAY)
    alice_page.get_by_role("button", name="We talked about it").click()
    expect(alice_page.locator(".takeaway")).to_contain_text(TAKEAWAY)
    assert_accessible(alice_page)
    save_screenshot(alice_page, "conversations-alice-takeaway")
    try:
        propose = reverse("agreements:propose", args=[partnership.public_id])
    except NoReverseMatch:
        expect(alice_page.get_by_role("link", name=re.compile("agreement proposal"))).to_have_count(
            0
        )
    else:
        link = alice_page.get_by_role("link", name="Turn it into an agreement proposal")
        href = link.get_attribute("href")
        assert href.startswith(propose + "?")
        assert "title=We+say+what+we+feel" in href and "text=We+say+what+we+feel" in href
        link.click()
        expect(alice_page.locator("input[name=title]")).to_have_value(TAKEAWAY)
        expect(alice_page.locator("textarea[name=text]")).to_have_value(TAKEAWAY)
        assert_accessible(alice_page)
        save_screenshot(alice_page, "conversations-alice-agreement-prefilled")
    assert not alice_page.js_errors and not bob_page.js_errors


def test_answering_works_with_javascript_disabled(
    browser_page, live_server, transactional_db, partnership, alice, bob
):
    bob_page = browser_page(bob, java_script_enabled=False)
    bob_page.goto(url("prompt", partnership, "listening-good-time"))
    bob_page.get_by_role("button", name="Talk about this one").click()
    expect(bob_page.get_by_role("heading", name="Your turn")).to_be_visible()
    bob_page.get_by_role("button", name="Save my answer").click()
    expect(bob_page.get_by_text("Write a few words first")).to_be_visible()
    bob_page.get_by_label("Your answer").fill(BOB_WORDS)
    bob_page.get_by_role("button", name="Save my answer").click()
    expect(bob_page.get_by_text("Your answer is saved.")).to_be_visible()
    expect(bob_page.get_by_text("stays private until Alice has answered too.")).to_have_count(1)
    expect(bob_page.locator(".answer-mine")).to_contain_text("bob-only")

    alice_page = browser_page(alice, java_script_enabled=False)
    alice_page.goto(url("index", partnership))
    # From "In progress": the week's prompt, above it, may be this very prompt.
    ongoing = alice_page.get_by_role("region", name="In progress")
    ongoing.get_by_role("link", name=re.compile("When is a good time")).first.click()
    alice_page.get_by_role("button", name="Let’s just talk").click()
    expect(alice_page.get_by_text("would rather just talk", exact=False)).to_have_count(0)
    expect(alice_page.locator(".answer-theirs")).to_contain_text("stays with Bob")
    assert "bob-only" not in alice_page.content()

    # Without JavaScript, "Check again" is how Bob sees that Alice has answered.
    bob_page.get_by_role("link", name="Check again").click()
    expect(bob_page.locator(".answer-theirs")).to_contain_text("Alice would rather just talk")
    # (axe needs JavaScript, so the same pages are checked in the journey above.)


def both_answered(partnership, alice, bob, prompt):
    conversation, _created = services.conversation_start(
        partnership=partnership, user=alice, prompt=prompt
    )
    services.answer_submit(conversation=conversation, user=alice, text=ALICE_WORDS)
    services.answer_submit(conversation=conversation, user=bob, text=BOB_WORDS)
    return conversation


def test_taking_an_answer_back_updates_the_partners_open_page(
    browser_page, live_server, transactional_db, partnership, alice, bob, prompt
):
    conversation = both_answered(partnership, alice, bob, prompt)
    page_url = url("conversation", partnership, conversation.pk)
    alice_page = browser_page(alice)
    bob_page = browser_page(bob)
    bob_page.goto(page_url)
    expect(bob_page.locator(".answer-theirs")).to_contain_text("alice-only")
    bob_page.evaluate("window.stillTheSamePage = true")

    alice_page.goto(page_url)
    alice_page.once("dialog", lambda dialog: dialog.accept())
    alice_page.get_by_role("button", name="Take my answer back").click()
    expect(alice_page.get_by_role("heading", name="Your turn")).to_be_visible()
    expect(alice_page.locator("#conversation-status")).to_contain_text("Bob answered. Your turn")
    assert "bob-only" not in alice_page.content()

    # Bob's open page follows by itself: her words are gone and the status is right.
    expect(bob_page.locator("#conversation-status")).to_contain_text(
        "Waiting for Alice", timeout=12_000
    )
    expect(bob_page.get_by_text("alice-only")).to_have_count(0)
    assert bob_page.evaluate("window.stillTheSamePage") is True

    # Alice answers again, and both see the new answers.
    alice_page.get_by_label("Your answer").fill("Said again, more kindly. (alice-again)")
    alice_page.get_by_role("button", name="Save my answer").click()
    expect(alice_page.locator(".answer-theirs")).to_contain_text("bob-only")
    expect(bob_page.locator(".answer-theirs")).to_contain_text("alice-again", timeout=12_000)
    assert not alice_page.js_errors and not bob_page.js_errors


def test_what_a_person_types_stays_when_the_page_changes_under_them(
    browser_page, live_server, transactional_db, partnership, alice, bob, prompt
):
    conversation = both_answered(partnership, alice, bob, prompt)
    alice_page = browser_page(alice)
    alice_page.goto(url("conversation", partnership, conversation.pk))
    takeaway = alice_page.get_by_label("What do you take away from it?")
    takeaway.fill(TAKEAWAY)

    # Bob takes his answer back while Alice is writing: the page says so, her words stay.
    services.answer_withdraw(conversation=conversation, user=bob)
    expect(alice_page.locator("#conversation-status")).to_contain_text(
        "Waiting for Bob", timeout=12_000
    )
    expect(alice_page.get_by_text("Something changed here while you were writing")).to_be_visible()
    expect(takeaway).to_have_value(TAKEAWAY)
    assert_accessible(alice_page)

    # When she chooses, the changes show.
    alice_page.get_by_role("button", name="Show the changes").click()
    expect(alice_page.get_by_role("heading", name="Your answer")).to_be_visible()
    expect(alice_page.get_by_text("bob-only")).to_have_count(0)
    assert not alice_page.js_errors
