"""The ritual built from what the couple recorded in the other apps, through their contracts."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from tests.checkins.support import action_point, open_checkin
from trustapp.agreements import services as agreements
from trustapp.agreements.models import AgreementEvent, Category
from trustapp.appreciations import services as appreciations
from trustapp.checkins import services
from trustapp.conversations import services as conversations
from trustapp.conversations.library import load_prompts


@pytest.fixture
def checkin(partnership):
    open_checkin(
        partnership,
        opened_at=timezone.now() - timedelta(days=3),
        closed_at=timezone.now() - timedelta(days=3),
    )
    return open_checkin(partnership)


def agree(partnership, alice, bob, title, revisit_on=None):
    agreement = agreements.agreement_propose(
        partnership=partnership,
        author=alice,
        title=title,
        text="We say so first.",
        category=Category.objects.first(),
        revisit_on=revisit_on,
    )
    agreement.refresh_from_db()
    agreements.agreement_consent(
        agreement=agreement, user=bob, revision_id=agreement.pending_revision_id
    )
    return agreement


def test_the_look_back_shows_appreciations_shared_since_last_time(
    alice_client, partnership, checkin, bob
):
    appreciations.appreciation_create(
        partnership=partnership,
        author=bob,
        text="Brought me soup when I was ill",
        happened_on=timezone.localdate(),
    )
    body = alice_client.get(checkin.get_absolute_url()).content.decode()
    look_back = body[body.index('id="look-back"') : body.index('id="answers"')]
    assert "Bob:" in look_back and "Brought me soup when I was ill" in look_back


def test_agreements_agreed_since_last_time_and_due_for_a_revisit_are_listed(
    alice_client, partnership, checkin, alice, bob
):
    agreement = agree(
        partnership, alice, bob, "Screens off at ten", timezone.localdate() - timedelta(days=1)
    )
    body = alice_client.get(checkin.get_absolute_url()).content.decode()
    look_back = body[body.index('id="look-back"') : body.index('id="answers"')]
    agenda = body[body.index('id="agenda"') : body.index('id="actions"')]
    assert "Screens off at ten" in look_back and "agreed" in look_back
    assert "Agreements due for a revisit" in agenda
    assert agreement.get_absolute_url() in agenda


def test_the_prompt_of_the_week_is_an_optional_topic(alice_client, partnership, checkin):
    load_prompts()
    prompt = conversations.prompt_of_the_week(partnership)
    body = alice_client.get(checkin.get_absolute_url()).content.decode()
    agenda = body[body.index('id="agenda"') : body.index('id="actions"')]
    # Escaped as the template escapes it: which prompt it is depends on the week.
    assert escape(prompt.question) in agenda
    assert reverse("conversations:prompt", args=[partnership.public_id, prompt.slug]) in agenda


def test_the_reconnect_step_links_to_a_new_appreciation(alice_client, partnership, checkin):
    body = alice_client.get(checkin.get_absolute_url()).content.decode()
    reconnect = body[body.index('id="reconnect"') :]
    assert reverse("appreciations:new", args=[partnership.public_id]) in reconnect


def test_the_check_in_page_has_a_flat_query_budget(
    alice_client, partnership, checkin, alice, bob, django_assert_max_num_queries
):
    load_prompts()
    previous = checkin.partnership.checkins.exclude(pk=checkin.pk).get()

    def record(start, count):
        for index in range(start, start + count):
            appreciations.appreciation_create(
                partnership=partnership,
                author=bob,
                text=f"Kind thing {index}",
                happened_on=timezone.localdate(),
            )
            agree(partnership, alice, bob, f"Agreement {index}", timezone.localdate())
            action_point(previous, text=f"Step {index}", owner=alice)
            action_point(checkin, text=f"New step {index}", owner=bob)

    record(0, 1)
    with CaptureQueriesContext(connection) as few:
        alice_client.get(checkin.get_absolute_url())
    record(1, 9)
    with django_assert_max_num_queries(len(few)):
        response = alice_client.get(checkin.get_absolute_url())
    assert "Kind thing 9" in response.content.decode()
    assert len(few) <= 24, [q["sql"][:120] for q in few.captured_queries]


@pytest.mark.embedded
def test_each_agreement_is_looked_back_on_once_with_its_latest_change(
    partnership, checkin, alice, bob
):
    first = agree(partnership, alice, bob, "Screens off at ten")
    agree(partnership, alice, bob, "A walk on Sundays")
    AgreementEvent.objects.create(
        agreement=first,
        kind=AgreementEvent.Kind.CHANGED,
        created_at=timezone.now() + timedelta(minutes=1),
    )
    look_back = services.look_back(checkin, services.previous_checkin(checkin))
    assert [(a.title, a.change) for a in look_back.agreement_changes] == [
        ("Screens off at ten", "changed"),
        ("A walk on Sundays", "agreed"),
    ]
