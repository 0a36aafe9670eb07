"""`{% frame_url %}` and `{% frame_static %}`, built-ins of every template (settings.TEMPLATES):
`{% url %}` and `{% static %}` for the links every page carries (base.html and a space's
navigation), each worked out once per process instead of once per link on every page.

What they return is a constant of the running site: a path of the URLconf, the (hashed, in
production) name of a static file. `{% url %}` walks the resolver for every link and
`{% static %}` asks the storage for every file, and the frame has a dozen of each. A path
into a space differs only by the space's public id: it is reversed once with a stand-in
for the id, which is then put in its place (an id with any character that a URL would
quote is reversed as usual). Changing a setting they depend on (tests) starts afresh.
"""

import re
from functools import cache

from django import template
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.templatetags.static import static
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.html import conditional_escape

register = template.Library()

# Characters a path segment keeps as they are (RFC 3986 unreserved, as token_urlsafe writes).
_KEPT_AS_IS = re.compile(r"[A-Za-z0-9_-]+")
_STAND_IN = "STAND-IN-FOR-AN-ID"


@cache
def _path(script_prefix, urlconf, view_name, with_id):
    """The path of `view_name` (with the stand-in for its one argument, if `with_id`)."""
    args = [_STAND_IN] if with_id else []
    return reverse(view_name, args=args, urlconf=urlconf)


@cache
def _static(path):
    return static(path)


@receiver(setting_changed)
def _start_afresh(*, setting, **kwargs):
    if setting in {"ROOT_URLCONF", "FORCE_SCRIPT_NAME", "STATIC_URL", "STORAGES"}:
        _path.cache_clear()
        _static.cache_clear()


def frame_path(view_name, public_id=None):
    """`reverse(view_name, args=[public_id] if public_id else [])`, looked up once."""
    prefix, urlconf = get_script_prefix(), get_urlconf()
    if public_id is None:
        return _path(prefix, urlconf, view_name, False)
    public_id = str(public_id)
    if not _KEPT_AS_IS.fullmatch(public_id):
        return reverse(view_name, args=[public_id], urlconf=urlconf)
    return _path(prefix, urlconf, view_name, True).replace(_STAND_IN, public_id)


@register.simple_tag
def frame_url(view_name, public_id=None):
    """`{% frame_url 'home' %}`, `{% frame_url 'agreements:list' pid %}`."""
    return conditional_escape(frame_path(view_name, public_id))


@register.simple_tag
def frame_static(path):
    """`{% frame_static 'img/icon.svg' %}`: `{% static %}`, looked up once."""
    return conditional_escape(_static(path))
