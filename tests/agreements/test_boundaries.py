import pytest
from django.urls import reverse

from trustapp.agreements import services
from trustapp.agreements.models import Acknowledgment, Boundary, BoundaryRevision


def boundaries_url(partnership):
    return reverse("agreements:boundaries", args=[partnership.public_id])


def boundary_url(name, boundary):
    return reverse(f"agreements:{name}", args=[boundary.partnership.public_id, boundary.pk])


def state(partnership, owner, text="An hour to myself after work."):
    return services.boundary_state(partnership=partnership, owner=owner, text=text)


def test_the_page_shows_both_partners_boundaries(alice_client, partnership, alice, bob):
    state(partnership, alice, "Quiet mornings.")
    state(partnership, bob, "No teasing about family.")
    response = alice_client.get(boundaries_url(partnership))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Bob’s boundaries" in body and "No teasing about family." in body
    assert "Your boundaries" in body and "Quiet mornings." in body
    assert "I have read this and will respect it" in body


def test_stating_a_boundary_with_a_plain_post(bob_client, partnership, bob, notified):
    response = bob_client.post(
        reverse("agreements:boundary_new", args=[partnership.public_id]),
        {"text": "An hour to myself after work."},
    )
    boundary = Boundary.objects.get()
    assert response.status_code == 302
    assert response["Location"].endswith(f"#boundary-{boundary.pk}")
    assert boundary.owner == bob and boundary.text == "An hour to myself after work."
    assert notified[-1]["kind"] == "boundary_stated"


@pytest.mark.parametrize(
    "text, message",
    [
        ("", "Please write the boundary you would like to share."),
        ("b" * 501, "at most 500 characters"),
        ("<em>please</em>", "without HTML tags"),
    ],
)
def test_a_bad_boundary_is_explained_and_kept(bob_client, partnership, text, message):
    response = bob_client.post(
        reverse("agreements:boundary_new", args=[partnership.public_id]), {"text": text}
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert message in body
    assert ("&lt;em&gt;" in body) or text in body
    assert not Boundary.objects.exists()


def test_acknowledging_with_a_plain_post(alice_client, partnership, bob):
    boundary = state(partnership, bob)
    response = alice_client.post(
        boundary_url("boundary_acknowledge", boundary),
        {"revision": boundary.current_revision_id},
        follow=True,
    )
    assert "You acknowledged it on" in response.content.decode()
    assert Acknowledgment.objects.get().revision == boundary.current_revision


def test_acknowledging_with_htmx_swaps_the_card(alice_client, partnership, bob, htmx_headers):
    boundary = state(partnership, bob)
    response = alice_client.post(
        boundary_url("boundary_acknowledge", boundary),
        {"revision": boundary.current_revision_id},
        headers=htmx_headers,
    )
    body = response.content.decode()
    assert body.lstrip().startswith(
        f'<article class="card ag-boundary" id="boundary-{boundary.pk}"'
    )
    assert "You acknowledged it on" in body and "Thank you" in body
    assert '<span id="boundaries-waiting-tab" hx-swap-oob="true"></span>' in body


def test_acknowledging_words_that_changed_meanwhile_is_refused(
    alice_client, partnership, bob, htmx_headers
):
    boundary = state(partnership, bob)
    old = boundary.current_revision_id
    services.boundary_edit(boundary=boundary, owner=bob, text="New words.", expected_version=1)
    response = alice_client.post(
        boundary_url("boundary_acknowledge", boundary), {"revision": old}, headers=htmx_headers
    )
    assert response.status_code == 409
    assert "New words." in response.content.decode()
    assert not Acknowledgment.objects.exists()


def test_one_cannot_acknowledge_ones_own_boundary(bob_client, partnership, bob):
    boundary = state(partnership, bob)
    response = bob_client.post(
        boundary_url("boundary_acknowledge", boundary),
        {"revision": boundary.current_revision_id},
        follow=True,
    )
    assert "acknowledges your boundaries, not you" in response.content.decode()
    assert not Acknowledgment.objects.exists()


def test_editing_asks_for_a_fresh_acknowledgment(bob_client, alice_client, partnership, alice, bob):
    boundary = state(partnership, bob)
    services.boundary_acknowledge(
        boundary=boundary, user=alice, revision_id=boundary.current_revision_id
    )
    url = boundary_url("boundary_edit", boundary)
    assert "An hour to myself after work.</textarea>" in bob_client.get(url).content.decode()
    response = bob_client.post(url, {"text": "Two hours on Fridays.", "version": 2})
    assert response.status_code == 302
    assert BoundaryRevision.objects.count() == 2
    body = alice_client.get(boundaries_url(partnership)).content.decode()
    assert "Two hours on Fridays." in body
    assert "I have read this and will respect it" in body


def test_a_stale_edit_shows_the_saved_words_and_keeps_the_typed_ones(bob_client, partnership, bob):
    boundary = state(partnership, bob)
    services.boundary_edit(boundary=boundary, owner=bob, text="From my phone.", expected_version=1)
    response = bob_client.post(
        boundary_url("boundary_edit", boundary), {"text": "From my laptop.", "version": 1}
    )
    assert response.status_code == 409
    body = response.content.decode()
    assert "From my phone." in body and "From my laptop.</textarea>" in body


def test_a_bad_edit_is_explained_and_stores_nothing(bob_client, partnership, bob):
    boundary = state(partnership, bob)
    response = bob_client.post(boundary_url("boundary_edit", boundary), {"text": "", "version": 1})
    assert response.status_code == 200
    assert "Please write the boundary" in response.content.decode()
    assert BoundaryRevision.objects.count() == 1


def test_the_partner_cannot_edit_or_remove_it(alice_client, partnership, bob):
    boundary = state(partnership, bob)
    assert alice_client.get(boundary_url("boundary_edit", boundary)).status_code == 404
    response = alice_client.post(boundary_url("boundary_remove", boundary), follow=True)
    assert "Only the person who stated a boundary can remove it." in response.content.decode()
    assert Boundary.objects.exists()


def test_the_owner_removes_it(bob_client, partnership, bob):
    boundary = state(partnership, bob)
    response = bob_client.post(boundary_url("boundary_remove", boundary))
    assert response.status_code == 302
    assert not Boundary.objects.exists()


@pytest.mark.parametrize(
    "name, method",
    [("boundary_acknowledge", "get"), ("boundary_remove", "get"), ("boundary_edit", "delete")],
)
def test_wrong_methods_are_refused(name, method, bob_client, partnership, bob):
    boundary = state(partnership, bob)
    assert getattr(bob_client, method)(boundary_url(name, boundary)).status_code == 405


def test_the_new_boundary_url_rejects_get(bob_client, partnership):
    url = reverse("agreements:boundary_new", args=[partnership.public_id])
    assert bob_client.get(url).status_code == 405


def test_the_list_has_a_flat_query_budget(
    alice_client, partnership, alice, bob, django_assert_num_queries
):
    for index in range(6):
        boundary = state(partnership, bob if index % 2 else alice, f"Boundary {index}")
        if index % 3 == 0 and boundary.owner == bob:
            services.boundary_acknowledge(
                boundary=boundary, user=alice, revision_id=boundary.current_revision_id
            )
    alice_client.get(boundaries_url(partnership))
    # Session, user, the space with its members, the waiting counts (one statement), the
    # boundaries, their acknowledgments.
    with django_assert_num_queries(6):
        alice_client.get(boundaries_url(partnership))
    for index in range(20):
        state(partnership, bob, f"More {index}")
    with django_assert_num_queries(6):
        alice_client.get(boundaries_url(partnership))
