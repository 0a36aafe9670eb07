"""Either partner changes a small step's words or owner, or removes it, until the check-in
it was set in is finished; after that it stays as they agreed it."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.checkins.support import action_point, open_checkin, url
from trustapp.checkins import services
from trustapp.checkins.models import ActionPoint
from trustapp.couples.services import partnership_leave


@pytest.fixture
def checkin(partnership):
    return open_checkin(partnership, opened_at=timezone.now() - timedelta(days=1))


@pytest.fixture
def step(checkin, alice):
    return action_point(checkin, text="Phones away at dinner", owner=alice)


def edit_url(partnership, step):
    return url("action_edit", partnership, step.checkin_id, step.pk)


def remove_url(partnership, step):
    return url("action_remove", partnership, step.checkin_id, step.pk)


def test_a_partner_changes_the_words_and_the_owner(bob_client, partnership, step, bob):
    page = bob_client.get(edit_url(partnership, step)).content.decode()
    assert 'value="Phones away at dinner"' in page
    # For Bob, Alice's step is owned by "Alice", not "Me".
    assert f'value="{step.owner_id}" id="step-{step.pk}-owner_choice_1" required checked' in page
    response = bob_client.post(
        edit_url(partnership, step),
        {"text": "Phones in the drawer at dinner", "owner_choice": "both", "version": "1"},
    )
    assert response["Location"] == step.checkin.get_absolute_url() + f"#action-{step.pk}"
    step.refresh_from_db()
    assert (step.text, step.owner, step.for_both, step.version) == (
        "Phones in the drawer at dinner",
        None,
        True,
        2,
    )
    response = bob_client.post(
        edit_url(partnership, step),
        {"text": "Phones in the drawer at dinner", "owner_choice": str(bob.pk), "version": "2"},
    )
    step.refresh_from_db()
    assert (step.owner, step.for_both) == (bob, False)


def test_htmx_opens_the_step_in_place_and_saves_it(alice_client, partnership, step, htmx_headers):
    response = alice_client.get(edit_url(partnership, step), headers=htmx_headers)
    body = response.content.decode()
    assert body.strip().startswith('<section id="actions"') and "<html" not in body
    assert "Who takes this step?" in body and 'name="version" value="1"' in body
    response = alice_client.post(
        edit_url(partnership, step),
        {"text": "A walk on Sunday", "owner_choice": "both", "version": "1"},
        headers=htmx_headers,
    )
    body = response.content.decode()
    assert response.status_code == 200 and "<html" not in body
    assert "A walk on Sunday" in body and "both of you" in body


def test_nobody_outside_the_pair_can_take_the_step(alice_client, partnership, step, carol):
    response = alice_client.post(
        edit_url(partnership, step),
        {"text": "Phones off", "owner_choice": str(carol.pk), "version": "1"},
    )
    assert response.status_code == 422
    assert 'value="Phones off"' in response.content.decode()
    step.refresh_from_db()
    assert step.owner_id != carol.pk and step.text == "Phones away at dinner"


def test_the_service_refuses_an_owner_outside_the_pair(partnership, step, carol):
    with pytest.raises(services.CheckInError):
        services.step_edit(
            partnership=partnership, step=step, text="x", owner=carol, expected_version=1
        )


def test_an_empty_step_is_explained(alice_client, partnership, step, htmx_headers):
    response = alice_client.post(
        edit_url(partnership, step),
        {"text": "  ", "owner_choice": "both", "version": "1"},
        headers=htmx_headers,
    )
    assert response.status_code == 422
    assert b"Write the step in a few words." in response.content
    assert b"<html" not in response.content


def test_a_step_changed_meanwhile_keeps_what_was_typed(
    alice_client, bob_client, partnership, step, bob
):
    bob_client.post(
        edit_url(partnership, step),
        {"text": "Phones away all evening", "owner_choice": str(bob.pk), "version": "1"},
    )
    response = alice_client.post(
        edit_url(partnership, step),
        {"text": "Phones away at breakfast", "owner_choice": "both", "version": "1"},
    )
    body = response.content.decode()
    assert response.status_code == 409
    assert "This small step was changed while you were writing." in body
    assert "Phones away all evening" in body and "(Bob)" in body
    assert 'value="Phones away at breakfast"' in body and 'name="version" value="2"' in body
    step.refresh_from_db()
    assert (step.text, step.owner) == ("Phones away all evening", bob)


def test_removing_asks_first_and_the_step_is_not_looked_back_on(
    alice_client, partnership, checkin, step
):
    keep = action_point(checkin, text="Book the train")
    page = alice_client.get(remove_url(partnership, step)).content.decode()
    assert "Remove the small step “Phones away at dinner”?" in page
    assert ActionPoint.objects.filter(pk=step.pk).exists()
    response = alice_client.post(remove_url(partnership, step), {"version": "1"})
    assert response["Location"] == checkin.get_absolute_url() + "#actions"
    assert list(ActionPoint.objects.all()) == [keep]
    # The next check-in looks back on the step that stayed, not the removed one.
    alice_client.post(url("finish", partnership, checkin.pk))
    following = services.checkin_start(partnership=partnership)
    body = alice_client.get(following.get_absolute_url()).content.decode()
    look_back = body[body.index('id="look-back"') : body.index('id="answers"')]
    assert "Book the train" in look_back and "Phones away at dinner" not in look_back


def test_htmx_removes_in_place(alice_client, partnership, step, htmx_headers):
    response = alice_client.get(remove_url(partnership, step), headers=htmx_headers)
    assert b"<html" not in response.content and b"Remove the small step" in response.content
    response = alice_client.post(
        remove_url(partnership, step), {"version": "1"}, headers=htmx_headers
    )
    body = response.content.decode()
    assert response.status_code == 200 and "<html" not in body
    assert "is no longer one of your small steps" in body
    assert not ActionPoint.objects.exists()


def test_a_step_changed_meanwhile_is_not_removed_unseen(
    alice_client, bob_client, partnership, step
):
    bob_client.post(
        edit_url(partnership, step),
        {"text": "Phones away all evening", "owner_choice": "both", "version": "1"},
    )
    response = alice_client.post(remove_url(partnership, step), {"version": "1"})
    assert response.status_code == 409
    assert "Would you still like to remove it?" in response.content.decode()
    assert ActionPoint.objects.exists()


def test_a_step_of_a_finished_check_in_stays_as_agreed(alice_client, partnership, checkin, step):
    alice_client.post(url("finish", partnership, checkin.pk))
    body = alice_client.get(checkin.get_absolute_url()).content.decode()
    assert "Phones away at dinner" in body and edit_url(partnership, step) not in body
    assert "Steps from a finished check-in stay as you agreed them." in body
    response = alice_client.get(edit_url(partnership, step), follow=True)
    assert "stays as you agreed it" in response.content.decode()
    alice_client.post(
        edit_url(partnership, step), {"text": "x", "owner_choice": "both", "version": "1"}
    )
    alice_client.post(remove_url(partnership, step), {"version": "1"})
    step.refresh_from_db()
    assert step.text == "Phones away at dinner"
    # Still ticked off in the next check-in's look back, never changed there.
    following = services.checkin_start(partnership=partnership)
    body = alice_client.get(following.get_absolute_url()).content.decode()
    assert f"/actions/{step.pk}/done/" in body and edit_url(partnership, step) not in body


def test_ticking_a_step_done_keeps_its_edit_links(alice_client, partnership, step, htmx_headers):
    response = alice_client.post(
        url("action_done", partnership, step.pk), {"done": "1"}, headers=htmx_headers
    )
    assert edit_url(partnership, step) in response.content.decode()
    step.refresh_from_db()
    assert step.version == 1  # ticking off is not a change of words


def test_an_ended_partnership_is_read_only(alice_client, partnership, step, bob):
    partnership_leave(partnership=partnership, user=bob)
    body = alice_client.get(step.checkin.get_absolute_url()).content.decode()
    assert "Phones away at dinner" in body and edit_url(partnership, step) not in body
    data = {"text": "x", "owner_choice": "both", "version": "1"}
    assert alice_client.post(edit_url(partnership, step), data).status_code == 403
    assert alice_client.post(remove_url(partnership, step), {"version": "1"}).status_code == 403
    assert ActionPoint.objects.get().text == "Phones away at dinner"


def test_another_couples_step_is_a_404(alice_client, partnership, other_partnership, checkin):
    theirs = action_point(open_checkin(other_partnership), text="Their secret")
    for name in ("action_edit", "action_remove"):
        # Under their check-in's id and under ours.
        for checkin_pk in (theirs.checkin_id, checkin.pk):
            target = url(name, partnership, checkin_pk, theirs.pk)
            response = alice_client.post(
                target, {"text": "x", "owner_choice": "both", "version": "1"}
            )
            assert response.status_code == 404
            assert "Their secret" not in response.content.decode()
    assert ActionPoint.objects.get(pk=theirs.pk).text == "Their secret"


def test_a_step_is_reached_only_through_its_own_check_in(alice_client, partnership, step):
    other = open_checkin(
        partnership,
        closed_at=timezone.now() - timedelta(days=3),
        opened_at=timezone.now() - timedelta(days=9),
    )
    assert alice_client.get(url("action_edit", partnership, other.pk, step.pk)).status_code == 404


def test_an_outsider_gets_a_404(carol_client, partnership, step):
    assert carol_client.get(edit_url(partnership, step)).status_code == 404
    assert carol_client.post(remove_url(partnership, step), {"version": "1"}).status_code == 404
    assert ActionPoint.objects.exists()


def region(body, name):
    start = body.index(f'<section id="{name}"')
    return body[start : body.index("</section>", start)]


def test_without_javascript_the_words_wait_in_the_region_the_page_returns_to(
    alice_client, partnership, checkin, step
):
    response = alice_client.post(remove_url(partnership, step), {"version": "1"}, follow=True)
    body = response.content.decode()
    assert "is no longer one of your small steps" in region(body, "actions")
    assert 'class="messages"' not in body  # not at the top, out of sight
    assert "is no longer one of your small steps" not in region(body, "agenda")
    again = alice_client.get(checkin.get_absolute_url()).content.decode()
    assert "is no longer one of your small steps" not in again  # said once
