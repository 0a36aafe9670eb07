"""Every agreement URL, page and htmx endpoint alike: outsiders get 404; a former partner
(the space ended) can read but not change anything."""

import pytest
from django.urls import reverse

from tests.agreements.conftest import fresh, in_force, leave
from trustapp.agreements import services
from trustapp.agreements.models import Agreement, Boundary, Comment

LIST_URLS = ["list", "propose", "library", "boundaries", "boundary_new"]
AGREEMENT_URLS = [
    "detail",
    "agree",
    "withdraw",
    "set_aside",
    "retire",
    "keep",
    "suggest",
    "details",
    "comment",
    "history",
]
BOUNDARY_URLS = ["boundary_edit", "boundary_acknowledge", "boundary_remove"]
READABLE = {"list", "library", "boundaries", "detail", "history"}


@pytest.fixture
def urls(partnership, alice, bob):
    agreement = in_force(partnership, alice, bob)
    boundary = services.boundary_state(partnership=partnership, owner=alice, text="Quiet.")
    pid = partnership.public_id
    found = {name: reverse(f"agreements:{name}", args=[pid]) for name in LIST_URLS}
    found |= {
        name: reverse(f"agreements:{name}", args=[pid, agreement.pk]) for name in AGREEMENT_URLS
    }
    found |= {
        name: reverse(f"agreements:{name}", args=[pid, boundary.pk]) for name in BOUNDARY_URLS
    }
    return found


@pytest.mark.parametrize("htmx", [False, True])
def test_an_outsider_gets_404_everywhere(urls, carol_client, htmx, other_partnership):
    headers = {"HX-Request": "true"} if htmx else {}
    for name, url in urls.items():
        for method in ("get", "post"):
            response = getattr(carol_client, method)(url, {"text": "x"}, headers=headers)
            assert response.status_code == 404, (name, method, response.status_code)


def test_a_signed_out_visitor_is_sent_to_sign_in(urls, client):
    for url in urls.values():
        assert client.get(url).status_code == 302


def test_another_partnerships_objects_are_404_inside_ones_own_space(
    alice_client, partnership, other_partnership, carol, dave
):
    theirs = in_force(other_partnership, carol, dave)
    boundary = services.boundary_state(partnership=other_partnership, owner=dave, text="Mine.")
    pid = partnership.public_id
    for name in AGREEMENT_URLS:
        url = reverse(f"agreements:{name}", args=[pid, theirs.pk])
        # The allowed method finds nothing; a wrong one is refused before any lookup.
        statuses = {alice_client.get(url).status_code, alice_client.post(url).status_code}
        assert 404 in statuses and statuses <= {404, 405}, name
    for name in BOUNDARY_URLS:
        url = reverse(f"agreements:{name}", args=[pid, boundary.pk])
        assert alice_client.post(url).status_code == 404, name


def test_a_former_partner_reads_everything_and_changes_nothing(
    urls, alice_client, bob_client, partnership, bob
):
    leave(partnership)
    before = (
        list(Agreement.objects.values_list("pk", "version", "status")),
        list(Boundary.objects.values_list("pk", "version")),
        Comment.objects.count(),
    )
    for client in (alice_client, bob_client):
        for name, url in urls.items():
            if name in READABLE:
                assert client.get(url).status_code == 200, name
            response = client.post(url, {"text": "x", "revision": "1", "note": ""})
            assert response.status_code == 403, name
            assert "read-only archive" in response.content.decode()
    after = (
        list(Agreement.objects.values_list("pk", "version", "status")),
        list(Boundary.objects.values_list("pk", "version")),
        Comment.objects.count(),
    )
    assert after == before


def test_the_archive_shows_no_forms(urls, alice_client, partnership):
    leave(partnership)
    agreement = fresh(Agreement.objects.get())
    page = alice_client.get(agreement.get_absolute_url()).content.decode()
    assert "<form" not in page.split('id="main"')[1]
    boundaries = alice_client.get(reverse("agreements:boundaries", args=[partnership.public_id]))
    assert "<form" not in boundaries.content.decode().split('id="main"')[1]


def test_the_services_refuse_changes_once_the_space_has_ended(urls, partnership, alice):
    leave(partnership)
    agreement = fresh(Agreement.objects.get())
    with pytest.raises(services.AgreementError):
        services.agreement_withdraw(agreement=agreement, user=alice)
    with pytest.raises(services.AgreementError):
        services.boundary_state(partnership=agreement.partnership, owner=alice, text="Late.")
