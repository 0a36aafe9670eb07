"""Every email, push and partner notice is written in its reader's language, whoever acted
and whatever language the page that caused it was in."""

from datetime import UTC, date, datetime, time

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import translation

from tests.conftest import client_for, make_partnership
from tests.notifications.conftest import set_preference
from tests.support.mail import last_message_to
from tests.test_languages import german
from trustapp.appreciations.services import appreciation_create
from trustapp.lib.mail import build_templated
from trustapp.notifications import push, services
from trustapp.notifications.models import PartnerNotice, ReminderDelivery
from trustapp.questions import services as questions


@pytest.fixture
def bob_in_german(bob):
    bob.language = "de"
    bob.save(update_fields=["language"])
    return bob


def share_an_appreciation(partnership, author, recipient):
    return appreciation_create(
        partnership=partnership,
        author=author,
        text="You made soup when I was ill.",
        happened_on=date(2026, 6, 1),
        share=True,
    )


def test_a_notice_is_written_in_the_readers_language_not_the_actors(
    partnership, alice, bob_in_german
):
    with translation.override("fr"):  # whatever page Alice was on
        share_an_appreciation(partnership, alice, bob_in_german)

    notice = PartnerNotice.objects.get(recipient=bob_in_german)
    assert notice.subject == german("%(name)s appreciated something you did") % {"name": "Alice"}


def test_the_partner_in_english_reads_english_from_a_german_actor(
    partnership, alice, bob_in_german
):
    with translation.override("de"):
        share_an_appreciation(partnership, bob_in_german, alice)

    notice = PartnerNotice.objects.get(recipient=alice)
    assert notice.subject == "Bob appreciated something you did"


@pytest.mark.embedded
def test_the_digest_email_speaks_its_readers_language(
    partnership, alice, bob_in_german, django_capture_on_commit_callbacks
):
    set_preference(bob_in_german, activity_emails="each")
    share_an_appreciation(partnership, alice, bob_in_german)

    with django_capture_on_commit_callbacks(execute=True):
        services.partner_notices_dispatch()

    message = last_message_to("bob@example.com")
    assert message.subject == german("%(name)s appreciated something you did") % {"name": "Alice"}
    [(html, _mimetype)] = message.alternatives
    assert '<html lang="de">' in html


@pytest.mark.embedded
def test_a_reminder_speaks_its_readers_language_with_german_dates(
    partnership, bob_in_german, django_capture_on_commit_callbacks
):
    with time_machine.travel(datetime(2026, 6, 1, 6, tzinfo=UTC), tick=False):
        set_preference(bob_in_german, cadence="weekly", weekday=0, local_time=time(19))
    # 19:00 in New York, where Bob lives.
    with time_machine.travel(datetime(2026, 6, 1, 23, 0, 5, tzinfo=UTC), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            services.reminders_dispatch()

    message = last_message_to("bob@example.com")
    assert message.subject == german("A gentle nudge: check in with %(name)s") % {"name": "Alice"}
    # The next reminder, a week on: "Montag, 8. Juni", never "Monday 8 June".
    assert "8. Juni" in message.body
    assert "June" not in message.body


def test_a_push_speaks_its_readers_language(partnership, bob_in_german):
    with time_machine.travel(datetime(2026, 6, 1, 6, tzinfo=UTC), tick=False):
        set_preference(bob_in_german, cadence="weekly", weekday=0, local_time=time(19))
    delivery = ReminderDelivery.objects.create(
        user=bob_in_german,
        kind=ReminderDelivery.Kind.REMINDER,
        due_at=datetime(2026, 6, 1, 17, tzinfo=UTC),
    )

    with time_machine.travel(datetime(2026, 6, 1, 17, 0, 5, tzinfo=UTC), tick=False):
        payloads = push.build_all([delivery], now=datetime.now(UTC), on_error=pytest.fail)

    assert payloads[delivery.pk]["title"] == german("A gentle nudge")


def test_an_invitation_to_someone_new_speaks_the_inviters_language(
    alice, django_capture_on_commit_callbacks
):
    alice.language = "de"
    alice.save(update_fields=["language"])
    solo = make_partnership(alice)

    with django_capture_on_commit_callbacks(execute=True):
        client_for(alice).post(
            reverse("couples:invite", args=[solo.public_id]), {"email": "kim@example.com"}
        )

    message = last_message_to("kim@example.com")
    assert message.subject == german("%(name)s invited you to a shared space on Trustapp") % {
        "name": "Alice"
    }


def test_an_invitation_from_a_page_in_german_is_german(alice, django_capture_on_commit_callbacks):
    solo = make_partnership(alice)  # Alice follows her browser, which asks for German

    with django_capture_on_commit_callbacks(execute=True):
        client_for(alice).post(
            reverse("couples:invite", args=[solo.public_id]),
            {"email": "kim@example.com"},
            headers={"accept-language": "de"},
        )

    assert last_message_to("kim@example.com").subject.startswith(
        german("%(name)s invited you to a shared space on Trustapp") % {"name": "Alice"}
    )


def test_someone_with_an_account_reads_an_invitation_in_their_own_language(
    alice, carol, django_capture_on_commit_callbacks
):
    carol.language = "de"
    carol.save(update_fields=["language"])
    solo = make_partnership(alice)

    with django_capture_on_commit_callbacks(execute=True):
        client_for(alice).post(
            reverse("couples:invite", args=[solo.public_id]), {"email": carol.email}
        )

    assert last_message_to(carol.email).subject == german(
        "%(name)s invited you to a shared space on Trustapp"
    ) % {"name": "Alice"}


def test_a_password_reset_speaks_the_accounts_language(client, bob_in_german):
    client.post(reverse("account_reset_password"), {"email": "bob@example.com"})

    assert german("Choose a new password") in last_message_to("bob@example.com").subject


def test_a_sign_up_code_speaks_the_pages_language(client, db):
    client.post(reverse("set_language"), {"language": "de", "next": "/"})

    client.post(
        reverse("account_signup"),
        {
            "email": "lena@example.com",
            "password1": "a-long-kind-password-42",
            "password2": "a-long-kind-password-42",
            "time_zone": "Europe/Berlin",
        },
    )

    assert german("Your code to finish signing up") in last_message_to("lena@example.com").subject


def test_one_email_builder_writes_in_the_recipients_language(bob_in_german):
    with translation.override("fr"):
        message = build_templated(
            to=bob_in_german.email,
            template="email/notice",
            subject=translation.gettext_lazy("You have an update"),
            context={"recipient": bob_in_german, "message": "", "link": "/"},
        )

    assert message.subject == german("You have an update")
    assert mail.outbox == []  # built, not sent


@pytest.mark.embedded
def test_todays_question_by_email_is_asked_in_the_readers_language(
    partnership, alice, django_capture_on_commit_callbacks
):
    alice.language = "de"
    alice.save(update_fields=["language"])
    with time_machine.travel(datetime(2026, 5, 31, 12, tzinfo=UTC), tick=False):
        questions.email_choose(user=alice, is_on=True, local_time=time(8))
    # 08:00 in Berlin.
    with time_machine.travel(datetime(2026, 6, 1, 6, 0, 5, tzinfo=UTC), tick=False):
        day_question = questions.today_question(partnership)
        with django_capture_on_commit_callbacks(execute=True):
            questions.emails_dispatch()

    message = last_message_to("alice@example.com")
    assert message.subject == german("A question for today")
    assert day_question.texts["de"] != day_question.texts["en"]
    assert day_question.texts["de"] in message.body
    assert day_question.texts["en"] not in message.body
