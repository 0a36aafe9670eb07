"""Signed, expiring links that work from an email without signing in."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core import signing

SALT = "trustapp.notifications.link"
# What a link may do, and for how long after the email was sent.
ACTIONS = {
    "reminders": timedelta(days=90),  # unsubscribe from check-in reminders
    "activity": timedelta(days=90),  # unsubscribe from partner-activity emails
    "snooze": timedelta(days=30),  # pause reminders for two weeks
}


class LinkExpired(Exception):
    pass


def make_token(user, action):
    assert action in ACTIONS
    return signing.TimestampSigner(salt=SALT).sign_object({"u": user.pk, "a": action})


def read_token(token, *actions):
    """(person, action) for a valid link to one of `actions`; (None, None) for a broken one.

    Raises LinkExpired for a genuine link that is too old.
    """
    signer = signing.TimestampSigner(salt=SALT)
    try:
        payload = signer.unsign_object(token)
        action = payload.get("a") if isinstance(payload, dict) else None
        if action not in actions:
            return None, None
        signer.unsign_object(token, max_age=ACTIONS[action])
    except signing.SignatureExpired as error:
        raise LinkExpired from error
    except signing.BadSignature:
        return None, None
    user = get_user_model().objects.filter(pk=payload.get("u"), is_active=True).first()
    return (user, action) if user is not None else (None, None)
