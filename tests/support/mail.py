"""Read what the app sent: a code or a link from the newest email to someone."""

import re

from django.core import mail


def messages_to(address):
    return [message for message in mail.outbox if address in message.to]


def last_message_to(address):
    found = messages_to(address)
    assert found, f"no email was sent to {address}; outbox: {[m.to for m in mail.outbox]}"
    return found[-1]


def code_from_email(address):
    """The verification code (a line of its own, like ABCD-EFGH) in the newest email."""
    body = last_message_to(address).body
    match = re.search(r"^\s*([A-Z0-9]{4}-?[A-Z0-9]{2,4})\s*$", body, re.MULTILINE)
    assert match, f"no code in the email:\n{body}"
    return match.group(1)


def link_from_email(address, contains=""):
    body = last_message_to(address).body
    for url in re.findall(r"https?://\S+", body):
        if contains in url:
            return url
    raise AssertionError(f"no link containing {contains!r} in the email:\n{body}")
