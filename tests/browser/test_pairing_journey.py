"""Alice signs up, verifies, starts a space and invites Bob; Bob signs up and joins;
Bob leaves; Alice's space becomes a read-only archive and she is told by email."""

import re

import pytest
from playwright.sync_api import expect

from tests.support.browser import assert_accessible, save_screenshot
from tests.support.mail import code_from_email, last_message_to

pytestmark = [pytest.mark.browser]
PASSWORD = "a-long-kind-password-42"


def sign_up(page, email, name, *, open_form=True):
    if open_form:
        page.goto("/accounts/signup/")
    expect(page.get_by_role("heading", name="Make an account")).to_be_visible()
    assert_accessible(page)
    page.locator("input[name=email]").fill(email)
    page.locator("input[name=display_name]").fill(name)
    page.locator("input[name=password1]").fill(PASSWORD)
    page.locator("input[name=password2]").fill(PASSWORD)
    page.locator("main form button[type=submit]").last.click()
    expect(page.locator("input[name=code]")).to_be_visible()
    assert_accessible(page)
    page.locator("input[name=code]").fill(code_from_email(email))
    page.locator("main form button[type=submit]").first.click()


def test_two_people_pair_up_and_one_leaves(browser_page, live_server, transactional_db, mailoutbox):
    alice = browser_page()
    alice.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    sign_up(alice, "alice@example.com", "Alice")
    expect(alice.get_by_role("button", name="Start a shared space")).to_be_visible()
    assert_accessible(alice)
    alice.get_by_role("button", name="Start a shared space").click()
    expect(alice.get_by_role("heading", name="Invite your partner")).to_be_visible()
    alice.get_by_role("button", name="Make a link").click()
    copy = alice.get_by_role("button", name="Copy link")
    expect(copy).to_be_visible()
    assert_accessible(alice)
    copy.click()
    expect(alice.locator("[data-copy]")).to_have_text("Copied"), alice.js_errors
    link = alice.evaluate("navigator.clipboard.readText()")
    assert re.search(r"/invite/[\w-]{20,}/$", link), link

    # Bob is signed out when he opens the link; he signs up from the invitation itself.
    bob = browser_page(phone=True)
    bob.goto(link)
    expect(bob.get_by_role("heading", name="Alice invited you")).to_be_visible()
    assert_accessible(bob)
    bob.get_by_role("link", name="Create an account to join").click()
    sign_up(bob, "bob@example.com", "Bob", open_form=False)
    # Back on the invitation after verifying, not on "Start a shared space": accept it.
    expect(bob.get_by_role("button", name="Start a shared space")).to_have_count(0)
    expect(bob.get_by_role("heading", name="Alice invited you")).to_be_visible()
    # The data choice is part of joining: the most private option is picked until he changes it.
    expect(bob.get_by_label("Each of us keeps only our own words")).to_be_checked()
    bob.get_by_label("Each of us keeps a copy of everything we shared").check()
    save_screenshot(bob, "pairing-accept-phone")
    bob.get_by_role("button", name="Accept and join").click()
    expect(bob.get_by_role("heading", name="Bob & Alice")).to_be_visible()
    expect(bob.get_by_text("Nobody plans for an ending")).to_have_count(0)
    assert_accessible(bob)
    save_screenshot(bob, "pairing-home-phone")

    alice.goto("/")
    expect(alice.get_by_role("heading", name="Alice & Bob")).to_be_visible()
    # Bob's choice waits for Alice as a suggestion, open on her home.
    choice = alice.locator(".prenup-choice")
    expect(choice.get_by_text("Bob suggests")).to_be_visible()
    choice.get_by_role("button", name="I agree").click()
    expect(alice.get_by_text("What you both chose")).to_be_visible()
    space_url = alice.url

    bob.get_by_role("link", name="Leave this shared space").click()
    expect(bob.get_by_label("I understand")).to_be_visible()
    assert_accessible(bob)
    bob.get_by_role("button", name="Leave").click()
    expect(bob.locator(".form-errors, .error").first).to_contain_text("tick the box")
    bob.get_by_label("I understand").check()
    bob.get_by_role("button", name="Leave").click()
    expect(bob.get_by_text("You have left.")).to_be_visible()

    # With no active space left, Alice's home lists the archive; the space itself is read-only.
    alice.goto("/")
    expect(alice.get_by_text("read-only", exact=False).first).to_be_visible()
    alice.goto(space_url)
    expect(alice.get_by_text("It is a read-only archive now")).to_be_visible()
    expect(alice.get_by_role("link", name="Leave this shared space")).to_have_count(0)
    assert_accessible(alice)
    email = last_message_to("alice@example.com")
    assert "Bob has left" in email.subject
    assert not alice.js_errors and not bob.js_errors
