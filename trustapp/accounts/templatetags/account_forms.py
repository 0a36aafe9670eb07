"""Small helpers that let allauth's element templates speak our CSS."""

import copy

from django import template
from django.utils.translation import gettext as _

register = template.Library()

# Tags allauth puts on buttons that are not the page's main action.
QUIET_TAGS = {"outline", "secondary", "minor", "cancel", "resend", "panel", "link"}


@register.filter
def without_placeholder(field, kind=""):
    """Render a bound field without allauth's placeholder: our labels are always visible.

    `kind` "code" or "numeric-code" styles a one-time-code input and picks the
    right phone keyboard for it.
    """
    widget = copy.copy(field.field.widget)
    widget.attrs = {k: v for k, v in widget.attrs.items() if k != "placeholder"}
    if kind in ("code", "numeric-code"):
        widget.attrs |= {"class": "code-input", "spellcheck": "false", "autocorrect": "off"}
        if kind == "numeric-code":
            widget.attrs["inputmode"] = "numeric"
        else:
            widget.attrs["autocapitalize"] = "characters"
    return field.as_widget(widget=widget)


@register.filter
def button_class(attrs):
    """Our button classes for allauth's `{% element button %}` tags."""
    tags = set(attrs.get("tags") or [])
    if "link" in tags:
        return "link-button"
    if "danger" in tags:
        return "button danger"
    main_submit = not attrs.get("href") and attrs.get("type") == "submit" and not tags & QUIET_TAGS
    if main_submit or "prominent" in tags or ("primary" in tags and "outline" not in tags):
        return "button primary"
    return "button"


# (marker in the user agent, name shown), first match wins: Edge and Opera say "Chrome" too.
BROWSERS = [
    ("Edg/", "Edge"),
    ("OPR/", "Opera"),
    ("CriOS/", "Chrome"),
    ("FxiOS/", "Firefox"),
    ("Firefox/", "Firefox"),
    ("Chrome/", "Chrome"),
    ("Chromium/", "Chromium"),
    ("Safari/", "Safari"),
]
SYSTEMS = [
    ("iPhone", "iPhone"),
    ("iPad", "iPad"),
    ("Android", "Android"),
    ("Windows", "Windows"),
    ("Mac OS X", "macOS"),
    ("Macintosh", "macOS"),
    ("CrOS", "ChromeOS"),
    ("Linux", "Linux"),
]


@register.filter
def browser_summary(user_agent):
    """'Firefox on Android' from a user agent string, so people recognise their devices."""
    user_agent = user_agent or ""
    browser = next((name for marker, name in BROWSERS if marker in user_agent), None)
    system = next((name for marker, name in SYSTEMS if marker in user_agent), None)
    if browser and system:
        return _("%(browser)s on %(system)s") % {"browser": browser, "system": system}
    return browser or system or _("Unknown browser")


@register.filter
def in_groups_of_four(secret):
    """'ABCD EFGH IJKL': an authenticator key that is easier to copy by hand."""
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))
