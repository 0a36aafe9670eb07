"""The rules every feature's `privacy.py` shares, and the account's own part of a download.

Each feature app has a `privacy.py` with three functions the export and deletion code call:
- `export_partnership(partnership, user, scope)`: that feature's data in one shared space,
  JSON-ready, exactly as `user` may see it (`scope` narrows it for personal copies);
- `count_rows(user)`: roughly how many rows a download of theirs would hold;
- `delete_private(user)`: delete what only `user` ever saw (when they delete their account).
"""

from allauth.account.models import EmailAddress

from trustapp.calendar.models import CalendarFeed
from trustapp.privacy.models import PersonalCopy

Scope = PersonalCopy.Scope

YOU = "you"
PARTNER = "partner"


def who(user, person_id):
    """How a download names a person: "you", "partner", or None when nobody is known."""
    if person_id is None:
        return None
    return YOU if person_id == user.pk else PARTNER


def keeps(scope, user, *, author_id, shared):
    """Whether a copy for `user` keeps words written by `author_id`.

    A partner's words that were never shared never leave the database for anyone else.
    """
    mine = author_id == user.pk
    if not mine and not shared:
        return False
    if scope == Scope.SEEN:
        return True
    if scope == Scope.OWN:
        return mine
    return mine and not shared


def export_account(user):
    emails = EmailAddress.objects.filter(user=user).order_by("-primary", "email")
    return {
        "email": user.email,
        "display_name": user.display_name,
        "time_zone": user.time_zone,
        "date_joined": user.date_joined,
        "last_login": user.last_login,
        "discreet_emails": user.discreet_emails,
        "theme": user.theme,
        # Whether a calendar address exists, never the address itself: it is a key.
        "calendar_feed_on": CalendarFeed.objects.filter(user=user, is_on=True).exists(),
        "email_addresses": [
            {"email": e.email, "verified": e.verified, "primary": e.primary} for e in emails
        ],
        "two_factor": _two_factor_types(user),
    }


def _two_factor_types(user):
    from allauth.mfa.models import Authenticator

    # The authenticator app first: recovery codes only back it up.
    kinds = Authenticator.objects.filter(user=user).values_list("type", flat=True)
    return sorted(kinds, key=lambda kind: (kind == Authenticator.Type.RECOVERY_CODES, kind))


def delete_private(user):
    """The account's own private rows: addresses, two-factor keys, sessions, downloads."""
    from allauth.mfa.models import Authenticator
    from allauth.usersessions.models import UserSession

    for session in UserSession.objects.filter(user=user):
        session.end()
    Authenticator.objects.filter(user=user).delete()
    EmailAddress.objects.filter(user=user).delete()
    user.data_exports.all().delete()
    user.personal_copies.all().delete()
    CalendarFeed.objects.filter(user=user).delete()
