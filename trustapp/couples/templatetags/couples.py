from django import template

register = template.Library()


@register.filter
def partner_for(partnership, user):
    """`{{ partnership|partner_for:user }}`: the other member, or None."""
    return partnership.partner_of(user)
