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


def allow(action, lifetime):
    """A kind of link an app above adds for its own emails (from its AppConfig.ready())."""
    ACTIONS[action] = lifetime


def make_token(user, action, **about):
    """A link for `user` to do `action`; `about` names what it is about (kept signed)."""
    assert action in ACTIONS
    payload = {"u": user.pk, "a": action}
    if about:
        payload["x"] = about
    return signing.TimestampSigner(salt=SALT).sign_object(payload)


def _read(token, actions):
    signer = signing.TimestampSigner(salt=SALT)
    try:
        payload = signer.unsign_object(token)
        action = payload.get("a") if isinstance(payload, dict) else None
        if action not in actions:
            return None, None, None
        signer.unsign_object(token, max_age=ACTIONS[action])
    except signing.SignatureExpired as error:
        raise LinkExpired from error
    except signing.BadSignature:
        return None, None, None
    user = get_user_model().objects.filter(pk=payload.get("u"), is_active=True).first()
    if user is None:
        return None, None, None
    about = payload.get("x")
    return user, action, about if isinstance(about, dict) else {}


def read_token(token, *actions):
    """(person, action) for a valid link to one of `actions`; (None, None) for a broken one.

    Raises LinkExpired for a genuine link that is too old.
    """
    user, action, _about = _read(token, actions)
    return user, action


def read_token_about(token, action):
    """(person, what the link is about) for a valid `action` link; (None, None) if broken.

    Raises LinkExpired for a genuine link that is too old.
    """
    user, _action, about = _read(token, (action,))
    return user, about
