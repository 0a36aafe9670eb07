"""A visitor hears of Trustapp from a friend: at "/" they read what it is for, see it, and
make their shared space from there. The page is accessible, at phone and desktop width."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.support.browser import assert_accessible, save_screenshot

pytestmark = [pytest.mark.browser]

SHOW_EVERY_PICTURE = """async () => {
    for (let y = 0; y < document.documentElement.scrollHeight; y += 400) {
        scrollTo(0, y);
        await new Promise(done => setTimeout(done, 30));
    }
    await Promise.all([...document.images].map(image => image.decode().catch(() => null)));
    scrollTo(0, 0);
    return [...document.images].filter(image => !image.naturalWidth).map(image => image.src);
}"""


def test_a_visitor_reads_what_it_is_for_and_makes_their_space(
    browser_page, live_server, transactional_db
):
    for phone, name in ((True, "landing-phone"), (False, "landing-desktop")):
        page = (
            browser_page(phone=phone)
            if phone
            else browser_page(viewport={"width": 1280, "height": 900})
        )
        page.goto("/")
        heading = page.get_by_role("heading", level=1)
        expect(heading).to_contain_text("build trust")
        # The way in is on the first screen, and no word of the navigation is cut.
        signup = page.get_by_role("link", name="Make your shared space").first
        assert signup.bounding_box()["y"] + signup.bounding_box()["height"] <= (
            844 if phone else 900
        )
        assert page.evaluate(SHOW_EVERY_PICTURE) == []
        assert_accessible(page)
        save_screenshot(page, name)
        assert page.js_errors == []

    # At 320 px nothing runs off the side, and the quick exit keeps to the first row.
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto("/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    exit_top = page.get_by_role("link", name="Quick exit").bounding_box()["y"]
    sign_in_top = page.locator(".nav-account a").first.bounding_box()["y"]
    assert abs(exit_top - sign_in_top) < 10
    signup = page.get_by_role("link", name="Make your shared space").first
    signup.click()
    expect(page).to_have_url(live_server.url + reverse("account_signup"))
