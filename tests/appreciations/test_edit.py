from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from trustapp.couples import services as couples_services


def edit_url(appreciation):
    return reverse("appreciations:edit", args=[appreciation.partnership.public_id, appreciation.pk])


def data(**overrides):
    return {
        "text": "Made tea, and the good biscuits.",
        "happened_on": timezone.localdate().isoformat(),
        "qualities": ["kind"],
    } | overrides


def test_it_shows_the_entry_in_the_form(alice_client, from_alice):
    body = alice_client.get(edit_url(from_alice)).content.decode()
    assert from_alice.text + "</textarea>" in body
    assert "Bob will see that it was edited." in body


def test_editing_a_shared_entry_shows_edited_to_the_partner(
    alice_client, bob_client, from_alice, partnership
):
    response = alice_client.post(edit_url(from_alice), data())
    assert response.status_code == 302
    from_alice.refresh_from_db()
    assert from_alice.text == "Made tea, and the good biscuits."
    assert from_alice.quality_values() == ["kind"]
    assert from_alice.edited_at is not None
    log = bob_client.get(reverse("appreciations:log", args=[partnership.public_id]))
    assert "edited" in log.content.decode()


def test_saving_without_changes_is_not_an_edit(alice_client, from_alice):
    alice_client.post(
        edit_url(from_alice),
        data(text=from_alice.text, qualities=["kind", "reliable"]),
    )
    from_alice.refresh_from_db()
    assert from_alice.edited_at is None


def test_editing_a_private_note_is_not_marked_edited_and_can_share_it(
    alice_client, private_note, notices
):
    alice_client.post(edit_url(private_note), data())
    private_note.refresh_from_db()
    assert private_note.edited_at is None and private_note.shared_at is None
    alice_client.post(edit_url(private_note), data(share="1"))
    private_note.refresh_from_db()
    assert private_note.shared_at is not None
    assert [n["kind"] for n in notices] == ["appreciation"]


def test_bad_input_keeps_what_was_typed(alice_client, from_alice):
    future = (timezone.localdate() + timedelta(days=5)).isoformat()
    response = alice_client.post(edit_url(from_alice), data(text="New words", happened_on=future))
    assert response.status_code == 422
    body = response.content.decode()
    assert "That day has not happened yet" in body
    assert "New words</textarea>" in body


def test_only_the_author_can_edit(bob_client, from_alice):
    assert bob_client.get(edit_url(from_alice)).status_code == 404
    assert bob_client.post(edit_url(from_alice), data()).status_code == 404


def test_it_is_a_404_for_an_outsider(carol_client, from_alice):
    assert carol_client.get(edit_url(from_alice)).status_code == 404


def test_it_rejects_other_methods(alice_client, from_alice):
    assert alice_client.delete(edit_url(from_alice)).status_code == 405


def test_a_former_partner_cannot_edit(alice_client, partnership, alice, from_alice):
    couples_services.partnership_leave(partnership=partnership, user=alice)
    assert alice_client.post(edit_url(from_alice), data()).status_code == 403
