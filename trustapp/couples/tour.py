"""The short tour a person can take while the partner has not joined yet: what the space
holds, one calm step a page (plain links, so it works without JavaScript)."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Step:
    illustration: str
    title: str
    text: str


STEPS = (
    Step(
        "img/illus-question.svg",
        _("Today’s question"),
        _(
            "One light question a day, the same for both of you. Answer in a few words or "
            "pass; you read each other’s answer once you have both answered."
        ),
    ),
    Step(
        "img/illus-agreements.svg",
        _("Agreements and boundaries"),
        _(
            "What you both say yes to, in your own words. Nothing counts until you have both "
            "agreed, and you can look at it again whenever one of you likes."
        ),
    ),
    Step(
        "img/illus-appreciations.svg",
        _("Appreciations"),
        _(
            "The good things you notice in each other, kept where you can both find them "
            "again on a harder day."
        ),
    ),
    Step(
        "img/illus-conversations.svg",
        _("Conversations"),
        _(
            "Questions about trust to talk through. Each of you answers on your own first, "
            "and you read both once you have both answered."
        ),
    ),
    Step(
        "img/illus-checkin.svg",
        _("Check-ins"),
        _(
            "A gentle, regular moment to see how you both are. A reminder can come at a time "
            "that suits each of you, and never a count of missed ones."
        ),
    ),
)


def step_number(value):
    """The step asked for in the address, kept within the tour (the first one otherwise)."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return 1
    return min(max(number, 1), len(STEPS))
