"""Rules for agreements and boundaries. Each function is one transaction.

Every change of an agreement's state starts with `_claim`: a conditional
`UPDATE ... SET version = version + 1 WHERE id = ... [AND version = expected]`. It takes the
row lock, so two partners acting at once are serialised, and when a save started from an
older version it matches no row and raises `AgreementConflict` instead of losing an update.
"""

import threading
from contextlib import contextmanager
from functools import cache

from django.db import connection, transaction
from django.db.models import F, Max, Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from trustapp.agreements.models import (
    Acknowledgment,
    Agreement,
    AgreementEvent,
    AgreementRevision,
    Boundary,
    BoundaryRevision,
    Comment,
    Consent,
    RevisitAnswer,
)
from trustapp.agreements.signals import revisit_needs_conversation
from trustapp.couples.models import Membership
from trustapp.notifications.notify import notify_partner

Status = Agreement.Status
Kind = AgreementEvent.Kind


class AgreementError(Exception):
    """A step that cannot be taken now, with a reason a person can read."""


class AgreementConflict(AgreementError):
    """Someone changed the agreement since this person started; `agreement` is fresh."""

    def __init__(self, message, agreement):
        super().__init__(message)
        self.agreement = agreement


class BoundaryConflict(AgreementError):
    def __init__(self, message, boundary):
        super().__init__(message)
        self.boundary = boundary


# Demo data and imports should not email anybody.
_quiet = threading.local()


@contextmanager
def notifications_off():
    _quiet.on = True
    try:
        yield
    finally:
        _quiet.on = False


def _notify(*, partnership, actor, kind, subject, message, path, values=None):
    if getattr(_quiet, "on", False):
        return
    notify_partner(
        partnership=partnership,
        recipient=partnership.partner_of(actor),
        actor=actor,
        kind=kind,
        subject=subject,
        message=message,
        path=path,
        values=values,
    )


def _member_ids(partnership):
    # All of the space's memberships (the claim has them prefetched, with the people).
    return {membership.user_id for membership in partnership.memberships.all()}


def _standing_consents(revision):
    if revision is None:
        return set()
    return set(
        revision.consents.filter(withdrawn_at__isnull=True)
        .order_by()
        .values_list("user_id", flat=True)
    )


def _require_open_space(partnership, user):
    if not partnership.is_active:
        raise AgreementError(_("This space is a read-only archive now."))
    if not any(m.user_id == user.pk for m in partnership.member_list()):
        raise AgreementError(_("Only the two partners can change what is written here."))


def _claim(agreement, *, user, expected_version=None, now=None):
    """Lock the agreement row and bump its version; the fresh row comes back.

    Only a current member of the partnership may change anything in it."""
    rows = Agreement.objects.filter(pk=agreement.pk)
    if expected_version is not None:
        rows = rows.filter(version=expected_version)
    if not rows.update(version=F("version") + 1, updated_at=now or timezone.now()):
        fresh = Agreement.objects.select_related(
            "pending_revision__author", "agreed_revision__author"
        ).get(pk=agreement.pk)
        raise AgreementConflict(_("This agreement was changed while you were writing."), fresh)
    fresh = (
        Agreement.objects.select_related("partnership", "agreed_revision", "pending_revision")
        .prefetch_related(
            # Unordered: member_list() sorts the two.
            Prefetch(
                "partnership__memberships", Membership.objects.select_related("user").order_by()
            )
        )
        .get(pk=agreement.pk)
    )
    _require_open_space(fresh.partnership, user)
    return fresh


def _event(agreement, kind, actor, *, revision=None, note="", now=None):
    AgreementEvent.objects.create(
        agreement=agreement,
        kind=kind,
        actor=actor,
        revision=revision,
        note=note,
        created_at=now or timezone.now(),
    )


def _settle(agreement, *, actor, now, known=None):
    """Recompute the cached status from the consents; record an agreement if one happened.

    `known`: the standing consents of a revision the caller has just read, by its id (the
    agreement's row is locked, so nobody else can change them meanwhile)."""
    known = dict(known or {})

    def standing(revision):
        if revision.pk not in known:
            known[revision.pk] = _standing_consents(revision)
        return known[revision.pk]

    members = _member_ids(agreement.partnership)
    pending = agreement.pending_revision
    if pending is not None and standing(pending) >= members:
        kind = Kind.CHANGED if agreement.agreed_revision_id else Kind.AGREED
        agreement.agreed_revision = pending
        agreement.pending_revision = None
        _event(agreement, kind, actor, revision=pending, now=now)
    if agreement.status not in (Status.RETIRED, Status.SET_ASIDE):
        if agreement.agreed_revision is not None:
            both = standing(agreement.agreed_revision) >= members
            agreement.status = Status.IN_FORCE if both else Status.NEEDS_CONVERSATION
        elif agreement.pending_revision is not None:
            agreement.status = Status.PROPOSED
        else:
            agreement.status = Status.SET_ASIDE
    current = agreement.current_revision
    if current is not None:
        agreement.title = current.title
    agreement.save(
        update_fields=["status", "agreed_revision", "pending_revision", "title", "updated_at"]
    )
    return agreement


def _new_revision(agreement, *, author, title, text, why, now):
    number = (agreement.revisions.aggregate(n=Max("number"))["n"] or 0) + 1
    revision = AgreementRevision.objects.create(
        agreement=agreement,
        number=number,
        title=title,
        text=text,
        why=why,
        author=author,
        created_at=now,
    )
    Consent.objects.create(revision=revision, user=author, given_at=now)
    return revision


def agreement_propose(*, partnership, author, title, text, category, why="", revisit_on=None):
    """A new mutual agreement, proposed by `author` (who consents to their own words)."""
    _require_open_space(partnership, author)
    now = timezone.now()
    with transaction.atomic():
        agreement = Agreement.objects.create(
            partnership=partnership,
            category=category,
            title=title,
            revisit_on=revisit_on,
            created_by=author,
            created_at=now,
            updated_at=now,
        )
        revision = _new_revision(agreement, author=author, title=title, text=text, why=why, now=now)
        agreement.pending_revision = revision
        agreement.save(update_fields=["pending_revision"])
        _event(agreement, Kind.PROPOSED, author, revision=revision, now=now)
    _notify(
        partnership=partnership,
        actor=author,
        kind="agreement_proposed",
        subject=gettext_lazy("%(name)s proposed an agreement"),
        message=gettext_lazy(
            "%(name)s proposed “%(title)s”. It waits for you to read it when you like."
        ),
        values={"name": author.name, "title": title},
        path=agreement.get_absolute_url(),
    )
    return agreement


def agreement_suggest_change(*, agreement, author, title, text, why, expected_version):
    """A new revision. Whatever was agreed stays in force until both agree to this one."""
    now = timezone.now()
    with transaction.atomic():
        agreement = _claim(agreement, user=author, expected_version=expected_version, now=now)
        if not agreement.is_open:
            raise AgreementError(_("This agreement is closed, so it cannot be changed."))
        revision = _new_revision(agreement, author=author, title=title, text=text, why=why, now=now)
        agreement.pending_revision = revision
        _event(agreement, Kind.SUGGESTED, author, revision=revision, now=now)
        _settle(agreement, actor=author, now=now)
    _notify(
        partnership=agreement.partnership,
        actor=author,
        kind="agreement_change_suggested",
        subject=gettext_lazy("%(name)s suggested a change"),
        message=gettext_lazy(
            "%(name)s suggested new words for “%(title)s”. Nothing changes until you agree."
        ),
        values={"name": author.name, "title": agreement.title},
        path=agreement.get_absolute_url(),
    )
    return revision


def _stands_behind(agreement, user, revision_id):
    """Whether `user` already stands behind exactly these words of an open agreement.

    Saying yes again (a double tap, a second tab) changes nothing, so it writes nothing: no
    lock and no new version, so the partner's open form meets no conflict. Read without the
    lock, it is still true in some order of events: a change that lands meanwhile came after."""
    if revision_id is None or not agreement.is_open:
        return False
    if revision_id not in (agreement.pending_revision_id, agreement.agreed_revision_id):
        return False
    _require_open_space(agreement.partnership, user)
    return Consent.objects.filter(
        revision_id=revision_id, user=user, withdrawn_at__isnull=True
    ).exists()


def agreement_consent(*, agreement, user, revision_id):
    """Say yes to one exact revision: the pending proposal, or the agreed words again."""
    if _stands_behind(agreement, user, revision_id):
        return agreement
    now = timezone.now()
    with transaction.atomic():
        agreement = _claim(agreement, user=user, now=now)
        allowed = {r.pk: r for r in (agreement.pending_revision, agreement.agreed_revision) if r}
        revision = allowed.get(revision_id)
        if revision is None or not agreement.is_open:
            raise AgreementConflict(
                _("These words are no longer the latest. Please read the current version."),
                agreement,
            )
        if agreement.pending_revision_id not in (None, revision.pk):
            # One yes at a time: while new words wait, agreeing again to the old ones
            # would put them in force beside a suggestion that still waits for this person.
            raise AgreementError(
                _(
                    "New words are suggested. Say yes to them, or set the suggestion aside "
                    "first to agree to the earlier words again."
                )
            )
        standing = _standing_consents(revision)
        if user.pk in standing:
            return agreement
        was_agreed, was_in_force = agreement.agreed_revision_id, agreement.status == Status.IN_FORCE
        Consent.objects.create(revision=revision, user=user, given_at=now)
        _event(agreement, Kind.CONSENTED, user, revision=revision, now=now)
        _settle(agreement, actor=user, now=now, known={revision.pk: standing | {user.pk}})
    if news := _in_force_news(agreement, was_agreed=was_agreed, was_in_force=was_in_force):
        _notify(
            partnership=agreement.partnership,
            actor=user,
            kind="agreement_in_force",
            subject=gettext_lazy("%(name)s said yes to an agreement"),
            message=news,
            values={"name": user.name, "title": agreement.title},
            path=agreement.get_absolute_url(),
        )
    return agreement


def _in_force_news(agreement, *, was_agreed, was_in_force):
    """What the partner who waited hears when a yes puts the agreement in force, if it did."""
    if agreement.status != Status.IN_FORCE:
        return None
    if was_agreed is None:
        return gettext_lazy(
            "%(name)s said yes to “%(title)s”. It is in force now, for both of you."
        )
    if agreement.agreed_revision_id != was_agreed:
        return gettext_lazy(
            "%(name)s said yes to the new words for “%(title)s”. They are in force now."
        )
    if not was_in_force:
        return gettext_lazy("%(name)s said yes again to “%(title)s”. It is in force again.")
    return None


def agreement_withdraw(*, agreement, user, note=""):
    """Take back one's consent to the agreed words. It needs a conversation until both agree."""
    now = timezone.now()
    with transaction.atomic():
        agreement = _claim(agreement, user=user, now=now)
        revision = agreement.agreed_revision
        consent = (
            revision.consents.filter(user=user, withdrawn_at__isnull=True).first()
            if revision and agreement.is_open
            else None
        )
        if consent is None:
            raise AgreementError(_("You have no standing consent to withdraw here."))
        consent.withdrawn_at = now
        consent.note = note
        consent.save(update_fields=["withdrawn_at", "note"])
        _event(agreement, Kind.WITHDRAWN, user, revision=revision, note=note, now=now)
        _settle(agreement, actor=user, now=now)
    _notify(
        partnership=agreement.partnership,
        actor=user,
        kind="agreement_consent_withdrawn",
        subject=gettext_lazy("%(name)s would like to talk about an agreement"),
        message=gettext_lazy(
            "%(name)s withdrew their consent to “%(title)s”. It now needs a conversation "
            "between you; nothing else has changed."
        ),
        values={"name": user.name, "title": agreement.title},
        path=agreement.get_absolute_url(),
    )
    return agreement


def agreement_set_aside(*, agreement, user):
    """Drop the pending proposal: its author takes it back, or the partner declines it.
    Whatever was agreed before stays as it is."""
    now = timezone.now()
    with transaction.atomic():
        agreement = _claim(agreement, user=user, now=now)
        pending = agreement.pending_revision
        if pending is None or not agreement.is_open:
            raise AgreementError(_("There is no open suggestion here any more."))
        pending.consents.filter(user=user, withdrawn_at__isnull=True).update(withdrawn_at=now)
        kind = Kind.TAKEN_BACK if pending.author_id == user.pk else Kind.DECLINED
        agreement.pending_revision = None
        _event(agreement, kind, user, revision=pending, now=now)
        _settle(agreement, actor=user, now=now)
    if kind == Kind.DECLINED:
        _notify(
            partnership=agreement.partnership,
            actor=user,
            kind="agreement_declined",
            subject=gettext_lazy("%(name)s answered your suggestion"),
            message=gettext_lazy(
                "%(name)s would rather not take your suggestion for “%(title)s” as it is. "
                "Maybe talk about it together."
            ),
            values={"name": user.name, "title": pending.title},
            path=agreement.get_absolute_url(),
        )
    return agreement


def agreement_retire(*, agreement, user):
    """Ask to retire an agreement, or confirm the partner's request. Both must agree."""
    now = timezone.now()
    with transaction.atomic():
        agreement = _claim(agreement, user=user, now=now)
        if agreement.agreed_revision_id is None or not agreement.is_open:
            raise AgreementError(_("Only an agreement you both made can be retired."))
        requested_by = agreement.retire_requested_by_id
        if requested_by is None:
            agreement.retire_requested_by = user
            agreement.retire_requested_at = now
            agreement.save(update_fields=["retire_requested_by", "retire_requested_at"])
            _event(agreement, Kind.RETIRE_REQUESTED, user, now=now)
            retired = False
        elif requested_by == user.pk:
            return agreement
        else:
            agreement.status = Status.RETIRED
            agreement.retired_at = now
            agreement.pending_revision = None
            agreement.save(update_fields=["status", "retired_at", "pending_revision"])
            _event(agreement, Kind.RETIRED, user, revision=agreement.agreed_revision, now=now)
            retired = True
    if not retired:
        _notify(
            partnership=agreement.partnership,
            actor=user,
            kind="agreement_retire_requested",
            subject=gettext_lazy("%(name)s asked to retire an agreement"),
            message=gettext_lazy(
                "%(name)s would like to retire “%(title)s”. It stays in force unless you agree."
            ),
            values={"name": user.name, "title": agreement.title},
            path=agreement.get_absolute_url(),
        )
    return agreement


def agreement_keep(*, agreement, user):
    """Cancel (or decline) a request to retire."""
    now = timezone.now()
    with transaction.atomic():
        agreement = _claim(agreement, user=user, now=now)
        if agreement.retire_requested_by_id is None:
            return agreement
        agreement.retire_requested_by = None
        agreement.retire_requested_at = None
        agreement.save(update_fields=["retire_requested_by", "retire_requested_at"])
        _event(agreement, Kind.RETIRE_CANCELLED, user, now=now)
    return agreement


def agreement_update_details(*, agreement, user, category, revisit_on, expected_version):
    """Category and revisit date organise an agreement; either partner may change them."""
    now = timezone.now()
    with transaction.atomic():
        agreement = _claim(agreement, user=user, expected_version=expected_version, now=now)
        agreement.category = category
        agreement.revisit_on = revisit_on
        agreement.save(update_fields=["category", "revisit_on"])
        _event(agreement, Kind.DETAILS, user, now=now)
    return agreement


def revisit_answer(*, agreement, user, answer):
    """A fresh answer once the revisit date has come: still yes, unsure or let's talk.

    Each answer stays with its author until both have answered for that date (it may
    change meanwhile). Two yeses keep it in force; anything else takes back the consent
    of whoever did not say yes, so it needs a conversation, and check-ins put it on their
    agenda. Either way the date is done: a new one can be picked in the details."""
    if answer not in RevisitAnswer.Answer.values:
        raise AgreementError(_("Please choose one of the three answers."))
    now = timezone.now()
    with transaction.atomic():
        agreement = _claim(agreement, user=user, now=now)
        if not agreement.is_due_for_revisit():
            raise AgreementError(_("This agreement is not waiting for a fresh answer now."))
        due_on = agreement.revisit_on
        RevisitAnswer.objects.update_or_create(
            agreement=agreement,
            user=user,
            due_on=due_on,
            defaults={"answer": answer, "answered_at": now},
        )
        answers = {a.user_id: a.answer for a in agreement.revisit_answers.filter(due_on=due_on)}
        members = _member_ids(agreement.partnership)
        settled = set(answers) >= members
        if settled:
            _revisit_settle(agreement, answers, actor=user, now=now)
    if settled:
        message = gettext_lazy(
            "You both answered about “%(title)s” at its revisit date. Your answers are "
            "side by side now."
        )
    else:
        message = gettext_lazy(
            "%(name)s answered about “%(title)s” at its revisit date. Their answer shows "
            "once you have given yours."
        )
    _notify(
        partnership=agreement.partnership,
        actor=user,
        kind="agreement_revisit",
        subject=gettext_lazy("A fresh answer about an agreement"),
        message=message,
        values={"name": user.name, "title": agreement.title},
        path=agreement.get_absolute_url(),
    )
    return agreement


def _revisit_settle(agreement, answers, *, actor, now):
    labels = dict(RevisitAnswer.Answer.choices)
    agreement.revisit_on = None
    agreement.save(update_fields=["revisit_on"])
    if all(answer == RevisitAnswer.Answer.YES for answer in answers.values()):
        _event(agreement, Kind.REAFFIRMED, actor, revision=agreement.agreed_revision, now=now)
        return
    revision = agreement.agreed_revision
    for user_id, answer in answers.items():
        if answer != RevisitAnswer.Answer.YES:
            note = _("At the revisit date: %(answer)s") % {"answer": labels[answer]}
            revision.consents.filter(user_id=user_id, withdrawn_at__isnull=True).update(
                withdrawn_at=now, note=note
            )
    _event(agreement, Kind.REVISITED, actor, revision=revision, now=now)
    _settle(agreement, actor=actor, now=now)
    revisit_needs_conversation.send(sender=Agreement, agreement=agreement, user=actor)


def revisit_view(agreement, user):
    """The latest revisit date's answers as `user` may see them: their own, and the
    partner's only once both answered. {"due_on", "mine", "theirs", "partner_answered",
    "settled"} or None when nobody answered yet."""
    rows = list(agreement.revisit_answers.order_by("-due_on", "pk")[:2])
    if not rows:
        return None
    due_on = rows[0].due_on
    rows = [r for r in rows if r.due_on == due_on]
    mine = next((r for r in rows if r.user_id == user.pk), None)
    other = next((r for r in rows if r.user_id != user.pk), None)
    settled = mine is not None and other is not None
    yes = RevisitAnswer.Answer.YES
    return {
        "all_yes": settled and mine.answer == yes and other.answer == yes,
        "settled_at": max(r.answered_at for r in rows) if settled else None,
        "due_on": due_on,
        "mine": mine,
        "theirs": other if settled else None,
        "partner_answered": other is not None,
        "settled": settled,
        "open": due_on == agreement.revisit_on,
    }


def comment_add(*, agreement, author, text):
    return Comment.objects.create(agreement=agreement, author=author, text=text)


def waiting_for(partnership, user):
    """How many proposals, retire requests and boundaries wait for `user`."""
    return sum(waiting_counts(partnership, user).values())


def waiting_counts(partnership, user):
    """{"agreements": n, "boundaries": m} waiting for `user`'s answer.

    The navigation shows it on every page of a space, so it is one hand-written statement
    of two counts: building the same rule through the ORM (correlated subqueries, or the
    joins of its flat form) costs Django far more than running it. It is `waiting_on`'s
    rule, for agreements and boundaries alike, in plain SQL that runs the same on SQLite
    and PostgreSQL; a test holds the two forms of the rule together on both.
    """
    if not partnership.is_active:
        return {"agreements": 0, "boundaries": 0}
    closed = (Status.RETIRED.value, Status.SET_ASIDE.value)
    with connection.cursor() as cursor:
        cursor.execute(
            _waiting_counts_sql(),
            [partnership.pk, *closed, user.pk, user.pk, partnership.pk, user.pk, user.pk],
        )
        agreements, boundaries = cursor.fetchone()
    return {"agreements": agreements, "boundaries": boundaries}


@cache
def _waiting_counts_sql():
    """`AgreementQuerySet.waiting_condition` and `BoundaryQuerySet.waiting_on`, counted."""
    table = {
        model.__name__: connection.ops.quote_name(model._meta.db_table)
        for model in (Agreement, Consent, Boundary, Acknowledgment)
    }
    return f"""
        SELECT
          (SELECT COUNT(*) FROM {table["Agreement"]} a
            WHERE a.partnership_id = %s
              AND a.status NOT IN (%s, %s)
              AND ((a.pending_revision_id IS NOT NULL
                    AND NOT EXISTS (SELECT 1 FROM {table["Consent"]} c
                                     WHERE c.revision_id = a.pending_revision_id
                                       AND c.user_id = %s AND c.withdrawn_at IS NULL))
                   OR (a.retire_requested_by_id IS NOT NULL
                       AND a.retire_requested_by_id <> %s))),
          (SELECT COUNT(*) FROM {table["Boundary"]} b
            WHERE b.partnership_id = %s
              AND b.current_revision_id IS NOT NULL
              AND b.owner_id <> %s
              AND NOT EXISTS (SELECT 1 FROM {table["Acknowledgment"]} k
                               WHERE k.revision_id = b.current_revision_id
                                 AND k.user_id = %s))
    """


CHANGE_KINDS = {
    Kind.AGREED: "agreed",
    Kind.CHANGED: "changed",
    Kind.WITHDRAWN: "withdrawn",
    Kind.RETIRED: "retired",
}


def changes_since(partnership, since):
    """Agreements agreed, changed, withdrawn from or retired after `since`, newest first.

    Each comes annotated with `change` (one of "agreed", "changed", "withdrawn",
    "retired": the latest that happened) and `changed_at`. One query, read from the
    events of that time with their agreements: few rows, and no subquery per agreement.
    """
    events = (
        AgreementEvent.objects.filter(
            agreement__partnership_id=partnership.pk,
            kind__in=list(CHANGE_KINDS),
            created_at__gt=since,
        )
        .select_related("agreement")
        .order_by("-created_at", "-pk")
    )
    changed = {}
    for event in events:
        if event.agreement_id not in changed:  # the latest comes first
            agreement = event.agreement
            agreement.change, agreement.changed_at = event.kind, event.created_at
            changed[event.agreement_id] = agreement
    agreements = sorted(changed.values(), key=lambda agreement: agreement.pk)
    return sorted(agreements, key=lambda agreement: agreement.changed_at, reverse=True)


# Boundaries -------------------------------------------------------------------------


def _boundary_url(boundary):
    from django.urls import reverse

    return reverse("agreements:boundaries", args=[boundary.partnership.public_id]) + (
        f"#boundary-{boundary.pk}"
    )


def boundary_state(*, partnership, owner, text):
    _require_open_space(partnership, owner)
    now = timezone.now()
    with transaction.atomic():
        boundary = Boundary.objects.create(
            partnership=partnership, owner=owner, created_at=now, updated_at=now
        )
        revision = BoundaryRevision.objects.create(
            boundary=boundary, number=1, text=text, created_at=now
        )
        boundary.current_revision = revision
        boundary.save(update_fields=["current_revision"])
    _notify(
        partnership=partnership,
        actor=owner,
        kind="boundary_stated",
        subject=gettext_lazy("%(name)s shared a personal boundary"),
        message=gettext_lazy("%(name)s shared a personal boundary with you: “%(text)s”"),
        values={"name": owner.name, "text": text},
        path=_boundary_url(boundary),
    )
    return boundary


def _claim_boundary(boundary, *, user, expected_version=None, now):
    rows = Boundary.objects.filter(pk=boundary.pk)
    if expected_version is not None:
        rows = rows.filter(version=expected_version)
    if not rows.update(version=F("version") + 1, updated_at=now):
        fresh = Boundary.objects.select_related("current_revision").get(pk=boundary.pk)
        raise BoundaryConflict(_("This boundary changed while you were writing."), fresh)
    fresh = (
        Boundary.objects.select_related("current_revision", "partnership", "owner")
        .prefetch_related("partnership__memberships")
        .get(pk=boundary.pk)
    )
    _require_open_space(fresh.partnership, user)
    return fresh


def boundary_edit(*, boundary, owner, text, expected_version):
    """New words mean a new revision, so the partner is asked to acknowledge again."""
    if boundary.owner_id != owner.pk:
        raise AgreementError(_("Only the person who stated a boundary can change it."))
    now = timezone.now()
    with transaction.atomic():
        boundary = _claim_boundary(boundary, user=owner, expected_version=expected_version, now=now)
        number = (boundary.revisions.aggregate(n=Max("number"))["n"] or 0) + 1
        revision = BoundaryRevision.objects.create(
            boundary=boundary, number=number, text=text, created_at=now
        )
        boundary.current_revision = revision
        boundary.save(update_fields=["current_revision"])
    _notify(
        partnership=boundary.partnership,
        actor=owner,
        kind="boundary_stated",
        subject=gettext_lazy("%(name)s updated a personal boundary"),
        message=gettext_lazy("%(name)s put a personal boundary into new words: “%(text)s”"),
        values={"name": owner.name, "text": text},
        path=_boundary_url(boundary),
    )
    return boundary


def boundary_acknowledge(*, boundary, user, revision_id):
    """ "I have read this and will respect it", for the exact words shown."""
    if boundary.owner_id == user.pk:
        raise AgreementError(_("Your partner acknowledges your boundaries, not you."))
    now = timezone.now()
    with transaction.atomic():
        boundary = _claim_boundary(boundary, user=user, now=now)
        if boundary.current_revision_id != revision_id:
            raise BoundaryConflict(
                _("This boundary has new words. Please read them first."), boundary
            )
        Acknowledgment.objects.get_or_create(
            revision=boundary.current_revision, user=user, defaults={"acknowledged_at": now}
        )
    return boundary


def boundary_remove(*, boundary, owner):
    if boundary.owner_id != owner.pk:
        raise AgreementError(_("Only the person who stated a boundary can remove it."))
    with transaction.atomic():
        boundary = _claim_boundary(boundary, user=owner, now=timezone.now())
        boundary.delete()
