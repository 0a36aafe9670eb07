from django import template

from trustapp.conversations import services

register = template.Library()
HOME_CARD_CONVERSATIONS = 3


@register.simple_tag
def conversations_card(partnership, user):
    """What the partnership home shows about conversations, in a few flat queries."""
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
