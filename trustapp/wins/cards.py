"""What good news shows on the home of a space: the partner's news waiting for an answer,
and a quick way to share one's own. And its part of "on this day"."""

from django.utils import timezone
from django.utils.translation import gettext as _

from trustapp.couples.memories import Memory, month_start
from trustapp.wins import services
from trustapp.wins.forms import WinForm
from trustapp.wins.models import Win


def home_card(partnership, user):
    if not partnership.is_paired:
        return {"paired": False}
    waiting = services.unanswered_for(partnership, user)
    if waiting is not None:
        # Not the author's own news, so the partner's: known already, no query for it.
        waiting.partnership, waiting.author = partnership, partnership.partner_of(user)
    return {
        "paired": True,
        "waiting": waiting,
        "form": WinForm() if partnership.is_active else None,
    }


def home_waiting(card):
    """The partner's good news, not answered yet."""
    return card.get("waiting") is not None


def memories(partnership, user, today, limit):
    """Good news shared on this day of the month (in the reader's time zone) before this
    month; both partners saw every piece the moment it was shared."""
    wins = Win.objects.filter(
        partnership_id=partnership.pk,
        created_at__day=today.day,
        created_at__date__lt=month_start(today),
    ).order_by("-created_at")[:limit]
    found = []
    for win in partnership.with_people(wins):
        if win.author_id == user.pk:
            kind = _("Your good news")
        else:
            kind = _("Good news from %(name)s") % {"name": win.author.name}
        found.append(
            Memory(
                day=timezone.localdate(win.created_at),
                kind=kind,
                text=win.text,
                path=win.get_absolute_url(),
            )
        )
    return found
