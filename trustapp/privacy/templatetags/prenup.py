from django import template

from trustapp.privacy.prenup import grace_period

register = template.Library()


@register.simple_tag
def grace_days():
    return grace_period().days
