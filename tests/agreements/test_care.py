"""Care or control? Words about checking on a partner bring a short reflection before
each partner's yes. It never blocks: one more click for the proposer, none for the other."""

import pytest
from django.urls import reverse

from tests.agreements.conftest import propose
from trustapp.agreements.care import touches_checking
from trustapp.agreements.models import Agreement

pytestmark = pytest.mark.django_db
REFLECTION = "Care, or keeping watch?"


@pytest.mark.parametrize(
    "words",
    [
        "We share our live location when one of us is out late.",
        "I may look through your phone when I feel unsure.",
        "We tell each other our passwords.",
        "Text me where you are every evening.",
        "Home by 11 on weeknights.",
        "We read each other's messages.",
    ],
)
def test_words_about_checking_on_someone_are_noticed(words):
    assert touches_checking(words)


@pytest.mark.parametrize(
    "words",
    [
        "Phones away at dinner.",
        "We keep track of the budget together.",
        "We ask before assuming.",
        "We check in every Sunday.",
    ],
)
def test_everyday_words_are_left_alone(words):
    assert not touches_checking(words)


def propose_url(partnership):
    return reverse("agreements:propose", args=[partnership.public_id])


def words(**changes):
    return {
        "title": "Sharing where we are",
        "text": "We share our live location with each other all the time.",
        "why": "",
        "category": "communication",
        "revisit_on": "",
    } | changes


def test_the_proposer_sees_the_reflection_once_with_what_they_typed(alice_client, partnership):
    first = alice_client.post(propose_url(partnership), words())
    body = first.content.decode()
    assert first.status_code == 200 and REFLECTION in body
    assert reverse("safety") in body and "Propose it as it is" in body
    assert "We share our live location with each other all the time." in body
    assert not Agreement.objects.exists()
    then = alice_client.post(propose_url(partnership), words(reflected="1"))
    assert then.status_code == 302
    assert Agreement.objects.get().title == "Sharing where we are"


def test_other_words_are_proposed_at_once(alice_client, partnership):
    response = alice_client.post(
        propose_url(partnership), words(title="Asking first", text="We ask before assuming.")
    )
    assert response.status_code == 302 and Agreement.objects.exists()


def test_bad_input_keeps_the_words_and_says_why(alice_client, partnership):
    response = alice_client.post(propose_url(partnership), words(title=""))
    assert response.status_code == 200 and REFLECTION not in response.content.decode()
    assert "all the time" in response.content.decode()


def test_the_partner_sees_it_before_saying_yes_and_can_still_say_yes(
    partnership, alice, bob, bob_client, alice_client
):
    agreement = propose(partnership, alice, text="I can look through your phone.")
    body = bob_client.get(agreement.get_absolute_url()).content.decode()
    assert REFLECTION in body and "I agree" in body
    # The proposer already said yes to their words: nothing more for them.
    assert REFLECTION not in alice_client.get(agreement.get_absolute_url()).content.decode()
    agree = reverse("agreements:agree", args=[partnership.public_id, agreement.pk])
    bob_client.post(agree, {"revision": agreement.pending_revision_id})
    agreement.refresh_from_db()
    assert agreement.status == Agreement.Status.IN_FORCE
    assert REFLECTION not in bob_client.get(agreement.get_absolute_url()).content.decode()
