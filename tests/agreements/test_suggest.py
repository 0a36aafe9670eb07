import pytest
from django.urls import reverse

from tests.agreements.conftest import fresh, in_force, leave, propose, suggest
from trustapp.agreements.models import Agreement, AgreementRevision


def suggest_url(agreement):
    return reverse("agreements:suggest", args=[agreement.partnership.public_id, agreement.pk])


def form(agreement, **changes):
    agreement = fresh(agreement)
    return {
        "title": agreement.title,
        "text": "We text when we are late.",
        "why": "Calls interrupt meetings.",
        "version": agreement.version,
    } | changes


def test_the_form_starts_from_the_current_words(bob_client, partnership, alice, bob):
    agreement = in_force(partnership, alice, bob, text="We call when late.")
    response = bob_client.get(suggest_url(agreement))
    assert response.status_code == 200
    body = response.content.decode()
    assert "We call when late.</textarea>" in body
    assert f'name="version" value="{fresh(agreement).version}"' in body


def test_htmx_gets_the_form_in_place(bob_client, partnership, alice, bob, htmx_headers):
    agreement = in_force(partnership, alice, bob)
    body = bob_client.get(suggest_url(agreement), headers=htmx_headers).content.decode()
    assert body.lstrip().startswith('<div id="agreement-panel"')
    assert 'hx-post="' + suggest_url(agreement) in body


def test_a_plain_post_saves_a_new_revision_and_keeps_the_agreed_one(
    bob_client, partnership, alice, bob, notified
):
    agreement = in_force(partnership, alice, bob, text="We call when late.")
    response = bob_client.post(suggest_url(agreement), form(agreement))
    assert response.status_code == 302
    agreement = fresh(agreement)
    assert agreement.agreed_revision.text == "We call when late."
    assert agreement.pending_revision.text == "We text when we are late."
    assert agreement.pending_revision.author == bob
    assert notified[-1]["kind"] == "agreement_change_suggested"


def test_an_htmx_post_returns_the_panel_with_the_difference(
    bob_client, partnership, alice, bob, htmx_headers
):
    agreement = in_force(partnership, alice, bob, text="We call when late.")
    response = bob_client.post(suggest_url(agreement), form(agreement), headers=htmx_headers)
    body = response.content.decode()
    assert body.lstrip().startswith('<div id="agreement-panel"')
    assert "Your suggested change" in body and "<ins>" in body


def test_a_second_save_from_the_same_version_gets_a_conflict_showing_the_other_version(
    alice_client, bob_client, partnership, alice, bob
):
    agreement = in_force(partnership, alice, bob, text="We call when late.")
    both_start_from = form(agreement)
    alice_client.post(suggest_url(agreement), both_start_from | {"text": "Alice's words."})
    response = bob_client.post(suggest_url(agreement), both_start_from | {"text": "Bob's words."})
    assert response.status_code == 409
    body = response.content.decode()
    assert "This agreement was changed while you were writing." in body
    assert "Alice&#x27;s words." in body  # the other's version
    assert "Bob&#x27;s words.</textarea>" in body  # what Bob typed, kept
    assert f'name="version" value="{fresh(agreement).version}"' in body
    assert not AgreementRevision.objects.filter(text="Bob's words.").exists()

    # Having seen it, Bob can save his version on top.
    again = bob_client.post(suggest_url(agreement), form(agreement, text="Bob's words."))
    assert again.status_code == 302
    assert fresh(agreement).pending_revision.text == "Bob's words."


def test_a_conflict_over_htmx_swaps_the_form_in_place(
    bob_client, partnership, alice, bob, htmx_headers
):
    agreement = in_force(partnership, alice, bob)
    stale = form(agreement)
    suggest(agreement, alice, "Alice was quicker.")
    response = bob_client.post(suggest_url(agreement), stale, headers=htmx_headers)
    assert response.status_code == 409
    body = response.content.decode()
    assert body.lstrip().startswith('<div id="agreement-panel"')
    assert "Alice was quicker." in body


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"text": "   "}, "Please write what you would like to agree on."),
        ({"text": "y" * 2001}, "at most 2000 characters"),
        ({"text": "Go <a href='x'>here</a>"}, "without HTML tags"),
        ({"title": ""}, "Please give the agreement a short title."),
    ],
)
def test_bad_input_is_explained_and_nothing_is_stored(
    bob_client, partnership, alice, bob, changes, message, htmx_headers
):
    agreement = in_force(partnership, alice, bob)
    count = AgreementRevision.objects.count()
    for headers in ({}, htmx_headers):
        response = bob_client.post(
            suggest_url(agreement), form(agreement, **changes), headers=headers
        )
        assert response.status_code == 200
        body = response.content.decode()
        assert message in body
        assert "Calls interrupt meetings.</textarea>" in body
    assert AgreementRevision.objects.count() == count


def test_a_missing_version_is_a_form_error(bob_client, partnership, alice, bob):
    agreement = in_force(partnership, alice, bob)
    data = form(agreement)
    del data["version"]
    response = bob_client.post(suggest_url(agreement), data)
    assert response.status_code == 200
    assert fresh(agreement).pending_revision is None


def test_a_retired_agreement_cannot_be_changed(bob_client, partnership, alice, bob):
    agreement = in_force(partnership, alice, bob)
    Agreement.objects.filter(pk=agreement.pk).update(status=Agreement.Status.RETIRED)
    assert bob_client.get(suggest_url(agreement)).status_code == 302
    response = bob_client.post(suggest_url(agreement), form(agreement))
    assert response.status_code == 409
    assert "closed" in response.content.decode()


def test_it_rejects_other_methods(bob_client, partnership, alice):
    agreement = propose(partnership, alice)
    assert bob_client.delete(suggest_url(agreement)).status_code == 405


def test_it_is_a_404_for_an_outsider(carol_client, partnership, alice, htmx_headers):
    agreement = propose(partnership, alice)
    assert carol_client.get(suggest_url(agreement), headers=htmx_headers).status_code == 404
    assert carol_client.post(suggest_url(agreement), form(agreement)).status_code == 404


def test_a_former_partner_cannot_suggest(alice_client, partnership, alice, bob):
    agreement = in_force(partnership, alice, bob)
    leave(partnership)
    assert alice_client.get(suggest_url(agreement)).status_code == 403
    assert alice_client.post(suggest_url(agreement), form(agreement)).status_code == 403
