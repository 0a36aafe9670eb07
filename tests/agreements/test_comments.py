import pytest
from django.urls import reverse

from tests.agreements.conftest import leave, propose
from trustapp.agreements.models import Comment


def comment_url(agreement):
    return reverse("agreements:comment", args=[agreement.partnership.public_id, agreement.pk])


def test_a_plain_post_adds_a_comment_and_returns_to_the_thread(bob_client, partnership, alice):
    agreement = propose(partnership, alice)
    response = bob_client.post(comment_url(agreement), {"text": "Can we talk Sunday?"})
    assert response.status_code == 302
    assert response["Location"].endswith("#comments")
    assert Comment.objects.get().text == "Can we talk Sunday?"
    assert "Can we talk Sunday?" in bob_client.get(agreement.get_absolute_url()).content.decode()


def test_htmx_returns_the_thread_with_an_empty_form(bob_client, partnership, alice, htmx_headers):
    agreement = propose(partnership, alice)
    response = bob_client.post(comment_url(agreement), {"text": "Sunday?"}, headers=htmx_headers)
    body = response.content.decode()
    assert body.lstrip().startswith('<section id="comments"')
    assert "Sunday?" in body and "Sunday?</textarea>" not in body


@pytest.mark.parametrize(
    "text, message",
    [
        ("", "Please write something before sending."),
        ("z" * 1001, "at most 1000 characters"),
        ("<img src=x onerror=alert(1)>", "without HTML tags"),
    ],
)
def test_bad_comments_are_explained_and_kept(
    bob_client, partnership, alice, htmx_headers, text, message
):
    agreement = propose(partnership, alice)
    response = bob_client.post(comment_url(agreement), {"text": text}, headers=htmx_headers)
    assert response.status_code == 200
    body = response.content.decode()
    assert message in body
    if text:
        assert "&lt;img" in body or text in body
    assert not Comment.objects.exists()


def test_comments_are_escaped(alice_client, partnership, alice):
    agreement = propose(partnership, alice)
    Comment.objects.create(agreement=agreement, author=alice, text="a < b & c")
    assert "a &lt; b &amp; c" in alice_client.get(agreement.get_absolute_url()).content.decode()


def test_it_rejects_get(bob_client, partnership, alice):
    assert bob_client.get(comment_url(propose(partnership, alice))).status_code == 405


def test_it_is_a_404_for_an_outsider(carol_client, partnership, alice, htmx_headers):
    url = comment_url(propose(partnership, alice))
    assert carol_client.post(url, {"text": "Hi"}, headers=htmx_headers).status_code == 404
    assert not Comment.objects.exists()


def test_a_former_partner_cannot_comment(alice_client, partnership, alice):
    url = comment_url(propose(partnership, alice))
    leave(partnership)
    assert alice_client.post(url, {"text": "Hi"}).status_code == 403
