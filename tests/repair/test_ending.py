"""Ending with care: leaving stays instant and solitary; afterwards each former partner
may write a closing letter the other reads only while it is shared, the one who was left
is pointed to a page of support, and reminders have stopped at once."""

import json

import pytest
from django.core import mail
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse

from tests.notifications.conftest import set_preference
from trustapp.couples.services import partnership_leave
from trustapp.notifications.models import PartnerNotice, ReminderPreference
from trustapp.privacy.models import PersonalCopy
from trustapp.privacy.repair import delete_private, export_partnership
from trustapp.repair import ending, services
from trustapp.repair import track as rebuilding
from trustapp.repair.models import ClosingLetter, Moment, TrackChoice

pytestmark = pytest.mark.django_db
LETTER_MARK = "closing-letter-4z8"


def url(name, partnership):
    return reverse(f"repair:{name}", args=[partnership.public_id])


def home(partnership):
    return reverse("couples:home", args=[partnership.public_id])


@pytest.fixture
def ended(partnership, alice):
    """Alice left; Bob is the one who was left."""
    partnership_leave(partnership=partnership, user=alice)
    partnership.refresh_from_db()
    return partnership


def write(client, partnership, action, text=f"Thank you, {LETTER_MARK}"):
    return client.post(url("letter", partnership), {"text": text, "action": action})


def test_leaving_is_instant_and_asks_for_nothing_more(alice_client, partnership):
    response = alice_client.post(
        reverse("couples:leave", args=[partnership.public_id]), {"confirm": "on"}
    )
    assert response.status_code == 302
    partnership.refresh_from_db()
    assert not partnership.is_active
    assert response["Location"] == partnership.get_absolute_url()


def test_reminders_and_waiting_notes_stop_at_once(partnership, alice, bob):
    set_preference(alice, cadence="weekly")
    set_preference(bob, cadence="weekly")
    services.pause_start(partnership=partnership, user=bob, minutes=60, about="", path="/")
    assert PartnerNotice.objects.filter(delivery__isnull=True).exists()
    partnership_leave(partnership=partnership, user=alice)
    assert not ReminderPreference.objects.filter(next_run_at__isnull=False).exists()
    assert not PartnerNotice.objects.filter(delivery__isnull=True).exists()


def test_there_is_no_closing_letter_while_the_space_goes_on(alice_client, partnership):
    assert alice_client.get(url("letters", partnership)).status_code == 404
    assert write(alice_client, partnership, "save").status_code == 404
    assert alice_client.get(url("support", partnership)).status_code == 404
    assert not ClosingLetter.objects.exists()


def test_a_letter_is_read_only_while_its_writer_shares_it(ended, alice_client, bob_client):
    assert write(alice_client, ended, "save").status_code == 302
    assert LETTER_MARK in alice_client.get(url("letters", ended)).content.decode()
    for page in (url("letters", ended), home(ended)):
        assert LETTER_MARK not in bob_client.get(page).content.decode()
    assert "There is a closing letter for you" not in bob_client.get(home(ended)).content.decode()

    write(alice_client, ended, "share")
    assert LETTER_MARK in bob_client.get(url("letters", ended)).content.decode()
    assert "There is a closing letter for you" in bob_client.get(home(ended)).content.decode()

    write(alice_client, ended, "unshare")
    assert LETTER_MARK not in bob_client.get(url("letters", ended)).content.decode()
    assert ClosingLetter.objects.get().text.endswith(LETTER_MARK)
    assert not any(LETTER_MARK in message.body for message in mail.outbox)


def test_the_letter_is_the_one_thing_a_former_partner_writes(ended, bob_client):
    """Everything else in the ended space stays read-only."""
    refused = bob_client.post(reverse("repair:start", args=[ended.public_id]), {"title": "x"})
    assert refused.status_code != 302
    assert not Moment.objects.exists()
    assert write(bob_client, ended, "share").status_code == 302
    assert ClosingLetter.objects.get().shared_at is not None


def test_sharing_an_empty_letter_gets_a_clear_message(ended, bob_client):
    response = write(bob_client, ended, "share", text="")
    assert response.status_code == 422
    assert "Write your letter first" in response.content.decode()


def test_a_too_long_letter_keeps_what_was_typed(ended, bob_client):
    typed = "y" * 4001
    response = write(bob_client, ended, "save", text=typed)
    assert response.status_code == 422
    assert typed in response.content.decode()


def test_the_one_who_was_left_is_pointed_to_support(ended, alice_client, bob_client):
    support = url("support", ended)
    assert support in bob_client.get(home(ended)).content.decode()
    assert support not in alice_client.get(home(ended)).content.decode()
    spaces = reverse("home") + "?all=1"
    assert support in bob_client.get(spaces).content.decode()
    assert support not in alice_client.get(spaces).content.decode()
    response = bob_client.get(support)
    assert response.status_code == 200
    assert "After an ending" in response.content.decode()


def test_another_couple_gets_a_404(ended, carol_client, other_partnership):
    for name in ("letters", "support"):
        assert carol_client.get(url(name, ended)).status_code == 404
    assert write(carol_client, ended, "save").status_code == 404


def test_downloads_hold_a_letter_only_as_its_reader_may_see_it(ended, alice, bob):
    ending.letter_save(partnership=ended, user=alice, text=LETTER_MARK, action="save")

    def dump(user, scope=PersonalCopy.Scope.SEEN):
        data = export_partnership(ended, user, scope)["closing_letters"]
        return json.dumps(data, cls=DjangoJSONEncoder)

    assert LETTER_MARK in dump(alice) and LETTER_MARK not in dump(bob)
    ending.letter_save(partnership=ended, user=alice, text=LETTER_MARK, action="share")
    assert LETTER_MARK in dump(bob)
    assert LETTER_MARK not in dump(bob, PersonalCopy.Scope.OWN)


def test_account_deletion_drops_a_letter_never_shared(ended, alice, bob):
    ending.letter_save(partnership=ended, user=alice, text="draft", action="save")
    ending.letter_save(partnership=ended, user=bob, text="shared", action="share")
    delete_private(alice)
    delete_private(bob)
    assert list(ClosingLetter.objects.values_list("text", flat=True)) == ["shared"]


def test_a_former_partner_reads_the_track_and_cannot_write_on_it(
    partnership, alice, bob, bob_client
):
    rebuilding.choose(partnership=partnership, user=alice, role="hurt")
    track = rebuilding.choose(partnership=partnership, user=bob, role="broke")
    rebuilding.acknowledge(track=track, user=bob, what="What I did", impact="Hurt", share=True)
    partnership_leave(partnership=partnership, user=alice)
    page = bob_client.get(url("track", partnership))
    assert page.status_code == 200 and "What I did" in page.content.decode()
    bob_client.post(url("track_stop", partnership))
    bob_client.post(url("track_choose", partnership), {"role": "broke"})
    track.refresh_from_db()
    assert track.stopped_by is None  # stopped by the end of the space, not by Bob
    assert not TrackChoice.objects.exists()
