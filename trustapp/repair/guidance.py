"""The stages of rebuilding after a betrayal, with a few words for each role."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from trustapp.repair.models import Track


@dataclass(frozen=True)
class Stage:
    number: int
    title: str
    for_hurt: str
    for_broke: str


STAGES = (
    Stage(
        Track.Stage.ACKNOWLEDGING,
        _("Acknowledging"),
        _(
            "You do not have to make this easier for anyone. Read what your partner "
            "writes when it is shared, and only when you feel able to."
        ),
        _(
            "Write what you did and what it did to your partner. Leave the reasons out for "
            "now: they can come later, if they are asked for."
        ),
    ),
    Stage(
        Track.Stage.QUESTIONS,
        _("Questions"),
        _(
            "Ask what you need to know, in writing, one question at a time. You may also "
            "say not yet to an answer you are not ready for."
        ),
        _(
            "Answer honestly and take the time you need. Your answer stays with you until "
            "you give it. Saying not yet is better than a hurried answer."
        ),
    ),
    Stage(
        Track.Stage.COMMITMENTS,
        _("Commitments"),
        _(
            "Ask for what would help you feel safer. A commitment is something you both "
            "agree to, with a day to look at it again."
        ),
        _(
            "Offer something concrete you can really keep. Openness is something you offer "
            "in words; this app never checks on anyone."
        ),
    ),
    Stage(
        Track.Stage.PATIENCE,
        _("Patience"),
        _(
            "Trust comes back slowly and not in a straight line. Bring how it feels to your "
            "check-ins, good days and hard ones."
        ),
        _(
            "Keep showing up, also when it feels slow. Your partner’s doubt is part of the "
            "healing, not a verdict on you."
        ),
    ),
    Stage(
        Track.Stage.HELP,
        _("Help"),
        _("A couples therapist can hold what is too heavy for the two of you alone."),
        _("Asking for help is a way of taking this seriously, not a sign of failing."),
    ),
)


def stage_of(value):
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return next((stage for stage in STAGES if stage.number == number), None)
