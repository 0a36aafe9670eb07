"""Agreements and boundaries in a person's download (see trustapp/privacy/rules.py).

Everything here was written for both partners to read, so a download has all of it with
its history; a personal copy of "only my own words" keeps what this person wrote.
"""

from django.db.models import Prefetch

from trustapp.agreements.models import (
    Agreement,
    AgreementEvent,
    AgreementRevision,
    Boundary,
    BoundaryRevision,
    Comment,
    Consent,
    RevisitAnswer,
)
from trustapp.lib.i18n import translated
from trustapp.privacy.rules import Scope, keeps, who


def export_partnership(partnership, user, scope):
    return {
        "agreements": _agreements(partnership, user, scope),
        "boundaries": _boundaries(partnership, user, scope),
    }


def _kept(scope, user, author_id):
    return keeps(scope, user, author_id=author_id, shared=True)


def _agreements(partnership, user, scope):
    agreements = (
        Agreement.objects.filter(partnership=partnership)
        .select_related("category")
        .prefetch_related(
            Prefetch(
                "revisions",
                queryset=AgreementRevision.objects.prefetch_related(
                    Prefetch("consents", queryset=Consent.objects.order_by("given_at", "pk"))
                ).order_by("number"),
            ),
            Prefetch("comments", queryset=Comment.objects.order_by("created_at", "pk")),
            Prefetch("events", queryset=AgreementEvent.objects.order_by("created_at", "pk")),
            Prefetch("revisit_answers", queryset=RevisitAnswer.objects.order_by("due_on", "pk")),
        )
        .order_by("created_at", "pk")
    )
    answers = dict(RevisitAnswer.Answer.choices)
    statuses = dict(Agreement.Status.choices)
    kinds = dict(AgreementEvent.Kind.choices)
    items = []
    for agreement in agreements:
        revisions = [
            revision
            for r in agreement.revisions.all()
            if (revision := _revision(agreement, r, user, scope)) is not None
        ]
        comments = [
            {"by": who(user, c.author_id), "text": c.text, "written_at": c.created_at}
            for c in agreement.comments.all()
            if _kept(scope, user, c.author_id)
        ]
        if not revisions and not comments:
            continue
        if scope == Scope.SEEN:
            title = agreement.title
        else:  # the agreement's title may be the partner's words
            titles = [r["title"] for r in revisions if "title" in r]
            title = titles[-1] if titles else ""
        items.append(
            {
                "title": title,
                "category": translated(agreement.category, "name"),
                "status": str(statuses.get(agreement.status, agreement.status)),
                "revisit_on": agreement.revisit_on,
                "started_at": agreement.created_at,
                "revisions": revisions,
                "comments": comments,
                "revisit_answers": [
                    {
                        "by": who(user, a.user_id),
                        "revisit_on": a.due_on,
                        "answer": answers[a.answer],
                    }
                    for a in _revisit_answers(agreement, user)
                    if _kept(scope, user, a.user_id)
                ],
                "history": [
                    {
                        "what": str(kinds.get(e.kind, e.kind)),
                        "by": "both" if e.is_by_both else who(user, e.actor_id),
                        "at": e.created_at,
                        "note": e.note,
                    }
                    for e in agreement.events.all()
                    if _kept(scope, user, e.actor_id)
                ],
            }
        )
    return items


def _revisit_answers(agreement, user):
    """Own answers, and the partner's only for a date both answered."""
    rows = list(agreement.revisit_answers.all())
    mine = {a.due_on for a in rows if a.user_id == user.pk}
    return [a for a in rows if a.user_id == user.pk or a.due_on in mine]


def _revision(agreement, revision, user, scope):
    """One version's words, with the consents given to it; None if nothing is kept.

    A person's consent (and its note) is their own even on words their partner wrote.
    """
    consents = [
        {
            "by": who(user, c.user_id),
            "given_at": c.given_at,
            "withdrawn_at": c.withdrawn_at,
            "note": c.note,
        }
        for c in revision.consents.all()
        if _kept(scope, user, c.user_id)
    ]
    item = {
        "number": revision.number,
        "by": who(user, revision.author_id),
        "written_at": revision.created_at,
        # The agreed words of a retired (or paused) agreement are no longer in force.
        "agreed": revision.pk == agreement.agreed_revision_id,
        "in_force": revision.pk == agreement.agreed_revision_id and agreement.is_in_force,
        "waiting_for_agreement": revision.pk == agreement.pending_revision_id,
        "consents": consents,
    }
    if _kept(scope, user, revision.author_id):
        return item | {"title": revision.title, "text": revision.text, "why": revision.why}
    return item if consents else None


def _boundaries(partnership, user, scope):
    boundaries = (
        Boundary.objects.filter(partnership=partnership)
        .prefetch_related(
            Prefetch(
                "revisions",
                queryset=BoundaryRevision.objects.prefetch_related("acknowledgments").order_by(
                    "number"
                ),
            )
        )
        .order_by("created_at", "pk")
    )
    items = []
    for boundary in boundaries:
        if not _kept(scope, user, boundary.owner_id):
            continue
        items.append(
            {
                "by": who(user, boundary.owner_id),
                "text": boundary.text,
                "stated_at": boundary.created_at,
                "revisions": [
                    {
                        "number": r.number,
                        "text": r.text,
                        "written_at": r.created_at,
                        "acknowledged": [
                            {"by": who(user, a.user_id), "at": a.acknowledged_at}
                            for a in r.acknowledgments.all()
                            if _kept(scope, user, a.user_id)
                        ],
                    }
                    for r in boundary.revisions.all()
                ],
            }
        )
    return items


def count_rows(user):
    partnerships = user.memberships.values("partnership_id")
    agreements = Agreement.objects.filter(partnership__in=partnerships)
    return (
        AgreementRevision.objects.filter(agreement__in=agreements).count()
        + Comment.objects.filter(agreement__in=agreements).count()
        + AgreementEvent.objects.filter(agreement__in=agreements).count()
        + BoundaryRevision.objects.filter(boundary__partnership__in=partnerships).count()
    )


def delete_private(user):
    """Nothing in agreements is private: both partners read every word of them."""
