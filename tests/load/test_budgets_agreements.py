"""Agreements and boundaries: every page and htmx endpoint has a query budget that holds
from ten rows to a hundred more (agreements, revisions, consents, comments, events,
boundaries). The list's own budget at 5 and 50 lives in tests/agreements/test_list.py."""

from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.agreements.conftest import in_force, propose, suggest
from tests.agreements.test_list import make_agreements
from tests.load.budget import GROWTH, Budget, Call, assert_budgets
from trustapp.agreements import library, services
from trustapp.agreements.models import (
    Acknowledgment,
    Agreement,
    AgreementEvent,
    AgreementRevision,
    Boundary,
    BoundaryRevision,
    Comment,
    Consent,
)


def url(world, name, *args):
    return reverse(f"agreements:{name}", args=[world.partnership.public_id, *args])


def make_world(partnership, alice, bob):
    """About ten of everything, written through the services the pages use."""
    library.load()
    with services.notifications_off():
        agreements = [in_force(partnership, alice, bob, title=f"Agreed {i}") for i in range(4)]
        for index in range(3):
            propose(partnership, bob, title=f"Bob asks {index}")
        changed = agreements[0]
        suggest(changed, bob, "We ask first, and we say why.")
        services.comment_add(agreement=changed, author=bob, text="Shall we?")
        mine = services.boundary_state(partnership=partnership, owner=alice, text="Quiet mornings.")
        for index in range(3):
            services.boundary_state(partnership=partnership, owner=bob, text=f"Bob needs {index}")
    return SimpleNamespace(
        partnership=partnership,
        alice=alice,
        bob=bob,
        agreement=Agreement.objects.get(pk=agreements[1].pk),
        changed=Agreement.objects.get(pk=changed.pk),
        boundary=mine,
    )


def grow(world):
    """A hundred agreements with revisions and consents, a hundred boundaries, and
    a hundred revisions, comments and events on the agreements the pages show."""
    partnership, alice, bob = world.partnership, world.alice, world.bob
    # Bob wrote them and agreed; half are in force, half wait for Alice.
    make_agreements(partnership, bob, alice, GROWTH)
    for agreement in (world.agreement, world.changed):
        start = agreement.revisions.count() + 1
        extra = AgreementRevision.objects.bulk_create(
            AgreementRevision(
                agreement=agreement, number=n, title="Old words", text=f"Old words {n}", author=bob
            )
            for n in range(start, start + GROWTH)
        )
        Consent.objects.bulk_create(Consent(revision=r, user=bob) for r in extra)
        Comment.objects.bulk_create(
            Comment(agreement=agreement, author=bob, text=f"Note {n}") for n in range(GROWTH)
        )
        AgreementEvent.objects.bulk_create(
            AgreementEvent(agreement=agreement, kind="suggested", actor=bob, revision=r)
            for r in extra
        )
    boundaries = Boundary.objects.bulk_create(
        Boundary(partnership=partnership, owner=bob if i % 2 else alice) for i in range(GROWTH)
    )
    boundary_revisions = BoundaryRevision.objects.bulk_create(
        BoundaryRevision(boundary=b, number=1, text=f"Need {i}") for i, b in enumerate(boundaries)
    )
    for boundary, revision in zip(boundaries, boundary_revisions, strict=True):
        boundary.current_revision = revision
    Boundary.objects.bulk_update(boundaries, ["current_revision"], batch_size=500)
    Acknowledgment.objects.bulk_create(
        Acknowledgment(revision=r, user=alice) for r in boundary_revisions[1::4]
    )


# Fresh objects for the endpoints that change something: each request acts on its own.


def bobs_proposal(world):
    with services.notifications_off():
        return propose(world.partnership, world.bob, title="Fresh proposal")


def agreed(world):
    with services.notifications_off():
        return in_force(world.partnership, world.alice, world.bob, title="Fresh agreement")


def bob_answered_the_revisit(world):
    yesterday = timezone.localdate() - timedelta(days=1)
    with services.notifications_off():
        agreement = in_force(
            world.partnership, world.alice, world.bob, title="Due", revisit_on=yesterday
        )
        return services.revisit_answer(agreement=agreement, user=world.bob, answer="talk")


def with_bobs_suggestion(world):
    agreement = agreed(world)
    with services.notifications_off():
        suggest(agreement, world.bob, "Fresh suggestion from Bob.")
    return agreement


def bob_wants_to_retire(world):
    agreement = agreed(world)
    with services.notifications_off():
        return services.agreement_retire(agreement=agreement, user=world.bob)


def bobs_boundary(world):
    with services.notifications_off():
        return services.boundary_state(partnership=world.partnership, owner=world.bob, text="New")


def alices_boundary(world):
    with services.notifications_off():
        return services.boundary_state(
            partnership=world.partnership, owner=world.alice, text="Mine"
        )


# A page of a space counts what waits for its reader in one statement (the navigation's
# badge), no longer two queries: the list and the boundaries hold the one they saved.
PAGES = [
    Budget("list", 5, lambda w: Call(url(w, "list"))),
    Budget("list waiting for me", 6, lambda w: Call(url(w, "list") + "?status=waiting")),
    Budget("list search", 6, lambda w: Call(url(w, "list") + "?q=agreed")),
    Budget(
        "list results (htmx)", 6, lambda w: Call(url(w, "list") + "?status=in_force", htmx=True)
    ),
    Budget("propose", 7, lambda w: Call(url(w, "propose"))),
    Budget("propose from a starter", 8, lambda w: Call(url(w, "propose") + "?template=time-out")),
    Budget("starter library", 6, lambda w: Call(url(w, "library"))),
    Budget("detail", 8, lambda w: Call(url(w, "detail", w.agreement.pk))),
    Budget(
        "detail with a suggestion (htmx)",
        5,
        lambda w: Call(url(w, "detail", w.changed.pk), htmx=True),
    ),
    Budget("history", 9, lambda w: Call(url(w, "history", w.changed.pk))),
    Budget(
        "history comparison (htmx)",
        6,
        lambda w: Call(url(w, "history", w.changed.pk) + "?from=1&to=2", htmx=True),
    ),
    Budget("suggest a change", 6, lambda w: Call(url(w, "suggest", w.agreement.pk))),
    Budget("details", 8, lambda w: Call(url(w, "details", w.agreement.pk))),
    Budget("boundaries", 6, lambda w: Call(url(w, "boundaries"))),
    Budget("edit a boundary", 6, lambda w: Call(url(w, "boundary_edit", w.boundary.pk))),
]

# After an action the panel shows the agreement as the service left it, read under its lock
# and written: it is not read a second time (one query less for each).
ACTIONS = [
    Budget(
        "agree (htmx)",
        20,  # one asks whether this yes was given already; two tell the partner it is in force
        lambda w: Call(
            url(w, "agree", (a := bobs_proposal(w)).pk),
            "post",
            {"revision": a.pending_revision_id},
            htmx=True,
        ),
    ),
    Budget(
        "agree again (htmx)",
        9,  # a yes already given writes nothing: the access check, the check, the panel
        lambda w: Call(
            url(w, "agree", (a := agreed(w)).pk),
            "post",
            {"revision": a.agreed_revision_id},
            htmx=True,
        ),
    ),
    Budget(
        "withdraw consent (htmx)",
        20,  # one reads the revisit answers that may explain the conversation
        lambda w: Call(
            url(w, "withdraw", agreed(w).pk), "post", {"note": "Let us talk."}, htmx=True
        ),
    ),
    Budget(
        "a fresh answer at the revisit date (htmx)",
        28,  # the second answer settles it: consents, history, the check-in agenda
        lambda w: Call(
            url(w, "revisit", bob_answered_the_revisit(w).pk), "post", {"answer": "yes"}, htmx=True
        ),
    ),
    Budget(
        "decline a suggestion (htmx)",
        18,
        lambda w: Call(url(w, "set_aside", with_bobs_suggestion(w).pk), "post", htmx=True),
    ),
    Budget(
        "ask to retire (htmx)",
        16,
        lambda w: Call(url(w, "retire", agreed(w).pk), "post", htmx=True),
    ),
    Budget(
        "keep it (htmx)",
        14,
        lambda w: Call(url(w, "keep", bob_wants_to_retire(w).pk), "post", htmx=True),
    ),
    Budget(
        "suggest a change (htmx)",
        22,
        lambda w: Call(
            url(w, "suggest", (a := agreed(w)).pk),
            "post",
            {"title": "T", "text": "New words.", "why": "", "version": a.version},
            htmx=True,
        ),
    ),
    Budget(
        "comment (htmx)",
        7,
        lambda w: Call(url(w, "comment", w.agreement.pk), "post", {"text": "Yes."}, htmx=True),
    ),
    Budget(
        "acknowledge a boundary (htmx)",
        17,
        lambda w: Call(
            url(w, "boundary_acknowledge", (b := bobs_boundary(w)).pk),
            "post",
            {"revision": b.current_revision_id},
            htmx=True,
        ),
    ),
    Budget(
        "propose (form)",
        14,
        lambda w: Call(
            url(w, "propose"),
            "post",
            {"title": "Ours", "text": "We do it.", "why": "", "category": "communication"},
            status=302,
        ),
    ),
    Budget(
        "change details (form)",
        14,
        lambda w: Call(
            url(w, "details", (a := agreed(w)).pk),
            "post",
            {"category": "other", "revisit_on": "", "version": a.version},
            status=302,
        ),
    ),
    Budget(
        "state a boundary (form)",
        10,
        lambda w: Call(url(w, "boundary_new"), "post", {"text": "I need a walk."}, status=302),
    ),
    Budget(
        "edit a boundary (form)",
        15,
        lambda w: Call(
            url(w, "boundary_edit", (b := alices_boundary(w)).pk),
            "post",
            {"text": "Changed.", "version": b.version},
            status=302,
        ),
    ),
    Budget(
        "remove a boundary (form)",
        14,
        lambda w: Call(url(w, "boundary_remove", alices_boundary(w).pk), "post", status=302),
    ),
]


@pytest.fixture
def world(partnership, alice, bob):
    return make_world(partnership, alice, bob)


def test_every_agreements_page_and_action_keeps_its_query_budget_as_data_grows(alice_client, world):
    assert_budgets(alice_client, world, PAGES + ACTIONS, grow)
