"""Either partner rewords or removes a flagged topic while it may still change: while it
waits to be talked about, and during the check-in where it is talked about."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.checkins.support import open_checkin, topic, url
from trustapp.checkins.models import AgendaItem
from trustapp.couples.services import partnership_leave


@pytest.fixture
def checkin(partnership):
    return open_checkin(partnership)


@pytest.fixture
def item(partnership, alice):
    return topic(partnership, alice, "Chores")


def edit_url(partnership, checkin, item):
    return url("agenda_edit", partnership, checkin.pk, item.pk)


def remove_url(partnership, checkin, item):
    return url("agenda_remove", partnership, checkin.pk, item.pk)


def test_a_partner_rewords_the_others_topic(bob_client, partnership, checkin, item):
    page = bob_client.get(edit_url(partnership, checkin, item))
    assert page.status_code == 200 and b"<html" in page.content
    assert b'value="Chores"' in page.content and b'name="version" value="1"' in page.content
    response = bob_client.post(
        edit_url(partnership, checkin, item), {"text": "  Who does the dishes  ", "version": "1"}
    )
    assert response["Location"] == checkin.get_absolute_url() + f"#topic-{item.pk}"
    item.refresh_from_db()
    assert (item.text, item.version) == ("Who does the dishes", 2)
    body = bob_client.get(checkin.get_absolute_url()).content.decode()
    assert "Who does the dishes" in body and "flagged by Alice" in body


def test_htmx_opens_the_topic_in_the_agenda_and_saves_it(
    alice_client, partnership, checkin, item, htmx_headers
):
    response = alice_client.get(edit_url(partnership, checkin, item), headers=htmx_headers)
    body = response.content.decode()
    assert response.status_code == 200 and "<html" not in body
    assert body.strip().startswith('<section id="agenda"')
    assert 'value="Chores"' in body and "autofocus" in body
    response = alice_client.post(
        edit_url(partnership, checkin, item),
        {"text": "Chores, again", "version": "1"},
        headers=htmx_headers,
    )
    body = response.content.decode()
    assert response.status_code == 200 and "<html" not in body
    assert "Chores, again" in body and 'name="version"' not in body
    # The focus goes back to the topic's own Edit link.
    target = edit_url(partnership, checkin, item)
    assert (
        f'href="{target}" hx-get="{target}" hx-target="#agenda" hx-swap="outerHTML" autofocus>Edit'
        in body
    )


def test_cancel_closes_the_form_and_changes_nothing(
    alice_client, partnership, checkin, item, htmx_headers
):
    response = alice_client.get(
        edit_url(partnership, checkin, item) + "?cancel", headers=htmx_headers
    )
    assert response.status_code == 200 and b'name="version"' not in response.content
    response = alice_client.get(edit_url(partnership, checkin, item) + "?cancel")
    assert response["Location"] == checkin.get_absolute_url() + f"#topic-{item.pk}"
    item.refresh_from_db()
    assert (item.text, item.version) == ("Chores", 1)


@pytest.mark.parametrize("htmx", [False, True])
@pytest.mark.parametrize(
    "text, message",
    [("   ", "Write a few words about the topic."), ("x" * 301, "at most 300 characters")],
)
def test_an_empty_or_too_long_topic_is_explained_and_kept(
    alice_client, partnership, checkin, item, htmx_headers, htmx, text, message
):
    response = alice_client.post(
        edit_url(partnership, checkin, item),
        {"text": text, "version": "1"},
        headers=htmx_headers if htmx else {},
    )
    body = response.content.decode()
    assert response.status_code == 422
    assert message in body and ("<html" in body) is not htmx
    if text.strip():
        assert f'value="{text}"' in body
    item.refresh_from_db()
    assert (item.text, item.version) == ("Chores", 1)


def test_a_missing_version_is_explained_not_a_500(alice_client, partnership, checkin, item):
    response = alice_client.post(edit_url(partnership, checkin, item), {"text": "Money"})
    assert response.status_code == 422
    item.refresh_from_db()
    assert item.text == "Chores"


def test_words_changed_meanwhile_are_shown_and_what_was_typed_is_kept(
    alice_client, bob_client, partnership, checkin, item, htmx_headers
):
    # Both opened the form on version 1; Bob saved first.
    bob_client.post(edit_url(partnership, checkin, item), {"text": "Chores rota", "version": "1"})
    response = alice_client.post(
        edit_url(partnership, checkin, item),
        {"text": "Sharing chores fairly", "version": "1"},
        headers=htmx_headers,
    )
    body = response.content.decode()
    assert response.status_code == 409
    assert "This topic was changed while you were writing." in body
    assert "Chores rota" in body  # how it reads now
    assert 'value="Sharing chores fairly"' in body  # what she typed
    assert 'name="version" value="2"' in body
    item.refresh_from_db()
    assert item.text == "Chores rota"
    # Saving again, having seen Bob's words, goes through.
    alice_client.post(
        edit_url(partnership, checkin, item), {"text": "Sharing chores fairly", "version": "2"}
    )
    item.refresh_from_db()
    assert (item.text, item.version) == ("Sharing chores fairly", 3)


def test_removing_asks_first_then_removes_for_both(
    alice_client, bob_client, partnership, checkin, item
):
    page = bob_client.get(remove_url(partnership, checkin, item))
    body = page.content.decode()
    assert page.status_code == 200 and "Take “Chores” off the agenda?" in body
    assert AgendaItem.objects.filter(pk=item.pk).exists()
    response = bob_client.post(remove_url(partnership, checkin, item), {"version": "1"})
    assert response["Location"] == checkin.get_absolute_url() + "#agenda"
    assert not AgendaItem.objects.exists()
    assert "“Chores” is off the agenda." in bob_client.get(response["Location"]).content.decode()
    assert "Chores" not in alice_client.get(checkin.get_absolute_url()).content.decode()


def test_htmx_asks_in_place_and_removes_in_place(
    alice_client, partnership, checkin, item, htmx_headers
):
    response = alice_client.get(remove_url(partnership, checkin, item), headers=htmx_headers)
    body = response.content.decode()
    assert response.status_code == 200 and "<html" not in body
    assert "Take “Chores” off the agenda?" in body and 'name="version" value="1"' in body
    response = alice_client.post(
        remove_url(partnership, checkin, item), {"version": "1"}, headers=htmx_headers
    )
    body = response.content.decode()
    assert response.status_code == 200 and "<html" not in body
    assert 'role="status"' in body and "“Chores” is off the agenda." in body
    assert not AgendaItem.objects.exists()


def test_removing_without_the_confirmed_version_asks_again(
    alice_client, partnership, checkin, item
):
    response = alice_client.post(remove_url(partnership, checkin, item))
    assert response.status_code == 422 and "off the agenda?" in response.content.decode()
    assert AgendaItem.objects.exists()


def test_a_topic_reworded_meanwhile_is_not_removed_unseen(
    alice_client, bob_client, partnership, checkin, item, htmx_headers
):
    bob_client.post(edit_url(partnership, checkin, item), {"text": "Chores rota", "version": "1"})
    response = alice_client.post(
        remove_url(partnership, checkin, item), {"version": "1"}, headers=htmx_headers
    )
    body = response.content.decode()
    assert response.status_code == 409
    assert "Chores rota" in body and "Would you still like to remove it?" in body
    assert 'name="version" value="2"' in body
    assert AgendaItem.objects.exists()


def test_a_topic_removed_meanwhile_is_explained(
    alice_client, partnership, checkin, item, htmx_headers
):
    target = edit_url(partnership, checkin, item)
    item.delete()
    response = alice_client.post(target, {"text": "Money", "version": "1"}, headers=htmx_headers)
    assert response.status_code == 404
    assert "no longer on the agenda" in response.content.decode()


def test_a_topic_talked_about_in_the_open_check_in_can_still_change(
    alice_client, partnership, checkin, alice
):
    talked = topic(
        partnership, alice, "Holidays", talked_about_in=checkin, talked_about_at=timezone.now()
    )
    body = alice_client.get(checkin.get_absolute_url()).content.decode()
    assert edit_url(partnership, checkin, talked) in body
    alice_client.post(edit_url(partnership, checkin, talked), {"text": "Summer", "version": "1"})
    talked.refresh_from_db()
    assert talked.text == "Summer"


def test_a_topic_talked_about_in_a_finished_check_in_stays_as_it_was(
    alice_client, partnership, alice
):
    finished = open_checkin(partnership, closed_at=timezone.now())
    talked = topic(
        partnership, alice, "Holidays", talked_about_in=finished, talked_about_at=timezone.now()
    )
    body = alice_client.get(finished.get_absolute_url()).content.decode()
    assert "Holidays" in body and edit_url(partnership, finished, talked) not in body
    response = alice_client.get(edit_url(partnership, finished, talked), follow=True)
    assert "so it stays as it was" in response.content.decode()
    for action in ("agenda_edit", "agenda_remove"):
        alice_client.post(
            url(action, partnership, finished.pk, talked.pk), {"text": "Summer", "version": "1"}
        )
    talked.refresh_from_db()
    assert talked.text == "Holidays"


def test_a_topic_carried_over_and_still_waiting_can_change(alice_client, partnership, alice):
    finished = open_checkin(partnership, closed_at=timezone.now())
    waiting = topic(partnership, alice, "Holidays")
    body = alice_client.get(finished.get_absolute_url()).content.decode()
    assert "Topics for next time" in body and edit_url(partnership, finished, waiting) in body
    assert "until you have talked about it and finished the check-in" in body
    alice_client.post(edit_url(partnership, finished, waiting), {"text": "Summer", "version": "1"})
    waiting.refresh_from_db()
    assert waiting.text == "Summer"


def test_an_older_check_ins_page_shows_its_topics_as_history(alice_client, partnership, alice):
    older = open_checkin(
        partnership, opened_at=timezone.now() - timedelta(days=14), closed_at=timezone.now()
    )
    topic(partnership, alice, "Holidays", talked_about_in=older, talked_about_at=timezone.now())
    open_checkin(partnership)
    body = alice_client.get(older.get_absolute_url()).content.decode()
    assert "Holidays" in body and "stay as they were" in body
    assert "/change/" not in body


def test_an_ended_partnership_is_read_only(alice_client, partnership, checkin, item, bob):
    item.talked_about_in, item.talked_about_at = checkin, timezone.now()
    item.save()
    partnership_leave(partnership=partnership, user=bob)
    body = alice_client.get(checkin.get_absolute_url()).content.decode()
    assert "Chores" in body and "/change/" not in body and "/remove/" not in body
    response = alice_client.get(edit_url(partnership, checkin, item), follow=True)
    assert "read-only archive" in response.content.decode()
    assert (
        alice_client.post(
            edit_url(partnership, checkin, item), {"text": "x", "version": "1"}
        ).status_code
        == 403
    )
    assert (
        alice_client.post(remove_url(partnership, checkin, item), {"version": "1"}).status_code
        == 403
    )
    item.refresh_from_db()
    assert item.text == "Chores"


def test_another_couples_topic_is_a_404(
    alice_client, partnership, other_partnership, checkin, carol
):
    theirs = topic(other_partnership, carol, "Their secret")
    for action, data in (
        ("agenda_edit", {"text": "x", "version": "1"}),
        ("agenda_remove", {"version": "1"}),
    ):
        target = url(action, partnership, checkin.pk, theirs.pk)
        for response in (alice_client.get(target), alice_client.post(target, data)):
            assert response.status_code == 404
            assert "Their secret" not in response.content.decode()
    theirs.refresh_from_db()
    assert theirs.text == "Their secret"


def test_an_outsider_gets_a_404(carol_client, partnership, checkin, item):
    assert carol_client.get(edit_url(partnership, checkin, item)).status_code == 404
    assert (
        carol_client.post(remove_url(partnership, checkin, item), {"version": "1"}).status_code
        == 404
    )
    assert AgendaItem.objects.filter(pk=item.pk).exists()


def test_only_get_and_post(alice_client, partnership, checkin, item):
    assert alice_client.put(edit_url(partnership, checkin, item)).status_code == 405
    assert alice_client.delete(remove_url(partnership, checkin, item)).status_code == 405
