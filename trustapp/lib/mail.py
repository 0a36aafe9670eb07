"""Send an email rendered from a pair of templates: `<name>.txt` and `<name>.html`."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import timezone, translation


def absolute_url(path):
    return f"{settings.SITE_URL}{path}"


def send_templated(*, to, template, context, subject, headers=None, user=None):
    """Render and send one email. Times inside are shown in `user`'s own zone."""
    message = build_templated(
        to=to, template=template, context=context, subject=subject, headers=headers, user=user
    )
    message.send()
    return message


def build_templated(*, to, template, context, subject, headers=None, user=None, zone=None):
    """Render one email without sending it. Times are shown in `zone`, else `user`'s zone."""
    context = {"site_url": settings.SITE_URL, "site_name": settings.SITE_NAME, **context}
    if zone is None and user is not None:
        zone = user.zone
    with translation.override(settings.LANGUAGE_CODE), timezone.override(zone):
        text = render_to_string(f"{template}.txt", context)
        html = render_to_string(f"{template}.html", context)
    message = EmailMultiAlternatives(
        subject=str(subject).strip(),
        body=text,
        to=[to],
        headers=headers or {},
    )
    message.attach_alternative(html, "text/html")
    return message
