from django.urls import reverse

from trustapp.couples import services as couples_services


def react_url(appreciation):
    return reverse(
        "appreciations:react", args=[appreciation.partnership.public_id, appreciation.pk]
    )


def test_the_recipient_says_thank_you(bob_client, from_alice):
    response = bob_client.post(react_url(from_alice), {"reaction": "thanks"})
    assert response.status_code == 302
    assert response["Location"].endswith(f"#appreciation-{from_alice.pk}")
    from_alice.refresh_from_db()
    assert from_alice.reaction == "thanks" and from_alice.reacted_at is not None


def test_a_plain_form_returns_to_where_it_came_from(bob_client, from_alice, partnership):
    log = reverse("appreciations:log", args=[partnership.public_id])
    response = bob_client.post(react_url(from_alice), {"reaction": "heart", "next": log})
    assert response["Location"] == f"{log}#appreciation-{from_alice.pk}"


def test_tapping_the_same_reaction_again_takes_it_back(bob_client, from_alice):
    bob_client.post(react_url(from_alice), {"reaction": "heart"})
    bob_client.post(react_url(from_alice), {"reaction": "heart"})
    from_alice.refresh_from_db()
    assert from_alice.reaction == ""


def test_htmx_gets_the_item_with_the_reaction_pressed(bob_client, from_alice, htmx_headers):
    response = bob_client.post(react_url(from_alice), {"reaction": "heart"}, headers=htmx_headers)
    body = response.content.decode()
    assert response.status_code == 200
    assert body.lstrip().startswith(f'<li class="appreciation" id="appreciation-{from_alice.pk}"')
    assert 'value="heart" class="reaction-button" aria-pressed="true"' in body


def test_the_author_sees_the_reaction(alice_client, bob_client, from_alice):
    bob_client.post(react_url(from_alice), {"reaction": "heart"})
    log = reverse("appreciations:log", args=[from_alice.partnership.public_id])
    assert "Bob sent a heart" in alice_client.get(log).content.decode()


def test_an_unknown_reaction_is_explained(bob_client, from_alice, htmx_headers):
    response = bob_client.post(react_url(from_alice), {"reaction": "eyeroll"}, headers=htmx_headers)
    assert response.status_code == 422
    assert "Please pick thank you or a heart." in response.content.decode()
    from_alice.refresh_from_db()
    assert from_alice.reaction == ""


def test_the_author_cannot_react_to_their_own(alice_client, from_alice):
    assert alice_client.post(react_url(from_alice), {"reaction": "heart"}).status_code == 404


def test_nobody_reacts_to_a_private_note(bob_client, private_note):
    assert bob_client.post(react_url(private_note), {"reaction": "heart"}).status_code == 404


def test_it_is_a_404_for_an_outsider(carol_client, from_alice, htmx_headers):
    response = carol_client.post(react_url(from_alice), {"reaction": "heart"}, headers=htmx_headers)
    assert response.status_code == 404


def test_it_rejects_a_get(bob_client, from_alice):
    assert bob_client.get(react_url(from_alice)).status_code == 405


def test_a_former_partner_cannot_react(bob_client, partnership, bob, from_alice):
    couples_services.partnership_leave(partnership=partnership, user=bob)
    assert bob_client.post(react_url(from_alice), {"reaction": "heart"}).status_code == 403
