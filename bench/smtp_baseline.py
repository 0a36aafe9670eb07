"""The reminder path, and its yardstick: the same messages sent with nothing but smtplib.

    DJANGO_SETTINGS_MODULE=bench.settings python -m bench.smtp_baseline --people 10000

Runs the reminders benchmark (bench/reminders.py: people due now, a real Celery worker,
the dispatcher, the send-once outbox) with its loopback SMTP sink also keeping a
copy of every message it receives. Then it sends exactly those bytes again over one plain
smtplib connection to a fresh sink of the same kind, and prints one JSON line with both.
"""

import argparse
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

    from aiosmtpd.controller import Controller

    from bench import reminders

    received = []

    class KeepingSink(reminders.CountingSink):
        """Counts like the benchmark's sink and keeps a copy of every message."""

        async def handle_DATA(self, server, session, envelope):
            received.append((envelope.mail_from, envelope.rcpt_tos, envelope.original_content))
            return await super().handle_DATA(server, session, envelope)

    lines = []
    reminders.run(
        people=args.people, concurrency=args.concurrency, sink=KeepingSink(), out=lines.append
    )
    report = "\n".join(lines)

    logging.getLogger("mail.log").setLevel(logging.WARNING)
    sink = reminders.CountingSink()
    controller = Controller(sink, hostname="127.0.0.1", port=reminders.free_port())
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
