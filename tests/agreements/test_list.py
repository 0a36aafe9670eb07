import pytest
from django.urls import reverse

from tests.agreements.conftest import category, in_force, propose
from trustapp.agreements import services
from trustapp.agreements.models import Agreement, AgreementRevision, Consent


def list_url(partnership, query=""):
    return reverse("agreements:list", args=[partnership.public_id]) + query


def test_it_groups_agreements_by_category(alice_client, partnership, alice, bob):
    in_force(partnership, alice, bob, title="Phones stay private", category="privacy-and-devices")
    propose(partnership, bob, title="Say it small", category="communication")
    response = alice_client.get(list_url(partnership))
    assert response.status_code == 200
    body = response.content.decode()
    assert body.index("Communication") < body.index("Say it small")
    assert body.index("Privacy and devices") < body.index("Phones stay private")
    assert "In force" in body and "waits for you" in body


def test_it_filters_by_status(alice_client, partnership, alice, bob):
    in_force(partnership, alice, bob, title="Agreed one")
    propose(partnership, bob, title="Proposed one")
    body = alice_client.get(list_url(partnership, "?status=in_force")).content.decode()
    assert "Agreed one" in body and "Proposed one" not in body
    body = alice_client.get(list_url(partnership, "?status=waiting")).content.decode()
    assert "Agreed one" not in body and "Proposed one" in body


def test_retired_agreements_stay_findable(alice_client, partnership, alice, bob):
    agreement = in_force(partnership, alice, bob, title="Old habit")
    services.agreement_retire(agreement=agreement, user=alice)
    services.agreement_retire(agreement=Agreement.objects.get(pk=agreement.pk), user=bob)
    assert "Old habit" not in alice_client.get(list_url(partnership)).content.decode()
    assert "Old habit" in alice_client.get(list_url(partnership, "?status=closed")).content.decode()


def test_it_searches_the_words(alice_client, partnership, alice, bob):
    in_force(partnership, alice, bob, title="Evenings", text="We keep Thursday free.")
    propose(partnership, alice, title="Money", text="We talk monthly.")
    body = alice_client.get(list_url(partnership, "?q=thursday")).content.decode()
    assert "Evenings" in body and "Money" not in body


def test_an_unknown_status_shows_everything_current(alice_client, partnership, alice):
    propose(partnership, alice, title="Still here")
    assert "Still here" in alice_client.get(list_url(partnership, "?status=<b>")).content.decode()


def test_nothing_matching_says_so_kindly(alice_client, partnership):
    response = alice_client.get(list_url(partnership, "?q=nothing-like-this"))
    assert "Nothing matches" in response.content.decode()


def test_an_empty_list_invites_a_first_agreement(alice_client, partnership):
    assert "No agreements yet" in alice_client.get(list_url(partnership)).content.decode()


def test_htmx_gets_only_the_results(alice_client, partnership, alice, htmx_headers):
    propose(partnership, alice, title="Just this")
    response = alice_client.get(list_url(partnership, "?q=just"), headers=htmx_headers)
    body = response.content.decode()
    assert body.lstrip().startswith('<div id="agreement-results"')
    assert "Just this" in body and "<html" not in body


def test_it_rejects_post(alice_client, partnership):
    assert alice_client.post(list_url(partnership)).status_code == 405


def test_it_is_a_404_for_an_outsider(carol_client, partnership):
    assert carol_client.get(list_url(partnership)).status_code == 404


def test_the_nav_shows_what_waits(alice_client, partnership, bob):
    propose(partnership, bob)
    services.boundary_state(partnership=partnership, owner=bob, text="Quiet mornings.")
    body = alice_client.get(list_url(partnership)).content.decode()
    assert '2<span class="visually-hidden"> waiting for you</span>' in body


def make_agreements(partnership, alice, bob, count):
    """`count` agreements in mixed states, written in bulk so many stay quick."""
    categories = [category(slug) for slug in ("communication", "conflict", "health")]
    agreements = Agreement.objects.bulk_create(
        Agreement(partnership=partnership, category=categories[i % 3], title=f"Agreement {i}")
        for i in range(count)
    )
    revisions = AgreementRevision.objects.bulk_create(
        AgreementRevision(agreement=a, number=1, title=a.title, text="Words.", author=alice)
        for a in agreements
    )
    consents = []
    for index, (agreement, revision) in enumerate(zip(agreements, revisions, strict=True)):
        consents.append(Consent(revision=revision, user=alice))
        if index % 2:
            agreement.agreed_revision = revision
            agreement.status = Agreement.Status.IN_FORCE
            consents.append(Consent(revision=revision, user=bob))
        else:
            agreement.pending_revision = revision
    Agreement.objects.bulk_update(
        agreements, ["agreed_revision", "pending_revision", "status"], batch_size=500
    )
    Consent.objects.bulk_create(consents)


@pytest.mark.parametrize("count", [5, 50])
def test_the_list_query_count_stays_flat(
    count, alice_client, partnership, alice, bob, django_assert_num_queries
):
    make_agreements(partnership, alice, bob, count)
    alice_client.get(list_url(partnership))  # warm the session
    with django_assert_num_queries(QUERY_BUDGET):
        response = alice_client.get(list_url(partnership))
    assert response.content.decode().count('class="ag-agreement-item') == count


# Session, user, partnership with its members, waiting (one statement of both counts),
# agreements. Exactly the same for 5 and 50 agreements.
QUERY_BUDGET = 5
