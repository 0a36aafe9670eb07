"""Two partners: Alice, on her phone, sets the day they got together and sees it near on
the home; after their conversation is revealed she notes privately how heard she felt.
Bob, with JavaScript off, sees the anniversary too, notes his own, and shares his trend,
which Alice then reads. Neither sees the other's note before it is shared."""

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.conversations.conftest import ALICE_WORDS, BOB_WORDS
from tests.dates.conftest import url as dates_url
from tests.heard.conftest import url
from tests.support.browser import assert_accessible
from trustapp.conversations import services as conversations
from trustapp.conversations.models import Prompt
from trustapp.heard.models import Feeling

pytestmark = [pytest.mark.browser]


def test_our_dates_and_feeling_heard(
    browser_page, live_server, transactional_db, partnership, alice, bob
):
    alice_page = browser_page(alice, phone=True)
    alice_page.goto(dates_url("index", partnership))
    together = timezone.now().astimezone(ZoneInfo(alice.time_zone)).date() + timedelta(days=3)
    together = together.replace(year=together.year - 6)
    form = alice_page.get_by_role("region", name="The day we got together")
    form.get_by_label("The day").fill(together.isoformat())
    form.get_by_role("button", name="Save the day").click()
    expect(alice_page.get_by_role("region", name="Coming soon")).to_contain_text(
        "Our anniversary in 3 days (6 years together)"
    )
    assert_accessible(alice_page)
    alice_page.goto(partnership.get_absolute_url())
    expect(alice_page.get_by_role("region", name="Our dates")).to_contain_text("Our anniversary")

    prompt = Prompt.objects.get(slug="trust-in-one-sentence")
    conversation, _ = conversations.conversation_start(
        partnership=partnership, user=alice, prompt=prompt
    )
    conversations.answer_submit(conversation=conversation, user=alice, text=ALICE_WORDS)
    conversations.answer_submit(conversation=conversation, user=bob, text=BOB_WORDS)

    alice_page.goto(conversation.get_absolute_url())
    heard = alice_page.get_by_role("region", name="Did you feel heard?")
    heard.get_by_role("group", name="How understood").get_by_label("4").check()
    heard.get_by_role("group", name="How cared for").get_by_label("5").check()
    heard.get_by_role("button", name="Note it").click()
    expect(heard.get_by_role("status")).to_contain_text("understood 4 of 5, cared for 5 of 5")
    assert_accessible(alice_page)

    plain = browser_page(bob, java_script_enabled=False)
    plain.goto(partnership.get_absolute_url())
    # Each reads the days left from their own date: near midnight Bob's zone may still be
    # on the day before Alice's.
    bob_today = timezone.now().astimezone(ZoneInfo(bob.time_zone)).date()
    days = (together.replace(year=together.year + 6) - bob_today).days
    expect(plain.get_by_role("region", name="Our dates")).to_contain_text(f"in {days} days")
    plain.goto(conversation.get_absolute_url())
    assert "4 of 5" not in plain.content()  # Alice's note is hers alone
    plain.get_by_role("group", name="How understood").get_by_label("2").check()
    plain.get_by_role("group", name="How cared for").get_by_label("3").check()
    plain.get_by_role("button", name="Note it").click()
    expect(plain.get_by_text("Noted, just for you.")).to_be_visible()
    plain.get_by_role("link", name="My trend").click()
    plain.get_by_role("button", name="Share my notes with Alice").click()
    expect(plain.get_by_text("Alice can now see your trend.")).to_be_visible()

    alice_page.goto(url("trend", partnership))
    shared = alice_page.get_by_role("region", name="Bob shared their notes with you")
    expect(shared).to_contain_text("2 / 5")
    assert "4 / 5" in alice_page.content()
    assert Feeling.objects.count() == 2
    assert not alice_page.js_errors
