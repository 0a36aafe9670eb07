"""When a space ends its data prenup is carried out, after a grace period the UI shows."""

import json
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from django.utils import timezone

from tests.privacy.conftest import ALICE_PRIVATE, ALICE_SHARED, BOB_PRIVATE, BOB_SHARED
from trustapp.agreements.models import Agreement
from trustapp.appreciations.models import Appreciation
from trustapp.conversations.models import Conversation
from trustapp.couples.models import Partnership
from trustapp.couples.services import partnership_leave
from trustapp.privacy.models import PersonalCopy
from trustapp.privacy.prenup import DataChoice, DataPrenup
from trustapp.privacy.prenup_services import archives_apply_due
from trustapp.privacy.tasks import apply_data_choices


def choose(partnership, choice):
    DataPrenup.objects.update_or_create(
        partnership=partnership, defaults={"choice": choice, "agreed_at": timezone.now()}
    )


def words_of(copy):
    return json.dumps(copy.data, cls=DjangoJSONEncoder)


def end(partnership, user):
    partnership_leave(partnership=partnership, user=user)
    partnership.refresh_from_db()
    return DataPrenup.objects.get(partnership=partnership)


def test_ending_fixes_the_date_the_choice_is_carried_out(partnership, bob):
    prenup = end(partnership, bob)
    assert prenup.applies_at == partnership.ended_at + timedelta(days=30)
    assert prenup.choice == DataChoice.OWN_WORDS  # never chosen: the most private


def test_ending_drops_a_proposal_nobody_agreed_to(partnership, alice, bob):
    from trustapp.privacy.prenup_services import prenup_propose

    prenup_propose(partnership=partnership, user=alice, choice=DataChoice.KEEP_ALL)
    prenup = end(partnership, bob)
    assert not prenup.has_proposal
    assert prenup.choice == DataChoice.OWN_WORDS


def test_the_archive_shows_the_date_and_stays_read_only(alice_client, partnership, alice, bob):
    prenup = end(partnership, bob)
    page = alice_client.get(partnership.get_absolute_url()).content.decode()
    # The date as Alice's own clock has it (near midnight it differs from UTC's).
    day = timezone.localtime(prenup.applies_at, ZoneInfo(alice.time_zone))
    assert f"On {day:%-d %B %Y}" in page
    response = alice_client.post(reverse("appreciations:new", args=[partnership.public_id]))
    assert response.status_code == 403


def test_nothing_is_deleted_during_the_grace_period(partnership, bob, filled):
    end(partnership, bob)
    assert archives_apply_due(now=timezone.now() + timedelta(days=29)) == 0
    assert Partnership.objects.filter(pk=partnership.pk).exists()


def test_own_words_each_keeps_a_copy_of_only_what_they_wrote(partnership, alice, bob, filled):
    choose(partnership, DataChoice.OWN_WORDS)
    end(partnership, bob)
    apply_data_choices.delay()  # not yet due
    assert Partnership.objects.filter(pk=partnership.pk).exists()
    assert archives_apply_due(now=timezone.now() + timedelta(days=31)) == 1

    assert not Partnership.objects.filter(pk=partnership.pk).exists()
    assert not Appreciation.objects.exists()
    assert not Agreement.objects.exists()
    assert not Conversation.objects.exists()
    alices, bobs = (PersonalCopy.objects.get(user=user) for user in (alice, bob))
    assert alices.scope == bobs.scope == PersonalCopy.Scope.OWN
    for words in ALICE_SHARED + ALICE_PRIVATE:
        assert words in words_of(alices), words
        assert words not in words_of(bobs), words
    for words in BOB_SHARED + BOB_PRIVATE:
        assert words in words_of(bobs), words
        assert words not in words_of(alices), words
    assert "Bob" not in words_of(alices)  # not even the partner's name


def test_delete_keeps_only_private_notes_never_shared(partnership, alice, bob, filled):
    choose(partnership, DataChoice.DELETE)
    end(partnership, alice)
    archives_apply_due(now=timezone.now() + timedelta(days=31))

    assert not Partnership.objects.filter(pk=partnership.pk).exists()
    alices = PersonalCopy.objects.get(user=alice)
    assert alices.scope == PersonalCopy.Scope.PRIVATE
    for words in ALICE_PRIVATE:
        assert words in words_of(alices), words
    for words in ALICE_SHARED + BOB_SHARED + BOB_PRIVATE:
        assert words not in words_of(alices), words


def test_keep_all_deletes_nothing(partnership, bob, filled):
    choose(partnership, DataChoice.KEEP_ALL)
    end(partnership, bob)
    assert archives_apply_due(now=timezone.now() + timedelta(days=365)) == 0
    assert Partnership.objects.filter(pk=partnership.pk).exists()
    assert Appreciation.objects.count() == 4
    assert not PersonalCopy.objects.exists()


def test_an_active_space_is_never_touched(partnership, filled):
    choose(partnership, DataChoice.DELETE)
    DataPrenup.objects.filter(partnership=partnership).update(applies_at=timezone.now())
    assert archives_apply_due(now=timezone.now() + timedelta(days=365)) == 0
    assert Partnership.objects.filter(pk=partnership.pk).exists()


def test_running_twice_is_harmless(partnership, alice, bob, filled):
    end(partnership, bob)
    later = timezone.now() + timedelta(days=31)
    assert archives_apply_due(now=later) == 1
    assert archives_apply_due(now=later) == 0
    assert PersonalCopy.objects.filter(user=alice).count() == 1


def test_other_spaces_are_left_alone(partnership, other_partnership, bob, filled):
    end(partnership, bob)
    archives_apply_due(now=timezone.now() + timedelta(days=31))
    assert Partnership.objects.filter(pk=other_partnership.pk).exists()


# -- Personal copies --------------------------------------------------------------------


@pytest.fixture
def copy(partnership, alice, bob, filled):
    end(partnership, bob)
    archives_apply_due(now=timezone.now() + timedelta(days=31))
    return PersonalCopy.objects.get(user=alice)


def test_a_copy_reads_like_the_download(alice_client, copy):
    response = alice_client.get(reverse("privacy:copy", args=[copy.pk]))
    assert response.status_code == 200
    assert "alice-appreciation-shared" in response.content.decode()


def test_a_copy_is_listed_with_the_spaces(alice_client, copy):
    page = alice_client.get(reverse("home") + "?all").content.decode()
    assert reverse("privacy:copy", args=[copy.pk]) in page


def test_a_copy_can_be_downloaded(alice_client, copy):
    from tests.privacy.test_export import unzip

    response = alice_client.get(reverse("privacy:copy_download", args=[copy.pk]))
    assert response.status_code == 200
    files = unzip(b"".join(response.streaming_content))
    assert "alice-private-note" in files["your-copy.html"]
    assert "bob" not in files["your-copy.json"].lower()


def test_a_copy_can_be_deleted_by_its_owner_only(alice_client, bob_client, copy):
    delete = reverse("privacy:copy_delete", args=[copy.pk])
    assert bob_client.post(delete).status_code == 404
    assert alice_client.get(delete).status_code == 405
    assert alice_client.post(delete).status_code == 302
    assert not PersonalCopy.objects.filter(pk=copy.pk).exists()


def test_someone_elses_copy_is_404(bob_client, copy):
    assert bob_client.get(reverse("privacy:copy", args=[copy.pk])).status_code == 404
    assert bob_client.get(reverse("privacy:copy_download", args=[copy.pk])).status_code == 404
