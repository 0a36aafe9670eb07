from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from tests.agreements.conftest import in_force, propose
from trustapp.agreements import services


def test_the_home_card_shows_what_waits_and_what_is_due(alice_client, partnership, alice, bob):
    propose(partnership, bob, title="Protected evening")
    services.boundary_state(partnership=partnership, owner=bob, text="Quiet mornings.")
    in_force(
        partnership,
        alice,
        bob,
        title="Time-out rule",
        revisit_on=timezone.localdate() - timedelta(days=2),
    )
    body = alice_client.get(partnership.get_absolute_url()).content.decode()
    assert "agreement waits for your answer" in body
    assert "boundary waits for you to read it" in body
    assert "Due for a revisit" in body and "Time-out rule" in body
    assert "1 agreement in force." in body


def test_an_empty_home_card_explains_and_invites(alice_client, partnership):
    body = alice_client.get(partnership.get_absolute_url()).content.decode()
    assert "Nothing written yet." in body
    assert reverse("agreements:propose", args=[partnership.public_id]) in body


def test_the_home_card_adds_few_queries(
    alice_client, partnership, alice, bob, django_assert_max_num_queries
):
    for index in range(10):
        in_force(partnership, alice, bob, title=f"Agreement {index}")
        propose(partnership, bob, title=f"Waiting {index}")
    alice_client.get(partnership.get_absolute_url())
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        alice_client.get(partnership.get_absolute_url())
    ours = [q for q in queries.captured_queries if "agreements_" in q["sql"]]
    # Waiting (one statement, shared with the nav) and the summary; the due list only
    # once one is due.
    assert len(ours) == 2


def test_a_retired_agreement_with_a_revisit_date_waits_for_nobody(
    alice_client, bob_client, partnership, alice, bob
):
    from tests.agreements.conftest import fresh
    from trustapp.agreements.models import Agreement

    agreement = in_force(
        partnership,
        alice,
        bob,
        title="Time-out rule",
        revisit_on=timezone.localdate() - timedelta(days=2),
    )
    services.agreement_retire(agreement=fresh(agreement), user=alice)
    services.agreement_retire(agreement=fresh(agreement), user=bob)
    for user, client in ((alice, alice_client), (bob, bob_client)):
        assert services.waiting_counts(partnership, user) == {"agreements": 0, "boundaries": 0}
        assert not Agreement.objects.waiting_on(user).exists()
        body = client.get(partnership.get_absolute_url()).content.decode()
        assert "waits for your answer" not in body and "Due for a revisit" not in body
        assert 'id="agreements-waiting-nav"></span>' in body  # the navigation's badge, empty
