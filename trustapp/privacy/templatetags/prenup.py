from django import template

from trustapp.privacy.prenup import grace_period, prenup_of

register = template.Library()


@register.simple_tag
def data_prenup(partnership):
    """`{% data_prenup partnership as prenup %}`: the space's choice (a default if unset)."""
    return prenup_of(partnership)


@register.simple_tag
def grace_days():
    return grace_period().days
