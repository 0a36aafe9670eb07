"""What conversations show on the home of a space."""

from trustapp.conversations import services

HOME_CARD_CONVERSATIONS = 3


def home_card(partnership, user):
    """The conversations still to talk about, and this week's prompt."""
    if not partnership.is_paired:
        return {"paired": False}
    ongoing = services.with_answer_state(
        partnership.conversations.filter(talked_at__isnull=True), user
    )[:HOME_CARD_CONVERSATIONS]
    return {
        "paired": True,
        "ongoing": list(ongoing),
        "week_prompt": services.prompt_of_the_week(partnership) if partnership.is_active else None,
    }


def home_waiting(card):
    """A conversation the partner answered, or both did, ready to talk about."""
    return any(
        c.revealed_at or (c.partner_answered and not c.i_answered) for c in card.get("ongoing", ())
    )
