"""The reminder path's yardstick: the same messages, sent with nothing but smtplib.

Run by bench/run.py right after `manage.py reminders_benchmark --keep`: it writes the
emails of the deliveries that command just sent (with the app's own email code), then
sends them over one plain SMTP connection to the same kind of loopback sink the command
uses, and deletes the benchmark's people. Prints one JSON line.
"""

import json
import logging
import smtplib
import sys
import time


def main():
    import django

    django.setup()
    from aiosmtpd.controller import Controller
    from django.conf import settings
    from django.utils import timezone

    from trustapp.checkins.management.commands.reminders_benchmark import (
        DOMAIN,
        Command,
        CountingSink,
        _free_port,
    )
    from trustapp.checkins.reminders import emails
    from trustapp.checkins.reminders.models import ReminderDelivery

    deliveries = list(
        ReminderDelivery.objects.filter(user__email__endswith=f"@{DOMAIN}")
        .select_related("user")
        .order_by("pk")
    )
    started = time.monotonic()
    built = emails.build_all(deliveries, now=timezone.now(), on_error=lambda pk, error: None)
    payloads = [
        (message.from_email or settings.DEFAULT_FROM_EMAIL, message.to, message.message())
        for message in built.values()
        if message is not None
    ]
    payloads = [(sender, to, message.as_bytes()) for sender, to, message in payloads]
    build_s = time.monotonic() - started

    logging.getLogger("mail.log").setLevel(logging.WARNING)
    sink = CountingSink()
    port = _free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        started = time.monotonic()
        with smtplib.SMTP("127.0.0.1", port) as smtp:
            for sender, to, data in payloads:
                smtp.sendmail(sender, to, data)
        send_s = time.monotonic() - started
    finally:
        controller.stop()
    Command()._delete_people()
    print(
        json.dumps(
            {
                "messages": len(payloads),
                "received": sink.total(),
                "build_s": build_s,
                "send_s": send_s,
                "per_second": len(payloads) / send_s if send_s else 0,
            }
        )
    )


if __name__ == "__main__":
    sys.exit(main())
