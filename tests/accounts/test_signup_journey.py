"""Someone new signs up in a real browser (JavaScript on, phone width), confirms the
emailed code, sets up their profile and looks around their account pages."""

import pytest
from playwright.sync_api import expect

from tests.support.browser import assert_accessible, save_screenshot
from tests.support.mail import code_from_email

pytestmark = [pytest.mark.browser]
PASSWORD = "a-long-kind-password-42"


def look(page, name):
    """Every page on the way: no serious accessibility problem, a phone screenshot."""
    assert_accessible(page)
    save_screenshot(page, f"accounts-{name}-phone")


def test_a_newcomer_signs_up_confirms_and_sets_up_their_profile(
    browser_page, live_server, transactional_db
):
    from trustapp.accounts.models import User

    page = browser_page(phone=True)
    # The browser says it is in Tokyo: the sign-up form should pick that up by itself.
    page.context.new_cdp_session(page).send(
        "Emulation.setTimezoneOverride", {"timezoneId": "Asia/Tokyo"}
    )

    page.goto("/accounts/login/")
    expect(page.get_by_role("heading", name="Welcome back")).to_be_visible()
    look(page, "login")
    page.get_by_role("link", name="Make an account").click()

    expect(page.get_by_role("heading", name="Make an account")).to_be_visible()
    expect(page.get_by_label("Time zone")).to_have_value("Asia/Tokyo")
    look(page, "signup")
    page.get_by_label("Email").fill("sam@example.com")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password (again)").fill(PASSWORD)
    page.get_by_label("Your name").fill("Sam")
    page.get_by_role("button", name="Sign up").click()

    expect(page.get_by_role("heading", name="Check your email")).to_be_visible()
    look(page, "code")
    page.get_by_label("Code from the email").fill(code_from_email("sam@example.com"))
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_text("Welcome, Sam. You are signed in.")).to_be_visible()

    page.get_by_role("link", name="Account").click()
    expect(page.get_by_role("heading", name="Your profile")).to_be_visible()
    expect(page.get_by_label("Time zone")).to_have_value("Asia/Tokyo")
    look(page, "profile")
    page.get_by_label("Your name").fill("Sam R.")
    page.get_by_label("Time zone").fill("Europe/Lisbon")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Saved. Times now show in Europe/Lisbon.")).to_be_visible()
    user = User.objects.get(email="sam@example.com")
    assert (user.display_name, user.time_zone) == ("Sam R.", "Europe/Lisbon")

    account = page.get_by_role("navigation", name="Account")
    for link, heading, name in [
        ("Email", "Your email address", "email"),
        ("Password", "Change your password", "password"),
        ("Two-factor", "Two-factor sign-in", "two-factor"),
        ("Sessions", "Where you are signed in", "sessions"),
    ]:
        account.get_by_role("link", name=link).click()
        expect(page.get_by_role("heading", name=heading, exact=True)).to_be_visible()
        look(page, name)
    expect(page.get_by_text("This device")).to_be_visible()
    assert not page.js_errors
