from django import template

from trustapp.appreciations import services
from trustapp.appreciations.forms import AppreciationForm

register = template.Library()


@register.simple_tag
def appreciations_home_card(partnership, user, partner):
    """What the home card shows: new ones from the partner, the latest, a quick form."""
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
