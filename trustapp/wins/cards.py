"""What good news shows on the home of a space: the partner's news waiting for an answer,
and a quick way to share one's own."""

from trustapp.wins import services
from trustapp.wins.forms import WinForm


def home_card(partnership, user):
    if not partnership.is_paired:
        return {"paired": False}
    waiting = services.unanswered_for(partnership, user)
    if waiting is not None:
        waiting.partnership = partnership
    return {
        "paired": True,
        "waiting": waiting,
        "form": WinForm() if partnership.is_active else None,
    }
