"""The day's question by email: chosen by each person, at their local time, once a day,
through the reminder outbox; answered straight from the email through a signed link."""

import re
from datetime import UTC, date, datetime, time, timedelta

import pytest
import time_machine
from django.core import mail
from django.test import Client
from django.urls import reverse

from tests.questions.conftest import ALICE_WORDS, BOB_WORDS
from trustapp.notifications.models import ReminderDelivery
from trustapp.notifications.services import reminders_pause
from trustapp.notifications.tokens import make_token
from trustapp.questions import services
from trustapp.questions.models import Answer, DayQuestion

pytestmark = [pytest.mark.django_db, pytest.mark.embedded]

# Alice lives in Berlin (UTC+2 in June): 08:00 there is 06:00 UTC.
MORNING = datetime(2026, 6, 1, 6, 0, 5, tzinfo=UTC)


def dispatch(capture, when):
    with time_machine.travel(when, tick=False), capture(execute=True):
        return services.emails_dispatch()


@pytest.fixture
def chosen(partnership, alice):
    with time_machine.travel(datetime(2026, 5, 31, 12, tzinfo=UTC), tick=False):
        return services.email_choose(user=alice, is_on=True, local_time=time(8))


def test_nothing_comes_unless_the_person_asks_for_it(
    partnership, alice, django_capture_on_commit_callbacks
):
    assert dispatch(django_capture_on_commit_callbacks, MORNING) == 0
    assert not mail.outbox


def test_it_comes_at_the_chosen_local_time_once_a_day(
    chosen, alice, django_capture_on_commit_callbacks
):
    assert chosen.next_at == datetime(2026, 6, 1, 6, 0, tzinfo=UTC)
    assert dispatch(django_capture_on_commit_callbacks, MORNING - timedelta(minutes=1)) == 0
    assert dispatch(django_capture_on_commit_callbacks, MORNING) == 1
    assert dispatch(django_capture_on_commit_callbacks, MORNING) == 0  # ran twice: one email
    [message] = mail.outbox
    assert message.to == ["alice@example.com"]
    [delivery] = ReminderDelivery.objects.filter(kind=ReminderDelivery.Kind.QUESTION)
    assert delivery.status == ReminderDelivery.Status.SENT
    chosen.refresh_from_db()
    assert chosen.next_at == datetime(2026, 6, 2, 6, 0, tzinfo=UTC)


def test_a_new_time_the_same_day_brings_no_second_email(
    chosen, alice, django_capture_on_commit_callbacks
):
    dispatch(django_capture_on_commit_callbacks, MORNING)
    with time_machine.travel(MORNING + timedelta(hours=1), tick=False):
        choice = services.email_choose(user=alice, is_on=True, local_time=time(20))
    assert choice.next_at == datetime(2026, 6, 2, 18, 0, tzinfo=UTC)


def test_the_email_asks_the_question_and_never_carries_an_answer(
    chosen, partnership, alice, bob, django_capture_on_commit_callbacks
):
    with time_machine.travel(MORNING - timedelta(hours=1), tick=False):
        day_question = services.today_question(partnership)
        services.answer_save(day_question=day_question, user=bob, text=BOB_WORDS)
    dispatch(django_capture_on_commit_callbacks, MORNING)
    [message] = mail.outbox
    [(html, _type)] = message.alternatives
    for part in (message.body, html):
        assert day_question.text in part
        assert "bob-secret" not in part and "answered" not in part.split("Answers show")[0]
    assert "Today's question with Bob" in message.body
    assert "/r/question/" in message.body
    unsubscribe = message.extra_headers["List-Unsubscribe"]
    assert re.fullmatch(r"<http://[^>]+/r/question-emails/[^/]+/>", unsubscribe)


def test_no_email_once_the_person_answered_or_passed(
    chosen, partnership, alice, django_capture_on_commit_callbacks
):
    with time_machine.travel(MORNING - timedelta(hours=1), tick=False):
        day_question = services.today_question(partnership)
        services.answer_save(day_question=day_question, user=alice, passed=True)
    dispatch(django_capture_on_commit_callbacks, MORNING)
    assert not mail.outbox
    assert ReminderDelivery.objects.get().status == ReminderDelivery.Status.SKIPPED


def test_a_snooze_of_reminders_quiets_the_question_too(
    chosen, alice, django_capture_on_commit_callbacks
):
    with time_machine.travel(MORNING - timedelta(days=1), tick=False):
        reminders_pause(user=alice)
    dispatch(django_capture_on_commit_callbacks, MORNING)
    assert not mail.outbox


def test_a_discreet_inbox_gets_no_question_words(
    chosen, partnership, alice, django_capture_on_commit_callbacks
):
    alice.discreet_emails = True
    alice.save(update_fields=["discreet_emails"])
    dispatch(django_capture_on_commit_callbacks, MORNING)
    [message] = mail.outbox
    day_question = DayQuestion.objects.get()
    assert message.subject == "You have an update"
    assert day_question.text not in message.body and "question" not in message.body.lower()


def test_the_link_in_the_email_answers_without_signing_in(
    chosen, partnership, alice, bob, django_capture_on_commit_callbacks
):
    dispatch(django_capture_on_commit_callbacks, MORNING)
    link = re.search(r"http://[^/]+(/r/question/[^/\s]+/)", mail.outbox[0].body)[1]
    visitor = Client()
    with time_machine.travel(MORNING + timedelta(minutes=5), tick=False):
        page = visitor.get(link)
        assert page.status_code == 200
        assert DayQuestion.objects.get().text in page.content.decode()
        refused = visitor.post(link, {"text": ""})
        assert refused.status_code == 422
        assert "Write a few words" in refused.content.decode()
        visitor.post(link, {"text": ALICE_WORDS})
    assert Answer.objects.get(user=alice).text == ALICE_WORDS
    # Bob answers; Alice's link still never shows his words, it sends her to sign in.
    services.answer_save(day_question=DayQuestion.objects.get(), user=bob, text=BOB_WORDS)
    with time_machine.travel(MORNING + timedelta(minutes=10), tick=False):
        after = visitor.get(link).content.decode()
    assert "bob-secret" not in after and "Sign in to read both answers" in after


def test_a_broken_old_or_foreign_link_changes_nothing(partnership, alice, carol, today):
    visitor = Client()
    assert visitor.get(reverse("questions:from_email", args=["junk"])).status_code == 400
    token = make_token(alice, "question", p=partnership.public_id, d=today.day.isoformat())
    with time_machine.travel(datetime.now(UTC) + timedelta(days=8)):
        assert visitor.get(reverse("questions:from_email", args=[token])).status_code == 410
    # Carol's link naming Alice's space is no key to it.
    foreign = make_token(carol, "question", p=partnership.public_id, d=today.day.isoformat())
    response = visitor.post(reverse("questions:from_email", args=[foreign]), {"text": "Hi"})
    assert response.status_code == 400
    # A snooze link is not an answer link.
    snooze = make_token(alice, "snooze")
    assert visitor.get(reverse("questions:from_email", args=[snooze])).status_code == 400
    assert not Answer.objects.exists()


def test_one_click_unsubscribe_turns_the_emails_off(chosen, alice):
    token = make_token(alice, "question_emails")
    address = reverse("questions:stop_emails", args=[token])
    response = Client().post(address, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    chosen.refresh_from_db()
    assert not chosen.is_on and chosen.next_at is None


def test_the_settings_page_saves_a_choice_and_explains_bad_input(alice_client, alice):
    address = reverse("questions:email_settings")
    assert alice_client.get(address).status_code == 200
    bad = alice_client.post(address, {"is_on": "1", "local_time": "25:99"})
    assert bad.status_code == 422 and "Please enter a time like 08:30." in bad.content.decode()
    assert 'value="25:99"' in bad.content.decode()
    alice_client.post(address, {"is_on": "1", "local_time": "07:30"})
    choice = services.email_choice(alice)
    assert choice.is_on and choice.local_time == time(7, 30) and choice.next_at is not None
    alice_client.post(address, {"is_on": "0", "local_time": "07:30"})
    assert services.email_choice(alice).next_at is None


def test_people_without_a_partner_get_no_delivery(alice, django_capture_on_commit_callbacks):
    with time_machine.travel(datetime(2026, 5, 31, 12, tzinfo=UTC), tick=False):
        services.email_choose(user=alice, is_on=True, local_time=time(8))
    assert dispatch(django_capture_on_commit_callbacks, MORNING) == 0
    assert not ReminderDelivery.objects.exists()
    assert services.email_choice(alice).next_at.date() == date(2026, 6, 2)
