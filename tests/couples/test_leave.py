from django.urls import reverse

from tests.conftest import make_partnership
from trustapp.couples.models import Invitation


def leave_url(partnership):
    return reverse("couples:leave", args=[partnership.public_id])


def test_it_asks_for_a_clear_confirmation(alice_client, partnership):
    page = alice_client.get(leave_url(partnership))
    assert page.status_code == 200
    assert b"Bob will get a short email" in page.content
    response = alice_client.post(leave_url(partnership), {})
    assert response.status_code == 200
    assert b"Please tick the box" in response.content
    partnership.refresh_from_db()
    assert partnership.is_active


def test_leaving_ends_the_space_and_tells_the_partner(
    bob_client, partnership, bob, alice, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = bob_client.post(leave_url(partnership), {"confirm": "on"})
    assert response.status_code == 302
    partnership.refresh_from_db()
    assert not partnership.is_active
    assert partnership.ended_by == bob
    assert partnership.memberships.get(user=bob).left_at is not None
    [email] = mailoutbox
    assert email.to == ["alice@example.com"]
    assert "Bob has left" in email.subject
    assert partnership.get_absolute_url() in email.body
    assert email.alternatives[0].mimetype == "text/html"


def test_both_can_still_read_the_archive(alice_client, bob_client, partnership, bob):
    bob_client.post(leave_url(partnership), {"confirm": "on"})
    for client in (alice_client, bob_client):
        page = client.get(partnership.get_absolute_url())
        assert page.status_code == 200
        assert b"read-only archive" in page.content


def test_the_archive_refuses_writes(alice_client, bob_client, partnership):
    bob_client.post(leave_url(partnership), {"confirm": "on"})
    response = alice_client.post(reverse("couples:invite", args=[partnership.public_id]), {})
    assert response.status_code == 403
    assert b"read-only archive" in response.content
    assert not Invitation.objects.exists()


def test_leaving_a_space_nobody_joined_revokes_its_link(alice, alice_client, mailoutbox):
    solo = make_partnership(alice)
    alice_client.post(reverse("couples:invite", args=[solo.public_id]), {"email": ""})
    alice_client.post(leave_url(solo), {"confirm": "on"})
    assert Invitation.objects.pending().count() == 0
    assert mailoutbox == []


def test_an_outsider_cannot_leave_for_them(carol_client, partnership):
    assert carol_client.post(leave_url(partnership), {"confirm": "on"}).status_code == 404
    partnership.refresh_from_db()
    assert partnership.is_active


def test_a_name_saved_with_a_line_break_cannot_break_the_email(
    alice, bob_client, partnership, bob, mailoutbox, django_capture_on_commit_callbacks
):
    """Rows saved before names were checked: the subject stays one line, nothing crashes."""
    User = type(bob)
    User.objects.filter(pk=bob.pk).update(display_name="Bob\r\nBcc: eve@example.com")
    with django_capture_on_commit_callbacks(execute=True):
        response = bob_client.post(
            reverse("couples:leave", args=[partnership.public_id]), {"confirm": "on"}
        )
    assert response.status_code == 302
    message = mailoutbox[-1].message()
    assert message["Subject"] == "Bob Bcc: eve@example.com has left your shared space"
    assert message["Bcc"] is None


def test_the_leave_page_sentences_end_with_a_full_stop(alice_client, partnership):
    body = alice_client.get(leave_url(partnership)).content.decode()
    assert "so the most private option applies</a>." in body
