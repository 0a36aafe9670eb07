"""What repair adds to other apps' pages through couples' registry: the pause control on
conversations, check-ins and hard moments, and a card on a space's home."""

from django.db.models import Value
from django.utils import timezone

from trustapp.repair import ending, services
from trustapp.repair.forms import PauseForm
from trustapp.repair.models import Moment, TrackQuestion


def pause_section(*, partnership, user, here, about=""):
    """A running pause of either partner, and the "I need a pause" form while there is
    none of this person's. One query."""
    pauses = services.pauses_now(partnership) if partnership.is_paired else []
    mine = next((p for p in pauses if p.user_id == user.pk), None)
    theirs = next((p for p in pauses if p.user_id != user.pk), None)
    today = timezone.localdate()
    for pause in pauses:
        pause.same_day = timezone.localdate(pause.return_at) == today
    form = None
    if partnership.is_active and partnership.is_paired and mine is None:
        form = PauseForm(initial={"next": here, "about": about}, auto_id="pause-%s")
    return {
        "partnership": partnership,
        "mine": mine,
        "theirs": theirs,
        "here": here,
        "form": form,
    }


def home_card(partnership, user):
    if not partnership.is_active:
        # The one thing still written in an ended space: closing letters.
        _mine, theirs = ending.letters_for(partnership, user)
        return {
            "ended": True,
            "was_left": ending.was_left(partnership, user),
            "letter_waiting": theirs is not None,
        }
    if not partnership.is_paired:
        return {"paired": False}
    return {
        "paired": True,
        "pause": pause_section(
            partnership=partnership, user=user, here=partnership.get_absolute_url()
        ),
        **waiting_on(partnership, user),
    }


def waiting_on(partnership, user):
    """What the partner did that now waits on `user`, never their words: hard moments the
    partner finished writing while `user` has not, and questions on an open, unpaused
    rebuilding track asked of `user` that are neither answered nor "not yet". One query."""
    moments = (
        services.with_states(
            Moment.objects.filter(
                partnership=partnership, stopped_at__isnull=True, revealed_at__isnull=True
            ),
            user,
        )
        .filter(partner_finished=True, i_finished=False)
        .order_by()
        .values_list("pk", "title", Value(False))
    )
    questions = (
        TrackQuestion.objects.filter(
            track__partnership=partnership,
            track__stopped_at__isnull=True,
            track__paused_at__isnull=True,
            answered_at__isnull=True,
            not_yet_at__isnull=True,
        )
        .exclude(asked_by=user)
        .order_by()
        .values_list("pk", Value(""), Value(True))
    )
    rows = list(moments.union(questions, all=True).order_by())
    return {
        "moments_waiting": [{"pk": pk, "title": title} for pk, title, asked in rows if not asked],
        "questions_waiting": any(asked for _pk, _title, asked in rows),
    }


def home_waiting(card):
    """A partner's finished side of a hard moment, a question on the rebuilding track asked
    of this person, or (in an ended space) a closing letter for them."""
    return bool(
        card.get("moments_waiting") or card.get("questions_waiting") or card.get("letter_waiting")
    )


def spaces_section(*, user):
    """On the list of spaces: support after each space someone else ended. One query."""
    from trustapp.couples.models import Partnership

    left = (
        Partnership.objects.for_user(user)
        .filter(ended_at__isnull=False, ended_by__isnull=False)
        .exclude(ended_by=user)
        .order_by("-ended_at")
    )
    return {"left": list(left)}
