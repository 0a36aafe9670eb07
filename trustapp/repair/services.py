"""Rules of repair: private reflections revealed only when both finished, what follows
the reveal, and pauses with a promised return. Each function is one transaction."""

from dataclasses import dataclass
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from trustapp.agreements.models import Category
from trustapp.agreements.services import AgreementError, agreement_propose
from trustapp.checkins.services import agenda_add
from trustapp.notifications.notify import notify_partner
from trustapp.notifications.services import note_to_self_cancel, note_to_self_record
from trustapp.repair.models import Moment, Pause, Reflection
from trustapp.repair.steps import LAST, TEXT_MAX_LENGTH, step_of

TITLE_MAX_LENGTH = 200
# The choices of "I will be back in ...", in minutes: from 20 minutes to a day.
PAUSE_CHOICES = (20, 30, 45, 60, 90, 120, 180, 240, 360, 480, 720, 1440)
PAUSE_MIN, PAUSE_MAX = 20, 24 * 60
AGREEMENT_CATEGORY = "conflict"


class RepairError(Exception):
    """Why something cannot be done right now, in words a person can read."""


def _clean(text, limit, too_long):
    text = (text or "").strip()
    if len(text) > limit:
        raise RepairError(too_long % {"limit": limit})
    return text


def _require_open(moment):
    if not moment.partnership.is_active:
        raise RepairError(_("This space is a read-only archive now."))
    if moment.is_stopped:
        raise RepairError(_("This was stopped, so nothing more can be added to it."))


def _tell(moment, user, *, kind, subject, message):
    names = {"name": user.name, "title": moment.title}
    notify_partner(
        partnership=moment.partnership,
        recipient=moment.partnership.partner_of(user),
        actor=user,
        kind=kind,
        subject=subject,
        message=message,
        values=names,
        path=moment.get_absolute_url(),
    )


# -- After a hard moment -----------------------------------------------------------------


def moment_start(*, partnership, user, title):
    title = _clean(
        title, TITLE_MAX_LENGTH, _("Please keep the name of the moment under %(limit)s characters.")
    )
    if not title:
        raise RepairError(_("Give the moment a few words, so you both know which one it is."))
    if not partnership.is_active:
        raise RepairError(_("This space is a read-only archive now."))
    moment = Moment.objects.create(partnership=partnership, title=title, started_by=user)
    moment.partnership = partnership
    _tell(
        moment,
        user,
        kind="repair_started",
        subject=gettext_lazy("%(name)s would like to look back on a hard moment"),
        message=gettext_lazy(
            "%(name)s would like the two of you to look back on “%(title)s”, each on your "
            "own first. Whenever you are ready."
        ),
    )
    return moment


def step_save(*, moment, user, number, text):
    """Save one step of `user`'s reflection. The last step finishes it; the second person
    to finish reveals both. Until then, changes stay private. Returns the reflection."""
    step = step_of(number)
    if step is None:
        raise RepairError(_("That step does not exist. Please start from the page again."))
    text = _clean(text, TEXT_MAX_LENGTH, _("Please keep this under %(limit)s characters."))
    if step.required and not text:
        raise RepairError(_("Write a few words here first. It stays with you for now."))
    with transaction.atomic():
        locked = Moment.objects.select_for_update().get(pk=moment.pk)
        locked.partnership = moment.partnership
        _require_open(locked)
        if locked.revealed_at is not None:
            raise RepairError(_("You have both finished, so what you wrote is shared as it is."))
        now = timezone.now()
        reflection, _created = Reflection.objects.get_or_create(
            moment=locked, author=user, defaults={"created_at": now}
        )
        setattr(reflection, step.field, text)
        reflection.updated_at = now
        reflection.step = max(reflection.step, min(step.number + 1, LAST))
        finishing = step.number == LAST and reflection.finished_at is None
        if finishing:
            reflection.finished_at = now
        reflection.save()
        partner_done = (
            finishing
            and locked.reflections.exclude(author=user).filter(finished_at__isnull=False).exists()
        )
        if partner_done:
            locked.revealed_at = now
            locked.save(update_fields=["revealed_at"])
        moment.revealed_at = locked.revealed_at
    if partner_done:
        _tell(
            moment,
            user,
            kind="repair_revealed",
            subject=gettext_lazy("You can read each other’s words now"),
            message=gettext_lazy(
                "%(name)s finished writing about “%(title)s” too, so you can now read "
                "each other’s side."
            ),
        )
    elif finishing:
        _tell(
            moment,
            user,
            kind="repair_finished",
            subject=gettext_lazy("%(name)s finished writing"),
            message=gettext_lazy(
                "%(name)s finished writing about “%(title)s”. It stays private until you "
                "have finished too, whenever you are ready."
            ),
        )
    return reflection


def moment_stop(*, moment, user):
    """Either partner stops it alone. Words never shown stay private for good."""
    if not moment.partnership.is_active:
        raise RepairError(_("This space is a read-only archive now."))
    stopped = Moment.objects.filter(pk=moment.pk, stopped_at__isnull=True).update(
        stopped_at=timezone.now(), stopped_by=user
    )
    moment.refresh_from_db(fields=["stopped_at", "stopped_by"])
    if stopped:
        _tell(
            moment,
            user,
            kind="repair_stopped",
            subject=gettext_lazy("%(name)s stopped a look back"),
            message=gettext_lazy(
                "%(name)s stopped looking back on “%(title)s” for now. That is all right."
            ),
        )
    return moment


def _revealed(moment, user):
    _require_open(moment)
    if moment.revealed_at is None:
        raise RepairError(_("This opens once you have both finished writing."))
    reflections = {r.author_id: r for r in moment.reflections.select_for_update()}
    mine = reflections.pop(user.pk, None)
    theirs = next(iter(reflections.values()), None)
    return mine, theirs


def hear(*, moment, user):
    """ "I hear you": said once, it stays said."""
    with transaction.atomic():
        mine, _theirs = _revealed(moment, user)
        first = mine.heard_at is None
        if first:
            mine.heard_at = timezone.now()
            mine.save(update_fields=["heard_at"])
    if first:
        _tell(
            moment,
            user,
            kind="repair_heard",
            subject=gettext_lazy("%(name)s hears you"),
            message=gettext_lazy(
                "%(name)s read what you wrote about “%(title)s” and says: I hear you."
            ),
        )
    return mine


def apology_offer(*, moment, user, text):
    text = _clean(text, TEXT_MAX_LENGTH, _("Please keep your apology under %(limit)s characters."))
    if not text:
        raise RepairError(_("An apology needs your own words. Write what you are sorry for."))
    with transaction.atomic():
        mine, _theirs = _revealed(moment, user)
        if mine.apology_accepted_at is not None:
            raise RepairError(_("Your apology was accepted already, so it stays as it was."))
        first = not mine.apology
        mine.apology = text
        mine.apology_at = timezone.now()
        mine.save(update_fields=["apology", "apology_at"])
    if first:
        _tell(
            moment,
            user,
            kind="repair_apology",
            subject=gettext_lazy("%(name)s offered an apology"),
            message=gettext_lazy(
                "%(name)s wrote an apology about “%(title)s”. Read it when you are ready."
            ),
        )
    return mine


def apology_accept(*, moment, user):
    """Accept the partner's apology. Nobody has to, and nothing counts if they don't."""
    with transaction.atomic():
        _mine, theirs = _revealed(moment, user)
        if theirs is None or not theirs.apology:
            raise RepairError(_("There is no apology here to accept yet."))
        if theirs.apology_accepted_at is None:
            theirs.apology_accepted_at = timezone.now()
            theirs.save(update_fields=["apology_accepted_at"])
    _tell(
        moment,
        user,
        kind="repair_accepted",
        subject=gettext_lazy("%(name)s accepted your apology"),
        message=gettext_lazy("%(name)s accepted your apology about “%(title)s”."),
    )
    return theirs


def carry(*, moment, user, author_id, to):
    """Turn one partner's "would help" into an agreement proposal or a topic for the next
    check-in, in one click. Done once: a second click finds it done."""
    if to not in Reflection.CarriedTo.values:
        raise RepairError(_("Please choose an agreement or the next check-in."))
    partnership = moment.partnership
    with transaction.atomic():
        mine, theirs = _revealed(moment, user)
        reflection = next((r for r in (mine, theirs) if r and r.author_id == author_id), None)
        if reflection is None or not reflection.would_help:
            raise RepairError(_("There is nothing written there to carry on with."))
        if reflection.carried_to:
            return reflection
        words = reflection.would_help
        if to == Reflection.CarriedTo.AGREEMENT:
            why = _("It came out of looking back on: %(title)s") % {"title": moment.title}
            try:
                reflection.agreement = agreement_propose(
                    partnership=partnership,
                    author=user,
                    title=Truncator(words.splitlines()[0]).chars(80),
                    text=words,
                    category=_agreement_category(),
                    why=Truncator(why).chars(1000),
                )
            except AgreementError as error:
                raise RepairError(str(error)) from error
        else:
            text = _("A small step after “%(title)s”: %(step)s") % {
                "title": Truncator(moment.title).chars(60),
                "step": words,
            }
            reflection.agenda_item = agenda_add(
                partnership=partnership, user=user, text=Truncator(text).chars(300)
            )
        reflection.carried_to = to
        reflection.carried_at = timezone.now()
        reflection.carried_by = user
        reflection.save(
            update_fields=["carried_to", "carried_at", "carried_by", "agreement", "agenda_item"]
        )
    return reflection


def _agreement_category():
    category = Category.objects.filter(slug=AGREEMENT_CATEGORY).first()
    category = category or Category.objects.order_by("position", "pk").first()
    if category is None:
        raise RepairError(_("Agreements are not set up on this server yet."))
    return category


# -- What each partner may see -----------------------------------------------------------


@dataclass(frozen=True)
class Sides:
    """A moment as one person may see it. `theirs` holds the partner's words only after
    the reveal: before that, they never leave the database for this person."""

    mine: Reflection | None
    theirs: Reflection | None
    partner_started: bool
    partner_finished: bool

    @property
    def i_finished(self):
        return self.mine is not None and self.mine.is_finished


def sides_for(moment, user, reflections=None):
    if reflections is None:
        reflections = list(moment.reflections.all())
    mine = next((r for r in reflections if r.author_id == user.pk), None)
    other = next((r for r in reflections if r.author_id != user.pk), None)
    return Sides(
        mine=mine,
        theirs=other if moment.revealed_at is not None else None,
        partner_started=other is not None,
        partner_finished=other is not None and other.is_finished,
    )


def moment_state(moment, sides):
    """What the page polls for: a word that changes when something the reader may know
    changes (who finished, the reveal, a stop, then "I hear you", an apology offered,
    changed or accepted, a step carried on), never what anyone wrote."""
    if moment.is_stopped:
        return "stopped"
    if moment.revealed_at is None:
        return f"{int(sides.i_finished)}{int(sides.partner_finished)}"
    after = [
        _after_mark(reflection) for reflection in sorted((sides.mine, sides.theirs), key=_by_author)
    ]
    return "revealed-" + "-".join(after)


def _by_author(reflection):
    return reflection.author_id if reflection else 0


def _after_mark(reflection):
    if reflection is None:
        return "0"
    stamps = (reflection.heard_at, reflection.apology_at, reflection.apology_accepted_at)
    marks = [f"{stamp.timestamp():.3f}" if stamp else "" for stamp in stamps]
    return ".".join([*marks, reflection.carried_to])


def with_states(moments, user):
    """Moments with `i_finished` and `partner_finished` annotated, no words loaded."""
    done = Reflection.objects.filter(moment=OuterRef("pk"), finished_at__isnull=False)
    return moments.annotate(
        i_finished=Exists(done.filter(author=user)),
        partner_finished=Exists(done.exclude(author=user)),
    )


# -- A pause with a promised return ------------------------------------------------------


def pause_start(*, partnership, user, minutes, about, path):
    """Pause for `minutes` (20 to a day). The partner sees when; the author gets one
    gentle note at that time through the outbox. A new pause replaces one still running."""
    try:
        minutes = int(minutes)
    except (TypeError, ValueError):
        minutes = 0
    if not PAUSE_MIN <= minutes <= PAUSE_MAX:
        raise RepairError(_("Please choose when you will be back: from 20 minutes to a day."))
    if not partnership.is_active:
        raise RepairError(_("This space is a read-only archive now."))
    now = timezone.now()
    about = Truncator((about or "").strip()).chars(200)
    with transaction.atomic():
        for old in Pause.objects.select_for_update().filter(
            partnership=partnership, user=user, ended_at__isnull=True
        ):
            _end(old, user, now)
        try:
            with transaction.atomic():
                pause = Pause.objects.create(
                    partnership=partnership,
                    user=user,
                    about=about,
                    path=path,
                    started_at=now,
                    return_at=now + timedelta(minutes=minutes),
                )
        except IntegrityError:
            # The same person asked twice at once: the first one stands.
            return Pause.objects.get(partnership=partnership, user=user, ended_at__isnull=True)
        what = about or _("your shared space")
        pause.reminder = note_to_self_record(
            partnership=partnership,
            user=user,
            kind="repair_pause_return",
            subject=_("The time you chose to come back"),
            message=_(
                "You took a pause from %(what)s and said you would come back about now. "
                "It is there whenever you are ready."
            )
            % {"what": what},
            path=path,
            due_at=pause.return_at,
        )
        pause.save(update_fields=["reminder"])
    return pause


def _end(pause, user, now):
    pause.ended_at = min(now, pause.return_at)
    pause.ended_by = user
    pause.save(update_fields=["ended_at", "ended_by"])
    if pause.reminder_id:
        note_to_self_cancel(pause.reminder_id)


def pause_end(*, partnership, user, pause_id):
    """Either partner ends a pause early (its author coming back, or the other saying
    "let's talk now"). The note still waiting for its author is withdrawn."""
    with transaction.atomic():
        pause = (
            Pause.objects.select_for_update()
            .filter(partnership=partnership, pk=pause_id, ended_at__isnull=True)
            .first()
        )
        if pause is None:
            return None
        _end(pause, user, timezone.now())
    return pause


def pauses_now(partnership):
    """The pauses running now in this space (at most one per person), each given its person
    from the members every page has loaded already."""
    return partnership.with_people(
        Pause.objects.filter(
            partnership_id=partnership.pk, ended_at__isnull=True, return_at__gt=timezone.now()
        ).order_by()
    )


def pauses_partnership_ended(partnership):
    """Inside `partnership_leave`: running pauses end with the space (their notes are
    dropped by notifications at the same moment)."""
    Pause.objects.filter(partnership=partnership, ended_at__isnull=True).update(
        ended_at=timezone.now()
    )
