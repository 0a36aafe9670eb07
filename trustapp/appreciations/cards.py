"""What appreciations shows on the home of a space."""

from trustapp.appreciations import services
from trustapp.appreciations.forms import AppreciationForm


def home_card(partnership, user):
    """New ones from the partner, the latest, a quick form; nothing before they joined."""
    partner = partnership.partner_of(user)
    if partner is None:
        return {}
    latest = services.latest_received(partnership, user)
    if latest is not None:
        latest.partnership = partnership
    return {
        "new_count": services.new_for(partnership, user),
        "latest": latest,
        "form": AppreciationForm(partner=partner) if partnership.is_active else None,
    }
