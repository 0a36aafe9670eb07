"""Delete my account: confirmed with the password, private data gone, partner told."""

import json

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from django.utils import timezone

from tests.conftest import PASSWORD, make_partnership, make_user
from tests.support.mail import last_message_to
from trustapp.appreciations.models import Appreciation
from trustapp.checkins.models import Answer as CheckInAnswer
from trustapp.conversations.models import Answer as ConversationAnswer
from trustapp.couples.models import Partnership
from trustapp.notifications.models import ReminderDelivery, ReminderPreference
from trustapp.privacy.prenup import DataChoice, DataPrenup

URL = reverse("privacy:delete")
User = get_user_model()


def delete(client, password=PASSWORD, **kwargs):
    return client.post(URL, {"password": password}, **kwargs)


def test_the_page_says_what_happens_to_each_space(alice_client, partnership):
    response = alice_client.get(URL)
    assert response.status_code == 200
    body = response.content.decode()
    assert "With Bob" in body
    assert "only their own words are kept" in body


def test_a_wrong_password_deletes_nothing_and_says_so(alice_client, alice, partnership):
    response = delete(alice_client, "not-my-password")
    assert response.status_code == 200
    assert "That is not your password, so nothing was deleted." in response.content.decode()
    alice.refresh_from_db()
    assert alice.is_active and alice.deleted_at is None
    partnership.refresh_from_db()
    assert partnership.is_active


def test_an_empty_password_is_asked_for(alice_client):
    response = delete(alice_client, "")
    assert "Please type your password to confirm." in response.content.decode()


def test_the_right_password_deletes_signs_out_and_says_goodbye(
    alice_client, alice, partnership, filled
):
    response = delete(alice_client, follow=True)
    assert response.redirect_chain[-1][0] == reverse("privacy:goodbye")
    assert "Your account is deleted" in response.content.decode()
    assert "_auth_user_id" not in alice_client.session
    assert alice_client.get(reverse("accounts:profile")).status_code == 302


def test_sign_in_no_longer_works(client, alice, partnership):
    from tests.conftest import client_for

    delete(client_for(alice))
    assert not client.login(email="alice@example.com", password=PASSWORD)
    assert not EmailAddress.objects.filter(email="alice@example.com").exists()
    assert not User.objects.filter(email="alice@example.com").exists()


def test_private_data_is_deleted_at_once(alice_client, alice, partnership, filled):
    delete(alice_client)
    assert not Appreciation.objects.filter(text="alice-private-note").exists()
    assert not ConversationAnswer.objects.filter(text="alice-answer-unrevealed").exists()
    assert not CheckInAnswer.objects.filter(went_well="alice-checkin-unrevealed").exists()
    # The partner's own private words are theirs, untouched.
    assert Appreciation.objects.filter(text="bob-private-note").exists()


def test_the_partnership_ends_and_the_partner_is_told(
    alice_client, alice, bob, partnership, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        delete(alice_client)
    partnership.refresh_from_db()
    assert not partnership.is_active
    message = last_message_to(bob.email)
    assert "Alice has closed their Trustapp account" in message.subject
    assert partnership.get_absolute_url() in message.body


def test_the_partner_gets_one_email_not_two(
    alice_client, bob, partnership, django_capture_on_commit_callbacks
):
    from tests.support.mail import messages_to

    with django_capture_on_commit_callbacks(execute=True):
        delete(alice_client)
    assert len(messages_to(bob.email)) == 1


def test_reminders_stop(alice_client, alice, partnership, filled):
    ReminderDelivery.objects.create(user=alice, due_at=timezone.now())
    assert ReminderPreference.objects.filter(user=alice).exists()
    delete(alice_client)
    assert not ReminderPreference.objects.filter(user_id=alice.pk).exists()
    assert not ReminderDelivery.objects.filter(user_id=alice.pk).exists()


def test_with_keep_all_the_partner_keeps_what_was_shared(
    alice_client, alice, bob, partnership, filled
):
    DataPrenup.objects.create(
        partnership=partnership, choice=DataChoice.KEEP_ALL, agreed_at=timezone.now()
    )
    delete(alice_client)
    assert Appreciation.objects.filter(text="alice-appreciation-shared").exists()
    assert ConversationAnswer.objects.filter(text="alice-answer-revealed").exists()
    former = User.objects.get(pk=alice.pk)
    assert former.name == "Partner"
    assert former.email.endswith("@deleted.invalid")
    assert not former.has_usable_password()
    page = Partnership.objects.get(pk=partnership.pk)
    assert page.partner_of(bob).name == "Partner"


def test_the_partners_archive_calls_them_partner_like_a_name(
    alice_client, bob_client, partnership, filled
):
    DataPrenup.objects.create(partnership=partnership, choice=DataChoice.KEEP_ALL)
    delete(alice_client)
    page = bob_client.get(partnership.get_absolute_url()).content.decode()
    assert "Bob &amp; Partner" in page, "reads as a name mid-sentence"
    assert "Alice" not in page


def test_with_own_words_the_shared_words_leave_after_the_grace_period(
    alice_client, alice, bob, partnership, filled
):
    from datetime import timedelta

    from trustapp.privacy.models import PersonalCopy
    from trustapp.privacy.prenup_services import archives_apply_due

    delete(alice_client)
    archives_apply_due(now=timezone.now() + timedelta(days=31))
    assert not Partnership.objects.filter(pk=partnership.pk).exists()
    assert not User.objects.filter(pk=alice.pk).exists()  # nothing points to her any more
    bobs = PersonalCopy.objects.get(user=bob)
    text = json.dumps(bobs.data, cls=DjangoJSONEncoder)
    assert "bob-answer-revealed" in text
    assert "alice" not in text
    assert not PersonalCopy.objects.filter(user_id=alice.pk).exists()


def test_a_space_nobody_joined_goes_with_the_account(alice_client, alice):
    alone = make_partnership(alice)
    delete(alice_client)
    assert not Partnership.objects.filter(pk=alone.pk).exists()
    assert not User.objects.filter(pk=alice.pk).exists()


def test_when_both_have_deleted_their_accounts_nothing_is_left(
    alice_client, bob_client, alice, bob, partnership, filled
):
    DataPrenup.objects.create(partnership=partnership, choice=DataChoice.KEEP_ALL)
    delete(alice_client)
    delete(bob_client)
    assert not Partnership.objects.filter(pk=partnership.pk).exists()
    assert not User.objects.filter(pk__in=[alice.pk, bob.pk]).exists()
    assert not Appreciation.objects.exists()


def test_it_rejects_other_methods(alice_client):
    assert alice_client.put(URL).status_code == 405


def test_a_signed_out_visitor_is_sent_to_sign_in(client):
    response = client.post(URL, {"password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_the_goodbye_page_needs_no_account(client):
    assert client.get(reverse("privacy:goodbye")).status_code == 200


def test_a_written_answer_the_partner_never_read_goes(alice_client, alice, bob, partnership):
    """Bob chose to just talk, so he never read Alice's words: they go with her account."""
    from trustapp.conversations import services as conversations
    from trustapp.conversations.models import Prompt

    prompt = Prompt.objects.active().filter(topic__is_tender=False).first()
    conversation, _ = conversations.conversation_start(
        partnership=partnership, user=alice, prompt=prompt
    )
    conversations.answer_submit(conversation=conversation, user=alice, text="alice-unread")
    conversations.answer_submit(conversation=conversation, user=bob, just_talk=True)
    DataPrenup.objects.create(
        partnership=partnership, choice=DataChoice.KEEP_ALL, agreed_at=timezone.now()
    )
    delete(alice_client)
    assert not ConversationAnswer.objects.filter(text="alice-unread").exists()


def test_partner_activity_notices_keep_nothing_of_theirs(alice_client, alice, bob, partnership):
    from trustapp.notifications.models import PartnerNotice
    from trustapp.notifications.services import partner_notice_record

    for recipient, actor in [(bob, alice), (alice, bob)]:
        partner_notice_record(
            partnership=partnership,
            recipient=recipient,
            actor=actor,
            kind="appreciation",
            subject=f"{actor.name} noticed something",
            message=f"{actor.name}-words",
            path="/",
        )
    PartnerNotice.objects.update(
        delivery=ReminderDelivery.objects.create(user=bob, due_at=timezone.now())
    )
    delete(alice_client)
    assert not PartnerNotice.objects.filter(actor_id=alice.pk).exists()
    assert not PartnerNotice.objects.filter(recipient_id=alice.pk).exists()
    assert "Alice" not in str(list(PartnerNotice.objects.values()))


def test_invitations_keep_no_address_of_theirs(alice, bob, partnership):
    from tests.conftest import client_for
    from trustapp.couples import services as couples
    from trustapp.couples.models import Invitation

    ended = make_partnership(alice, make_user("erin@example.com", "Erin"))
    couples.invitation_create(partnership=ended, created_by=alice, email="dave@example.com")
    bobs = make_partnership(bob)
    couples.invitation_create(partnership=bobs, created_by=bob, email="ALICE@example.com")
    delete(client_for(alice))
    assert Invitation.objects.get(created_by=bob).email == ""
    assert not Invitation.objects.filter(email="dave@example.com").exists()
