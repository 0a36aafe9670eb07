"""Rules of rebuilding after a betrayal: a private yes from each partner before anything
opens, a pace the hurt partner sets, words private until their writer gives them, and
either partner able to stop alone. The app never checks on anyone: it only keeps what
the two of them chose to write. Each function is one transaction."""

import hashlib
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from trustapp.agreements.services import AgreementError, agreement_propose
from trustapp.checkins.services import agenda_add
from trustapp.couples.models import Partnership
from trustapp.notifications.notify import notify_partner
from trustapp.repair.models import (
    Acknowledgement,
    Commitment,
    Role,
    SummaryConsent,
    Track,
    TrackChoice,
    TrackQuestion,
)
from trustapp.repair.services import RepairError, _agreement_category, _clean
from trustapp.repair.steps import TEXT_MAX_LENGTH

TITLE_MAX_LENGTH = 200
Stage = Track.Stage


def _too_long():
    return _("Please keep this under %(limit)s characters.")


def _tell(track, user, *, kind, subject, message):
    partnership = track.partnership
    notify_partner(
        partnership=partnership,
        recipient=partnership.partner_of(user),
        actor=user,
        kind=kind,
        subject=subject,
        message=message,
        values={"name": user.name},
        path=track.get_absolute_url(),
    )


# -- Saying yes, each on one's own -------------------------------------------------------


def current_track(partnership):
    """The track of this space that is open, else the last one stopped, else None."""
    track = partnership.repair_tracks.first()
    if track is not None:
        track.partnership = partnership
    return track


def open_track(partnership):
    track = current_track(partnership)
    return track if track is not None and not track.is_stopped else None


def my_choice(partnership, user):
    """This person's own yes, waiting for the other's. Never asked about the partner."""
    return TrackChoice.objects.filter(partnership=partnership, user=user).first()


def choose(*, partnership, user, role):
    """Say yes, privately, in a role. Nothing is told to anyone. When the partner had
    said yes too, the track opens for both and both yeses are gone. Returns the Track
    that opened, or None while this yes waits unseen."""
    if role not in Role.values:
        raise RepairError(_("Please choose the words that fit you best."))
    if not partnership.is_active or not partnership.is_paired:
        raise RepairError(_("This space is a read-only archive now."))
    with transaction.atomic():
        # Two yeses at once: the second waits for the first, then sees it and opens.
        Partnership.objects.select_for_update().filter(pk=partnership.pk).first()
        if open_track(partnership) is not None:
            raise RepairError(_("You are on this track together already."))
        TrackChoice.objects.update_or_create(
            partnership=partnership, user=user, defaults={"role": role}
        )
        choices = list(
            TrackChoice.objects.select_for_update().filter(partnership=partnership).order_by("pk")
        )
        if len(choices) < 2:
            return None
        track = _open(partnership, choices)
        if track is None:
            return None
    _tell(
        track,
        user,
        kind="repair_track_opened",
        subject=gettext_lazy("You both said yes to rebuilding"),
        message=gettext_lazy(
            "%(name)s said yes too, so the rebuilding track is open for the two of you."
        ),
    )
    return track


def _open(partnership, choices):
    roles = {choice.user_id: choice.role for choice in choices}
    hurt = [user for user, role in roles.items() if role == Role.HURT]
    broke = [user for user, role in roles.items() if role == Role.BROKE]
    fits = len(hurt) == 1 and len(broke) == 1
    try:
        with transaction.atomic():
            track = Track.objects.create(
                partnership=partnership,
                hurt_id=hurt[0] if fits else None,
                broke_id=broke[0] if fits else None,
                both_ways=not fits,
            )
    except IntegrityError:
        return None  # both said yes at the same moment: the first opened it
    TrackChoice.objects.filter(partnership=partnership).delete()
    track.partnership = partnership
    return track


def unchoose(*, partnership, user):
    """Take one's yes back before the other said theirs. Nobody ever knew of it."""
    TrackChoice.objects.filter(partnership=partnership, user=user).delete()


# -- The pace, a pause, a stop -----------------------------------------------------------


def _locked(track):
    locked = Track.objects.select_for_update().get(pk=track.pk)
    locked.partnership = track.partnership
    return locked


def _require_open(track, *, writing=True):
    if not track.partnership.is_active:
        raise RepairError(_("This space is a read-only archive now."))
    if track.is_stopped:
        raise RepairError(_("This track was stopped, so nothing more can be added to it."))
    if writing and track.is_paused:
        raise RepairError(_("The track is paused. It is all here when you both come back."))


def _require_stage(track, stage):
    if track.stage < stage:
        raise RepairError(_("This part opens when the one who was hurt is ready for it."))


def set_pace(*, track, user, stage=None, paused=None):
    """The hurt partner moves to a stage, pauses the track, or takes it up again."""
    with transaction.atomic():
        track = _locked(track)
        _require_open(track, writing=False)
        if not track.was_hurt(user):
            raise RepairError(_("The one who was hurt sets the pace here."))
        fields = []
        if stage is not None:
            if stage not in Stage.values:
                raise RepairError(_("That part of the track does not exist."))
            track.stage = stage
            fields.append("stage")
        if paused is not None:
            track.paused_at = timezone.now() if paused else None
            fields.append("paused_at")
        track.save(update_fields=fields)
    return track


def stop(*, track, user):
    """Either partner stops the track alone. Words never shared stay private for good."""
    if not track.partnership.is_active:
        raise RepairError(_("This space is a read-only archive now."))
    stopped = Track.objects.filter(pk=track.pk, stopped_at__isnull=True).update(
        stopped_at=timezone.now(), stopped_by=user
    )
    track.refresh_from_db(fields=["stopped_at", "stopped_by"])
    if stopped:
        _tell(
            track,
            user,
            kind="repair_track_stopped",
            subject=gettext_lazy("%(name)s stopped the rebuilding track"),
            message=gettext_lazy(
                "%(name)s stopped the rebuilding track for now. That is all right."
            ),
        )
    return track


# -- Acknowledging -----------------------------------------------------------------------


def acknowledge(*, track, user, what, impact, share):
    """Save what I did and its impact; `share` gives it to the partner (then it stays)."""
    what = _clean(what, TEXT_MAX_LENGTH, _too_long())
    impact = _clean(impact, TEXT_MAX_LENGTH, _too_long())
    if share and not (what and impact):
        raise RepairError(_("Write both what you did and what it did to your partner first."))
    with transaction.atomic():
        track = _locked(track)
        _require_open(track)
        if not track.broke_trust(user):
            raise RepairError(_("This part is written by the one who broke trust."))
        ack, _created = Acknowledgement.objects.select_for_update().get_or_create(
            track=track, author=user
        )
        if ack.shared_at is not None:
            raise RepairError(_("You shared this already, so it stays as your partner read it."))
        ack.what, ack.impact, ack.updated_at = what, impact, timezone.now()
        if share:
            ack.shared_at = ack.updated_at
        ack.save()
    if share:
        _tell(
            track,
            user,
            kind="repair_track_acknowledged",
            subject=gettext_lazy("%(name)s wrote what happened"),
            message=gettext_lazy(
                "%(name)s shared what they did and what it did to you. Read it when ready."
            ),
        )
    return ack


# -- Questions ---------------------------------------------------------------------------


def ask(*, track, user, text):
    text = _clean(text, TEXT_MAX_LENGTH, _too_long())
    if not text:
        raise RepairError(_("Write your question first."))
    with transaction.atomic():
        track = _locked(track)
        _require_open(track)
        _require_stage(track, Stage.QUESTIONS)
        if not track.was_hurt(user):
            raise RepairError(_("Questions here are asked by the one who was hurt."))
        question = TrackQuestion.objects.create(track=track, asked_by=user, text=text)
    _tell(
        track,
        user,
        kind="repair_track_question",
        subject=gettext_lazy("%(name)s asked you something"),
        message=gettext_lazy(
            "%(name)s wrote a question for you. Answer when you can, or say not yet."
        ),
    )
    return question


def answer(*, track, user, question_id, text, give):
    """Save a draft answer, or give it. Only the partner of the one who asked answers."""
    text = _clean(text, TEXT_MAX_LENGTH, _too_long())
    if give and not text:
        raise RepairError(_("Write your answer first, or say not yet."))
    with transaction.atomic():
        track = _locked(track)
        _require_open(track)
        question = _question(track, question_id)
        if question.asked_by_id == user.pk:
            raise RepairError(_("Your partner answers this one."))
        if question.is_answered:
            raise RepairError(_("You answered this already, so it stays as it was given."))
        question.answer = text
        fields = ["answer"]
        if give:
            question.answered_at = timezone.now()
            question.not_yet_at = question.not_yet_by = None
            fields += ["answered_at", "not_yet_at", "not_yet_by"]
        question.save(update_fields=fields)
    if give:
        _tell(
            track,
            user,
            kind="repair_track_answer",
            subject=gettext_lazy("%(name)s answered your question"),
            message=gettext_lazy(
                "%(name)s answered one of your questions. Read it when you are ready."
            ),
        )
    return question


def not_yet(*, track, user, question_id):
    """Either partner says "not yet" to a question. It waits, with no reminder."""
    with transaction.atomic():
        track = _locked(track)
        _require_open(track, writing=False)
        question = _question(track, question_id)
        if question.is_answered:
            raise RepairError(_("This was answered already."))
        question.not_yet_at = timezone.now()
        question.not_yet_by = user
        question.save(update_fields=["not_yet_at", "not_yet_by"])
    return question


def _question(track, question_id):
    question = TrackQuestion.objects.select_for_update().filter(track=track, pk=question_id).first()
    if question is None:
        raise RepairError(_("That question is not here."))
    return question


# -- Commitments, patience, help ---------------------------------------------------------


def commit(*, track, user, title, text, revisit_on):
    """A concrete commitment, proposed as an agreement with a date to look at it again."""
    title = _clean(title, TITLE_MAX_LENGTH, _too_long())
    text = _clean(text, TEXT_MAX_LENGTH, _too_long())
    if not title or not text:
        raise RepairError(_("Give the commitment a name and say what you will do."))
    if revisit_on is None or revisit_on <= timezone.localdate():
        raise RepairError(_("Choose a day after today to look at it again together."))
    with transaction.atomic():
        track = _locked(track)
        _require_open(track)
        _require_stage(track, Stage.COMMITMENTS)
        try:
            agreement = agreement_propose(
                partnership=track.partnership,
                author=user,
                title=title,
                text=text,
                category=_agreement_category(),
                why=_("A commitment from our rebuilding track."),
                revisit_on=revisit_on,
            )
        except AgreementError as error:
            raise RepairError(str(error)) from error
        return Commitment.objects.create(track=track, agreement=agreement, created_by=user)


def checkin_item(*, track, user, text):
    """A topic for the next check-in, about how the rebuilding goes."""
    text = _clean(text, 250, _too_long())
    if not text:
        raise RepairError(_("Write a few words for your next check-in."))
    with transaction.atomic():
        track = _locked(track)
        _require_open(track)
        _require_stage(track, Stage.PATIENCE)
        words = _("Our rebuilding: %(text)s") % {"text": text}
        return agenda_add(
            partnership=track.partnership, user=user, text=Truncator(words).chars(300)
        )


def consent(*, track, user, given):
    """Say yes to a summary for a therapist, or take that yes back, at any time."""
    if not track.partnership.is_active:
        raise RepairError(_("This space is a read-only archive now."))
    if track.is_stopped:
        raise RepairError(_("This track was stopped, so nothing more can be added to it."))
    if given:
        SummaryConsent.objects.get_or_create(track=track, user=user)
    else:
        SummaryConsent.objects.filter(track=track, user=user).delete()


# -- What each partner may see -----------------------------------------------------------


@dataclass(frozen=True)
class View:
    """The track as one person may see it: the partner's drafts never leave the database."""

    track: Track
    my_ack: Acknowledgement | None
    their_ack: Acknowledgement | None
    shared_acks: list
    questions: list
    commitments: list
    i_consent: bool
    both_consent: bool


def view_for(track, user):
    acks = list(track.acknowledgements.all())
    mine = next((a for a in acks if a.author_id == user.pk), None)
    theirs = next((a for a in acks if a.author_id != user.pk and a.shared_at), None)
    questions = list(track.questions.all())
    for question in questions:
        question.mine = question.asked_by_id == user.pk
        question.shown_answer = question.answer if question.is_answered else ""
        question.my_draft = "" if question.mine or question.is_answered else question.answer
    commitments = list(track.commitments.select_related("agreement"))
    consents = {c.user_id for c in track.consents.all()}
    return View(
        track=track,
        my_ack=mine,
        their_ack=theirs,
        shared_acks=[a for a in acks if a.shared_at],
        questions=questions,
        commitments=commitments,
        i_consent=user.pk in consents,
        both_consent=len(consents) == 2,
    )


def summary_for(track, user):
    """What the two of them agreed a therapist may read: only what both already see, and
    only while both say yes, on a track still open."""
    if track.is_stopped or not track.partnership.is_active:
        return None  # a yes can no longer be taken back there, so there is no summary
    view = view_for(track, user)
    if not view.both_consent:
        return None
    return view


def track_state(track, view=None, user=None):
    """What the track page polls for: a word that changes when something both may see
    changes. Before a track opens it is always the same word, whoever said yes alone;
    drafts (an acknowledgement, an answer) and a lone yes to a summary never change it."""
    if track is None or track.is_stopped:
        return "closed" if track is None else f"stopped-{track.pk}"
    view = view or view_for(track, user)
    facts = [
        track.pk,
        track.stage,
        track.paused_at,
        [ack.pk for ack in view.shared_acks],
        [(q.pk, q.answered_at, q.not_yet_at) for q in view.questions],
        len(view.commitments),
        view.both_consent,
    ]
    return "open-" + hashlib.sha256(repr(facts).encode()).hexdigest()[:16]


def track_ended(partnership):
    """Inside `partnership_leave`: an open track stops with the space, yeses are gone."""
    Track.objects.filter(partnership=partnership, stopped_at__isnull=True).update(
        stopped_at=timezone.now()
    )
    TrackChoice.objects.filter(partnership=partnership).delete()
