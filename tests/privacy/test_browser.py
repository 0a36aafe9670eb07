"""In a real browser: every request a page makes stays on our own origin, and two
partners choose their data prenup, download their data and say goodbye."""

import importlib
import io
import zipfile

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.conftest import PASSWORD
from tests.support.browser import assert_accessible, save_screenshot
from trustapp.agreements.models import Agreement
from trustapp.checkins.models import CheckIn
from trustapp.conversations.models import Conversation

pytestmark = [pytest.mark.browser]

DEMO_APPS = ["agreements", "appreciations", "conversations", "checkins"]


def seed(partnership, alice, bob):
    for app in DEMO_APPS:
        importlib.import_module(f"trustapp.{app}.demo").seed(partnership, alice, bob)


def main_pages(partnership):
    pid = partnership.public_id
    agreement = Agreement.objects.filter(partnership=partnership).first()
    conversation = Conversation.objects.filter(partnership=partnership).first()
    checkin = CheckIn.objects.filter(partnership=partnership).first()
    return [
        reverse("couples:home", args=[pid]),
        reverse("agreements:list", args=[pid]),
        reverse("agreements:detail", args=[pid, agreement.pk]),
        reverse("agreements:boundaries", args=[pid]),
        reverse("appreciations:log", args=[pid]),
        reverse("appreciations:looking_back", args=[pid]),
        reverse("conversations:index", args=[pid]),
        reverse("conversations:conversation", args=[pid, conversation.pk]),
        reverse("checkins:current", args=[pid]),
        reverse("checkins:detail", args=[pid, checkin.pk]),
        reverse("checkins:trend", args=[pid]),
        reverse("privacy:prenup", args=[pid]),
        reverse("accounts:profile"),
        reverse("notifications:settings"),
        reverse("privacy:privacy"),
        reverse("privacy:export"),
        reverse("privacy:delete"),
        reverse("home") + "?all",
        reverse("safety"),
    ]


def test_every_request_of_every_main_page_stays_on_our_own_origin(
    browser_page, live_server, transactional_db, alice, bob, partnership
):
    seed(partnership, alice, bob)
    origin = live_server.url
    every_page = main_pages(partnership)
    # Bob, on a phone, only where a page differs per person or per screen size.
    on_a_phone = [every_page[i] for i in (0, 7, 8, 11, 14, 15)]
    for user, phone, paths in ((alice, False, every_page), (bob, True, on_a_phone)):
        page = browser_page(user, phone=phone)
        requested = []
        page.on("request", lambda request, seen=requested: seen.append(request.url))
        for path in paths:
            response = page.goto(path, wait_until="load")
            assert response.status == 200, f"{path} answered {response.status}"
            # Use the page a little: open what is folded, so lazy requests happen too.
            for summary in page.locator("details > summary").all()[:3]:
                if summary.is_visible():
                    summary.click()
            page.wait_for_load_state("networkidle")
        assert len(requested) > len(paths)  # styles, scripts and icons too
        elsewhere = [
            url
            for url in requested
            if not url.startswith(origin + "/") and not url.startswith(("data:", "blob:"))
        ]
        assert not elsewhere, f"requests left our origin: {elsewhere}"
        assert not page.js_errors, page.js_errors


def look(page, name):
    assert_accessible(page)
    save_screenshot(page, f"privacy-{name}")
    assert not page.js_errors, page.js_errors


def test_partners_choose_together_download_their_data_and_one_says_goodbye(
    browser_page, live_server, transactional_db, alice, bob, partnership
):
    seed(partnership, alice, bob)
    pid = partnership.public_id
    alice_page = browser_page(alice)
    bob_page = browser_page(bob, phone=True)

    # The home keeps a small link to the choice; Alice follows it and suggests keeping everything.
    alice_page.goto(f"/p/{pid}/")
    alice_page.get_by_role("link", name="What happens to what we shared").click()
    step = alice_page.locator(".prenup-choice")
    expect(step.get_by_text("the most private option applies")).to_be_visible()
    look(alice_page, "01-alice-home-step")
    step.get_by_label("Each of us keeps a copy of everything we shared").check()
    step.get_by_role("button", name="Suggest this").click()
    expect(step.get_by_text("You suggested")).to_be_visible()
    look(alice_page, "02-alice-suggested")

    # Bob, on his phone, agrees.
    bob_page.goto(f"/p/{pid}/")
    bob_step = bob_page.locator(".prenup-choice")
    expect(bob_step.get_by_text("Alice suggests")).to_be_visible()
    look(bob_page, "03-bob-phone-suggestion")
    bob_step.get_by_role("button", name="I agree").click()
    expect(bob_page.get_by_text("What you both chose")).to_be_visible()
    look(bob_page, "04-bob-phone-agreed")
    bob_page.goto(f"/p/{pid}/")
    expect(bob_page.get_by_text("If this space ever ends:")).to_be_visible()

    # Alice turns on discreet emails and downloads her data.
    alice_page.goto(reverse("privacy:privacy"))
    alice_page.get_by_role("checkbox", name="Discreet emails").check()
    alice_page.get_by_role("button", name="Save").click()
    expect(alice_page.get_by_text("Discreet emails are on.")).to_be_visible()
    look(alice_page, "05-alice-privacy")
    alice_page.get_by_role("link", name="Download your data").first.click()
    expect(alice_page.get_by_role("heading", name="Download your data")).to_be_visible()
    look(alice_page, "06-alice-export")
    with alice_page.expect_download() as download:
        alice_page.get_by_role("button", name="Download my data").click()
    with zipfile.ZipFile(io.BytesIO(open(download.value.path(), "rb").read())) as archive:
        page = archive.read("your-data.html").decode()
    assert "Your space with Bob" in page

    # The readable page opens offline, fetching nothing.
    reader = browser_page(None)
    fetched = []
    reader.on("request", lambda request: fetched.append(request.url))
    reader.set_content(page)
    expect(reader.get_by_role("heading", name="Your data from Trustapp")).to_be_visible()
    assert [url for url in fetched if not url.startswith(("data:", "about:"))] == []
    save_screenshot(reader, "privacy-07-downloaded-page")

    # Bob deletes his account: a wrong password first, then the right one.
    bob_page.goto(reverse("privacy:delete"))
    look(bob_page, "08-bob-phone-delete")
    bob_page.get_by_label("Your password").fill("not-it")
    bob_page.get_by_role("button", name="Delete my account").click()
    expect(bob_page.get_by_text("That is not your password")).to_be_visible()
    bob_page.get_by_label("Your password").fill(PASSWORD)
    bob_page.get_by_role("button", name="Delete my account").click()
    expect(bob_page.get_by_role("heading", name="Your account is deleted")).to_be_visible()
    look(bob_page, "09-bob-phone-goodbye")

    # Alice keeps everything, as they chose; Bob is a former partner now.
    alice_page.goto(f"/p/{pid}/")
    expect(alice_page.get_by_text("Nothing will be deleted")).to_be_visible()
    expect(alice_page.get_by_text("Alice & Partner").first).to_be_visible()
    look(alice_page, "10-alice-archive")
