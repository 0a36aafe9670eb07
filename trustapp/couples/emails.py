from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from trustapp.lib.i18n import later
from trustapp.lib.mail import absolute_url, send_templated


def send_invitation(invitation, token):
    inviter = invitation.created_by
    send_templated(
        to=invitation.email,
        template="couples/email/invitation",
        # Someone without an account yet reads it in the inviter's language (the page's).
        language=inviter.language or translation.get_language(),
        subject=later(
            lambda: _("%(name)s invited you to a shared space on Trustapp") % {"name": inviter.name}
        ),
        context={
            "inviter": inviter,
            "invitation": invitation,
            "link": absolute_url(reverse("couples:invitation", args=[token])),
        },
    )


def send_partner_left(*, partnership, leaver, partner):
    send_templated(
        to=partner.email,
        user=partner,
        template="couples/email/partner_left",
        subject=later(lambda: _("%(name)s has left your shared space") % {"name": leaver.name}),
        context={
            "leaver": leaver,
            "partner": partner,
            "link": absolute_url(partnership.get_absolute_url()),
        },
    )
