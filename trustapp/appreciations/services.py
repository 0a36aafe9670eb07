"""Rules of the appreciation log: writing, sharing, reacting, replying, looking back."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from django.db import IntegrityError, transaction
from django.db.models import Count, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from trustapp.appreciations.models import (
    KEPT_WORDS_MAX_LENGTH,
    Appreciation,
    AppreciationQuality,
    Quality,
    Reaction,
    ReadMarker,
)
from trustapp.couples import kept as kept_things
from trustapp.notifications.notify import notify_partner

CHART_WEEKS = 12
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


class AppreciationError(Exception):
    """Why an action cannot happen, in words a person can read."""


def _set_qualities(appreciation, qualities):
    wanted = [value for value, _label in Quality.choices if value in set(qualities)]
    appreciation.qualities.exclude(quality__in=wanted).delete()
    AppreciationQuality.objects.bulk_create(
        [AppreciationQuality(appreciation=appreciation, quality=value) for value in wanted],
        ignore_conflicts=True,
    )


def _notify_shared(appreciation):
    author = appreciation.author
    notify_partner(
        partnership=appreciation.partnership,
        recipient=appreciation.recipient,
        actor=author,
        kind="appreciation",
        subject=gettext_lazy("%(name)s appreciated something you did"),
        message=gettext_lazy("%(name)s wrote down something you did that they are glad about."),
        values={"name": author.name},
        path=appreciation.get_absolute_url(),
    )


def appreciation_create(
    *, partnership, author, text, happened_on, qualities=(), share=True, **kept_fields
):
    recipient = partnership.partner_of(author)
    if recipient is None:
        raise AppreciationError(_("Appreciations start once your partner has joined."))
    now = timezone.now()
    with transaction.atomic():
        appreciation = Appreciation.objects.create(
            partnership=partnership,
            author=author,
            recipient=recipient,
            text=text,
            happened_on=happened_on,
            created_at=now,
            shared_at=now if share else None,
            **kept_fields,
        )
        _set_qualities(appreciation, qualities)
        if share:
            _notify_shared(appreciation)
    return appreciation


def appreciation_update(*, appreciation, text, happened_on, qualities=(), share=False):
    """Change one's own entry. Once shared, the partner sees that it was edited."""
    changed = (
        text != appreciation.text
        or happened_on != appreciation.happened_on
        or sorted(qualities) != sorted(appreciation.quality_values())
    )
    now = timezone.now()
    fields = ["text", "happened_on"]
    appreciation.text = text
    appreciation.happened_on = happened_on
    if changed and appreciation.is_shared:
        appreciation.edited_at = now
        fields.append("edited_at")
    with transaction.atomic():
        appreciation.save(update_fields=fields)
        _set_qualities(appreciation, qualities)
        if share and not appreciation.is_shared:
            appreciation_share(appreciation=appreciation)
    return appreciation


def find_kept(*, partnership, user, kind, pk):
    """The kept thing `user` may notice their partner kept, or an error to read."""
    kept = kept_things.find(kind, partnership, user, pk)
    if kept is None:
        raise AppreciationError(_("There is nothing here to notice just now."))
    return kept


def appreciation_notice(*, partnership, author, kind, pk, line=""):
    """ "I noticed you kept this": a shared appreciation (reliable) in one tap.

    The same person noticing the same thing again on the same day gets the first one back.
    """
    kept = find_kept(partnership=partnership, user=author, kind=kind, pk=pk)
    today = timezone.localdate()
    same = Appreciation.objects.filter(
        partnership=partnership, author=author, kept_kind=kind, kept_id=pk, happened_on=today
    )
    if (earlier := same.first()) is not None:
        return earlier
    try:
        with transaction.atomic():
            return appreciation_create(
                partnership=partnership,
                author=author,
                text=line or _("I noticed you kept this. Thank you."),
                happened_on=today,
                qualities=[Quality.RELIABLE],
                kept_kind=kind,
                kept_id=pk,
                kept_words=kept.words[:KEPT_WORDS_MAX_LENGTH],
            )
    except IntegrityError:  # the same tap twice at once: one appreciation, one notice
        return same.get()


def appreciation_share(*, appreciation):
    """Turn a private note into a shared appreciation. Sharing twice does nothing."""
    now = timezone.now()
    with transaction.atomic():
        updated = Appreciation.objects.filter(pk=appreciation.pk, shared_at__isnull=True).update(
            shared_at=now
        )
        if updated:
            appreciation.shared_at = now
            _notify_shared(appreciation)
    return appreciation


def appreciation_delete(*, appreciation):
    appreciation.delete()


def appreciation_react(*, appreciation, user, reaction):
    """The recipient's one-tap answer; tapping the same one again takes it back."""
    if appreciation.recipient_id != user.pk or not appreciation.is_shared:
        raise AppreciationError(_("Only the person it is about can react to it."))
    if reaction not in Reaction.values:
        raise AppreciationError(_("Please pick thank you or a heart."))
    if appreciation.reaction == reaction:
        appreciation.reaction, appreciation.reacted_at = "", None
    else:
        appreciation.reaction, appreciation.reacted_at = reaction, timezone.now()
    appreciation.save(update_fields=["reaction", "reacted_at"])
    return appreciation


def appreciation_reply(*, appreciation, user, text):
    """One short reply from the recipient. A second reply is refused, even in a race."""
    if appreciation.recipient_id != user.pk or not appreciation.is_shared:
        raise AppreciationError(_("Only the person it is about can reply to it."))
    now = timezone.now()
    with transaction.atomic():
        updated = Appreciation.objects.filter(pk=appreciation.pk, reply="").update(
            reply=text, replied_at=now
        )
        if not updated:
            raise AppreciationError(_("You have already replied to this one."))
        appreciation.reply, appreciation.replied_at = text, now
        notify_partner(
            partnership=appreciation.partnership,
            recipient=appreciation.author,
            actor=user,
            kind="appreciation_reply",
            subject=gettext_lazy("%(name)s replied to your appreciation"),
            message=gettext_lazy("%(name)s wrote a short reply to something you appreciated."),
            values={"name": user.name},
            path=appreciation.get_absolute_url(),
        )
    return appreciation


# "New since your last visit": the reader's own marker, never shown to the partner.


def _marker(partnership, user):
    return ReadMarker.objects.filter(partnership=partnership, user=user)


def _read_marker(partnership, user):
    """The reader's marker or None; there is at most one, so no order is needed."""
    return next(iter(_marker(partnership, user)[:1]), None)


def _new_since(partnership, user, since):
    return Appreciation.objects.filter(partnership=partnership, recipient=user, shared_at__gt=since)


def new_for(partnership, user):
    """How many shared appreciations from the partner `user` has not opened the log for."""
    seen = Subquery(_marker(partnership, user).values("seen_at")[:1])
    return Appreciation.objects.filter(
        partnership=partnership,
        recipient=user,
        shared_at__gt=Coalesce(seen, Value(EPOCH)),
    ).count()


def new_counts(pairs):
    """`new_for` for many (partnership pk, user pk) pairs at once, in one query:
    {(partnership pk, user pk): count}, leaving out pairs with nothing new."""
    pairs = set(pairs)
    if not pairs:
        return {}
    seen = ReadMarker.objects.filter(
        partnership=OuterRef("partnership_id"), user=OuterRef("recipient_id")
    ).values("seen_at")[:1]
    rows = (
        Appreciation.objects.filter(
            partnership_id__in={partnership_id for partnership_id, _user_id in pairs},
            recipient_id__in={user_id for _partnership_id, user_id in pairs},
            shared_at__gt=Coalesce(Subquery(seen), Value(EPOCH)),
        )
        .values_list("partnership_id", "recipient_id")
        .annotate(count=Count("pk"))
        .order_by()
    )
    return {
        (partnership_id, user_id): count
        for partnership_id, user_id, count in rows
        if (partnership_id, user_id) in pairs
    }


@dataclass(frozen=True)
class Visit:
    """A first page of the log, opened: how many arrived since the last visit, the latest
    few of them, and the moment before which everything had been seen."""

    new_count: int
    new_list: list
    since: object


def open_log(partnership, user, *, limit=5):
    """Record that `user` opened the log now, and tell what is new for them.

    One read of the marker serves the count, the list and the move. Pages loaded later in
    the same visit use `highlight_since` to keep the same highlight.
    """
    marker = _read_marker(partnership, user)
    since = marker.seen_at if marker else EPOCH
    new = _new_since(partnership, user, since)
    new_count = new.count()
    if marker is not None and not new_count:
        # Nothing arrived since the last visit: moving the marker would change nothing
        # anyone can see, so a reload writes nothing (at most once, to settle the
        # highlight the next pages of this visit use).
        if marker.previous_seen_at != marker.seen_at:
            _marker(partnership, user).update(previous_seen_at=marker.seen_at)
        return Visit(0, [], since)
    new_list = list(new.order_by("-shared_at")[:limit]) if new_count else []
    ReadMarker.objects.bulk_create(
        [
            ReadMarker(
                partnership=partnership,
                user=user,
                seen_at=timezone.now(),
                previous_seen_at=marker.seen_at if marker else None,
            )
        ],
        update_conflicts=True,
        unique_fields=["partnership", "user"],
        update_fields=["seen_at", "previous_seen_at"],
    )
    return Visit(new_count, new_list, since)


def mark_seen(partnership, user):
    """`open_log` for its moment alone."""
    return open_log(partnership, user).since


def highlight_since(partnership, user):
    """The moment before this visit began, for the next pages of the same visit."""
    marker = _read_marker(partnership, user)
    if marker is None:
        return EPOCH
    return marker.previous_seen_at or EPOCH


def shared_since(partnership, since):
    """Shared appreciations that became visible to both at or after `since`, oldest first
    (a check-in's look back shows who wrote each, not its qualities). Their people are
    the partnership's members, which the caller has loaded already: no join for them."""
    return Appreciation.objects.filter(
        partnership_id=partnership.pk, shared_at__gte=since
    ).order_by("shared_at", "id")


# Looking back


def week_start(day):
    return day - timedelta(days=day.weekday())


def weekly_counts(partnership, members, today):
    """Shared appreciations per week and author for the last CHART_WEEKS weeks.

    One grouped query by day (plain to build, the same on every database), summed into
    weeks here; weeks start on Monday and quiet weeks are simply zero.
    Returns [{"start": date, "counts": [n per member]}], oldest week first.
    """
    first = week_start(today) - timedelta(weeks=CHART_WEEKS - 1)
    rows = (
        Appreciation.objects.filter(
            partnership_id=partnership.pk,
            shared_at__isnull=False,
            happened_on__gte=first,
            happened_on__lte=today,
        )
        .order_by()
        .values_list("happened_on", "author_id")
        .annotate(n=Count("id"))
    )
    counts = defaultdict(int)
    for day, author_id, n in rows:
        counts[(week_start(day), author_id)] += n
    weeks = []
    for index in range(CHART_WEEKS):
        start = first + timedelta(weeks=index)
        weeks.append({"start": start, "counts": [counts[(start, m.pk)] for m in members]})
    return weeks


def qualities_noticed(partnership):
    """{recipient id: [(label, count), ...]} most noticed first; one grouped query, put in
    order here (a few rows)."""
    rows = (
        AppreciationQuality.objects.filter(
            appreciation__partnership_id=partnership.pk, appreciation__shared_at__isnull=False
        )
        .order_by()
        .values_list("appreciation__recipient_id", "quality")
        .annotate(n=Count("id"))
    )
    labels = dict(Quality.choices)
    noticed = {}
    for recipient_id, quality, n in sorted(rows, key=lambda row: (row[0], -row[2], row[1])):
        noticed.setdefault(recipient_id, []).append((labels.get(quality, quality), n))
    return noticed


def on_this_day(partnership, user, today, *, limit=5):
    """Entries from this day of the month in earlier months, newest first."""
    found = list(
        Appreciation.objects.visible_to(user).filter(
            partnership=partnership,
            happened_on__day=today.day,
            happened_on__lt=date(today.year, today.month, 1),
        )[:limit]
    )
    return partnership.with_people(found)


def latest_received(partnership, user):
    return (
        Appreciation.objects.filter(partnership=partnership, recipient=user)
        .shared()
        .order_by("-shared_at")
        .first()
    )


def latest_received_and_new(partnership, user):
    """(`latest_received`, `new_for`) for the home card. The latest comes with when `user`
    last opened the log; only if it is newer than that is there anything to count."""
    seen = _marker(partnership, user).values("seen_at")[:1]
    latest = (
        Appreciation.objects.filter(partnership=partnership, recipient=user)
        .shared()
        .annotate(seen_at=Subquery(seen))
        .order_by("-shared_at")
        .first()
    )
    if latest is None or (latest.seen_at is not None and latest.shared_at <= latest.seen_at):
        return latest, 0
    return latest, _new_since(partnership, user, latest.seen_at or EPOCH).count()
