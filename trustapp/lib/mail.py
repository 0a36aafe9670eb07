"""Send an email rendered from a pair of templates: `<name>.txt` and `<name>.html`.

Discreet mode is decided here, for every email at once: when the recipient asked for it,
the subject says only "You have an update" and the body holds no names and no words from
the app, just the link (and, for reminders, the links to pause or stop them).
"""

import unicodedata

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from trustapp.lib.i18n import recipient_language


def absolute_url(path):
    return f"{settings.SITE_URL}{path}"


def send_templated(*, to, template, context, subject, headers=None, user=None, language=None):
    """Render and send one email. Times inside are shown in `user`'s own zone."""
    message = build_templated(
        to=to,
        template=template,
        context=context,
        subject=subject,
        headers=headers,
        user=user,
        language=language,
    )
    message.send()
    return message


def build_templated(
    *, to, template, context, subject, headers=None, user=None, zone=None, language=None
):
    """Render one email without sending it. Times are shown in `zone`, else `user`'s zone.

    `user` is the recipient (None for someone without an account, like an invitee). Every
    email is written here in its recipient's language: the one their profile chose, else
    `language` (for an invitee: the inviter's), else the site's default. A `subject` with
    names in it comes lazily (gettext_lazy and trustapp.lib.i18n.later), so it is worked out
    here, in that language.
    """
    context = {"site_url": settings.SITE_URL, "site_name": settings.SITE_NAME, **context}
    if user is None:
        user = _account_for(to)
    if zone is None and user is not None:
        zone = user.zone
    if user is not None and user.discreet_emails:
        template, subject = "email/discreet", _("You have an update")
        context["discreet_link"] = (
            context.get("discreet_link") or context.get("link") or (f"{settings.SITE_URL}/")
        )
    with recipient_language(user, language), timezone.override(zone):
        text = render_to_string(f"{template}.txt", context)
        html = render_to_string(f"{template}.html", context)
        subject = one_line(subject)
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        to=[to],
        headers=headers or {},
    )
    message.attach_alternative(html, "text/html")
    return message


def one_line(text):
    """Text safe for a header: a name saved before names were checked, or any other
    line break or control character, becomes a space instead of breaking the email."""
    text = "".join(
        " " if unicodedata.category(char) in ("Cc", "Zl", "Zp") else char for char in str(text)
    )
    return " ".join(text.split())


def _account_for(address):
    """The account behind an address, so even an invitation honours its discreet mode."""
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(email__iexact=address).first()
