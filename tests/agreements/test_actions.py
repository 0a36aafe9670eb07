"""Agree, withdraw, set aside, retire and keep: plain form posts and htmx, in place."""

import pytest
from django.urls import reverse

from tests.agreements.conftest import fresh, in_force, leave, propose, suggest
from trustapp.agreements import services
from trustapp.agreements.models import Agreement, Consent

Status = Agreement.Status


def url(name, agreement):
    return reverse(f"agreements:{name}", args=[agreement.partnership.public_id, agreement.pk])


def test_agreeing_with_a_plain_post_redirects_to_the_agreement(bob_client, partnership, alice):
    agreement = propose(partnership, alice)
    response = bob_client.post(
        url("agree", agreement), {"revision": fresh(agreement).pending_revision_id}, follow=True
    )
    # Back to the panel he acted in (the keyboard carries on from there).
    assert response.redirect_chain[-1][0] == agreement.get_absolute_url() + "#agreement-panel"
    assert "It is in force for both of you now." in response.content.decode()
    assert fresh(agreement).status == Status.IN_FORCE


def test_agreeing_with_htmx_returns_the_updated_panel(bob_client, partnership, alice, htmx_headers):
    agreement = propose(partnership, alice)
    response = bob_client.post(
        url("agree", agreement),
        {"revision": fresh(agreement).pending_revision_id},
        headers=htmx_headers,
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert body.lstrip().startswith('<div id="agreement-panel"')
    assert "In force" in body and "It is in force for both of you now." in body
    # The "waiting for you" badges in the navigation are refreshed out of band.
    assert '<span id="agreements-waiting-nav" hx-swap-oob="true"></span>' in body


def test_agreeing_to_words_that_changed_meanwhile_is_a_clear_conflict(
    bob_client, partnership, alice, htmx_headers
):
    agreement = propose(partnership, alice, text="Old words.")
    old = fresh(agreement).pending_revision_id
    suggest(agreement, alice, "Newer words.")
    response = bob_client.post(url("agree", agreement), {"revision": old}, headers=htmx_headers)
    assert response.status_code == 409
    body = response.content.decode()
    assert "no longer the latest" in body and "Newer" in body
    assert not Consent.objects.filter(user__email="bob@example.com").exists()


def test_agreeing_without_a_revision_is_refused_gently(bob_client, partnership, alice):
    agreement = propose(partnership, alice)
    response = bob_client.post(url("agree", agreement), {"revision": "abc"})
    assert response.status_code == 409
    assert "no longer the latest" in response.content.decode()


def test_withdrawing_with_a_plain_post_notes_why(bob_client, partnership, alice, bob, notified):
    agreement = in_force(partnership, alice, bob)
    response = bob_client.post(url("withdraw", agreement), {"note": "Can we talk weekends?"})
    assert response.status_code == 302
    assert fresh(agreement).status == Status.NEEDS_CONVERSATION
    assert Consent.objects.get(user=bob, withdrawn_at__isnull=False).note == "Can we talk weekends?"
    assert notified[-1]["recipient"] == alice


def test_withdrawing_with_htmx_shows_needs_a_conversation_in_place(
    bob_client, partnership, alice, bob, htmx_headers
):
    agreement = in_force(partnership, alice, bob)
    response = bob_client.post(url("withdraw", agreement), {"note": ""}, headers=htmx_headers)
    body = response.content.decode()
    assert body.lstrip().startswith('<div id="agreement-panel"')
    assert "Needs a conversation" in body
    assert "I agree to these words again" in body


@pytest.mark.parametrize(
    "note, message", [("x" * 501, "at most 500 characters"), ("<i>hm</i>", "without HTML tags")]
)
def test_a_bad_withdrawal_note_is_explained_and_kept(
    bob_client, partnership, alice, bob, note, message
):
    agreement = in_force(partnership, alice, bob)
    response = bob_client.post(url("withdraw", agreement), {"note": note})
    assert response.status_code == 200
    body = response.content.decode()
    assert message in body
    assert "&lt;i&gt;hm&lt;/i&gt;" in body or "x" * 501 in body
    assert fresh(agreement).status == Status.IN_FORCE


def test_withdrawing_twice_is_explained(bob_client, partnership, alice, bob):
    agreement = in_force(partnership, alice, bob)
    bob_client.post(url("withdraw", agreement), {"note": ""})
    response = bob_client.post(url("withdraw", agreement), {"note": ""}, follow=True)
    assert "no standing consent" in response.content.decode()


def test_setting_aside_a_proposal(alice_client, partnership, alice, htmx_headers):
    agreement = propose(partnership, alice)
    response = alice_client.post(url("set_aside", agreement), headers=htmx_headers)
    assert "Set aside" in response.content.decode()
    assert fresh(agreement).status == Status.SET_ASIDE
    again = alice_client.post(url("set_aside", agreement))
    assert again.status_code == 409


def test_retiring_takes_both_and_keeping_cancels(
    alice_client, bob_client, partnership, alice, bob, htmx_headers
):
    agreement = in_force(partnership, alice, bob)
    body = alice_client.post(url("retire", agreement), headers=htmx_headers).content.decode()
    assert "until Bob agrees" in body
    assert (
        "Alice would like to retire"
        in bob_client.get(agreement.get_absolute_url()).content.decode()
    )
    bob_client.post(url("keep", agreement))
    assert fresh(agreement).retire_requested_by is None
    alice_client.post(url("retire", agreement))
    response = bob_client.post(url("retire", agreement), follow=True)
    assert "Retired. It stays readable" in response.content.decode()
    assert fresh(agreement).status == Status.RETIRED


def test_retiring_a_mere_proposal_is_refused(alice_client, partnership, alice):
    agreement = propose(partnership, alice)
    response = alice_client.post(url("retire", agreement))
    assert response.status_code == 409
    assert "Only an agreement you both made" in response.content.decode()


@pytest.mark.parametrize("name", ["agree", "withdraw", "set_aside", "retire", "keep"])
def test_each_action_rejects_get(name, alice_client, partnership, alice):
    agreement = propose(partnership, alice)
    assert alice_client.get(url(name, agreement)).status_code == 405


@pytest.mark.parametrize("name", ["agree", "withdraw", "set_aside", "retire", "keep"])
def test_each_action_is_read_only_for_a_former_partner(name, alice_client, partnership, alice, bob):
    agreement = in_force(partnership, bob, alice)
    leave(partnership)
    before = fresh(agreement).version
    response = alice_client.post(url(name, agreement), {"revision": agreement.agreed_revision_id})
    assert response.status_code == 403
    assert fresh(agreement).version == before


def test_services_refuse_to_act_for_someone_outside_the_partnership(partnership, alice, carol):
    agreement = propose(partnership, alice)
    # The views 404 before this; the service still never records a stranger's yes.
    with pytest.raises(services.AgreementError):
        services.agreement_consent(
            agreement=fresh(agreement), user=carol, revision_id=fresh(agreement).pending_revision_id
        )
    assert not Consent.objects.filter(user=carol).exists()
