"""The rules of consent, revisions and boundaries, straight on the services."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.agreements.conftest import agree, fresh, in_force, leave, propose, suggest
from tests.conftest import make_partnership
from trustapp.agreements import services
from trustapp.agreements.models import (
    Agreement,
    AgreementRevision,
    Boundary,
    Consent,
    ImmutableRowError,
)

Status = Agreement.Status


def test_a_proposal_waits_for_the_partner_with_the_proposers_consent(partnership, alice, bob):
    agreement = fresh(propose(partnership, alice))
    assert agreement.status == Status.PROPOSED
    assert agreement.agreed_revision is None
    consent = Consent.objects.get(revision=agreement.pending_revision)
    assert consent.user == alice and consent.withdrawn_at is None
    assert services.waiting_for(partnership, bob) == 1
    assert services.waiting_for(partnership, alice) == 0


def test_it_is_in_force_once_both_agree_to_the_same_revision(partnership, alice, bob):
    agreement = fresh(in_force(partnership, alice, bob))
    assert agreement.status == Status.IN_FORCE
    assert agreement.pending_revision is None
    assert set(agreement.agreed_revision.consents.values_list("user", flat=True)) == {
        alice.pk,
        bob.pk,
    }


def test_a_change_leaves_the_agreed_words_in_force_until_both_agree(partnership, alice, bob):
    agreement = in_force(partnership, alice, bob, text="We call when late.")
    original = fresh(agreement).agreed_revision
    suggest(agreement, bob, "We text when late.")
    agreement = fresh(agreement)
    assert agreement.status == Status.IN_FORCE
    assert agreement.agreed_revision == original
    assert agreement.pending_revision.text == "We text when late."
    assert services.waiting_for(partnership, alice) == 1

    agree(agreement, alice)
    agreement = fresh(agreement)
    assert agreement.status == Status.IN_FORCE
    assert agreement.agreed_revision.text == "We text when late."
    assert agreement.pending_revision is None
    original.refresh_from_db()
    assert original.text == "We call when late."


def test_a_suggestion_on_a_proposal_needs_the_proposers_yes(partnership, alice, bob):
    agreement = propose(partnership, alice, text="First words.")
    suggest(agreement, bob, "Better words.")
    agreement = fresh(agreement)
    assert agreement.status == Status.PROPOSED
    assert agreement.pending_revision.author == bob
    assert services.waiting_for(partnership, alice) == 1
    assert services.waiting_for(partnership, bob) == 0
    agree(agreement, alice)
    assert fresh(agreement).agreed_revision.text == "Better words."


def test_no_edit_can_change_the_text_of_a_revision_someone_consented_to(partnership, alice, bob):
    agreement = in_force(partnership, alice, bob, text="Exact words.")
    revision = fresh(agreement).agreed_revision
    revision.text = "Sneaky new words."
    with pytest.raises(ImmutableRowError):
        revision.save()
    assert AgreementRevision.objects.get(pk=revision.pk).text == "Exact words."


def test_consent_to_an_older_revision_is_refused(partnership, alice, bob):
    agreement = propose(partnership, alice, text="One.")
    first = fresh(agreement).pending_revision
    suggest(agreement, alice, "Two.")
    with pytest.raises(services.AgreementConflict):
        services.agreement_consent(agreement=fresh(agreement), user=bob, revision_id=first.pk)
    assert not Consent.objects.filter(user=bob).exists()


def test_saying_yes_again_to_the_same_words_writes_nothing(partnership, alice, bob):
    agreement = fresh(in_force(partnership, alice, bob))
    events = agreement.events.count()
    for user in (alice, bob):
        with CaptureQueriesContext(connection) as captured:
            again = services.agreement_consent(
                agreement=fresh(agreement), user=user, revision_id=agreement.agreed_revision_id
            )
        assert again.status == Status.IN_FORCE
        writes = [q["sql"] for q in captured if not q["sql"].lstrip().startswith("SELECT")]
        assert writes == []
    assert fresh(agreement).version == agreement.version
    assert agreement.agreed_revision.consents.count() == 2
    assert agreement.events.count() == events


def test_a_yes_already_given_to_a_proposal_still_counts_once_the_partner_agrees(
    partnership, alice, bob
):
    agreement = propose(partnership, alice)
    agree(agreement, alice)  # the proposer again: nothing changes
    assert fresh(agreement).status == Status.PROPOSED
    agree(agreement, bob)
    agreement = fresh(agreement)
    assert agreement.status == Status.IN_FORCE
    assert agreement.agreed_revision.consents.count() == 2


def test_the_partner_who_waited_hears_when_a_yes_puts_an_agreement_in_force(
    partnership, alice, bob, notified
):
    agreement = propose(partnership, alice, title="Phones away at dinner")
    assert [n["kind"] for n in notified] == ["agreement_proposed"]
    notified.clear()
    agree(agreement, alice)  # her own words again: nothing new to tell Bob
    assert notified == []

    agree(agreement, bob)
    assert [(n["recipient"], n["kind"]) for n in notified] == [(alice, "agreement_in_force")]
    assert "Phones away at dinner" in notified[0]["message"]
    assert "in force now" in notified[0]["message"]
    assert notified[0]["path"] == agreement.get_absolute_url()

    notified.clear()
    agree(agreement, bob)  # a second tap
    assert notified == []


def test_new_words_and_a_yes_given_again_are_news_too(partnership, alice, bob, notified):
    agreement = in_force(partnership, alice, bob)
    suggest(agreement, alice, "Phones away at dinner, and at breakfast.")
    notified.clear()
    agree(agreement, bob)
    assert [(n["recipient"], n["kind"]) for n in notified] == [(alice, "agreement_in_force")]
    assert "new words" in notified[0]["message"]

    services.agreement_withdraw(agreement=fresh(agreement), user=bob)
    notified.clear()
    agree(agreement, bob)
    assert [(n["recipient"], n["kind"]) for n in notified] == [(alice, "agreement_in_force")]
    assert "in force again" in notified[0]["message"]


def test_withdrawing_consent_needs_a_conversation_until_both_agree_again(
    partnership, alice, bob, notified
):
    agreement = in_force(partnership, alice, bob)
    notified.clear()
    services.agreement_withdraw(agreement=fresh(agreement), user=bob, note="Can we talk?")
    agreement = fresh(agreement)
    assert agreement.status == Status.NEEDS_CONVERSATION
    withdrawn = Consent.objects.get(revision=agreement.agreed_revision, user=bob)
    assert withdrawn.withdrawn_at is not None and withdrawn.note == "Can we talk?"
    assert [(n["recipient"], n["kind"]) for n in notified] == [
        (alice, "agreement_consent_withdrawn")
    ]

    agree(agreement, bob)
    assert fresh(agreement).status == Status.IN_FORCE
    assert Consent.objects.filter(revision=agreement.agreed_revision, user=bob).count() == 2


def test_a_change_agreed_after_a_withdrawal_is_in_force_again(partnership, alice, bob):
    agreement = in_force(partnership, alice, bob)
    services.agreement_withdraw(agreement=fresh(agreement), user=bob)
    suggest(agreement, bob, "Words we can both live with.")
    agree(agreement, alice)
    agreement = fresh(agreement)
    assert agreement.status == Status.IN_FORCE
    assert agreement.agreed_revision.text == "Words we can both live with."


def test_one_cannot_withdraw_consent_one_never_gave(partnership, alice, bob):
    agreement = propose(partnership, alice)
    with pytest.raises(services.AgreementError):
        services.agreement_withdraw(agreement=fresh(agreement), user=bob)


def test_taking_back_a_proposal_sets_it_aside(partnership, alice, bob):
    agreement = propose(partnership, alice)
    services.agreement_set_aside(agreement=fresh(agreement), user=alice)
    agreement = fresh(agreement)
    assert agreement.status == Status.SET_ASIDE
    assert services.waiting_for(partnership, bob) == 0
    assert agreement.events.last().kind == "taken_back"


def test_declining_a_change_keeps_the_agreed_words(partnership, alice, bob):
    agreement = in_force(partnership, alice, bob, text="Kept.")
    suggest(agreement, alice, "Changed.")
    services.agreement_set_aside(agreement=fresh(agreement), user=bob)
    agreement = fresh(agreement)
    assert agreement.status == Status.IN_FORCE
    assert agreement.agreed_revision.text == "Kept."
    assert agreement.events.last().kind == "declined"


def test_retiring_needs_both_and_either_can_keep_it(partnership, alice, bob):
    agreement = in_force(partnership, alice, bob)
    services.agreement_retire(agreement=fresh(agreement), user=alice)
    assert fresh(agreement).status == Status.IN_FORCE
    assert services.waiting_for(partnership, bob) == 1
    services.agreement_retire(agreement=fresh(agreement), user=alice)  # asking twice is fine
    assert fresh(agreement).status == Status.IN_FORCE

    services.agreement_keep(agreement=fresh(agreement), user=bob)
    assert fresh(agreement).retire_requested_by is None

    services.agreement_retire(agreement=fresh(agreement), user=bob)
    services.agreement_retire(agreement=fresh(agreement), user=alice)
    agreement = fresh(agreement)
    assert agreement.status == Status.RETIRED
    assert agreement.agreed_revision is not None  # still readable
    with pytest.raises(services.AgreementError):
        suggest(agreement, alice, "Back again?")


def test_a_save_from_an_old_version_is_a_conflict_not_a_lost_update(partnership, alice, bob):
    agreement = in_force(partnership, alice, bob)
    version = fresh(agreement).version
    suggest(agreement, alice, "Alice's words.", version=version)
    with pytest.raises(services.AgreementConflict) as caught:
        suggest(agreement, bob, "Bob's words.", version=version)
    assert caught.value.agreement.pending_revision.text == "Alice's words."
    assert not AgreementRevision.objects.filter(text="Bob's words.").exists()


@pytest.mark.embedded
def test_waiting_for_counts_agreements_and_boundaries_in_one_statement(partnership, alice, bob):
    propose(partnership, alice)
    in_force(partnership, bob, alice)
    agreement = in_force(partnership, bob, alice)
    services.agreement_retire(agreement=fresh(agreement), user=alice)
    services.boundary_state(partnership=partnership, owner=alice, text="Quiet mornings.")
    with CaptureQueriesContext(connection) as queries:
        assert services.waiting_for(partnership, bob) == 3
    assert len(queries) == 1
    assert services.waiting_for(partnership, alice) == 0


def counted_by_the_querysets(partnership, user):
    """The rule as the lists filter by it (`waiting_on`)."""
    return {
        "agreements": Agreement.objects.filter(partnership=partnership).waiting_on(user).count(),
        "boundaries": Boundary.objects.filter(partnership=partnership).waiting_on(user).count(),
    }


def same_counts_both_ways(partnership, *people):
    """`check()` for a test: the navigation's counts and the lists' agree for each person,
    and so does the list's flag on each row (Agreement.waits_for)."""

    def check():
        for person in people:
            assert services.waiting_counts(partnership, person) == counted_by_the_querysets(
                partnership, person
            )
            rows = Agreement.objects.filter(partnership=partnership).with_my_yes(person)
            waiting = set(
                Agreement.objects.filter(partnership=partnership)
                .waiting_on(person)
                .values_list("pk", flat=True)
            )
            assert {row.pk for row in rows if row.waits_for(person)} == waiting

    return check


@pytest.mark.embedded
def test_waiting_counts_follow_the_same_rule_as_the_waiting_lists(partnership, alice, bob):
    """The navigation's count is the rule in hand-written SQL; every state must agree."""
    check = same_counts_both_ways(partnership, alice, bob)
    check()
    proposal = propose(partnership, alice)
    check()
    agreed = in_force(partnership, alice, bob)
    suggest(agreed, bob, "Changed words.")
    check()
    services.agreement_withdraw(agreement=fresh(agreed), user=bob)
    check()
    retiring = in_force(partnership, bob, alice)
    services.agreement_retire(agreement=fresh(retiring), user=bob)
    check()
    services.agreement_set_aside(agreement=fresh(proposal), user=alice)
    check()
    boundary = services.boundary_state(partnership=partnership, owner=alice, text="Quiet mornings.")
    services.boundary_state(partnership=partnership, owner=bob, text="Slow evenings.")
    check()
    services.boundary_acknowledge(
        boundary=boundary, user=bob, revision_id=boundary.current_revision_id
    )
    check()
    boundary = Boundary.objects.get(pk=boundary.pk)
    services.boundary_edit(
        boundary=boundary,
        owner=alice,
        text="Quiet mornings, please.",
        expected_version=boundary.version,
    )
    check()
    assert services.waiting_counts(partnership, bob)["boundaries"] == 1


@pytest.mark.embedded
def test_waiting_counts_agree_with_the_lists_on_the_edge_cases(partnership, alice, bob):
    """The states the services rarely leave behind, each counted the same both ways."""
    check = same_counts_both_ways(partnership, alice, bob)
    # A retire request waits for the partner of whoever asked, whichever partner that is.
    by_alice = in_force(partnership, bob, alice, title="Asked by Alice")
    services.agreement_retire(agreement=fresh(by_alice), user=alice)
    by_bob = in_force(partnership, alice, bob, title="Asked by Bob")
    services.agreement_retire(agreement=fresh(by_bob), user=bob)
    check()
    assert services.waiting_counts(partnership, alice)["agreements"] == 1
    # A change suggested while a retire request stands: one agreement, counted once.
    suggest(by_bob, bob, "Or these words?")
    check()
    assert services.waiting_counts(partnership, alice)["agreements"] == 1
    assert services.waiting_counts(partnership, bob)["agreements"] == 1
    # Retired by both: it keeps who asked, and waits for nobody.
    services.agreement_retire(agreement=fresh(by_alice), user=bob)
    check()
    # A consent to the pending words taken back: those words wait for that person again.
    proposal = propose(partnership, alice, title="Taken back")
    Consent.objects.filter(revision=fresh(proposal).pending_revision).update(
        withdrawn_at=timezone.now()
    )
    check()
    assert services.waiting_counts(partnership, alice)["agreements"] == 2  # and "Asked by Bob"
    # Consent withdrawn from agreed words alone: a conversation, not a question waiting.
    withdrawn = in_force(partnership, alice, bob, title="Withdrawn")
    services.agreement_withdraw(agreement=fresh(withdrawn), user=alice)
    check()
    # A boundary acknowledged, then changed, then removed.
    boundary = services.boundary_state(partnership=partnership, owner=bob, text="Slow evenings.")
    services.boundary_acknowledge(
        boundary=boundary, user=alice, revision_id=boundary.current_revision_id
    )
    check()
    assert services.waiting_counts(partnership, alice)["boundaries"] == 0
    boundary = Boundary.objects.get(pk=boundary.pk)
    services.boundary_edit(
        boundary=boundary, owner=bob, text="Slower evenings.", expected_version=boundary.version
    )
    check()
    assert services.waiting_counts(partnership, alice)["boundaries"] == 1
    services.boundary_remove(boundary=Boundary.objects.get(pk=boundary.pk), owner=bob)
    check()
    assert services.waiting_counts(partnership, alice)["boundaries"] == 0


@pytest.mark.embedded
def test_waiting_counts_only_what_is_in_this_partnership(
    partnership, other_partnership, alice, bob, dave
):
    propose(partnership, alice)
    services.boundary_state(partnership=partnership, owner=alice, text="Quiet mornings.")
    bob_elsewhere = make_partnership(dave, bob)
    propose(bob_elsewhere, dave)
    propose(bob_elsewhere, dave, title="Another")
    propose(other_partnership, dave)
    assert services.waiting_counts(partnership, bob) == {"agreements": 1, "boundaries": 1}
    assert services.waiting_counts(bob_elsewhere, bob) == {"agreements": 2, "boundaries": 0}
    assert services.waiting_counts(partnership, alice) == {"agreements": 0, "boundaries": 0}


@pytest.mark.embedded
def test_an_ended_partnership_has_nothing_waiting(partnership, alice, bob):
    propose(partnership, bob)
    services.boundary_state(partnership=partnership, owner=bob, text="Quiet mornings.")
    ended = leave(partnership)
    with CaptureQueriesContext(connection) as queries:
        assert services.waiting_counts(ended, alice) == {"agreements": 0, "boundaries": 0}
    assert not queries  # nothing can wait in an archive: nothing is counted


def test_changes_since_lists_what_was_agreed_changed_withdrawn_or_retired(partnership, alice, bob):
    quiet = in_force(partnership, alice, bob, title="Old news")
    later = timezone.now()
    propose(partnership, alice, title="Only proposed")
    in_force(partnership, alice, bob, title="Newly agreed")
    changed = in_force(partnership, alice, bob, title="Changed")
    withdrawn = in_force(partnership, alice, bob, title="Withdrawn")
    retired = in_force(partnership, alice, bob, title="Retired")
    suggest(changed, bob, "New words.")
    agree(changed, alice)
    services.agreement_withdraw(agreement=fresh(withdrawn), user=bob)
    services.agreement_retire(agreement=fresh(retired), user=alice)
    services.agreement_retire(agreement=fresh(retired), user=bob)

    with CaptureQueriesContext(connection) as queries:
        found = {a.title: a.change for a in services.changes_since(partnership, later)}
    assert len(queries) == 1
    assert found == {
        "Newly agreed": "agreed",
        "Changed": "changed",
        "Withdrawn": "withdrawn",
        "Retired": "retired",
    }
    assert quiet.title not in found


def test_due_for_revisit_lists_agreements_in_force_past_their_date(partnership, alice, bob):
    today = timezone.localdate()
    due = in_force(partnership, alice, bob, title="Due", revisit_on=today)
    in_force(partnership, alice, bob, title="Later", revisit_on=today + timedelta(days=1))
    in_force(partnership, alice, bob, title="Undated")
    propose(partnership, alice, title="Not in force", revisit_on=today - timedelta(days=1))
    withdrawn = in_force(partnership, alice, bob, title="Withdrawn", revisit_on=today)
    services.agreement_withdraw(agreement=fresh(withdrawn), user=alice)
    assert list(Agreement.objects.due_for_revisit(partnership)) == [due]


@pytest.mark.parametrize(
    "action",
    ["propose", "suggest", "withdraw", "boundary"],
)
def test_the_partner_hears_about_it_through_notify_partner(
    action, partnership, alice, bob, notified
):
    agreement = in_force(partnership, alice, bob) if action in ("suggest", "withdraw") else None
    notified.clear()
    if action == "propose":
        propose(partnership, alice, title="Sundays slow")
    elif action == "suggest":
        suggest(agreement, alice, "New words.")
    elif action == "withdraw":
        services.agreement_withdraw(agreement=fresh(agreement), user=alice)
    else:
        services.boundary_state(partnership=partnership, owner=alice, text="Quiet mornings.")
    assert len(notified) == 1
    notice = notified[0]
    assert notice["recipient"] == bob and notice["actor"] == alice
    assert notice["partnership"] == partnership
    assert notice["path"].startswith(f"/p/{partnership.public_id}/agreements/")
    assert "Alice" in str(notice["message"])


def test_demo_content_notifies_nobody(partnership, alice, bob, notified):
    from trustapp.agreements import demo

    demo.seed(partnership, alice, bob)
    assert notified == []
    assert Agreement.objects.filter(partnership=partnership).count() >= 4
