from django import template

register = template.Library()


@register.filter
def partner_for(partnership, user):
    """`{{ partnership|partner_for:user }}`: the other member, or None."""
    return partnership.partner_of(user)


@register.filter
def title_for(partnership, user):
    """`{{ partnership|title_for:user }}`: the space's name, or its default for `user`."""
    return partnership.title_for(user)
