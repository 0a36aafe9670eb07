"""A fresh yes at the revisit date: each answers on their own, both answers show together,
and anything but two yeses means a conversation at the next check-in."""

import io
import zipfile
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.agreements.conftest import fresh, in_force, leave
from trustapp.agreements import services
from trustapp.agreements.models import Agreement, RevisitAnswer
from trustapp.checkins.models import AgendaItem

pytestmark = pytest.mark.django_db
Status = Agreement.Status


@pytest.fixture
def due(partnership, alice, bob):
    yesterday = timezone.localdate() - timedelta(days=1)
    return in_force(partnership, alice, bob, title="Phones away at dinner", revisit_on=yesterday)


def revisit_url(agreement):
    return reverse("agreements:revisit", args=[agreement.partnership.public_id, agreement.pk])


def answer(agreement, user, value):
    return services.revisit_answer(agreement=fresh(agreement), user=user, answer=value)


def test_two_yeses_keep_it_in_force_and_the_date_is_done(due, alice, bob):
    answer(due, alice, "yes")
    assert fresh(due).revisit_on is not None
    agreement = answer(due, bob, "yes")
    agreement = fresh(agreement)
    assert agreement.status == Status.IN_FORCE and agreement.revisit_on is None
    assert not AgendaItem.objects.exists()


@pytest.mark.parametrize("second", ["unsure", "talk"])
def test_anything_but_two_yeses_needs_a_conversation_at_the_next_check_in(due, alice, bob, second):
    answer(due, alice, "yes")
    answer(due, bob, second)
    agreement = fresh(due)
    assert agreement.status == Status.NEEDS_CONVERSATION
    item = AgendaItem.objects.get(partnership=due.partnership)
    assert "Phones away at dinner" in item.text
    # Only the one who did not say yes stands back: a yes again puts it in force.
    assert (
        services.agreement_consent(
            agreement=agreement, user=bob, revision_id=agreement.agreed_revision_id
        ).status
        == Status.IN_FORCE
    )


def test_an_answer_stays_private_until_both_answered(due, alice, bob, alice_client, bob_client):
    alice_client.post(revisit_url(due), {"answer": "talk"})
    mine = alice_client.get(due.get_absolute_url()).content.decode()
    assert "You answered: Let’s talk." in mine
    body = bob_client.get(due.get_absolute_url()).content.decode()
    assert "Alice has answered. Yours, whenever you are ready." in body
    assert "Let’s talk" not in body.replace(">Let’s talk</button>", "")
    assert "aria-pressed" not in body
    export = zipfile.ZipFile(
        io.BytesIO(b"".join(bob_client.post(reverse("privacy:export")).streaming_content))
    )
    everything = "\n".join(export.read(n).decode() for n in export.namelist())
    assert "Let’s talk" not in everything and "Let\\u2019s talk" not in everything
    bob_client.post(revisit_url(due), {"answer": "yes"})
    body = bob_client.get(due.get_absolute_url()).content.decode()
    assert "you answered “Still yes” and Alice answered “Let’s talk”" in body
    assert "on your next check-in’s agenda" in body


def test_an_answer_can_change_until_both_answered(due, alice, bob):
    answer(due, alice, "unsure")
    answer(due, alice, "yes")
    answer(due, bob, "yes")
    assert fresh(due).status == Status.IN_FORCE
    assert RevisitAnswer.objects.filter(agreement=due).count() == 2


def test_before_the_date_there_is_nothing_to_answer(partnership, alice, bob, alice_client):
    later = in_force(partnership, alice, bob, revisit_on=timezone.localdate() + timedelta(days=5))
    response = alice_client.post(revisit_url(later), {"answer": "yes"})
    assert response.status_code == 409
    assert "not waiting for a fresh answer" in response.content.decode()
    assert "A fresh yes?" not in alice_client.get(later.get_absolute_url()).content.decode()


def test_an_unknown_answer_is_refused_with_a_clear_message(due, alice_client, htmx_headers):
    response = alice_client.post(revisit_url(due), {"answer": "maybe"}, headers=htmx_headers)
    assert response.status_code == 409
    assert "Please choose one of the three answers." in response.content.decode()
    assert not RevisitAnswer.objects.exists()


def test_htmx_gets_the_panel_and_without_it_a_redirect(due, alice_client, htmx_headers):
    swapped = alice_client.post(revisit_url(due), {"answer": "yes"}, headers=htmx_headers)
    assert swapped.status_code == 200 and "<html" not in swapped.content.decode()
    assert "stays with you until Bob has answered" in swapped.content.decode()
    plain = alice_client.post(revisit_url(due), {"answer": "yes"})
    assert plain.status_code == 302
    assert alice_client.get(revisit_url(due)).status_code == 405


def test_the_partner_hears_that_an_answer_came_never_which(due, alice, bob, notified):
    answer(due, alice, "talk")
    (call,) = [c for c in notified if c["kind"] == "agreement_revisit"]
    assert "talk" not in call["message"].lower() and call["recipient"] == bob


def test_a_former_partner_cannot_answer(due, partnership, alice, alice_client):
    leave(partnership)
    assert alice_client.post(revisit_url(due), {"answer": "yes"}).status_code == 403
