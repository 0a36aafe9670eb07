"""Download all my data: a zip with one JSON file per area and one readable HTML page.

Each feature's `privacy.py` returns its own part (see trustapp/privacy/rules.py), so
the rule of what a person may see stays next to the feature that makes it. A small
download is streamed straight away; a large one is built by Celery and kept for a day
behind a signed link that only works for its owner.
"""

import json
import zipfile
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from trustapp.couples.models import Membership, Partnership
from trustapp.lib.i18n import later, recipient_language
from trustapp.lib.mail import absolute_url, send_templated
from trustapp.privacy import agreements as agreements_privacy
from trustapp.privacy import appreciations as appreciations_privacy
from trustapp.privacy import checkins as checkins_privacy
from trustapp.privacy import conversations as conversations_privacy
from trustapp.privacy import dates as dates_privacy
from trustapp.privacy import heard as heard_privacy
from trustapp.privacy import questions as questions_privacy
from trustapp.privacy import repair as repair_privacy
from trustapp.privacy import rules as account_privacy
from trustapp.privacy import wins as wins_privacy
from trustapp.privacy.models import DataExport
from trustapp.privacy.prenup import prenup_of
from trustapp.privacy.rules import Scope

FORMAT = "trustapp-export/1"
# Each area of a shared space, in the order the readable page shows them.
AREAS = {
    "agreements": agreements_privacy,
    "appreciations": appreciations_privacy,
    "wins": wins_privacy,
    "conversations": conversations_privacy,
    "questions": questions_privacy,
    "dates": dates_privacy,
    "checkins": checkins_privacy,
    "repair": repair_privacy,
    "heard": heard_privacy,
}
TOKEN_SALT = "trustapp.privacy.export"


def direct_max_rows():
    """Up to this many rows a download is streamed at once; above it Celery builds it."""
    return getattr(settings, "EXPORT_DIRECT_MAX_ROWS", 3000)


def link_lifetime():
    return timedelta(hours=getattr(settings, "EXPORT_LINK_HOURS", 24))


# -- Collecting -------------------------------------------------------------------------


def partnership_data(partnership, user, scope=Scope.SEEN):
    """One shared space as `user` may see it, narrowed to `scope` for a personal copy."""
    membership = next(m for m in partnership.member_list() if m.user_id == user.pk)
    partner = partnership.partner_of(user)
    prenup = prenup_of(partnership)
    data = {
        "id": partnership.public_id,
        "started_at": partnership.created_at,
        "ended_at": partnership.ended_at,
        "ended_by": account_privacy.who(user, partnership.ended_by_id),
        "you_joined_at": membership.joined_at,
        "you_left_at": membership.left_at,
        "data_choice": {
            "choice": prenup.choice,
            "label": str(prenup.get_choice_display()),
            "chosen_together_at": prenup.agreed_at,
            "proposed_change": prenup.proposed_choice or None,
            "carried_out_at": prenup.when_it_applies(),
        },
    }
    if scope == Scope.SEEN:
        data["partner"] = partner.name if partner is not None else None
        data["name"] = partnership.name  # what the two of them called it ("" for none)
    for area, module in AREAS.items():
        data[area] = module.export_partnership(partnership, user, scope)
    return data


def has_words(space):
    """Whether a space's data holds anything written, or only empty lists."""

    def filled(value):
        if isinstance(value, dict):
            return any(filled(v) for k, v in value.items() if k != "your_choices")
        return bool(value)

    return any(filled(space[area]) for area in AREAS)


def _partnerships_of(user):
    return (
        Partnership.objects.for_user(user)
        .select_related("data_prenup")
        .prefetch_related(
            Prefetch("memberships", queryset=Membership.objects.select_related("user"))
        )
        .order_by("created_at")
    )


def collect(user):
    """Everything a download holds, as Python values (dates stay dates until JSON), with
    the app's own words (categories, topics, labels) in the reader's language."""
    with recipient_language(user):
        return _collect(user)


def _collect(user):
    return {
        "format": FORMAT,
        "exported_at": timezone.now(),
        "account": account_privacy.export_account(user),
        "reminders": checkins_privacy.export_reminders(user)
        | {"todays_question_emails": questions_privacy.export_email_choice(user)}
        | {"devices": checkins_privacy.export_devices(user)},
        "partnerships": [partnership_data(p, user) for p in _partnerships_of(user)],
        "personal_copies": [_copy_entry(copy) for copy in user.personal_copies.all()],
    }


def _copy_entry(copy):
    return {
        "scope": copy.scope,
        "kept": str(copy.get_scope_display()),
        "started_at": copy.started_at,
        "ended_at": copy.ended_at,
        "kept_since": copy.created_at,
        "space": copy.data,
    }


def row_count(user):
    return sum(module.count_rows(user) for module in AREAS.values())


def is_large(user):
    return row_count(user) > direct_max_rows()


# -- Writing ----------------------------------------------------------------------------


def _json(value):
    return json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2).encode()


def readable_page(data, user):
    """One self-contained HTML page: inline styles, no scripts, nothing fetched."""
    with recipient_language(user), timezone.override(user.zone):
        return render_to_string(
            "privacy/export/page.html", {"data": data, "reader": user, "standalone": True}
        )


def files(data, user):
    """(name, bytes) for each file in the zip, made one at a time."""
    spaces = data["partnerships"]

    def per_space(area):
        return [{"space": space["id"], **_as_dict(space[area])} for space in spaces]

    yield "README.txt", _readme().encode()
    yield "your-data.html", readable_page(data, user).encode()
    yield (
        "account.json",
        _json({"format": data["format"], "exported_at": data["exported_at"], **data["account"]}),
    )
    yield (
        "partnerships.json",
        _json([{k: v for k, v in space.items() if k not in AREAS} for space in spaces]),
    )
    for area in AREAS:
        yield f"{area}.json", _json(per_space(area))
    yield "reminders.json", _json(data["reminders"])
    yield "personal-copies.json", _json(data["personal_copies"])


def copy_files(copy, user):
    """The files of one personal copy: its readable page and its data."""
    data = {
        "format": FORMAT,
        "exported_at": timezone.now(),
        "account": None,
        "reminders": None,
        "partnerships": [],
        "personal_copies": [_copy_entry(copy)],
    }
    yield "README.txt", _readme().encode()
    yield "your-copy.html", readable_page(data, user).encode()
    yield "your-copy.json", _json(data["personal_copies"][0])


def _as_dict(part):
    return part if isinstance(part, dict) else {"items": part}


def _readme():
    return _(
        "Your data from Trustapp\n\n"
        "your-data.html is everything in one page you can open in any browser, even "
        "offline.\n"
        "The .json files hold the same data for other programs: one file per area, each "
        "entry marked with the shared space it belongs to. Times are in UTC.\n"
        '"you" is you; "partner" is the person you shared that space with.\n\n'
        "Your partner's private notes and any answer of theirs that was never shown to "
        "you are not in here, because they were never yours to see.\n"
    )


class _Sink:
    """A write-only, unseekable file: zipfile then writes each entry in one pass."""

    def __init__(self):
        self.chunks = []

    def write(self, data):
        self.chunks.append(bytes(data))
        return len(data)

    def flush(self):
        pass

    def take(self):
        data = b"".join(self.chunks)
        self.chunks.clear()
        return data


def zip_chunks(entries):
    """Yield a zip file piece by piece while `entries` are still being made."""
    sink = _Sink()
    with zipfile.ZipFile(sink, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in entries:
            archive.writestr(name, content)
            yield sink.take()
    yield sink.take()


def build_zip(user):
    data = collect(user)
    return b"".join(zip_chunks(files(data, user)))


def filename(now=None):
    day = timezone.localdate(now or timezone.now())
    return f"trustapp-data-{day:%Y-%m-%d}.zip"


# -- Large downloads, built by Celery ---------------------------------------------------


def export_request(*, user):
    """Queue a download to be built, unless one is already on its way. Returns it."""
    with transaction.atomic():
        pending = (
            DataExport.objects.select_for_update()
            .filter(
                user=user,
                status=DataExport.Status.PREPARING,
                created_at__gt=timezone.now() - DataExport.GIVE_UP_AFTER,
            )
            .first()
        )
        if pending is not None:
            return pending
        export = DataExport.objects.create(user=user, expires_at=timezone.now() + link_lifetime())
        from trustapp.privacy.tasks import build_export

        transaction.on_commit(lambda: build_export.delay(export.pk))
    return export


def export_build(export_id):
    """Build one queued download. Safe to run twice: only a preparing export is built."""
    export = (
        DataExport.objects.select_related("user")
        .filter(pk=export_id, status=DataExport.Status.PREPARING)
        .first()
    )
    if export is None:
        return None
    user = export.user
    content = build_zip(user)
    now = timezone.now()
    updated = DataExport.objects.filter(pk=export.pk, status=DataExport.Status.PREPARING).update(
        status=DataExport.Status.READY,
        content=content,
        size=len(content),
        rows=row_count(user),
        ready_at=now,
        expires_at=now + link_lifetime(),
    )
    if updated:
        export.refresh_from_db(fields=["expires_at"])
        transaction.on_commit(lambda: _send_ready(export))
    return export


def export_failed(export_id):
    DataExport.objects.filter(pk=export_id, status=DataExport.Status.PREPARING).update(
        status=DataExport.Status.FAILED
    )


def exports_expire(*, now=None):
    """Delete downloads whose link has run out, and give up on lost ones. Returns how
    many were deleted."""
    now = now or timezone.now()
    DataExport.objects.filter(
        status=DataExport.Status.PREPARING, created_at__lte=now - DataExport.GIVE_UP_AFTER
    ).update(status=DataExport.Status.FAILED)
    deleted, _detail = DataExport.objects.filter(expires_at__lte=now).delete()
    return deleted


def download_token(export):
    return signing.dumps(export.pk, salt=TOKEN_SALT)


def export_for_token(user, token):
    """The ready, unexpired download behind a signed link, if it is `user`'s; else None."""
    try:
        pk = signing.loads(token, salt=TOKEN_SALT, max_age=link_lifetime().total_seconds())
    except signing.BadSignature:  # also an expired signature
        return None
    return (
        DataExport.objects.filter(
            pk=pk, user=user, status=DataExport.Status.READY, expires_at__gt=timezone.now()
        )
        .defer("content")
        .first()
    )


def _send_ready(export):
    user = export.user
    send_templated(
        to=user.email,
        user=user,
        template="privacy/email/export_ready",
        subject=later(lambda: _("Your Trustapp download is ready")),
        context={
            "recipient": user,
            "expires_at": export.expires_at,
            "link": absolute_url(reverse("privacy:export")),
        },
    )
