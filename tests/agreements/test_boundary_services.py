import pytest

from trustapp.agreements import services
from trustapp.agreements.models import Acknowledgment, Boundary


def state(partnership, owner, text="An hour to myself after work."):
    return services.boundary_state(partnership=partnership, owner=owner, text=text)


def test_a_boundary_needs_only_the_partners_acknowledgment(partnership, alice, bob):
    boundary = state(partnership, bob)
    assert services.waiting_for(partnership, alice) == 1
    services.boundary_acknowledge(
        boundary=boundary, user=alice, revision_id=boundary.current_revision_id
    )
    assert Acknowledgment.objects.get().user == alice
    assert services.waiting_for(partnership, alice) == 0


def test_editing_a_boundary_asks_for_a_fresh_acknowledgment(partnership, alice, bob):
    boundary = state(partnership, bob)
    services.boundary_acknowledge(
        boundary=boundary, user=alice, revision_id=boundary.current_revision_id
    )
    first = boundary.current_revision
    boundary = services.boundary_edit(
        boundary=Boundary.objects.get(pk=boundary.pk),
        owner=bob,
        text="Two hours on Fridays.",
        expected_version=Boundary.objects.get(pk=boundary.pk).version,
    )
    assert boundary.current_revision != first
    assert services.waiting_for(partnership, alice) == 1
    first.refresh_from_db()
    assert first.text == "An hour to myself after work."


def test_acknowledging_old_words_is_refused(partnership, alice, bob):
    boundary = state(partnership, bob)
    old = boundary.current_revision_id
    services.boundary_edit(boundary=boundary, owner=bob, text="New.", expected_version=1)
    with pytest.raises(services.BoundaryConflict):
        services.boundary_acknowledge(boundary=boundary, user=alice, revision_id=old)


def test_only_the_owner_edits_or_removes_and_only_the_partner_acknowledges(partnership, alice, bob):
    boundary = state(partnership, bob)
    with pytest.raises(services.AgreementError):
        services.boundary_edit(boundary=boundary, owner=alice, text="Mine now.", expected_version=1)
    with pytest.raises(services.AgreementError):
        services.boundary_remove(boundary=boundary, owner=alice)
    with pytest.raises(services.AgreementError):
        services.boundary_acknowledge(
            boundary=boundary, user=bob, revision_id=boundary.current_revision_id
        )
    services.boundary_remove(boundary=boundary, owner=bob)
    assert not Boundary.objects.exists()


def test_an_edit_from_an_old_version_is_a_conflict(partnership, bob):
    boundary = state(partnership, bob)
    services.boundary_edit(boundary=boundary, owner=bob, text="Phone one.", expected_version=1)
    with pytest.raises(services.BoundaryConflict) as caught:
        services.boundary_edit(boundary=boundary, owner=bob, text="Phone two.", expected_version=1)
    assert caught.value.boundary.text == "Phone one."
