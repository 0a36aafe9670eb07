import pytest

from tests.checkins.support import url
from tests.support.notices import catch_notices
from trustapp.checkins import services
from trustapp.checkins.models import CheckInCadence, CheckInSchedule
from trustapp.couples.services import partnership_leave


def test_the_rhythm_is_weekly_until_someone_changes_it(alice_client, partnership):
    body = alice_client.get(url("schedule", partnership)).content.decode()
    assert 'value="weekly"' in body and "checked" in body.split('value="weekly"')[1][:40]
    assert services.cadence_of(partnership) == CheckInCadence.WEEKLY


def test_either_partner_changes_the_rhythm_and_the_other_is_told(
    bob_client, partnership, bob, alice, monkeypatch
):
    notices = catch_notices(monkeypatch, services)
    response = bob_client.post(url("schedule", partnership), {"cadence": "fortnightly"})
    assert response["Location"] == url("current", partnership)
    schedule = CheckInSchedule.objects.get()
    assert (schedule.cadence, schedule.updated_by) == (CheckInCadence.FORTNIGHTLY, bob)
    [notice] = notices
    assert notice["recipient"] == alice and "every two weeks" in notice["message"]


@pytest.mark.parametrize("cadence", ["hourly", "off"])
def test_an_unknown_rhythm_is_refused(alice_client, partnership, cadence):
    response = alice_client.post(url("schedule", partnership), {"cadence": cadence})
    assert response.status_code == 422
    assert b"Select a valid choice" in response.content
    assert not CheckInSchedule.objects.exists()


def test_the_choices_are_the_rituals_own(alice_client, partnership):
    body = alice_client.get(url("schedule", partnership)).content.decode()
    assert "Every two weeks" in body and "Every month" in body
    assert 'value="off"' not in body


def test_the_rhythm_rejects_other_methods(alice_client, partnership):
    assert alice_client.put(url("schedule", partnership)).status_code == 405


def test_the_rhythm_is_a_404_for_an_outsider(carol_client, partnership):
    assert (
        carol_client.post(url("schedule", partnership), {"cadence": "monthly"}).status_code == 404
    )
    assert not CheckInSchedule.objects.exists()


def test_the_rhythm_cannot_change_in_an_archive(alice_client, partnership, bob):
    partnership_leave(partnership=partnership, user=bob)
    response = alice_client.post(url("schedule", partnership), {"cadence": "monthly"})
    assert response.status_code == 403
