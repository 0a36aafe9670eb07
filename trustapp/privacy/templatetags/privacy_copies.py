from django import template

register = template.Library()


@register.simple_tag
def personal_copies_of(user):
    """`{% personal_copies_of user as copies %}`: what the person kept of past spaces."""
    return list(user.personal_copies.defer("data"))
