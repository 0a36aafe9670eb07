"""Ending with care, in two browsers: Alice, on a phone with JavaScript, leaves at once and
alone. Bob, on a computer without JavaScript, finds the support page and the closing
letter on the archive's home; his letter reaches Alice only while he shares it."""

import re

import pytest
from playwright.sync_api import expect

from tests.repair.conftest import url
from tests.support.browser import assert_accessible

pytestmark = [pytest.mark.browser]


def test_one_leaves_alone_and_the_other_writes_a_letter_shared_only_by_choice(
    browser_page, live_server, transactional_db, partnership, alice, bob
):
    alice_page = browser_page(alice, phone=True)
    bob_page = browser_page(bob, java_script_enabled=False)
    home = partnership.get_absolute_url()

    # Alice leaves: one tick, one button, nobody asked.
    alice_page.goto(f"/p/{partnership.public_id}/leave/")
    assert_accessible(alice_page)
    alice_page.get_by_label("I understand that this ends our shared space").check()
    alice_page.get_by_role("button", name="Leave", exact=True).click()
    expect(alice_page).not_to_have_url(re.compile(r"/leave/$"))
    partnership.refresh_from_db()
    assert not partnership.is_active
    assert alice_page.js_errors == []

    # Bob, who was left, finds support and the letter on the archive's home.
    bob_page.goto(home)
    bob_page.get_by_role("link", name="Some support for the days after an ending").first.click()
    expect(bob_page.get_by_role("heading", level=1)).to_be_visible()
    bob_page.goto(home)
    bob_page.get_by_role("link", name="Closing letters").click()
    letter = "Thank you for the good years. I am sorry for the last one."
    bob_page.get_by_label("Your closing letter").fill(letter)
    bob_page.get_by_role("button", name="Save", exact=True).click()
    expect(bob_page.get_by_text("Saved, just for you.")).to_be_visible()

    # Saved but not shared: Alice's letters page shows nothing of it.
    alice_page.goto(url("letters", partnership))
    expect(alice_page.get_by_role("heading", name="Closing letters")).to_be_visible()
    assert letter not in alice_page.content()
    assert_accessible(alice_page)

    # Shared: she reads it; taken back: it is gone again.
    bob_page.get_by_role("button", name="Save and share it").click()
    expect(bob_page.get_by_text("Saved. Your letter is shared.")).to_be_visible()
    alice_page.reload()
    expect(alice_page.get_by_text(letter)).to_be_visible()
    bob_page.get_by_role("button", name="Stop sharing it").click()
    expect(bob_page.get_by_text("Your letter is yours alone again.")).to_be_visible()
    alice_page.reload()
    expect(alice_page.get_by_role("heading", name="Closing letters")).to_be_visible()
    assert letter not in alice_page.content()
    # The one who left is not pointed to the support page meant for the one who was left.
    assert "Some support for the days after an ending" not in alice_page.content()
