"""Rebuilding after a betrayal: a private yes from each, the hurt partner's pace, the
stages, and either partner stopping alone. A lone yes is never revealed anywhere."""

import json
import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from django.utils import timezone

from tests.repair.conftest import url
from trustapp.agreements.models import Agreement
from trustapp.checkins.models import AgendaItem
from trustapp.couples.services import partnership_leave
from trustapp.notifications.models import PartnerNotice
from trustapp.privacy.models import PersonalCopy
from trustapp.privacy.repair import delete_private, export_partnership
from trustapp.repair import track as services
from trustapp.repair.models import Acknowledgement, Track, TrackChoice, TrackQuestion
from trustapp.repair.services import RepairError

pytestmark = pytest.mark.django_db
ACK_MARK = "ack-draft-5q1"
ANSWER_MARK = "answer-draft-8w3"
Stage = Track.Stage


@pytest.fixture
def track(partnership, alice, bob):
    services.choose(partnership=partnership, user=alice, role="hurt")
    opened = services.choose(partnership=partnership, user=bob, role="broke")
    assert opened is not None
    return opened


def _without_tokens(body):
    return re.sub(r"[A-Za-z0-9]{64}", "TOKEN", body)


def page(client, partnership):
    return client.get(url("track", partnership)).content.decode()


# -- A private yes -----------------------------------------------------------------------


def test_a_lone_yes_is_never_shown_to_the_partner(
    alice_client, bob_client, partnership, alice, htmx_headers
):
    before = {
        path: bob_client.get(path).content.decode()
        for path in (
            url("track", partnership),
            reverse("couples:home", args=[partnership.public_id]),
        )
    }
    response = alice_client.post(url("track_choose", partnership), {"role": "hurt"})
    assert response.status_code == 302
    assert TrackChoice.objects.filter(user=alice).exists()
    assert "You said yes" in page(alice_client, partnership)
    for path, earlier in before.items():
        now = bob_client.get(path).content.decode()
        # Bob's pages are the same as before her yes, apart from the form's token.
        assert _without_tokens(now) == _without_tokens(earlier), path
    assert not mail.outbox and not PartnerNotice.objects.exists()
    assert not Track.objects.exists()


def test_a_lone_yes_is_in_no_download_of_the_partner(partnership, alice, bob):
    services.choose(partnership=partnership, user=alice, role="hurt")
    theirs = json.dumps(
        export_partnership(partnership, bob, PersonalCopy.Scope.SEEN), cls=DjangoJSONEncoder
    )
    mine = export_partnership(partnership, alice, PersonalCopy.Scope.SEEN)
    assert '"your_yes_waiting": null' in theirs
    assert mine["rebuilding"]["your_yes_waiting"]["role"] == "hurt"


def test_a_yes_can_be_taken_back(alice_client, partnership, alice, bob):
    services.choose(partnership=partnership, user=alice, role="hurt")
    alice_client.post(url("track_choose", partnership), {"off": "1"})
    assert services.choose(partnership=partnership, user=bob, role="broke") is None


def test_both_yeses_open_the_track_and_tell_the_first(track, partnership, alice, bob, bob_client):
    assert track.hurt == alice and track.broke == bob and not track.both_ways
    assert not TrackChoice.objects.exists()
    notice = PartnerNotice.objects.get()
    assert notice.kind == "repair_track_opened"
    assert "You are the one who broke trust" in page(bob_client, partnership)


def test_both_choosing_each_in_our_way_gives_each_both_parts(partnership, alice, bob):
    services.choose(partnership=partnership, user=alice, role="both")
    track = services.choose(partnership=partnership, user=bob, role="hurt")
    assert track.both_ways and track.was_hurt(bob) and track.broke_trust(alice)


def test_no_role_gets_a_clear_message(alice_client, partnership):
    response = alice_client.post(url("track_choose", partnership), {"role": "spy"})
    assert response.status_code == 422
    assert "Please choose the words that fit you best" in response.content.decode()


# -- Pace, pause, stop -------------------------------------------------------------------


def test_only_the_hurt_partner_sets_the_pace(track, alice, bob, alice_client, bob_client):
    partnership = track.partnership
    bob_client.post(url("track_pace", partnership), {"stage": "3"})
    track.refresh_from_db()
    assert track.stage == Stage.ACKNOWLEDGING
    alice_client.post(url("track_pace", partnership), {"stage": "2"})
    track.refresh_from_db()
    assert track.stage == Stage.QUESTIONS


def test_a_pause_holds_all_writing_until_taken_up_again(track, alice, bob, alice_client):
    partnership = track.partnership
    alice_client.post(url("track_pace", partnership), {"do": "pause"})
    with pytest.raises(RepairError, match="paused"):
        services.acknowledge(track=track, user=bob, what="w", impact="i", share=False)
    assert "Take it up again" in page(alice_client, partnership)
    alice_client.post(url("track_pace", partnership), {"do": "resume"})
    services.acknowledge(track=track, user=bob, what="w", impact="i", share=False)


def test_either_partner_stops_it_alone(track, bob_client, alice_client):
    partnership = track.partnership
    bob_client.post(url("track_stop", partnership))
    track.refresh_from_db()
    assert track.is_stopped
    assert "This track was stopped" in page(alice_client, partnership)
    # A new track needs two new yeses.
    assert services.choose(partnership=partnership, user=track.hurt, role="hurt") is None


# -- Acknowledging, questions ------------------------------------------------------------


def test_an_acknowledgement_is_read_only_once_shared(track, bob, alice_client, bob_client):
    partnership = track.partnership
    form = {"what": f"What I did {ACK_MARK}", "impact": "It hurt you"}
    bob_client.post(url("track_acknowledge", partnership), form)
    assert ACK_MARK in page(bob_client, partnership)
    assert ACK_MARK not in page(alice_client, partnership)
    assert not mail.outbox
    bob_client.post(url("track_acknowledge", partnership), form | {"share": "1"})
    assert ACK_MARK in page(alice_client, partnership)


def test_sharing_half_an_acknowledgement_keeps_what_was_typed(track, bob_client):
    response = bob_client.post(
        url("track_acknowledge", track.partnership), {"what": ACK_MARK, "impact": "", "share": "1"}
    )
    assert response.status_code == 422
    body = response.content.decode()
    assert "Write both what you did" in body and ACK_MARK in body
    assert not Acknowledgement.objects.filter(shared_at__isnull=False).exists()


def test_the_hurt_partner_can_take_back_nothing_written_by_the_other(track, alice):
    with pytest.raises(RepairError):
        services.acknowledge(track=track, user=alice, what="w", impact="i", share=True)


def test_questions_open_at_their_stage_and_answers_stay_private_until_given(
    track, alice, bob, alice_client, bob_client
):
    partnership = track.partnership
    with pytest.raises(RepairError, match="ready for it"):
        services.ask(track=track, user=alice, text="Why?")
    services.set_pace(track=track, user=alice, stage=Stage.QUESTIONS)
    alice_client.post(url("track_ask", partnership), {"text": "Where were you that night?"})
    question = TrackQuestion.objects.get()
    assert "Where were you that night?" in page(bob_client, partnership)
    answer = url("track_answer", partnership, question.pk)
    bob_client.post(answer, {"not_yet": "1"})
    assert "Your partner said not yet" in page(alice_client, partnership)
    bob_client.post(answer, {f"q{question.pk}-text": f"At work, {ANSWER_MARK}"})
    assert ANSWER_MARK in page(bob_client, partnership)
    assert ANSWER_MARK not in page(alice_client, partnership)
    export = json.dumps(
        export_partnership(partnership, alice, PersonalCopy.Scope.SEEN), cls=DjangoJSONEncoder
    )
    assert ANSWER_MARK not in export
    bob_client.post(answer, {f"q{question.pk}-text": f"At work, {ANSWER_MARK}", "give": "1"})
    assert ANSWER_MARK in page(alice_client, partnership)
    question.refresh_from_db()
    assert question.is_answered and question.not_yet_at is None


def test_giving_an_empty_answer_gets_a_clear_message(track, alice, bob_client):
    services.set_pace(track=track, user=alice, stage=Stage.QUESTIONS)
    question = services.ask(track=track, user=alice, text="Why?")
    response = bob_client.post(
        url("track_answer", track.partnership, question.pk),
        {f"q{question.pk}-text": "", "give": "1"},
    )
    assert response.status_code == 422
    assert "Write your answer first" in response.content.decode()


def test_the_asker_cannot_answer_their_own_question(track, alice):
    services.set_pace(track=track, user=alice, stage=Stage.QUESTIONS)
    question = services.ask(track=track, user=alice, text="Why?")
    with pytest.raises(RepairError):
        services.answer(track=track, user=alice, question_id=question.pk, text="x", give=True)


# -- Commitments, patience, help ---------------------------------------------------------


def test_a_commitment_is_an_agreement_proposal_with_a_revisit_date(track, alice, bob_client):
    services.set_pace(track=track, user=alice, stage=Stage.COMMITMENTS)
    day = timezone.localdate() + timedelta(days=30)
    response = bob_client.post(
        url("track_commit", track.partnership),
        {"title": "Phone calls", "text": "I will tell you when I run late.", "revisit_on": day},
    )
    assert response.status_code == 302
    agreement = Agreement.objects.get()
    assert agreement.revisit_on == day and agreement.pending_revision is not None
    assert "Phone calls" in page(bob_client, track.partnership)


def test_a_commitment_without_a_future_date_keeps_what_was_typed(track, alice, bob_client):
    services.set_pace(track=track, user=alice, stage=Stage.COMMITMENTS)
    response = bob_client.post(
        url("track_commit", track.partnership),
        {"title": "Phone calls", "text": "Typed words", "revisit_on": timezone.localdate()},
    )
    assert response.status_code == 422
    body = response.content.decode()
    assert "a day after today" in body and "Typed words" in body
    assert not Agreement.objects.exists()


def test_patience_puts_an_item_on_the_next_checkin(track, alice, alice_client):
    services.set_pace(track=track, user=alice, stage=Stage.PATIENCE)
    alice_client.post(url("track_checkin", track.partnership), {"text": "How this week felt"})
    assert AgendaItem.objects.get().text == "Our rebuilding: How this week felt"


def test_the_summary_is_there_only_while_both_consent(track, alice, bob, alice_client):
    partnership = track.partnership
    summary = url("track_summary", partnership)
    assert alice_client.get(summary).status_code == 404
    services.acknowledge(track=track, user=bob, what="Shared words", impact="i", share=True)
    services.consent(track=track, user=alice, given=True)
    assert alice_client.get(summary).status_code == 404
    services.consent(track=track, user=bob, given=True)
    response = alice_client.get(summary + "?download=1")
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    assert "Shared words" in response.content.decode()
    alice_client.post(url("track_consent", partnership), {"given": "0"})
    assert alice_client.get(summary).status_code == 404


def test_a_stopped_track_has_no_summary(track, alice, bob, alice_client):
    services.consent(track=track, user=alice, given=True)
    services.consent(track=track, user=bob, given=True)
    services.stop(track=track, user=bob)
    assert alice_client.get(url("track_summary", track.partnership)).status_code == 404


def test_the_summary_leaves_out_drafts(track, alice, bob, alice_client):
    services.set_pace(track=track, user=alice, stage=Stage.QUESTIONS)
    question = services.ask(track=track, user=alice, text="Why?")
    services.answer(track=track, user=bob, question_id=question.pk, text=ANSWER_MARK, give=False)
    services.consent(track=track, user=alice, given=True)
    services.consent(track=track, user=bob, given=True)
    body = alice_client.get(url("track_summary", track.partnership)).content.decode()
    assert ANSWER_MARK not in body


# -- Endings, privacy --------------------------------------------------------------------


def test_the_end_of_the_space_stops_the_track_and_forgets_lone_yeses(track, partnership, alice):
    partnership_leave(partnership=partnership, user=alice)
    track.refresh_from_db()
    assert track.is_stopped
    assert not TrackChoice.objects.exists()


def test_account_deletion_drops_drafts_and_keeps_what_was_shared(track, alice, bob):
    services.set_pace(track=track, user=alice, stage=Stage.QUESTIONS)
    services.acknowledge(track=track, user=bob, what="Shared", impact="i", share=True)
    question = services.ask(track=track, user=alice, text="Why?")
    services.answer(track=track, user=bob, question_id=question.pk, text="Draft", give=False)
    delete_private(bob)
    question.refresh_from_db()
    assert question.answer == ""
    assert Acknowledgement.objects.get().what == "Shared"


def test_with_own_words_each_keeps_only_what_they_wrote(track, alice, bob):
    services.acknowledge(track=track, user=bob, what="Shared", impact="i", share=True)
    alices = export_partnership(track.partnership, alice, PersonalCopy.Scope.OWN)
    bobs = export_partnership(track.partnership, bob, PersonalCopy.Scope.OWN)
    assert alices["rebuilding"]["tracks"][0]["acknowledgements"] == []
    assert bobs["rebuilding"]["tracks"][0]["acknowledgements"][0]["what"] == "Shared"


def test_another_couples_track_is_a_404(track, carol_client, other_partnership):
    assert carol_client.get(url("track", track.partnership)).status_code == 404


# -- The poll ----------------------------------------------------------------------------


def seen_on(client, partnership):
    return re.search(r"seen=([\w-]+)", page(client, partnership)).group(1)


def poll(client, partnership, seen, htmx_headers):
    return client.get(f"{url('track_status', partnership)}?seen={seen}", headers=htmx_headers)


def test_the_poll_never_moves_for_a_lone_yes(partnership, alice, bob_client, htmx_headers):
    seen = seen_on(bob_client, partnership)
    services.choose(partnership=partnership, user=alice, role="hurt")
    assert poll(bob_client, partnership, seen, htmx_headers).status_code == 204


def test_the_poll_follows_an_answer_given_and_not_a_draft(
    track, alice, bob, alice_client, htmx_headers
):
    services.set_pace(track=track, user=alice, stage=Stage.QUESTIONS)
    question = services.ask(track=track, user=alice, text="Why?")
    partnership = track.partnership
    seen = seen_on(alice_client, partnership)
    services.answer(track=track, user=bob, question_id=question.pk, text=ANSWER_MARK, give=False)
    assert poll(alice_client, partnership, seen, htmx_headers).status_code == 204
    services.answer(track=track, user=bob, question_id=question.pk, text=ANSWER_MARK, give=True)
    response = poll(alice_client, partnership, seen, htmx_headers)
    assert response.status_code == 200
    assert response["HX-Trigger"] == "repair-track-changed"
    assert ANSWER_MARK not in response.content.decode()


def test_a_stop_ends_the_poll(track, bob, alice_client, htmx_headers):
    services.stop(track=track, user=bob)
    response = poll(alice_client, track.partnership, "x", htmx_headers)
    assert response.status_code == 286  # htmx: stop polling


def test_the_poll_without_htmx_goes_to_the_page(alice_client, partnership):
    response = alice_client.get(url("track_status", partnership))
    assert response.status_code == 302 and response["Location"] == url("track", partnership)


def test_the_region_reloads_as_a_piece_of_the_page(track, alice_client, htmx_headers):
    response = alice_client.get(url("track", track.partnership), headers=htmx_headers)
    body = response.content.decode()
    assert response.status_code == 200
    assert body.lstrip().startswith('<div id="track-body"') and "<html" not in body
