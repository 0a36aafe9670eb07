"""What repair adds to other apps' pages through couples' registry: the pause control on
conversations, check-ins and hard moments, and a card on a space's home."""

from django.db.models import Value
from django.utils import timezone

from trustapp.repair import ending, services
from trustapp.repair.forms import PauseForm
from trustapp.repair.models import Reflection, TrackQuestion


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
    rebuilding track asked of `user` that are neither answered nor "not yet". One query.

    It reads who finished each moment still being written (two rows at most per moment)
    and decides here, rather than asking the database two correlated questions per moment:
    flat rows are much cheaper for Django to build on a page shown this often."""
    finished = (
        Reflection.objects.filter(
            moment__partnership=partnership,
            moment__stopped_at__isnull=True,
            moment__revealed_at__isnull=True,
            finished_at__isnull=False,
        )
        .order_by()
        .values_list("moment_id", "moment__title", "author_id", Value(False))
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
        .values_list("pk", Value(""), "asked_by_id", Value(True))
    )
    titles, finished_by, asked = {}, {}, False
    for pk, title, author_id, is_question in finished.union(questions, all=True).order_by():
        if is_question:
            asked = True
        else:
            titles[pk] = title
            finished_by.setdefault(pk, set()).add(author_id)
    return {
        "moments_waiting": [
            {"pk": pk, "title": titles[pk]}
            for pk, authors in finished_by.items()
            if user.pk not in authors
        ],
        "questions_waiting": asked,
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
