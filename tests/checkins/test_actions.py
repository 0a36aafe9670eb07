import pytest
from django.utils import timezone

from tests.checkins.support import action_point, open_checkin, url
from trustapp.checkins.models import ActionPoint


@pytest.fixture
def checkin(partnership):
    return open_checkin(partnership)


def test_a_step_can_belong_to_me_my_partner_or_both(alice_client, partnership, checkin, alice, bob):
    for owner in (str(alice.pk), str(bob.pk), "both"):
        response = alice_client.post(
            url("action_add", partnership, checkin.pk),
            {"text": f"Step {owner}", "owner_choice": owner},
        )
        assert response["Location"] == checkin.get_absolute_url() + "#actions"
    mine, bobs, ours = ActionPoint.objects.order_by("pk")
    assert (mine.owner, mine.for_both) == (alice, False)
    assert (bobs.owner, bobs.for_both) == (bob, False)
    assert (ours.owner, ours.for_both) == (None, True)
    body = alice_client.get(checkin.get_absolute_url()).content.decode()
    assert "both of you" in body


def test_nobody_outside_the_pair_can_own_a_step(alice_client, partnership, checkin, carol):
    response = alice_client.post(
        url("action_add", partnership, checkin.pk),
        {"text": "Sneaky", "owner_choice": str(carol.pk)},
    )
    assert response.status_code == 422
    assert b"Sneaky" in response.content
    assert not ActionPoint.objects.exists()


def test_an_empty_step_is_explained(alice_client, partnership, checkin, htmx_headers):
    response = alice_client.post(
        url("action_add", partnership, checkin.pk),
        {"text": " ", "owner_choice": "both"},
        headers=htmx_headers,
    )
    assert response.status_code == 422
    assert b"<html" not in response.content
    assert b"Write the step in a few words." in response.content


def test_htmx_gets_the_small_steps_partial(alice_client, partnership, checkin, htmx_headers):
    response = alice_client.post(
        url("action_add", partnership, checkin.pk),
        {"text": "Walk on Sunday", "owner_choice": "both"},
        headers=htmx_headers,
    )
    assert response.status_code == 200
    assert b"<html" not in response.content and b"Walk on Sunday" in response.content


def test_a_finished_check_in_takes_no_new_steps(alice_client, partnership):
    finished = open_checkin(partnership, closed_at=timezone.now())
    response = alice_client.post(
        url("action_add", partnership, finished.pk), {"text": "Late", "owner_choice": "both"}
    )
    assert response.status_code == 302
    assert not ActionPoint.objects.exists()


def test_a_step_is_marked_done_and_undone(bob_client, partnership, checkin, bob):
    step = action_point(checkin)
    response = bob_client.post(url("action_done", partnership, step.pk), {"done": "1"})
    assert response["Location"] == checkin.get_absolute_url() + f"#action-{step.pk}"
    step.refresh_from_db()
    assert step.is_done and step.done_by == bob
    bob_client.post(url("action_done", partnership, step.pk), {"done": "0"})
    step.refresh_from_db()
    assert not step.is_done and step.done_by is None


def test_marking_done_returns_to_the_page_it_came_from(bob_client, partnership, checkin):
    step = action_point(checkin)
    response = bob_client.post(
        url("action_done", partnership, step.pk), {"done": "1", "next": "/somewhere/"}
    )
    assert response["Location"] == f"/somewhere/#action-{step.pk}"
    response = bob_client.post(
        url("action_done", partnership, step.pk), {"done": "1", "next": "https://evil.example/"}
    )
    assert response["Location"].startswith(checkin.get_absolute_url())


def test_htmx_gets_just_the_step(bob_client, partnership, checkin, htmx_headers):
    step = action_point(checkin, text="Book the train")
    response = bob_client.post(
        url("action_done", partnership, step.pk), {"done": "1"}, headers=htmx_headers
    )
    body = response.content.decode()
    assert body.strip().startswith("<li") and 'aria-pressed="true"' in body


def test_action_views_reject_get(alice_client, partnership, checkin):
    step = action_point(checkin)
    assert alice_client.get(url("action_add", partnership, checkin.pk)).status_code == 405
    assert alice_client.get(url("action_done", partnership, step.pk)).status_code == 405


def test_action_views_are_a_404_for_an_outsider(carol_client, partnership, checkin):
    step = action_point(checkin)
    data = {"text": "x", "owner_choice": "both"}
    assert carol_client.post(url("action_add", partnership, checkin.pk), data).status_code == 404
    assert (
        carol_client.post(url("action_done", partnership, step.pk), {"done": "1"}).status_code
        == 404
    )
    step.refresh_from_db()
    assert not step.is_done


def test_last_times_steps_appear_in_the_next_look_back(alice_client, partnership):
    from datetime import timedelta

    earlier = open_checkin(
        partnership, opened_at=timezone.now() - timedelta(days=7), closed_at=timezone.now()
    )
    action_point(earlier, text="Book the train")
    current = open_checkin(partnership)
    body = alice_client.get(current.get_absolute_url()).content.decode()
    look_back = body[body.index('id="look-back"') : body.index('id="answers"')]
    assert "Book the train" in look_back
