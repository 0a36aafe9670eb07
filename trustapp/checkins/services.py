"""Rules of the check-in ritual that span several models or other apps."""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.db.models import Count, Q, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from trustapp.agreements.models import Agreement
from trustapp.agreements.services import changes_since
from trustapp.appreciations.services import shared_since
from trustapp.checkins.models import (
    ActionPoint,
    AgendaItem,
    Answer,
    CheckIn,
    CheckInCadence,
    CheckInSchedule,
)
from trustapp.conversations.services import prompt_of_the_week as week_prompt
from trustapp.couples.models import Partnership
from trustapp.notifications.notify import notify_partner


class CheckInError(Exception):
    """Why something cannot be done to a check-in, in words a person can read."""


# -- Schedule ---------------------------------------------------------------------------


def _cadences(partnership):
    return CheckInSchedule.objects.filter(partnership_id=partnership.pk).values_list(
        "cadence", flat=True
    )


def cadence_of(partnership):
    return next(iter(_cadences(partnership)), CheckInCadence.WEEKLY)  # one row at most


# Whole sentences: a choice's label lowercased mid-sentence is wrong where nouns keep
# their capital (German) and reads oddly elsewhere.
RHYTHM_CHANGED = {
    CheckInCadence.WEEKLY: gettext_lazy("%(name)s set your check-ins to every week."),
    CheckInCadence.FORTNIGHTLY: gettext_lazy("%(name)s set your check-ins to every two weeks."),
    CheckInCadence.MONTHLY: gettext_lazy("%(name)s set your check-ins to every month."),
}


def schedule_set(*, partnership, user, cadence):
    schedule, _created = CheckInSchedule.objects.update_or_create(
        partnership=partnership,
        defaults={"cadence": cadence, "updated_at": timezone.now(), "updated_by": user},
    )
    notify_partner(
        partnership=partnership,
        recipient=partnership.partner_of(user),
        actor=user,
        kind="checkin_schedule",
        subject=gettext_lazy("Your check-in rhythm changed"),
        message=RHYTHM_CHANGED[schedule.cadence],
        values={"name": user.name},
        path=reverse("checkins:current", args=[partnership.public_id]),
    )
    return schedule


def next_due_date(checkin, cadence):
    """The local day the check-in after `checkin` is due (in the active time zone)."""
    return CheckInSchedule.next_date(timezone.localdate(checkin.opened_at), cadence)


# -- Opening and closing ----------------------------------------------------------------


def checkin_now(partnership, *, today=None):
    """(the latest check-in or None, whether a new one is due by the partnership's
    cadence). Only reads: opening one is `checkin_start`, a person's explicit choice."""
    latest = partnership.checkins.order_by("-opened_at").first()
    if not partnership.is_active or not partnership.is_paired:
        return latest, False
    today = today or timezone.localdate()
    due = latest is None or today >= next_due_date(latest, cadence_of(partnership))
    return latest, due


def _open_new(partnership, *, replacing):
    """Close `replacing` if still open and open a fresh check-in, safe when both race."""
    try:
        with transaction.atomic():
            # Serialise on the partnership row: two partners arriving at once open one.
            Partnership.objects.select_for_update().filter(pk=partnership.pk).first()
            latest = partnership.checkins.order_by("-opened_at").first()
            if latest is not None and (replacing is None or latest.pk != replacing.pk):
                return latest  # someone else opened it a moment ago
            now = timezone.now()
            partnership.checkins.open().update(closed_at=now)
            return CheckIn.objects.create(partnership=partnership, opened_at=now)
    except IntegrityError:
        return partnership.checkins.open().first()


def checkin_start(*, partnership, today=None):
    """Open the check-in for now: the open one while its time lasts, else a new one, when
    it is due or ahead of the rhythm. An open check-in whose time has passed is closed
    first, so each period has its own (a partner's unrevealed answer stays private)."""
    latest, due = checkin_now(partnership, today=today)
    if latest is not None and latest.is_open and not due:
        return latest
    return _open_new(partnership, replacing=latest)


def checkin_close(*, checkin, user):
    """Finish a check-in. Closing twice changes nothing."""
    updated = CheckIn.objects.filter(pk=checkin.pk, closed_at__isnull=True).update(
        closed_at=timezone.now(), closed_by=user
    )
    if updated:
        checkin.refresh_from_db(fields=["closed_at", "closed_by"])
    return checkin


# -- Answers ----------------------------------------------------------------------------


@dataclass
class Answers:
    """What one partner may see of a check-in's answers. `theirs` only once both answered."""

    mine: Answer | None
    theirs: Answer | None
    partner_answered: bool

    @property
    def revealed(self):
        return self.mine is not None and self.theirs is not None


def answers_for(checkin, user):
    """The privacy rule lives here: the partner's answer leaves the database only when
    both answered."""
    answers = {
        a.author_id: a
        for a in checkin.partnership.with_people(Answer.objects.filter(checkin_id=checkin.pk))
    }
    mine = answers.pop(user.pk, None)
    partner_answered = bool(answers)
    theirs = next(iter(answers.values())) if mine is not None and answers else None
    return Answers(mine=mine, theirs=theirs, partner_answered=partner_answered)


def answer_save(*, checkin, user, data):
    """Save or change `user`'s answer. Once both answered, the answers are settled."""
    with transaction.atomic():
        checkin = CheckIn.objects.select_for_update().get(pk=checkin.pk)
        if not checkin.is_open:
            raise CheckInError(_("This check-in is finished, so answers can no longer change."))
        answers = list(checkin.answers.all())
        mine = next((a for a in answers if a.author_id == user.pk), None)
        partner_answered = any(a.author_id != user.pk for a in answers)
        if mine is not None and partner_answered:
            raise CheckInError(
                _("You have both answered, so your answers stay as they were shared.")
            )
        now = timezone.now()
        if mine is None:
            mine = Answer(checkin=checkin, author=user, created_at=now)
        for name, value in data.items():
            setattr(mine, name, value)
        mine.updated_at = now
        first_time = mine.pk is None
        mine.save()
    partnership = checkin.partnership
    if first_time:
        partner = partnership.partner_of(user)
        if partner_answered:
            subject = gettext_lazy("You can see each other's check-in answers now")
            message = gettext_lazy("%(name)s answered the check-in too.")
        else:
            subject = gettext_lazy("%(name)s answered your check-in")
            message = gettext_lazy(
                "%(name)s answered this check-in. Their answer stays private until you "
                "have answered too."
            )
        notify_partner(
            partnership=partnership,
            recipient=partner,
            actor=user,
            kind="checkin_answer",
            subject=subject,
            message=message,
            values={"name": user.name},
            path=checkin.get_absolute_url(),
        )
    return mine


WAITING = "waiting"


def answers_state(checkin, user):
    """WAITING while `user` answered an open check-in and the partner has not; another
    word when something changed. It says only whether the partner answered, never what."""
    authors = set(checkin.answers.values_list("author_id", flat=True))
    waiting = checkin.is_open and checkin.partnership.is_active and authors == {user.pk}
    return WAITING if waiting else "changed"


# -- Agenda and action points -----------------------------------------------------------


def agenda_add(*, partnership, user, text):
    return AgendaItem.objects.create(partnership=partnership, added_by=user, text=text)


def agenda_add_revisit(*, agreement, user):
    """An agreement that needs a conversation after its revisit date, for the next check-in."""
    text = _("“%(title)s” needs a conversation after its revisit date.") % {
        "title": Truncator(agreement.title).chars(200)
    }
    return agenda_add(partnership=agreement.partnership, user=user, text=text)


def agenda_talked_about(*, item, checkin, talked):
    """Mark a flagged topic as talked about in `checkin`, or put it back on the agenda."""
    item.talked_about_at = timezone.now() if talked else None
    item.talked_about_in = checkin if talked else None
    item.save(update_fields=["talked_about_at", "talked_about_in"])
    return item


def agenda_for(checkin, *, include_waiting):
    """Flagged topics talked about in this check-in, plus, with `include_waiting`, those
    still waiting to be talked about."""
    if include_waiting:
        talked = Q(talked_about_at__isnull=True) | Q(talked_about_in_id=checkin.pk)
    else:
        talked = Q(talked_about_in_id=checkin.pk)
    return AgendaItem.objects.filter(talked, partnership_id=checkin.partnership_id)


def action_point_add(*, checkin, user, text, owner):
    """`owner` is a user, or None for both of us."""
    if not checkin.is_open:
        raise CheckInError(_("This check-in is finished. Add new steps to the next one."))
    return ActionPoint.objects.create(
        checkin=checkin, text=text, owner=owner, for_both=owner is None, added_by=user
    )


# -- Changing or removing a topic or a small step ---------------------------------------
#
# The rule: a topic can be reworded or removed while it waits to be talked about, and
# during the check-in where it is talked about; a small step while its check-in is under
# way. Once that check-in is finished they are its history and stay as they were. Nothing
# changes in a space that has ended. Either partner may change either's words: the
# check-in is shared. Each change carries the version it started from, so when both
# partners change the same item at once, the second is told instead of losing words.


class ItemChanged(CheckInError):
    """The item changed after this person started; `item` is how it reads now."""

    def __init__(self, message, item):
        super().__init__(message)
        self.item = item


def topic_is_editable(item, *, partnership):
    if not partnership.is_active:
        return False
    if item.talked_about_at is None:
        return True
    return item.talked_about_in is not None and item.talked_about_in.is_open


def step_is_editable(step, *, partnership):
    return partnership.is_active and step.checkin.is_open


def topics_on(checkin, *, partnership, include_waiting):
    """The topics `checkin`'s page shows, each told whether it may still change."""
    topics = partnership.with_people(agenda_for(checkin, include_waiting=include_waiting))
    for topic in topics:
        if topic.talked_about_in_id == checkin.pk:
            topic.talked_about_in = checkin  # loaded already
        topic.editable = topic_is_editable(topic, partnership=partnership)
    return topics


def steps_of(checkin, *, partnership):
    """`checkin`'s small steps, each told whether it may still change."""
    [steps] = steps_of_each(checkin, partnership=partnership)
    return steps


def steps_of_each(*checkins, partnership):
    """The small steps of each of `checkins` (a list each; none for None), read in one
    query: a check-in's page shows its own and the previous one's."""
    loaded = {checkin.pk: checkin for checkin in checkins if checkin is not None}
    steps = {pk: [] for pk in loaded}
    if loaded:
        for step in partnership.with_people(ActionPoint.objects.filter(checkin_id__in=loaded)):
            step.checkin = loaded[step.checkin_id]  # loaded already
            step.editable = step_is_editable(step, partnership=partnership)
            steps[step.checkin_id].append(step)
    return [steps[checkin.pk] if checkin is not None else [] for checkin in checkins]


@dataclass(frozen=True)
class ItemKind:
    """What the rule needs to know about topics or small steps, and how to say it."""

    queryset: Callable
    is_editable: Callable
    gone: str
    settled: str
    changed: str


TOPIC = ItemKind(
    queryset=lambda: AgendaItem.objects.select_related("talked_about_in"),
    is_editable=topic_is_editable,
    gone=gettext_lazy(
        "This topic is no longer on the agenda. It may have been removed a moment ago."
    ),
    settled=gettext_lazy(
        "You talked about this topic in a finished check-in, so it stays as it was."
    ),
    changed=gettext_lazy("This topic was changed while you were writing."),
)
STEP = ItemKind(
    queryset=lambda: ActionPoint.objects.select_related("checkin", "owner"),
    is_editable=step_is_editable,
    gone=gettext_lazy("This small step is no longer here. It may have been removed a moment ago."),
    settled=gettext_lazy(
        "This small step belongs to a finished check-in, so it stays as you agreed it."
    ),
    changed=gettext_lazy("This small step was changed while you were writing."),
)


def kind_of(item):
    return TOPIC if isinstance(item, AgendaItem) else STEP


def require_editable(item, *, partnership):
    """Say why, in a CheckInError, when `item` may no longer change."""
    if not partnership.is_active:
        raise CheckInError(_("This space is a read-only archive now."))
    kind = kind_of(item)
    if not kind.is_editable(item, partnership=partnership):
        raise CheckInError(str(kind.settled))


def _claim(item, *, partnership, expected_version):
    """Lock the item's row and check the rule and the version; the fresh row comes back."""
    kind = kind_of(item)
    fresh = kind.queryset().select_for_update(of=("self",)).filter(pk=item.pk).first()
    if fresh is None:
        raise CheckInError(str(kind.gone))
    require_editable(fresh, partnership=partnership)
    if fresh.version != expected_version:
        raise ItemChanged(str(kind.changed), fresh)
    return fresh


def topic_edit(*, partnership, item, text, expected_version):
    with transaction.atomic():
        item = _claim(item, partnership=partnership, expected_version=expected_version)
        item.text = text
        item.version += 1
        item.save(update_fields=["text", "version"])
    return item


def step_edit(*, partnership, step, text, owner, expected_version):
    """`owner` is one of the two partners, or None for both of us."""
    if owner is not None and not any(m.user_id == owner.pk for m in partnership.member_list()):
        raise CheckInError(_("A small step belongs to one of you, or to both."))
    with transaction.atomic():
        step = _claim(step, partnership=partnership, expected_version=expected_version)
        step.text = text
        step.owner = owner
        step.for_both = owner is None
        step.version += 1
        step.save(update_fields=["text", "owner", "for_both", "version"])
    return step


def item_remove(*, partnership, item, expected_version):
    """Remove a topic or a small step for both partners."""
    with transaction.atomic():
        item = _claim(item, partnership=partnership, expected_version=expected_version)
        item.delete()


def is_latest(checkin):
    return not CheckIn.objects.filter(
        partnership_id=checkin.partnership_id, opened_at__gt=checkin.opened_at
    ).exists()


def history_for(partnership):
    """Every check-in, newest first, with what each holds counted in the database."""
    return partnership.checkins.annotate(
        answer_count=Count("answers", distinct=True),
        action_count=Count("action_points", distinct=True),
        done_count=Count(
            "action_points", filter=Q(action_points__done_at__isnull=False), distinct=True
        ),
    ).order_by("-opened_at")


def with_previous(partnership, pk):
    """(check-in `pk` of `partnership`, the one opened before it or None), in one query:
    a check-in's page looks back from the previous one, and says when the next is due, so
    the same query reads the partnership's rhythm (`cadence_of`) as each row's `cadence`.
    Raises CheckIn.DoesNotExist."""
    opened = CheckIn.objects.filter(partnership_id=partnership.pk, pk=pk).values("opened_at")
    rows = list(
        CheckIn.objects.filter(
            Q(pk=pk) | Q(opened_at__lt=Subquery(opened)), partnership_id=partnership.pk
        )
        .annotate(cadence=Subquery(_cadences(partnership)[:1]))
        .order_by("-opened_at")[:2]
    )
    if not rows or rows[0].pk != pk:
        raise CheckIn.DoesNotExist
    for checkin in rows:
        checkin.partnership = partnership  # loaded already, with its members
        checkin.cadence = checkin.cadence or CheckInCadence.WEEKLY  # no row: the default
    return rows[0], rows[1] if len(rows) > 1 else None


def previous_checkin(checkin):
    return (
        CheckIn.objects.filter(
            partnership_id=checkin.partnership_id, opened_at__lt=checkin.opened_at
        )
        .order_by("-opened_at")
        .first()
    )


# -- Look back, agenda and reconnect: built from the other apps ------------------------


@dataclass
class LookBack:
    since: datetime
    previous: CheckIn | None
    action_points: list = field(default_factory=list)
    appreciations: list = field(default_factory=list)
    agreement_changes: list = field(default_factory=list)


def look_back(checkin, previous, steps=None):
    """What happened since `previous` (the check-in before, or None for the first):
    `steps` are its small steps when the caller has read them already."""
    partnership = checkin.partnership
    if previous is not None:
        since = previous.opened_at
        if steps is None:
            steps = steps_of(previous, partnership=partnership)
    else:
        # The week before, but not before the space began: nothing was shared earlier.
        since = max(checkin.opened_at - timedelta(days=7), partnership.created_at)
        steps = []
    return LookBack(
        since=since,
        previous=previous,
        action_points=steps,
        appreciations=partnership.with_people(shared_since(partnership, since)),
        agreement_changes=_in_partnership(changes_since(partnership, since), partnership),
    )


def _in_partnership(items, partnership):
    """The items as a list, each told its partnership so their URLs cost no query each."""
    items = list(items)
    for item in items:
        if getattr(item, "partnership_id", None) == partnership.pk:
            item.partnership = partnership
    return items


def agreements_due_for_revisit(partnership):
    return _in_partnership(Agreement.objects.due_for_revisit(partnership), partnership)


@dataclass
class Prompt:
    prompt: object
    url: str | None


def prompt_of_the_week(partnership):
    prompt = week_prompt(partnership)
    if prompt is None:
        return None
    url = reverse("conversations:prompt", args=[partnership.public_id, prompt.slug])
    return Prompt(prompt=prompt, url=url)


def appreciation_url(partnership):
    """Where the reconnect step sends you to log an appreciation."""
    return reverse("appreciations:new", args=[partnership.public_id])
