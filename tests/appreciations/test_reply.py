from django.urls import reverse

from trustapp.couples import services as couples_services


def reply_url(appreciation):
    return reverse(
        "appreciations:reply", args=[appreciation.partnership.public_id, appreciation.pk]
    )


def test_the_recipient_replies_once(bob_client, from_alice, notices):
    response = bob_client.post(reply_url(from_alice), {"reply": "  That meant a lot.  "})
    assert response.status_code == 302
    from_alice.refresh_from_db()
    assert from_alice.reply == "That meant a lot."
    assert [n["kind"] for n in notices] == ["appreciation_reply"]


def test_a_second_reply_is_refused(bob_client, from_alice, htmx_headers):
    bob_client.post(reply_url(from_alice), {"reply": "First"})
    response = bob_client.post(reply_url(from_alice), {"reply": "Second"}, headers=htmx_headers)
    assert response.status_code == 422
    assert "You have already replied to this one." in response.content.decode()
    from_alice.refresh_from_db()
    assert from_alice.reply == "First"


def test_htmx_gets_the_item_with_the_reply(bob_client, from_alice, htmx_headers):
    response = bob_client.post(reply_url(from_alice), {"reply": "Thank you"}, headers=htmx_headers)
    body = response.content.decode()
    assert response.status_code == 200
    assert body.lstrip().startswith("<li")
    assert "Your reply:" in body and "Thank you" in body


def test_an_empty_reply_is_explained(bob_client, from_alice):
    response = bob_client.post(reply_url(from_alice), {"reply": "   "})
    assert response.status_code == 422
    assert "Write a few words, or leave it for now." in response.content.decode()


def test_an_overlong_reply_is_explained_and_kept(bob_client, from_alice, htmx_headers):
    long = "so kind " * 40
    response = bob_client.post(reply_url(from_alice), {"reply": long}, headers=htmx_headers)
    body = response.content.decode()
    assert response.status_code == 422
    assert "A reply is brief: at most 280 characters" in body
    assert long.strip() in body
    assert '<details class="reply-details" open>' in body


def test_a_reply_with_html_is_escaped(alice_client, bob_client, from_alice, partnership):
    bob_client.post(reply_url(from_alice), {"reply": "<img src=x onerror=alert(1)>"})
    log = reverse("appreciations:log", args=[partnership.public_id])
    body = alice_client.get(log).content.decode()
    assert "<img src=x" not in body
    assert "&lt;img src=x onerror=alert(1)&gt;" in body


def test_the_author_cannot_reply_to_their_own(alice_client, from_alice):
    assert alice_client.post(reply_url(from_alice), {"reply": "Me"}).status_code == 404


def test_it_is_a_404_for_an_outsider(carol_client, from_alice):
    assert carol_client.post(reply_url(from_alice), {"reply": "Hi"}).status_code == 404


def test_it_rejects_a_get(bob_client, from_alice):
    assert bob_client.get(reply_url(from_alice)).status_code == 405


def test_a_former_partner_cannot_reply(bob_client, partnership, alice, from_alice):
    couples_services.partnership_leave(partnership=partnership, user=alice)
    assert bob_client.post(reply_url(from_alice), {"reply": "Hi"}).status_code == 403
