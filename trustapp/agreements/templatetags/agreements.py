from django import template

from trustapp.agreements.cards import waiting_counts

register = template.Library()


@register.simple_tag
def agreements_waiting(partnership, user):
    """`{% agreements_waiting partnership user as count %}`"""
    if partnership is None or not user.is_authenticated:
        return 0
    return waiting_counts(partnership, user)["total"]


@register.simple_tag
def agreements_waiting_counts(partnership, user):
    """`{% agreements_waiting_counts partnership user as waiting %}`: agreements, boundaries."""
    return waiting_counts(partnership, user)
