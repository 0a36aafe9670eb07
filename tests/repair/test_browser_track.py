"""Two partners choose the rebuilding track, each on their own: Alice on a phone with
JavaScript, Bob on a computer without it. Bob's page shows nothing of Alice's lone yes;
once he says yes too it opens for both. Alice asks a question, Bob says "not yet", then
answers it; Bob offers a commitment that becomes an agreement proposal. Alice's page
follows by itself; her browser runs its poll timers at once (page.clock)."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.repair.conftest import url
from tests.support.browser import assert_accessible
from trustapp.agreements import library
from trustapp.agreements.models import Agreement

pytestmark = [pytest.mark.browser]
# The status line polls every 5 seconds (templates/repair/_track_status.html).
POLL_MS = 5_000


def test_two_partners_open_the_track_and_ask_answer_and_commit(
    browser_page, live_server, transactional_db, partnership, alice, bob
):
    library.load()
    alice_page = browser_page(alice, phone=True)
    alice_page.clock.install()
    bob_page = browser_page(bob, java_script_enabled=False)
    track = url("track", partnership)

    # Alice says yes, privately.
    alice_page.goto(track)
    expect(alice_page.get_by_role("heading", name="Rebuilding after a betrayal")).to_be_visible()
    assert_accessible(alice_page)
    alice_page.get_by_label("I was the one who was hurt").check()
    alice_page.get_by_role("button", name="I would like this").click()
    expect(alice_page.get_by_text("You said yes. It stays with you")).to_be_visible()

    # Bob sees only the offer: no sign of her yes.
    bob_page.goto(track)
    expect(bob_page.get_by_role("button", name="I would like this")).to_be_visible()
    assert "You said yes" not in bob_page.content()
    assert "Take my yes back" not in bob_page.content()
    bob_page.get_by_label("I was the one who broke trust").check()
    bob_page.get_by_role("button", name="I would like this").click()
    expect(bob_page.get_by_text("You both said yes. The track is open.")).to_be_visible()

    # Alice's page opens the track by itself; she sets the pace and asks a question.
    alice_page.clock.run_for(POLL_MS)
    expect(alice_page.get_by_text("You are the one who was hurt.")).to_be_visible()
    alice_page.get_by_label("Where we are").select_option(label="Questions")
    alice_page.get_by_role("button", name="Move here").click()
    expect(alice_page.get_by_label("Your question")).to_be_visible()
    alice_page.get_by_label("Your question").fill("Why did you not tell me?")
    alice_page.get_by_role("button", name="Ask").click()
    expect(
        alice_page.get_by_text("Waiting for an answer, for as long as it takes.")
    ).to_be_visible()
    assert_accessible(alice_page)

    # Bob is not ready yet, then answers.
    bob_page.reload()
    expect(bob_page.get_by_text("Why did you not tell me?")).to_be_visible()
    bob_page.get_by_role("button", name="Not yet").click()
    expect(bob_page.get_by_text("Not yet. It waits, with no reminders.")).to_be_visible()
    alice_page.clock.run_for(POLL_MS)
    expect(alice_page.get_by_text("Your partner said not yet. That is fine.")).to_be_visible()
    bob_page.get_by_label("Your answer").fill("I was afraid of losing you.")
    bob_page.get_by_role("button", name="Give my answer").click()
    expect(bob_page.get_by_text("Your answer is given.")).to_be_visible()
    alice_page.clock.run_for(POLL_MS)
    expect(alice_page.get_by_text("I was afraid of losing you.")).to_be_visible()

    # Alice moves on; Bob offers a commitment with a day to look at it again.
    alice_page.get_by_label("Where we are").select_option(label="Commitments")
    alice_page.get_by_role("button", name="Move here").click()
    expect(alice_page.get_by_label("The commitment, in a few words")).to_be_visible()
    bob_page.reload()
    bob_page.get_by_label("The commitment, in a few words").fill("Plans told ahead")
    bob_page.get_by_label("What I will do, concretely").fill("I tell you my plans each evening.")
    day = timezone.localdate() + timedelta(days=30)
    bob_page.get_by_label("When we look at it again").fill(day.isoformat())
    bob_page.get_by_role("button", name="Propose this commitment").click()
    expect(bob_page.get_by_text("It is an agreement proposal now")).to_be_visible()
    assert Agreement.objects.get().revisit_on == day
    alice_page.clock.run_for(POLL_MS)
    expect(alice_page.get_by_role("link", name="Plans told ahead")).to_be_visible()
    assert_accessible(alice_page)
    assert alice_page.js_errors == []
