"""Private until both: before the reveal, no page, partial, poll, email or download shows
one partner's words to the other. Every check reads raw bodies."""

import io
import json
import re
import zipfile
from datetime import timedelta

import pytest
from django.core import mail
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from django.utils import timezone

from tests.repair.conftest import ALICE_MARK, BOB_MARK, url, write_all
from trustapp.couples.services import partnership_leave
from trustapp.notifications import services as notifications
from trustapp.notifications.models import ActivityEmails
from trustapp.privacy.models import PersonalCopy
from trustapp.privacy.prenup import DataChoice, DataPrenup
from trustapp.privacy.prenup_services import archives_apply_due
from trustapp.privacy.repair import delete_private
from trustapp.repair import services
from trustapp.repair.models import Reflection

pytestmark = pytest.mark.django_db


def bodies_bob_can_fetch(bob_client, partnership, moment, htmx):
    pid = partnership.public_id
    pages = [
        reverse("couples:home", args=[pid]),
        url("index", partnership),
        url("index", partnership) + "?page=1",
        url("moment", partnership, moment.pk),
        url("moment", partnership, moment.pk) + "?step=5",
        url("pause", partnership),
    ]
    for page in pages:
        yield page, bob_client.get(page)
        yield page + " (htmx)", bob_client.get(page, headers=htmx)
    status = url("status", partnership, moment.pk)
    for seen in ("", "00", "01", "10", "revealed"):
        yield f"status {seen}", bob_client.get(f"{status}?seen={seen}", headers=htmx)
    write = url("write", partnership, moment.pk)
    yield "empty step", bob_client.post(write, {"step": 1, "text": ""})
    yield "empty step (htmx)", bob_client.post(write, {"step": 1, "text": ""}, headers=htmx)
    yield "too long", bob_client.post(write, {"step": 2, "text": "x" * 4000}, headers=htmx)
    yield "a step", bob_client.post(write, {"step": 1, "text": "Mine"}, headers=htmx)
    for name in ("hear", "accept"):
        yield name, bob_client.post(url(name, partnership, moment.pk), headers=htmx)
    yield "apology", bob_client.post(url("apology", partnership, moment.pk), {"text": "Sorry"})
    yield (
        "carry",
        bob_client.post(
            url("carry", partnership, moment.pk),
            {"of": moment.started_by_id, "to": "agreement"},
            headers=htmx,
        ),
    )


def test_alices_words_are_in_no_response_bob_can_get_before_he_finishes(
    bob_client, partnership, alice_finished, htmx_headers
):
    seen = 0
    for label, response in bodies_bob_can_fetch(
        bob_client, partnership, alice_finished, htmx_headers
    ):
        assert response.status_code < 500, label
        assert ALICE_MARK not in response.content.decode(), label
        seen += 1
    assert seen > 20


def test_bobs_page_says_alice_finished_without_her_words(bob_client, partnership, alice_finished):
    body = bob_client.get(alice_finished.get_absolute_url()).content.decode()
    assert "Alice has finished. Your side, whenever you are ready." in body
    assert ALICE_MARK not in body


def test_the_poll_answers_nothing_while_nothing_changed(
    bob_client, alice, partnership, moment, htmx_headers
):
    status = url("status", partnership, moment.pk)
    assert bob_client.get(status + "?seen=00", headers=htmx_headers).status_code == 204
    write_all(moment, alice, ALICE_MARK)
    changed = bob_client.get(status + "?seen=00", headers=htmx_headers)
    assert changed.status_code == 200
    body = changed.content.decode()
    assert "Alice has finished" in body and "seen=01" in body and ALICE_MARK not in body
    assert "HX-Trigger" not in changed


def test_the_reveal_reloads_the_region(
    alice_client, bob, partnership, alice_finished, htmx_headers
):
    status = url("status", partnership, alice_finished.pk)
    write_all(alice_finished, bob, BOB_MARK)
    response = alice_client.get(status + "?seen=10", headers=htmx_headers)
    assert response.status_code == 200
    assert response["HX-Trigger"] == "repair-changed"
    assert BOB_MARK not in response.content.decode()  # the region reload shows the words
    region = alice_client.get(alice_finished.get_absolute_url(), headers=htmx_headers)
    assert BOB_MARK in region.content.decode()
    assert "<html" not in region.content.decode()


def seen_on_page(client, moment, htmx):
    body = client.get(moment.get_absolute_url(), headers=htmx).content.decode()
    return re.search(r"seen=([^\"&]+)", body).group(1)


def test_after_the_reveal_the_poll_follows_what_the_partner_says(
    alice_client, bob, partnership, revealed, htmx_headers
):
    status = url("status", partnership, revealed.pk)
    seen = seen_on_page(alice_client, revealed, htmx_headers)
    assert alice_client.get(f"{status}?seen={seen}", headers=htmx_headers).status_code == 204
    services.hear(moment=revealed, user=bob)
    heard = alice_client.get(f"{status}?seen={seen}", headers=htmx_headers)
    assert heard.status_code == 200 and heard["HX-Trigger"] == "repair-changed"
    seen = seen_on_page(alice_client, revealed, htmx_headers)
    assert alice_client.get(f"{status}?seen={seen}", headers=htmx_headers).status_code == 204
    services.apology_offer(moment=revealed, user=bob, text=f"Sorry {BOB_MARK}")
    offered = alice_client.get(f"{status}?seen={seen}", headers=htmx_headers)
    assert offered.status_code == 200 and offered["HX-Trigger"] == "repair-changed"
    assert "Sorry" not in offered.content.decode()  # the region reload shows the words


def test_a_stop_ends_the_poll(alice_client, bob, partnership, revealed, htmx_headers):
    seen = seen_on_page(alice_client, revealed, htmx_headers)
    services.moment_stop(moment=revealed, user=bob)
    response = alice_client.get(
        f"{url('status', partnership, revealed.pk)}?seen={seen}", headers=htmx_headers
    )
    assert response.status_code == 286 and response["HX-Trigger"] == "repair-changed"


def test_the_poll_without_htmx_goes_to_the_page(alice_client, partnership, moment):
    response = alice_client.get(url("status", partnership, moment.pk))
    assert response.status_code == 302
    assert response["Location"] == moment.get_absolute_url()


def test_emails_to_bob_say_alice_finished_and_never_what_she_wrote(
    partnership, alice, bob, moment, django_capture_on_commit_callbacks
):
    notifications.preference_save(user=bob, activity_emails=ActivityEmails.EACH)
    write_all(moment, alice, ALICE_MARK)
    with django_capture_on_commit_callbacks(execute=True):
        notifications.partner_notices_dispatch(now=timezone.now() + timedelta(minutes=1))
    sent = [m for m in mail.outbox if m.to == [bob.email]]
    assert sent
    for message in sent:
        raw = message.message().as_string()
        assert ALICE_MARK not in raw
    assert any("Alice finished writing" in m.subject for m in sent)


def unzip(response):
    content = b"".join(response.streaming_content)
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return "\n".join(archive.read(name).decode() for name in archive.namelist())


def test_bobs_download_holds_his_words_and_not_alices_until_both_finished(
    bob_client, bob, partnership, alice_finished
):
    services.step_save(moment=alice_finished, user=bob, number=1, text=f"Tired {BOB_MARK}")
    everything = unzip(bob_client.post(reverse("privacy:export")))
    assert BOB_MARK in everything and ALICE_MARK not in everything
    assert '"partner_finished": true' in everything
    write_all(alice_finished, bob, BOB_MARK)
    assert ALICE_MARK in unzip(bob_client.post(reverse("privacy:export")))


def test_with_own_words_each_keeps_only_their_side(partnership, alice, bob, revealed):
    DataPrenup.objects.update_or_create(
        partnership=partnership,
        defaults={"choice": DataChoice.OWN_WORDS, "agreed_at": timezone.now()},
    )
    partnership_leave(partnership=partnership, user=bob)
    assert archives_apply_due(now=timezone.now() + timedelta(days=31)) == 1
    copies = {
        copy.user_id: json.dumps(copy.data, cls=DjangoJSONEncoder)
        for copy in PersonalCopy.objects.all()
    }
    assert ALICE_MARK in copies[alice.pk] and BOB_MARK not in copies[alice.pk]
    assert BOB_MARK in copies[bob.pk] and ALICE_MARK not in copies[bob.pk]
    assert not Reflection.objects.exists()


def test_deleting_an_account_removes_words_never_shown_and_keeps_shared_ones(
    partnership, alice, bob, alice_finished, revealed_elsewhere
):
    delete_private(alice)
    assert not Reflection.objects.filter(author=alice, moment=alice_finished).exists()
    assert Reflection.objects.filter(author=alice, moment=revealed_elsewhere).exists()


@pytest.fixture
def revealed_elsewhere(partnership, alice, bob):
    moment = services.moment_start(partnership=partnership, user=bob, title="Another evening")
    write_all(moment, alice, "alice-shared")
    return write_all(moment, bob, "bob-shared")
