import pytest
from django.urls import reverse

from tests.agreements.conftest import leave
from trustapp.agreements.models import Agreement, AgreementRevision, Consent


def propose_url(partnership, query=""):
    return reverse("agreements:propose", args=[partnership.public_id]) + query


def valid(**changes):
    return {
        "title": "Ask before assuming",
        "text": "When unsure, we ask first.",
        "why": "Guessing hurts us.",
        "category": "communication",
        "revisit_on": "",
    } | changes


def test_it_shows_an_empty_form(alice_client, partnership):
    response = alice_client.get(propose_url(partnership))
    assert response.status_code == 200
    assert 'name="title"' in response.content.decode()


def test_it_starts_from_a_starter(alice_client, partnership):
    body = alice_client.get(propose_url(partnership, "?template=time-out")).content.decode()
    assert "Either of us can call a time-out" in body
    assert 'value="conflict" selected' in body


def test_it_prefills_title_text_and_category_from_the_query(alice_client, partnership):
    body = alice_client.get(
        propose_url(
            partnership,
            "?title=Slow+Sundays&text=No+plans+before+eleven&category=time-together-and-apart",
        )
    ).content.decode()
    assert 'value="Slow Sundays"' in body
    assert "No plans before eleven</textarea>" in body
    assert 'value="time-together-and-apart" selected' in body


def test_prefilled_text_is_escaped(alice_client, partnership):
    body = alice_client.get(propose_url(partnership, "?title=<script>x</script>")).content.decode()
    assert "<script>x</script>" not in body


def test_an_unknown_category_falls_back_to_other(alice_client, partnership):
    body = alice_client.get(propose_url(partnership, "?category=nope")).content.decode()
    assert 'value="other" selected' in body


def test_it_proposes_and_waits_for_the_partner(alice_client, partnership, alice, notified):
    response = alice_client.post(propose_url(partnership), valid(revisit_on="2099-01-31"))
    agreement = Agreement.objects.get()
    assert response.status_code == 302
    assert response["Location"] == agreement.get_absolute_url()
    assert agreement.status == Agreement.Status.PROPOSED
    assert agreement.revisit_on.isoformat() == "2099-01-31"
    assert agreement.pending_revision.why == "Guessing hurts us."
    assert Consent.objects.get().user == alice
    assert notified[0]["kind"] == "agreement_proposed"


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"title": "  "}, "Please give the agreement a short title."),
        ({"text": ""}, "Please write what you would like to agree on."),
        ({"text": "x" * 2001}, "at most 2000 characters"),
        ({"title": "x" * 121}, "at most 120 characters"),
        ({"text": "We <b>always</b> ask."}, "without HTML tags"),
        ({"why": "<script>alert(1)</script>"}, "without HTML tags"),
        ({"category": "made-up"}, "Please choose one of the categories."),
        ({"revisit_on": "2001-01-01"}, "today or a day in the future"),
        ({"revisit_on": "soon"}, "Enter a valid date."),
    ],
)
def test_bad_input_is_explained_kept_and_nothing_is_stored(
    alice_client, partnership, changes, message
):
    data = valid(**changes)
    response = alice_client.post(propose_url(partnership), data)
    assert response.status_code == 200
    body = response.content.decode()
    assert message in body
    assert "Guessing hurts us." in body or "why" in changes  # what was typed is kept
    assert not Agreement.objects.exists()
    assert not AgreementRevision.objects.exists()


def test_it_rejects_other_methods(alice_client, partnership):
    assert alice_client.put(propose_url(partnership)).status_code == 405


def test_it_is_a_404_for_an_outsider(carol_client, partnership):
    assert carol_client.get(propose_url(partnership)).status_code == 404
    assert carol_client.post(propose_url(partnership), valid()).status_code == 404


def test_a_former_partner_cannot_propose(alice_client, partnership):
    leave(partnership)
    assert alice_client.get(propose_url(partnership)).status_code == 403
    assert alice_client.post(propose_url(partnership), valid()).status_code == 403
    assert not Agreement.objects.exists()


def test_it_waits_for_a_partner_before_anything_can_be_agreed(client, db):
    from tests.conftest import client_for, make_partnership, make_user

    solo = make_user("solo@example.com", "Solo")
    partnership = make_partnership(solo)
    response = client_for(solo).get(propose_url(partnership))
    assert "once your partner joins" in response.content.decode()


def test_the_why_is_yours_to_the_author_and_named_to_the_partner(
    alice_client, bob_client, partnership
):
    response = alice_client.post(propose_url(partnership), valid(), follow=True)
    mine = response.content.decode()
    assert "Why it matters to you:" in mine
    assert "Why it matters to Alice" not in mine
    theirs = bob_client.get(response.redirect_chain[-1][0]).content.decode()
    assert "Why it matters to Alice:" in theirs
