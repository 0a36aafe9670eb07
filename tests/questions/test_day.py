"""Which day it is for a couple, and which question that day asks."""

from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine
from django.test import Client

from tests.conftest import make_partnership, make_user
from tests.questions.conftest import url
from trustapp.questions import services
from trustapp.questions.models import DayQuestion

pytestmark = pytest.mark.django_db


@pytest.fixture
def across_the_date_line(db):
    """Kiri in Kiribati (UTC+14) and Sami in American Samoa (UTC-11): 25 hours apart."""
    kiri = make_user("kiri@example.com", "Kiri", time_zone="Pacific/Kiritimati")
    sami = make_user("sami@example.com", "Sami", time_zone="Pacific/Pago_Pago")
    return make_partnership(kiri, sami), kiri, sami


def test_the_day_is_the_earlier_of_the_two_local_dates(across_the_date_line):
    partnership, kiri, sami = across_the_date_line
    # 12:00 UTC on 10 March: 02:00 on 11 March for Kiri, 01:00 on 10 March for Sami.
    now = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
    assert services.local_day(kiri, now) == date(2026, 3, 11)
    assert services.local_day(sami, now) == date(2026, 3, 10)
    assert services.couple_day(partnership, now) == date(2026, 3, 10)


def test_the_question_changes_at_the_later_midnight_and_never_runs_ahead(across_the_date_line):
    partnership, kiri, sami = across_the_date_line
    kiri_client, sami_client = Client(), Client()
    kiri_client.force_login(kiri)
    sami_client.force_login(sami)
    # Kiri's midnight into the 10th: Sami is still on the 8th, so both see the 8th.
    with time_machine.travel(datetime(2026, 3, 9, 10, 0, tzinfo=UTC), tick=False):
        kiri_page = kiri_client.get(url("today", partnership))
        sami_page = sami_client.get(url("today", partnership))
        eighth = DayQuestion.objects.get()
        assert eighth.day == date(2026, 3, 8)
        assert eighth.text in kiri_page.content.decode()
        assert eighth.text in sami_page.content.decode()
        # Days Sami cannot answer yet: not even a direct link shows them.
        for later in ("2026-03-09", "2026-03-10"):
            assert kiri_client.get(url("day", partnership, later)).status_code == 404
    # A minute before Sami's midnight: still the 8th for both.
    with time_machine.travel(datetime(2026, 3, 9, 10, 59, tzinfo=UTC), tick=False):
        assert services.today_question(partnership).day == date(2026, 3, 8)
    # Sami's midnight: the 9th for both, a new question.
    with time_machine.travel(datetime(2026, 3, 9, 11, 0, tzinfo=UTC), tick=False):
        ninth = services.today_question(partnership)
        assert ninth.day == date(2026, 3, 9)
        assert ninth.question_id != eighth.question_id
        assert ninth.text in kiri_client.get(url("today", partnership)).content.decode()
        assert ninth.text in sami_client.get(url("today", partnership)).content.decode()
        # The 8th stays readable and answerable for both.
        assert kiri_client.get(url("day", partnership, "2026-03-08")).status_code == 200
        answered = kiri_client.post(url("answer", partnership, "2026-03-08"), {"text": "Tea"})
        assert answered.status_code == 302


def test_both_partners_get_the_same_question_and_it_is_made_once(partnership, alice, bob):
    first = services.today_question(partnership)
    again = services.today_question(partnership)
    assert first.pk == again.pk
    assert DayQuestion.objects.count() == 1


def test_no_question_comes_back_within_a_year(partnership):
    start = date(2026, 1, 1)
    asked = [
        services.question_of(partnership, start + timedelta(days=n)).question_id for n in range(365)
    ]
    assert len(set(asked)) == 365


def test_after_the_library_runs_out_the_one_asked_longest_ago_comes_first(partnership):
    from trustapp.questions.models import Question

    Question.objects.exclude(slug__in=["tea-or-coffee", "cats-or-dogs"]).update(is_active=False)
    first = services.question_of(partnership, date(2026, 1, 1))
    second = services.question_of(partnership, date(2026, 1, 2))
    third = services.question_of(partnership, date(2026, 1, 3))
    assert {first.question_id, second.question_id} == set(
        Question.objects.filter(is_active=True).values_list("pk", flat=True)
    )
    assert third.question_id == first.question_id


def test_two_spaces_get_different_questions_on_the_same_day(partnership, other_partnership):
    day = date(2026, 5, 1)
    picks = {services.question_of(partnership, day).question_id}
    picks.add(services.question_of(other_partnership, day).question_id)
    assert len(picks) == 2  # one hash each; a clash here would be a 1-in-366 coincidence


def test_an_ended_space_asks_nothing_new(partnership, alice):
    from trustapp.couples.services import partnership_leave

    partnership_leave(partnership=partnership, user=alice)
    partnership.refresh_from_db()
    assert services.today_question(partnership) is None
    assert not DayQuestion.objects.exists()
