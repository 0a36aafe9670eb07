"""Send an email rendered from a pair of templates: `<name>.txt` and `<name>.html`."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import timezone, translation


def absolute_url(path):
    return f"{settings.SITE_URL}{path}"


def send_templated(*, to, template, context, subject, headers=None, user=None):
    """Render and send one email. Times inside are shown in `user`'s own zone."""
    context = {"site_url": settings.SITE_URL, "site_name": settings.SITE_NAME, **context}
    zone = user.zone if user is not None else None
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
    message.send()
    return message
