import pytest
from django.urls import reverse

from tests.agreements.conftest import fresh, in_force, leave, propose, suggest
from trustapp.agreements import services


def detail_url(agreement):
    return reverse("agreements:detail", args=[agreement.partnership.public_id, agreement.pk])


def test_the_partner_sees_a_proposal_with_agree_and_suggest(bob_client, partnership, alice):
    agreement = propose(partnership, alice, text="We ask first.")
    body = bob_client.get(detail_url(agreement)).content.decode()
    assert "Proposed by Alice" in body
    assert "We ask first." in body
    assert "I agree" in body and "Suggest a change" in body


def test_the_proposer_sees_it_waiting_for_the_partner(alice_client, partnership, alice):
    agreement = propose(partnership, alice)
    body = alice_client.get(detail_url(agreement)).content.decode()
    assert "They wait for Bob" in body
    assert "I agree" not in body


def test_a_suggested_change_shows_the_difference_word_by_word(
    alice_client, partnership, alice, bob
):
    agreement = in_force(partnership, alice, bob, text="We call when late.")
    suggest(agreement, bob, "We text when late.")
    body = alice_client.get(detail_url(agreement)).content.decode()
    assert "A change suggested by Bob" in body
    assert "call" in body.split("<del>")[1].split("</del>")[0]
    assert "text" in body.split("<ins>")[1].split("</ins>")[0]
    assert "We call when late." in body  # the agreed words, still in force


def test_needs_a_conversation_shows_for_both(alice_client, bob_client, partnership, alice, bob):
    agreement = in_force(partnership, alice, bob)
    services.agreement_withdraw(agreement=fresh(agreement), user=bob, note="Weekends?")
    for client in (alice_client, bob_client):
        body = client.get(detail_url(agreement)).content.decode()
        assert "Needs a conversation" in body
        assert "Weekends?" in body
    assert "I agree to these words again" in bob_client.get(detail_url(agreement)).content.decode()


def test_htmx_gets_only_the_panel(alice_client, partnership, alice, htmx_headers):
    agreement = propose(partnership, alice)
    body = alice_client.get(detail_url(agreement), headers=htmx_headers).content.decode()
    assert body.lstrip().startswith('<div id="agreement-panel"')
    assert "<html" not in body


def test_a_boosted_request_gets_the_whole_page(alice_client, partnership, alice, htmx_headers):
    agreement = propose(partnership, alice)
    headers = htmx_headers | {"HX-Boosted": "true"}
    assert "<html" in alice_client.get(detail_url(agreement), headers=headers).content.decode()


def test_it_rejects_post(alice_client, partnership, alice):
    agreement = propose(partnership, alice)
    assert alice_client.post(detail_url(agreement)).status_code == 405


def test_it_is_a_404_for_an_outsider_and_for_another_partnerships_agreement(
    carol_client, alice_client, partnership, other_partnership, alice, carol
):
    agreement = propose(partnership, alice)
    assert carol_client.get(detail_url(agreement)).status_code == 404
    theirs = propose(other_partnership, carol)
    url = reverse("agreements:detail", args=[partnership.public_id, theirs.pk])
    assert alice_client.get(url).status_code == 404


def test_a_former_partner_reads_but_sees_no_buttons(alice_client, partnership, alice, bob):
    agreement = in_force(partnership, bob, alice)
    leave(partnership)
    body = alice_client.get(detail_url(agreement)).content.decode()
    assert "What you agreed" in body
    assert "Withdraw my consent" not in body and "Suggest a change" not in body
    assert 'name="text"' not in body  # no comment form either


def test_a_suggestion_on_a_proposal_shows_what_changed_from_the_proposers_words(
    alice_client, partnership, alice, bob
):
    agreement = propose(partnership, alice, text="We ask first.")
    suggest(agreement, bob, "We ask first, kindly.")
    body = alice_client.get(detail_url(agreement)).content.decode()
    assert "Bob suggested new words" in body
    assert "What changed from your words:" in body
    assert "kindly." in body.split("<ins>")[1].split("</ins>")[0]


def test_a_withdrawn_agreement_with_a_suggested_change_offers_one_yes(
    alice_client, bob_client, partnership, alice, bob
):
    agreement = in_force(partnership, alice, bob, text="We call when late.")
    services.agreement_withdraw(agreement=fresh(agreement), user=alice, note="Texts are fine")
    suggest(agreement, bob, "We text when late.")
    agree_url = reverse("agreements:agree", args=[partnership.public_id, agreement.pk])
    body = alice_client.get(detail_url(agreement)).content.decode()
    assert body.count(f'action="{agree_url}"') == 1  # one yes, to the suggested words
    assert "I agree to these words again" not in body
    assert "Needs a conversation" in body and "Change suggested" in body
    bobs = bob_client.get(detail_url(agreement)).content.decode()
    assert f'action="{agree_url}"' not in bobs  # Bob said yes to his words already
    assert "They wait for Alice" in bobs

    # Her yes to the new words puts them in force and waits for nobody.
    response = alice_client.post(agree_url, {"revision": fresh(agreement).pending_revision_id})
    assert response.status_code == 302
    agreement = fresh(agreement)
    assert agreement.status == "in_force" and agreement.pending_revision_id is None
    for person, client in ((alice, alice_client), (bob, bob_client)):
        assert services.waiting_counts(partnership, person)["agreements"] == 0
        body = client.get(detail_url(agreement)).content.decode()
        assert "Change suggested" not in body and "I agree" not in body


def test_the_old_words_can_be_agreed_again_once_the_suggestion_is_set_aside(
    alice_client, partnership, alice, bob
):
    agreement = in_force(partnership, alice, bob, text="We call when late.")
    services.agreement_withdraw(agreement=fresh(agreement), user=alice)
    suggest(agreement, bob, "We text when late.")
    with pytest.raises(services.AgreementError):
        services.agreement_consent(
            agreement=fresh(agreement), user=alice, revision_id=agreement.agreed_revision_id
        )
    services.agreement_set_aside(agreement=fresh(agreement), user=alice)
    body = alice_client.get(detail_url(agreement)).content.decode()
    assert "I agree to these words again" in body
    services.agreement_consent(
        agreement=fresh(agreement), user=alice, revision_id=agreement.agreed_revision_id
    )
    assert fresh(agreement).status == "in_force"


def test_the_set_aside_button_says_plainly_what_it_does(bob_client, partnership, alice, bob):
    agreement = propose(partnership, alice)
    body = bob_client.get(detail_url(agreement)).content.decode()
    assert "Decline this proposal" in body and "Not for us" not in body
