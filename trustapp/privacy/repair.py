"""Repair in a person's download (see trustapp/privacy/rules.py).

A person's own reflection is always theirs. Their partner's appears only once both had
finished writing, exactly as the moment's page shows it: words never revealed never leave
the database for anyone but their author.
"""

from django.db.models import Prefetch

from trustapp.privacy.rules import Scope, keeps, who
from trustapp.repair.models import (
    Acknowledgement,
    ClosingLetter,
    Moment,
    Pause,
    Reflection,
    SummaryConsent,
    Track,
    TrackChoice,
    TrackQuestion,
)
from trustapp.repair.services import sides_for
from trustapp.repair.steps import STEPS


def export_partnership(partnership, user, scope):
    moments = (
        Moment.objects.filter(partnership=partnership)
        .prefetch_related(Prefetch("reflections", queryset=Reflection.objects.order_by("pk")))
        .order_by("started_at", "pk")
    )
    items = []
    for moment in moments:
        reflections = list(moment.reflections.all())
        sides = sides_for(moment, user, reflections)
        revealed = moment.is_revealed
        item = {
            "moment": moment.title,
            "started_by": who(user, moment.started_by_id),
            "started_at": moment.started_at,
            "both_finished_at": moment.revealed_at,
            "stopped_at": moment.stopped_at,
            "stopped_by": who(user, moment.stopped_by_id),
        }
        kept = False
        if sides.mine is not None and keeps(scope, user, author_id=user.pk, shared=revealed):
            item["your_side"] = _side(sides.mine)
            kept = True
        if sides.theirs is not None and keeps(
            scope, user, author_id=sides.theirs.author_id, shared=True
        ):
            item["partner_side"] = _side(sides.theirs)
            kept = True
        elif scope == Scope.SEEN and not revealed:
            # Only the fact, which the page shows too.
            item["partner_finished"] = sides.partner_finished
        if kept or scope == Scope.SEEN:
            items.append(item)
    pauses = [
        {
            "about": pause.about,
            "started_at": pause.started_at,
            "back_at": pause.return_at,
            "ended_early_at": pause.ended_at if pause.ended_at != pause.return_at else None,
        }
        for pause in Pause.objects.filter(partnership=partnership, user=user).order_by("pk")
        if keeps(scope, user, author_id=user.pk, shared=True)
    ]
    return {
        "moments": items,
        "your_pauses": pauses,
        "rebuilding": _tracks(partnership, user, scope),
        "closing_letters": [
            {
                "by": who(user, letter.author_id),
                "text": letter.text,
                "shared_at": letter.shared_at,
            }
            for letter in ClosingLetter.objects.filter(partnership=partnership).order_by("pk")
            if keeps(scope, user, author_id=letter.author_id, shared=letter.shared_at is not None)
        ],
    }


def _tracks(partnership, user, scope):
    """The rebuilding track. A lone yes is only ever in its own person's download; a draft
    (acknowledgement or answer) only in its writer's, until it was shared or given."""
    choice = TrackChoice.objects.filter(partnership=partnership, user=user).first()
    tracks = []
    for track in (
        Track.objects.filter(partnership=partnership)
        .prefetch_related("acknowledgements", "questions", "commitments__agreement", "consents")
        .order_by("opened_at", "pk")
    ):
        item = {
            "opened_at": track.opened_at,
            "stopped_at": track.stopped_at,
            "stopped_by": who(user, track.stopped_by_id),
            "you_were_hurt": track.was_hurt(user),
            "you_broke_trust": track.broke_trust(user),
            "you_agreed_to_a_summary": any(c.user_id == user.pk for c in track.consents.all()),
            "acknowledgements": [
                {
                    "by": who(user, ack.author_id),
                    "what": ack.what,
                    "impact": ack.impact,
                    "shared_at": ack.shared_at,
                }
                for ack in track.acknowledgements.all()
                if keeps(scope, user, author_id=ack.author_id, shared=ack.shared_at is not None)
            ],
            "questions": [_question(q, user, scope) for q in track.questions.all()],
            "commitments": [c.agreement.title for c in track.commitments.all()],
        }
        tracks.append(item)
    return {
        "your_yes_waiting": {"role": choice.role, "at": choice.chosen_at} if choice else None,
        "tracks": tracks,
    }


def _question(question, user, scope):
    given = question.answered_at is not None
    answerer = user.pk if question.asked_by_id != user.pk else None
    item = {"asked_by": who(user, question.asked_by_id), "question": question.text}
    if question.answer and keeps(scope, user, author_id=answerer or -1, shared=given):
        item["answer"] = question.answer
        item["answered_at"] = question.answered_at
    return item


def _side(reflection):
    side = {step.field: getattr(reflection, step.field) for step in STEPS}
    return side | {
        "finished_at": reflection.finished_at,
        "said_i_hear_you_at": reflection.heard_at,
        "apology": reflection.apology,
        "apology_at": reflection.apology_at,
        "apology_accepted_at": reflection.apology_accepted_at,
        "would_help_became": reflection.carried_to or None,
    }


def count_rows(user):
    partnerships = user.memberships.values("partnership_id")
    return (
        Reflection.objects.filter(moment__partnership__in=partnerships).count()
        + Pause.objects.filter(user=user).count()
        + TrackQuestion.objects.filter(track__partnership__in=partnerships).count()
        + Acknowledgement.objects.filter(track__partnership__in=partnerships).count()
        + ClosingLetter.objects.filter(partnership__in=partnerships).count()
    )


def delete_private(user):
    """Reflections the partner never read, this person's pauses, their yes still waiting,
    drafts never shared or given, and their yes to a summary."""
    Reflection.objects.filter(author=user, moment__revealed_at__isnull=True).delete()
    Pause.objects.filter(user=user).delete()
    TrackChoice.objects.filter(user=user).delete()
    ClosingLetter.objects.filter(author=user, shared_at__isnull=True).delete()
    SummaryConsent.objects.filter(user=user).delete()
    Acknowledgement.objects.filter(author=user, shared_at__isnull=True).delete()
    mine = Track.objects.filter(partnership__memberships__user=user)
    TrackQuestion.objects.filter(track__in=mine, answered_at__isnull=True).exclude(
        asked_by=user
    ).update(answer="")
