"""Two partners saving the same agreement at the same moment, on two real PostgreSQL
connections: one wins, the other gets a conflict showing the winner's words."""

import threading
import time

import pytest
from django.db import connection, connections, transaction

from tests.agreements.conftest import fresh, in_force
from trustapp.agreements import services
from trustapp.agreements.models import Agreement, AgreementRevision, Boundary

pytestmark = [pytest.mark.postgres_only, pytest.mark.django_db(transaction=True)]


def wait_until_a_query_waits_for_a_lock(timeout=10):
    """True once some other connection of this test database is blocked on a row lock."""
    deadline = time.monotonic() + timeout
    with connection.cursor() as cursor:
        while time.monotonic() < deadline:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity "
                "WHERE datname = current_database() AND wait_event_type = 'Lock'"
            )
            if cursor.fetchone()[0]:
                return True
            time.sleep(0.02)
    return False


def run_in_thread(target, results, key):
    def wrapper():
        try:
            results[key] = target()
        except Exception as error:  # noqa: BLE001 - the test inspects what happened
            results[key] = error
        finally:
            connections.close_all()  # this thread's own connection

    thread = threading.Thread(target=wrapper)
    thread.start()
    return thread


def test_two_partners_saving_at_once_lose_no_update(partnership, alice, bob):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL row locks")
    agreement = in_force(partnership, alice, bob, text="We call when we are late.")
    version = fresh(agreement).version
    alice_saved, let_alice_commit = threading.Event(), threading.Event()
    results = {}

    def alice_saves():
        with transaction.atomic():
            revision = services.agreement_suggest_change(
                agreement=Agreement.objects.get(pk=agreement.pk),
                author=alice,
                title="Late",
                text="We text when we are late.",
                why="",
                expected_version=version,
            )
            alice_saved.set()
            # Hold the row lock until Bob's save is provably waiting for it.
            let_alice_commit.wait(timeout=10)
        return revision

    def bob_saves():
        alice_saved.wait(timeout=10)
        return services.agreement_suggest_change(
            agreement=Agreement.objects.get(pk=agreement.pk),
            author=bob,
            title="Late",
            text="We call when we are more than ten minutes late.",
            why="",
            expected_version=version,
        )

    threads = [
        run_in_thread(alice_saves, results, "alice"),
        run_in_thread(bob_saves, results, "bob"),
    ]
    alice_saved.wait(timeout=10)
    bob_was_blocked = wait_until_a_query_waits_for_a_lock()
    let_alice_commit.set()
    for thread in threads:
        thread.join(timeout=15)

    assert bob_was_blocked, "Bob's save should have waited for Alice's row lock"
    assert isinstance(results["alice"], AgreementRevision)
    conflict = results["bob"]
    assert isinstance(conflict, services.AgreementConflict)
    # The conflict carries Alice's version so Bob can see it.
    assert conflict.agreement.pending_revision.text == "We text when we are late."
    assert conflict.agreement.pending_revision.author == alice
    agreement = fresh(agreement)
    assert agreement.version == version + 1
    assert list(agreement.revisions.values_list("text", flat=True)) == [
        "We call when we are late.",
        "We text when we are late.",
    ]


def test_a_boundary_edited_twice_at_once_loses_no_update(partnership, alice, bob):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL row locks")
    boundary = services.boundary_state(partnership=partnership, owner=bob, text="Quiet mornings.")
    barrier = threading.Barrier(2)
    results = {}

    def edit(text):
        def save():
            barrier.wait(timeout=10)
            return services.boundary_edit(
                boundary=Boundary.objects.get(pk=boundary.pk),
                owner=bob,
                text=text,
                expected_version=1,
            )

        return save

    threads = [
        run_in_thread(edit("Quiet until nine."), results, "phone"),
        run_in_thread(edit("Quiet until ten."), results, "laptop"),
    ]
    for thread in threads:
        thread.join(timeout=15)
    outcomes = sorted(type(result).__name__ for result in results.values())
    assert outcomes == ["Boundary", "BoundaryConflict"]
    assert Boundary.objects.get(pk=boundary.pk).revisions.count() == 2
