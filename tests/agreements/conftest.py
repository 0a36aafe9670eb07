"""Agreement helpers. The library is data: loaded again for every test, because a
transactional (browser) test empties the tables the data migration filled."""

import pytest

from tests.support.notices import catch_notices
from trustapp.agreements import library, services
from trustapp.agreements.models import Agreement, Category


@pytest.fixture(autouse=True)
def agreement_library(db):
    library.load()


def category(slug="communication"):
    return Category.objects.get(slug=slug)


def propose(partnership, author, *, title="Ask before assuming", text=None, **extra):
    fields = {
        "text": text or "When unsure, we ask a plain question first.",
        "category": category(extra.pop("category", "communication")),
    } | extra
    return services.agreement_propose(partnership=partnership, author=author, title=title, **fields)


def agree(agreement, user):
    agreement = Agreement.objects.get(pk=agreement.pk)
    revision_id = agreement.pending_revision_id or agreement.agreed_revision_id
    return services.agreement_consent(agreement=agreement, user=user, revision_id=revision_id)


def in_force(partnership, proposer, partner, **fields):
    agreement = propose(partnership, proposer, **fields)
    return agree(agreement, partner)


def suggest(agreement, author, text, *, title=None, version=None):
    agreement = Agreement.objects.get(pk=agreement.pk)
    return services.agreement_suggest_change(
        agreement=agreement,
        author=author,
        title=title or agreement.title,
        text=text,
        why="",
        expected_version=agreement.version if version is None else version,
    )


def fresh(agreement):
    return Agreement.objects.select_related("agreed_revision", "pending_revision").get(
        pk=agreement.pk
    )


def leave(partnership, user=None):
    """Bob (or `user`) leaves: the space becomes a read-only archive for both."""
    from trustapp.couples.services import partnership_leave

    user = user or next(m.user for m in partnership.memberships.all() if m.slot == 2)
    partnership_leave(partnership=partnership, user=user)
    partnership.refresh_from_db()
    return partnership


@pytest.fixture
def notified(monkeypatch):
    """Every notify_partner call the agreements app makes, as a list of keyword dicts."""
    return catch_notices(monkeypatch, services)
