"""What appreciations shows on the home of a space, and its part of "on this day"."""

from django.utils.translation import gettext as _

from trustapp.appreciations import services
from trustapp.appreciations.forms import AppreciationForm
from trustapp.couples.memories import Memory


def home_card(partnership, user):
    """New ones from the partner, the latest, a quick form; nothing before they joined."""
    partner = partnership.partner_of(user)
    if partner is None:
        return {}
    latest, new_count = services.latest_received_and_new(partnership, user)
    if latest is not None:
        latest.partnership = partnership
    return {
        "new_count": new_count,
        "latest": latest,
        "form": AppreciationForm(partner=partner) if partnership.is_active else None,
    }


def home_waiting(card):
    """New appreciations from the partner."""
    return bool(card.get("new_count"))


def memories(partnership, user, today, limit):
    """Appreciations for "on this day" (couples.memories): shared ones, and the reader's
    own private notes."""
    found = []
    for appreciation in services.on_this_day(partnership, user, today, limit=limit):
        appreciation.partnership = partnership
        if appreciation.author_id == user.pk:
            kind = _("From you to %(name)s") % {"name": appreciation.recipient.name}
        else:
            kind = _("From %(name)s to you") % {"name": appreciation.author.name}
        found.append(
            Memory(
                day=appreciation.happened_on,
                kind=kind,
                text=appreciation.text,
                path=appreciation.get_absolute_url(),
            )
        )
    return found
