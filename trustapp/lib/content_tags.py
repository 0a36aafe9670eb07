"""The `translated` template filter, a built-in of every template (settings.TEMPLATES):
`{{ prompt|translated:"question" }}` is the prompt's question in the reader's language,
or the English where that language has none (trustapp.lib.i18n.translated)."""

from django import template

from trustapp.lib.i18n import translated as _translated

register = template.Library()


@register.filter
def translated(obj, field):
    if obj is None or obj == "":
        return ""
    return _translated(obj, field)
