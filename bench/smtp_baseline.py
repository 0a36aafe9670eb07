"""The reminder path, and its yardstick: the same messages sent with nothing but smtplib.

    DJANGO_SETTINGS_MODULE=bench.settings python -m bench.smtp_baseline --people 10000

Runs the check-ins app's `reminders_benchmark` command (people due now, a real Celery
worker, the dispatcher, the send-once outbox) with its loopback SMTP sink also keeping a
copy of every message it receives. Then it sends exactly those bytes again over one plain
smtplib connection to a fresh sink of the same kind, and prints one JSON line with both.
"""

import argparse
import io
import json
import logging
import re
import smtplib
import sys
import time


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=10000)
    parser.add_argument("--concurrency", type=int, default=2)
    args = parser.parse_args()

    import django

    django.setup()
    from aiosmtpd.controller import Controller
    from django.core.management import call_command

    from trustapp.checkins.management.commands import reminders_benchmark as command

    received = []
    counting = command.CountingSink.handle_DATA

    async def keep_a_copy(self, server, session, envelope):
        received.append((envelope.mail_from, envelope.rcpt_tos, envelope.original_content))
        return await counting(self, server, session, envelope)

    command.CountingSink.handle_DATA = keep_a_copy
    output = io.StringIO()
    call_command(
        "reminders_benchmark",
        people=args.people,
        concurrency=args.concurrency,
        yes=True,
        stdout=output,
    )
    command.CountingSink.handle_DATA = counting
    report = output.getvalue().strip()

    logging.getLogger("mail.log").setLevel(logging.WARNING)
    sink = command.CountingSink()
    controller = Controller(sink, hostname="127.0.0.1", port=command._free_port())
    controller.start()
    try:
        started = time.monotonic()
        with smtplib.SMTP(controller.hostname, controller.port) as smtp:
            for sender, recipients, data in received:
                smtp.sendmail(sender, recipients, data)
        send_s = time.monotonic() - started
    finally:
        controller.stop()

    result = {"output": report, "messages": len(received), "received": sink.total()}
    result["smtplib_s"] = send_s
    match = re.search(
        r"Dispatched (\d+) reminders in ([\d.]+) s; all (\d+) received by SMTP after "
        r"([\d.]+) s \((\d+) per second\), repeats: (\d+)",
        report,
    )
    if match:
        people, dispatched, arrived, total, rate, repeats = match.groups()
        result |= {
            "people": int(people),
            "dispatched_s": float(dispatched),
            "total_s": float(total),
            "repeats": int(repeats),
        }
    print(json.dumps(result))


if __name__ == "__main__":
    sys.exit(main())
