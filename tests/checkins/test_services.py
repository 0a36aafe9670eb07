from datetime import date, timedelta

import pytest
from django.utils import timezone

from tests.checkins.support import action_point, answer, open_checkin
from tests.conftest import make_partnership
from tests.support.notices import catch_notices
from trustapp.checkins import services
from trustapp.checkins.models import CheckIn, CheckInCadence, CheckInSchedule, add_months
from trustapp.couples.services import partnership_leave


def test_months_are_added_without_running_past_a_short_month():
    assert add_months(date(2027, 1, 31)) == date(2027, 2, 28)
    assert add_months(date(2028, 1, 31)) == date(2028, 2, 29)
    assert add_months(date(2027, 12, 15)) == date(2028, 1, 15)
    assert add_months(date(2027, 3, 31)) == date(2027, 4, 30)


@pytest.mark.parametrize(
    ("cadence", "expected"),
    [
        (CheckInCadence.WEEKLY, date(2027, 3, 8)),
        (CheckInCadence.FORTNIGHTLY, date(2027, 3, 15)),
        (CheckInCadence.MONTHLY, date(2027, 4, 1)),
    ],
)
def test_the_next_check_in_follows_the_cadence(cadence, expected):
    assert CheckInSchedule.next_date(date(2027, 3, 1), cadence) == expected


def test_looking_opens_nothing_and_starting_opens_the_first_check_in(partnership):
    assert services.checkin_now(partnership) == (None, True)
    assert not CheckIn.objects.exists()
    checkin = services.checkin_start(partnership=partnership)
    assert checkin.is_open
    assert services.checkin_start(partnership=partnership) == checkin
    assert services.checkin_now(partnership) == (checkin, False)
    assert CheckIn.objects.count() == 1


def test_a_finished_check_in_stays_current_until_the_next_is_due(partnership):
    finished = open_checkin(partnership, closed_at=timezone.now())
    assert services.checkin_now(partnership) == (finished, False)
    later = timezone.localdate() + timedelta(days=7)
    assert services.checkin_now(partnership, today=later) == (finished, True)
    fresh = services.checkin_start(partnership=partnership, today=later)
    assert fresh != finished and fresh.is_open


def test_an_open_check_in_whose_time_has_passed_is_closed_when_the_next_opens(partnership, alice):
    old = open_checkin(partnership, opened_at=timezone.now() - timedelta(days=8))
    answer(old, alice)
    assert services.checkin_now(partnership) == (old, True)
    old.refresh_from_db()
    assert old.is_open  # looking changed nothing
    fresh = services.checkin_start(partnership=partnership)
    old.refresh_from_db()
    assert not old.is_open and old.closed_by is None
    assert fresh.is_open and fresh.answers.count() == 0


def test_a_monthly_rhythm_keeps_the_check_in_open_for_the_month(partnership):
    CheckInSchedule.objects.create(partnership=partnership, cadence=CheckInCadence.MONTHLY)
    checkin = open_checkin(partnership, opened_at=timezone.now() - timedelta(days=20))
    assert services.checkin_now(partnership) == (checkin, False)
    assert services.checkin_start(partnership=partnership) == checkin


def test_no_check_in_is_due_before_the_partner_has_joined(alice):
    assert services.checkin_now(make_partnership(alice)) == (None, False)


def test_an_archive_is_never_due_a_new_check_in(partnership, bob):
    finished = open_checkin(partnership, opened_at=timezone.now() - timedelta(days=30))
    partnership_leave(partnership=partnership, user=bob)
    partnership.refresh_from_db()
    assert services.checkin_now(partnership) == (finished, False)
    assert CheckIn.objects.count() == 1


def test_starting_early_returns_the_open_check_in_when_there_is_one(partnership):
    first = services.checkin_start(partnership=partnership)
    assert services.checkin_start(partnership=partnership) == first
    services.checkin_close(checkin=first, user=None)
    second = services.checkin_start(partnership=partnership)
    assert second != first and second.is_open


def test_the_database_allows_one_open_check_in_per_partnership(partnership):
    from django.db import IntegrityError, transaction

    open_checkin(partnership)
    with pytest.raises(IntegrityError), transaction.atomic():
        open_checkin(partnership)


def test_the_partner_answer_stays_hidden_until_both_answered(checkin_with_alice, alice, bob):
    seen_by_bob = services.answers_for(checkin_with_alice, bob)
    assert seen_by_bob.mine is None and seen_by_bob.theirs is None
    assert seen_by_bob.partner_answered
    seen_by_alice = services.answers_for(checkin_with_alice, alice)
    assert seen_by_alice.mine is not None and seen_by_alice.theirs is None
    answer(checkin_with_alice, bob)
    assert services.answers_for(checkin_with_alice, alice).revealed


@pytest.fixture
def checkin_with_alice(partnership, alice):
    checkin = open_checkin(partnership)
    answer(checkin, alice, went_well="Sunday")
    return checkin


def test_an_answer_can_change_until_the_partner_answers(checkin_with_alice, alice, bob):
    data = {"connected": 2, "trusted": 2, "went_well": "", "on_my_mind": "", "i_need": ""}
    services.answer_save(checkin=checkin_with_alice, user=alice, data=data)
    assert checkin_with_alice.answers.get(author=alice).connected == 2
    services.answer_save(checkin=checkin_with_alice, user=bob, data=data)
    with pytest.raises(services.CheckInError):
        services.answer_save(checkin=checkin_with_alice, user=alice, data=data | {"trusted": 5})


def test_a_finished_check_in_takes_no_answers(partnership, alice):
    checkin = open_checkin(partnership, closed_at=timezone.now())
    data = {"connected": 2, "trusted": 2, "went_well": "", "on_my_mind": "", "i_need": ""}
    with pytest.raises(services.CheckInError):
        services.answer_save(checkin=checkin, user=alice, data=data)


@pytest.fixture
def notices(monkeypatch):
    return catch_notices(monkeypatch, services)


def test_the_partner_hears_about_a_first_answer_but_not_about_its_content(
    partnership, alice, bob, notices
):
    checkin = open_checkin(partnership)
    data = {"connected": 1, "trusted": 1, "went_well": "", "on_my_mind": "SECRET", "i_need": ""}
    services.answer_save(checkin=checkin, user=alice, data=data)
    services.answer_save(checkin=checkin, user=alice, data=data | {"trusted": 2})
    [notice] = notices
    assert notice["recipient"] == bob and notice["kind"] == "checkin_answer"
    assert "SECRET" not in f"{notice['subject']} {notice['message']}"
    assert notice["path"] == checkin.get_absolute_url()


def test_the_first_to_answer_hears_when_both_can_read(partnership, alice, bob, notices):
    checkin = open_checkin(partnership)
    answer(checkin, alice)
    data = {"connected": 3, "trusted": 3, "went_well": "", "on_my_mind": "", "i_need": ""}
    services.answer_save(checkin=checkin, user=bob, data=data)
    [notice] = notices
    assert notice["recipient"] == alice
    assert "each other" in str(notice["subject"])


def test_the_look_back_carries_the_last_check_ins_action_points(partnership, alice):
    earlier = open_checkin(
        partnership, opened_at=timezone.now() - timedelta(days=7), closed_at=timezone.now()
    )
    step = action_point(earlier, "Book the train", owner=alice)
    current = open_checkin(partnership)
    look_back = services.look_back(current, services.previous_checkin(current))
    assert look_back.previous == earlier
    assert look_back.since == earlier.opened_at
    assert look_back.action_points == [step]


def test_the_first_look_back_covers_the_week_before(partnership):
    partnership.created_at = timezone.now() - timedelta(days=30)
    partnership.save(update_fields=["created_at"])
    checkin = open_checkin(partnership)
    look_back = services.look_back(checkin, services.previous_checkin(checkin))
    assert look_back.previous is None and look_back.action_points == []
    assert look_back.since == checkin.opened_at - timedelta(days=7)


def test_a_space_started_this_week_looks_back_only_to_its_start(partnership):
    """A couple who paired today is not told "since Monday a week ago"."""
    checkin = open_checkin(partnership)
    assert services.look_back(checkin, None).since == partnership.created_at


def test_a_flagged_topic_waits_until_talked_about(partnership, alice):
    first = open_checkin(partnership)
    item = services.agenda_add(partnership=partnership, user=alice, text="Birthday plans")
    assert list(services.agenda_for(first, include_waiting=True)) == [item]
    services.agenda_talked_about(item=item, checkin=first, talked=True)
    services.checkin_close(checkin=first, user=alice)
    second = open_checkin(partnership)
    assert list(services.agenda_for(second, include_waiting=True)) == []
    assert list(services.agenda_for(first, include_waiting=False)) == [item]


def test_the_history_counts_answers_and_steps_in_the_database(partnership, alice, bob):
    checkin = open_checkin(partnership)
    answer(checkin, alice)
    answer(checkin, bob)
    action_point(checkin, done_at=timezone.now())
    action_point(checkin)
    [row] = services.history_for(partnership)
    assert (row.answer_count, row.action_count, row.done_count) == (2, 2, 1)
