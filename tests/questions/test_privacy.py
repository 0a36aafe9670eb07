"""Today's question in a download, in a personal copy after a space ends, and when an
account is deleted: a partner's words leave the database only for someone who saw them."""

import io
import json
import zipfile
from datetime import time

import pytest
from django.urls import reverse

from tests.questions.conftest import ALICE_WORDS, BOB_WORDS
from trustapp.privacy.deletion import account_delete
from trustapp.privacy.export import partnership_data
from trustapp.privacy.rules import Scope
from trustapp.questions import services
from trustapp.questions.models import Answer, QuestionEmail

pytestmark = pytest.mark.django_db


def download(client):
    response = client.post(reverse("privacy:export"))
    with zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content))) as archive:
        return {name: archive.read(name).decode() for name in archive.namelist()}


def test_the_download_holds_my_words_and_my_partners_only_once_both_answered(
    alice_client, bob_client, partnership, alice, bob, today
):
    services.answer_save(day_question=today, user=alice, text=ALICE_WORDS)
    services.email_choose(user=alice, is_on=True, local_time=time(7))
    files = download(alice_client)
    [space] = json.loads(files["questions.json"])
    [day] = space["days"]
    assert day["your_answer"]["text"] == ALICE_WORDS and "partner_answer" not in day
    assert ALICE_WORDS in files["your-data.html"]
    assert json.loads(files["reminders.json"])["todays_question_emails"]["by_email"] is True
    # Bob's download, before he answered, holds nothing of Alice's words.
    assert "alice-secret" not in "".join(download(bob_client).values())

    services.answer_save(day_question=today, user=bob, text=BOB_WORDS)
    [day] = json.loads(download(alice_client)["questions.json"])[0]["days"]
    assert day["partner_answer"]["text"] == BOB_WORDS


def test_a_copy_of_own_words_keeps_mine_and_drops_the_partners(partnership, alice, revealed):
    data = partnership_data(partnership, alice, Scope.OWN)
    [day] = data["questions"]["days"]
    assert day["your_answer"]["text"] == ALICE_WORDS and "partner_answer" not in day
    private = partnership_data(partnership, alice, Scope.PRIVATE)
    assert private["questions"]["days"] == []  # shared once Bob read it


def test_deleting_an_account_removes_unshared_answers_and_the_email_choice(
    partnership, alice, bob, today, revealed
):
    from datetime import timedelta

    later = services.question_of(partnership, today.day + timedelta(days=1))
    services.answer_save(day_question=later, user=alice, text="Never seen")
    services.email_choose(user=alice, is_on=True, local_time=time(7))
    account_delete(user=alice)
    assert not Answer.objects.filter(text="Never seen").exists()
    assert Answer.objects.filter(text=ALICE_WORDS).exists()  # Bob read it; the choice decides
    assert not QuestionEmail.objects.filter(user=alice).exists()
