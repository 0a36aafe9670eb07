"""Tell a partner that something happened in their shared space.

Every feature calls `notify_partner`; how and when the email goes out is decided
here (one email per event for now; the check-ins feature folds these into a digest).
"""

from django.db import transaction

from trustapp.lib.mail import absolute_url, send_templated


def notify_partner(*, partnership, recipient, actor, kind, subject, message, path):
    """`message` is one short plain sentence; `path` a URL path inside the partnership."""
    if recipient is None or not partnership.is_active:
        return

    def send():
        send_templated(
            to=recipient.email,
            user=recipient,
            template="email/notice",
            subject=subject,
            context={
                "recipient": recipient,
                "actor": actor,
                "kind": kind,
                "message": message,
                "link": absolute_url(path),
            },
        )

    transaction.on_commit(send)
