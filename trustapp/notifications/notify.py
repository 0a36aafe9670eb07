"""Tell a partner that something happened in their shared space.

Every feature calls `notify_partner`; how and when the email goes out is decided by the
recipient's own choice (see trustapp.notifications.services): by default one daily digest at
6 pm their time, never one email per event unless they asked for that.
"""

from trustapp.lib.i18n import recipient_language


def notify_partner(*, partnership, recipient, actor, kind, subject, message, path, values=None):
    """`message` is one short plain sentence; `path` a URL path inside the partnership.

    `subject` and `message` are lazy translatable texts (gettext_lazy) whose %(name)s
    placeholders `values` fills: they are written here, in the recipient's language, since
    the one who acted may speak another."""
    if recipient is None or not partnership.is_active:
        return
    from trustapp.notifications.services import partner_notice_record

    with recipient_language(recipient):
        subject, message = (
            str(text) if values is None else str(text) % values for text in (subject, message)
        )

    partner_notice_record(
        partnership=partnership,
        recipient=recipient,
        actor=actor,
        kind=kind,
        subject=subject,
        message=message,
        path=path,
    )
