"""What repair adds to other apps' pages through couples' registry: the pause control on
conversations, check-ins and hard moments, and a card on a space's home."""

from django.utils import timezone

from trustapp.repair import ending, services
from trustapp.repair.forms import PauseForm


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
    }


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
