"""Two partners on their phones: Alice shares good news from the home, Bob answers it with
gladness and a question, and Alice keeps his answer in the appreciation log. Then Bob
shares news with JavaScript off, a mistake first."""

import pytest
from playwright.sync_api import expect

from tests.support.browser import assert_accessible, save_screenshot
from tests.wins.conftest import url
from trustapp.appreciations.models import Appreciation

pytestmark = [pytest.mark.browser]


def test_good_news_is_shared_answered_and_kept(
    browser_page, live_server, transactional_db, partnership, alice, bob
):
    alice_page = browser_page(alice, phone=True)
    alice_page.goto(partnership.get_absolute_url())
    card = alice_page.get_by_role("region", name="Good news")
    card.get_by_text("Share some good news").click()
    card.get_by_label("Something good that happened").fill("I got the job!")
    card.get_by_role("button", name="Share it").click()
    expect(alice_page.get_by_text("Shared with Bob.")).to_be_visible()

    bob_page = browser_page(bob, phone=True)
    bob_page.goto(partnership.get_absolute_url())
    bob_card = bob_page.get_by_role("region", name="Good news")
    expect(bob_card).to_contain_text("Alice has good news")
    bob_card.get_by_role("link", name="Answer Alice").click()
    expect(bob_page.get_by_role("heading", name="Be glad with them, then ask")).to_be_visible()
    assert_accessible(bob_page)
    bob_page.get_by_label("Your answer").fill("That is wonderful! How did they tell you?")
    bob_page.get_by_role("button", name="Send to Alice").click()
    expect(bob_page.get_by_role("heading", name="You answered")).to_be_visible()

    alice_page.goto(url("index", partnership))
    alice_page.get_by_role("link", name="Open").first.click()
    expect(alice_page.locator(".win-response")).to_contain_text("How did they tell you?")
    alice_page.get_by_role("button", name="Keep this in our appreciation log").click()
    expect(alice_page.get_by_role("status")).to_contain_text("Kept in your appreciation log.")
    assert_accessible(alice_page)
    save_screenshot(alice_page, "good-news-kept-phone")
    kept = Appreciation.objects.get()
    assert (kept.author, kept.recipient) == (alice, bob)
    assert not alice_page.js_errors and not bob_page.js_errors

    plain = browser_page(bob, java_script_enabled=False)
    plain.goto(url("index", partnership))
    plain.get_by_label("Something good that happened").fill("   ")
    plain.get_by_role("button", name="Share it").click()
    expect(plain.get_by_text("Write a few words about your good news.")).to_be_visible()
    plain.get_by_label("Something good that happened").fill("The bike is fixed")
    plain.get_by_role("button", name="Share it").click()
    expect(plain.get_by_text("Shared with Alice.")).to_be_visible()
    expect(plain.locator(".win-list")).to_contain_text("The bike is fixed")
