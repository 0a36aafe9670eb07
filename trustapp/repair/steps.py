"""The five steps each partner writes on their own after a hard moment."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

TEXT_MAX_LENGTH = 3000


@dataclass(frozen=True)
class Step:
    number: int
    field: str
    title: str
    hint: str
    required: bool


STEPS = (
    Step(
        1,
        "felt",
        _("What I felt"),
        _("Name the feelings as they were, even the ones that do not make sense yet."),
        True,
    ),
    Step(
        2,
        "saw",
        _("How I saw what happened"),
        _("Your view of it, not the whole truth: the two of you will have seen different things."),
        True,
    ),
    Step(
        3,
        "touched",
        _("What it touched from before"),
        _("An older hurt or worry it stirred, if any. You can leave this one out."),
        False,
    ),
    Step(
        4,
        "my_part",
        _("My part in it"),
        _("What you did or said that added to it. Kind to yourself, honest about it."),
        False,
    ),
    Step(
        5,
        "would_help",
        _("One thing that would help next time"),
        _("Something small and concrete. It can become an agreement or a step for a check-in."),
        False,
    ),
)
LAST = len(STEPS)


def step_of(number):
    """The step with this number, or None for anything else."""
    try:
        number = int(number)
    except (TypeError, ValueError):
        return None
    return STEPS[number - 1] if 1 <= number <= LAST else None
