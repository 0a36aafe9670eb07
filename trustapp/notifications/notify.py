"""Tell a partner that something happened in their shared space.

Every feature calls `notify_partner`; how and when the email goes out is decided by the
recipient's own choice (see trustapp.notifications.services): by default one daily digest at
6 pm their time, never one email per event unless they asked for that.
"""


def notify_partner(*, partnership, recipient, actor, kind, subject, message, path):
    """`message` is one short plain sentence; `path` a URL path inside the partnership."""
    if recipient is None or not partnership.is_active:
        return
    from trustapp.notifications.services import partner_notice_record

    partner_notice_record(
        partnership=partnership,
        recipient=recipient,
        actor=actor,
        kind=kind,
        subject=subject,
        message=message,
        path=path,
    )
