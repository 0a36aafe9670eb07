"""Alice picks dark colours on her laptop; Bob's phone is set to dark and he follows it, then
picks light. Each page arrives already in the right colours, and stays readable."""

import pytest
from playwright.sync_api import expect

from tests.support.browser import assert_accessible, save_screenshot

pytestmark = [pytest.mark.browser, pytest.mark.production_only]

DARK_BG = "rgb(28, 23, 29)"
LIGHT_BG = "rgb(251, 247, 244)"


def background(page):
    return page.evaluate("getComputedStyle(document.body).backgroundColor")


def test_each_partner_sees_their_own_colours_from_the_first_paint(
    browser_page, live_server, transactional_db, partnership, alice, bob
):
    home = f"/p/{partnership.public_id}/"

    alice_page = browser_page(alice, color_scheme="light")
    alice_page.goto(home)
    assert background(alice_page) == LIGHT_BG
    alice_page.goto("/me/profile/")
    alice_page.get_by_label("Colours").select_option("Dark")
    alice_page.get_by_role("button", name="Save").click()
    expect(alice_page.locator("html")).to_have_attribute("data-theme", "dark")
    expect(alice_page.get_by_text("Saved.")).to_be_visible()
    assert background(alice_page) == DARK_BG

    # The server writes the colours into the page itself: no script runs before the paint.
    response = alice_page.goto(home)
    assert '<html lang="en" data-theme="dark"' in response.text()
    assert background(alice_page) == DARK_BG
    assert_accessible(alice_page)
    save_screenshot(alice_page, "theme-dark-home")

    # Bob follows his phone, which is set to dark; Alice's choice is hers alone.
    bob_page = browser_page(bob, phone=True, color_scheme="dark")
    bob_page.goto(home)
    expect(bob_page.locator("html")).to_have_attribute("data-theme", "system")
    assert background(bob_page) == DARK_BG
    assert_accessible(bob_page)

    # With JavaScript off he picks light: light it is, whatever the phone says.
    bob_plain = browser_page(bob, phone=True, color_scheme="dark", java_script_enabled=False)
    bob_plain.goto("/me/profile/")
    bob_plain.get_by_label("Colours").select_option("Light")
    bob_plain.get_by_role("button", name="Save").click()
    expect(bob_plain.get_by_text("Saved.")).to_be_visible()
    bob_page.goto(home)
    assert background(bob_page) == LIGHT_BG
    assert_accessible(bob_page)
    alice_page.reload()
    assert background(alice_page) == DARK_BG
