"""Two partners agree to words about checking on each other, each seeing a moment to
think before their yes; at the revisit date each answers on their own. Alice on a phone
with JavaScript, Bob on a computer without it."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.support.browser import assert_accessible
from trustapp.agreements import library
from trustapp.agreements.models import Agreement
from trustapp.checkins.models import AgendaItem

pytestmark = [pytest.mark.browser]
REFLECTION = "Care, or keeping watch?"


def test_care_before_yes_and_a_fresh_yes_at_the_revisit_date(
    browser_page, live_server, transactional_db, partnership, alice, bob
):
    library.load()
    pid = partnership.public_id
    alice_page = browser_page(alice, phone=True)
    bob_page = browser_page(bob, java_script_enabled=False)

    # Alice proposes sharing locations: a moment to think, then it goes ahead as it is.
    alice_page.goto(f"/p/{pid}/agreements/new/")
    alice_page.get_by_label("Title").fill("Late nights")
    alice_page.get_by_label("The agreement, in your own words").fill(
        "We share our live location when out late."
    )
    alice_page.get_by_role("button", name="Propose it").click()
    expect(alice_page.get_by_role("heading", name=REFLECTION)).to_be_visible()
    assert_accessible(alice_page)
    expect(alice_page.get_by_label("The agreement, in your own words")).to_have_value(
        "We share our live location when out late."
    )
    alice_page.get_by_role("button", name="Propose it as it is").click()
    expect(alice_page.get_by_text("It waits for Bob to read and answer.")).to_be_visible()
    agreement = Agreement.objects.get()

    # Bob reads the same reflection before his yes, and says yes.
    bob_page.goto(agreement.get_absolute_url())
    expect(bob_page.get_by_role("heading", name=REFLECTION)).to_be_visible()
    bob_page.get_by_role("button", name="I agree", exact=True).click()
    expect(bob_page.get_by_text("It is in force for both of you now.")).to_be_visible()

    # The revisit date comes. Bob would like to talk; Alice learns only that he answered.
    Agreement.objects.filter(pk=agreement.pk).update(
        revisit_on=timezone.localdate() - timedelta(days=1)
    )
    bob_page.reload()
    bob_page.get_by_role("button", name="Let’s talk").click()
    expect(
        bob_page.get_by_text("Your answer stays with you until Alice has answered")
    ).to_be_visible()
    alice_page.goto(agreement.get_absolute_url())
    expect(
        alice_page.get_by_text("Bob has answered. Yours, whenever you are ready.")
    ).to_be_visible()
    assert "You answered" not in alice_page.content()
    assert_accessible(alice_page)
    alice_page.get_by_role("button", name="Still yes").click()
    expect(
        alice_page.get_by_text("you answered “Still yes” and Bob answered “Let’s talk”")
    ).to_be_visible()
    expect(alice_page.get_by_role("heading", name="Needs a conversation")).to_be_visible()
    assert_accessible(alice_page)
    assert "Late nights" in AgendaItem.objects.get().text
    assert alice_page.js_errors == []
