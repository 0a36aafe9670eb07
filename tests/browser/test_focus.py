"""After a form is sent, the keyboard stays where the person was: on what answers them
in the region htmx replaced, never dropped to the page body."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.agreements.conftest import propose
from tests.conversations.conftest import url as conversation_url
from trustapp.agreements import library
from trustapp.conversations import services as conversations
from trustapp.conversations.models import Prompt

pytestmark = [pytest.mark.browser, pytest.mark.production_only]


def focus_in(page, selector):
    return page.evaluate(
        "sel => { const el = document.activeElement;"
        " return el !== document.body && !!el.closest(sel); }",
        selector,
    )


def test_focus_stays_in_the_region_after_an_htmx_submit(
    browser_page, live_server, transactional_db, partnership, alice, bob
):
    library.load()
    prompt = Prompt.objects.get(slug="trust-in-one-sentence")
    conversation, _created = conversations.conversation_start(
        partnership=partnership, user=alice, prompt=prompt
    )
    page = browser_page(alice)

    # An answer sent with the keyboard: focus lands on the status line that answers her.
    page.goto(conversation_url("conversation", partnership, conversation.pk))
    page.get_by_label("Your answer").fill("Trust is asking before assuming.")
    page.get_by_role("button", name="Save my answer").focus()
    page.keyboard.press("Enter")
    expect(page.locator("#conversation-status")).to_contain_text("Waiting for Bob")
    expect(page.locator("#conversation-status")).to_be_focused()

    # A form sent empty: focus goes to the field that needs her.
    page.locator("summary", has_text="Change my answer").click()
    page.get_by_role("textbox", name="Your answer").fill("")
    page.get_by_role("button", name="Save my answer").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text("Write a few words first")).to_be_visible()
    expect(page.get_by_role("textbox", name="Your answer")).to_be_focused()

    # Saying yes to an agreement in place: focus on the line that says what happened.
    agreement = propose(partnership, bob, title="Ask before assuming")
    page.goto(agreement.get_absolute_url())
    page.get_by_role("button", name="I agree").focus()
    page.keyboard.press("Enter")
    expect(page.locator(".ag-flash")).to_be_visible()
    expect(page.locator(".ag-flash")).to_be_focused()
    assert focus_in(page, "#agreement-panel")

    # A whole-page form (boosted): after its redirect, focus is on the message it left.
    page.goto(reverse("appreciations:new", args=[partnership.public_id]))
    page.get_by_label("What did Bob do?").fill("Waited for me at the station.")
    page.get_by_role("button", name="Share with Bob").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text("Thank you for noticing")).to_be_visible()
    assert focus_in(page, "[role=status]")
    # The one console line is the refused empty answer's 422, shown in the form.
    assert [e for e in page.js_errors if "status of 422" not in e] == []
