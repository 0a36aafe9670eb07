"""The hot paths are hand-written SQL for speed (the session, the access check and the
navigation's "waiting for you" count on every page, and the status lines a waiting page
polls), run as prepared statements. These tests hold each to the ORM rules it replaces,
in every state those rules know about, and check that the statements are prepared and
still counted."""

import pytest
from django.contrib.sessions.models import Session
from django.db import connection
from django.db.models import Exists, OuterRef, Subquery
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.agreements.conftest import agree, in_force, propose, suggest
from tests.conftest import make_partnership, make_user
from tests.conversations.conftest import ALICE_WORDS, BOB_WORDS
from trustapp.accounts.models import User
from trustapp.agreements import library
from trustapp.agreements import services as agreements
from trustapp.agreements.models import Agreement, Boundary
from trustapp.conversations import services as conversations
from trustapp.conversations.models import Answer, Conversation, Prompt
from trustapp.couples import access
from trustapp.couples.models import Membership
from trustapp.couples.services import partnership_leave
from trustapp.lib.pagecache import WriteSpotter
from trustapp.lib.sessions import SessionStore
from trustapp.lib.sql import prepared_cursor


def rows(memberships):
    """Everything the access check loaded, field by field."""

    def values(instance):
        return [getattr(instance, f.attname) for f in instance._meta.concrete_fields]

    return [
        (values(m), values(m.partnership), values(m.user), m.partnership.pk, m.user.pk)
        for m in memberships
    ]


def test_the_access_check_loads_what_the_orm_loads(alice, bob, carol):
    waiting = make_partnership(carol)
    together = make_partnership(alice, bob)
    ended = make_partnership(alice, bob)
    partnership_leave(partnership=ended, user=bob)
    for space in (waiting, together, ended):
        found = access.memberships_sql(space.public_id)
        assert rows(found) == rows(access.memberships_orm(space.public_id))
        assert [m.slot for m in found] == sorted(m.slot for m in found)
        assert {m.partnership.pk for m in found} == {space.pk}
    assert len(access.memberships_sql(together.public_id)) == 2
    assert access.memberships_sql("nowhere") == []
    # Types come back as the ORM gives them: aware datetimes, a bool, the same strings.
    bob_then = next(m for m in access.memberships_sql(ended.public_id) if m.user_id == bob.pk)
    assert bob_then.left_at is not None and bob_then.left_at.tzinfo is not None
    assert bob_then.user.is_active is True and bob_then.user.email == bob.email


def test_the_access_check_lets_members_in_and_keeps_everyone_else_out(alice, bob, carol):
    from django.http import Http404

    space = make_partnership(alice, bob)
    assert access.get_partnership_for_user(alice, space.public_id).pk == space.pk
    found = access.get_partnership_for_user(bob, space.public_id)
    assert [m.user for m in found.member_list()] == [alice, bob]
    assert found.partner_of(bob) == alice
    for person, public_id in ((carol, space.public_id), (alice, "nowhere")):
        with pytest.raises(Http404):
            access.get_partnership_for_user(person, public_id)


def test_hot_queries_are_prepared_and_still_counted_and_watched(partnership, alice):
    spotter = WriteSpotter()
    with CaptureQueriesContext(connection) as captured, connection.execute_wrapper(spotter):
        for _ in range(3):
            access.memberships_sql(partnership.public_id)
            agreements.waiting_counts(partnership, alice)
    assert len(captured.captured_queries) == 6  # query budgets see every statement
    assert not spotter.wrote
    with CaptureQueriesContext(connection):  # the logging cursor prepares as well
        access.memberships_sql(partnership.public_id)
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        prepared = [statement for (statement,) in cursor.fetchall()]
    assert any('p."public_id" = $1' in statement for statement in prepared)
    assert any(Boundary._meta.db_table in statement for statement in prepared)
    # Django's own queries (the fixtures' inserts here) bind on the client, never prepared.
    assert not any(statement.lstrip().upper().startswith("INSERT") for statement in prepared)


def test_a_session_is_read_as_django_reads_it_with_one_prepared_statement(db):
    saved = SessionStore()
    saved["answer"] = 42
    saved.save()
    with CaptureQueriesContext(connection) as captured:
        again = SessionStore(saved.session_key)
        assert again["answer"] == 42
        assert again.session_key == saved.session_key
    assert len(captured.captured_queries) == 1
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        assert any(Session._meta.db_table in statement for (statement,) in cursor.fetchall())

    unknown = SessionStore("no-such-session-key")
    assert "answer" not in unknown
    assert unknown.session_key is None  # as Django's: a new key is made when it is saved

    Session.objects.filter(pk=saved.session_key).update(expire_date=timezone.now())
    expired = SessionStore(saved.session_key)
    assert "answer" not in expired
    assert expired.session_key is None


def test_the_signed_in_person_is_loaded_as_the_orm_loads_them(alice, bob):
    User.objects.filter(pk=bob.pk).update(deleted_at=timezone.now(), is_active=False)
    for person in (alice, bob):
        with CaptureQueriesContext(connection) as captured:
            fast = User.objects.get(pk=str(person.pk))  # as the session holds it
        assert len(captured.captured_queries) == 1
        slow = User.objects.all().get(pk=person.pk)
        for field in User._meta.concrete_fields:
            assert getattr(fast, field.attname) == getattr(slow, field.attname), field.name
        assert fast._state.adding is False and fast._state.db == "default"
    assert User.objects.get(pk=bob.pk).deleted_at.tzinfo is not None
    with pytest.raises(User.DoesNotExist):
        User.objects.get(pk=bob.pk + 1000)
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        prepared = [statement for (statement,) in cursor.fetchall()]
    assert any(f'FROM "{User._meta.db_table}" WHERE' in statement for statement in prepared)
    # Any other lookup is the ORM's, never prepared.
    assert User.objects.get(email=alice.email) == alice
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_prepared_statements")
        assert cursor.fetchone()[0] == len(prepared)


def test_a_signed_in_person_stays_signed_in_and_signing_out_ends_the_session(client, alice):
    client.force_login(alice)
    key = client.session.session_key
    assert client.get(reverse("accounts:profile")).status_code == 200
    client.post(reverse("account_logout"))
    assert not Session.objects.filter(pk=key).exists()
    assert client.get(reverse("accounts:profile")).status_code == 302


def test_without_prepared_statements_the_hot_queries_run_as_before(partnership, monkeypatch):
    monkeypatch.setattr(connection.connection, "prepare_threshold", None)
    with prepared_cursor() as cursor:
        assert type(cursor.cursor) is type(connection.cursor().cursor)
    assert rows(access.memberships_sql(partnership.public_id)) == rows(
        access.memberships_orm(partnership.public_id)
    )


def orm_waiting(partnership, user):
    return {
        "agreements": Agreement.objects.filter(partnership=partnership).waiting_on(user).count(),
        "boundaries": Boundary.objects.filter(partnership=partnership).waiting_on(user).count(),
    }


def test_the_waiting_count_follows_the_same_rules_as_the_orm(partnership, alice, bob):
    library.load()
    carol, dave = make_user("carol@example.com", "Carol"), make_user("dave@example.com", "Dave")
    elsewhere = make_partnership(carol, dave)
    with agreements.notifications_off():
        propose(partnership, alice, title="Alice asks")
        propose(partnership, bob, title="Bob asks")
        agreed = in_force(partnership, alice, bob, title="Both agreed")
        changed = suggest(in_force(partnership, bob, alice, title="Changing"), alice, "New words")
        withdrawn = in_force(partnership, alice, bob, title="Withdrawn")
        agreements.agreement_withdraw(agreement=withdrawn, user=bob, note="Talk?")
        agreements.agreement_consent(
            agreement=Agreement.objects.get(pk=withdrawn.pk),
            user=bob,
            revision_id=withdrawn.agreed_revision_id,
        )
        agreements.agreement_retire(agreement=agreed, user=bob)
        retired = in_force(partnership, alice, bob, title="Retired by both")
        agreements.agreement_retire(agreement=retired, user=alice)
        agreements.agreement_retire(agreement=Agreement.objects.get(pk=retired.pk), user=bob)
        asked = in_force(partnership, bob, alice, title="Alice wants it gone")
        agreements.agreement_retire(agreement=asked, user=alice)
        propose(elsewhere, carol, title="Not theirs")
        agreements.boundary_state(partnership=partnership, owner=alice, text="Alice's")
        agreements.boundary_state(partnership=partnership, owner=bob, text="Bob's, unread")
        read = agreements.boundary_state(partnership=partnership, owner=bob, text="Bob's, read")
        agreements.boundary_acknowledge(
            boundary=read, user=alice, revision_id=read.current_revision_id
        )
        edited = agreements.boundary_state(partnership=partnership, owner=bob, text="Read once")
        agreements.boundary_acknowledge(
            boundary=edited, user=alice, revision_id=edited.current_revision_id
        )
        edited.refresh_from_db()
        agreements.boundary_edit(
            boundary=edited, owner=bob, text="Changed since", expected_version=edited.version
        )
        removed = agreements.boundary_state(partnership=partnership, owner=bob, text="Gone")
        agreements.boundary_remove(boundary=removed, owner=bob)
        agreements.boundary_state(partnership=elsewhere, owner=carol, text="Theirs")
    assert changed is not None
    for space, people in ((partnership, (alice, bob, carol)), (elsewhere, (carol, dave, alice))):
        for person in people:
            assert agreements.waiting_counts(space, person) == orm_waiting(space, person)
    assert agreements.waiting_counts(partnership, alice) != {"agreements": 0, "boundaries": 0}
    agree(Agreement.objects.get(title="Bob asks"), alice)
    assert agreements.waiting_counts(partnership, alice) == orm_waiting(partnership, alice)


def orm_status(public_id, pk, user):
    """The poll's query as it was written with the ORM."""
    partner = Membership.objects.filter(partnership=OuterRef("partnership")).exclude(user=user)
    answers = Answer.objects.filter(conversation=OuterRef("pk"), withdrawn_at__isnull=True)
    row = (
        Conversation.objects.filter(
            pk=pk, partnership__public_id=public_id, partnership__memberships__user=user
        )
        .annotate(
            i_answered=Exists(answers.filter(user=user)),
            partner_answered=Exists(answers.exclude(user=user)),
            partner_display_name=Subquery(partner.values("user__display_name")[:1]),
            partner_email=Subquery(partner.values("user__email")[:1]),
        )
        .values(
            "revealed_at",
            "talked_at",
            "i_answered",
            "partner_answered",
            "partner_display_name",
            "partner_email",
        )
        .first()
    )
    if row is None:
        return None
    return {
        "revealed": row["revealed_at"] is not None,
        "talked": row["talked_at"] is not None,
        "i_answered": row["i_answered"],
        "partner_answered": row["partner_answered"],
        "partner_name": row["partner_display_name"] or (row["partner_email"] or "").split("@")[0],
    }


def test_the_polled_status_follows_the_same_rules_as_the_orm(partnership, alice, bob):
    carol = make_user("carol@example.com", "Carol")
    prompts = Prompt.objects.active().filter(topic__is_tender=False)[:3]
    started = []
    for prompt, answered_by in zip(prompts, ((), (alice,), (alice, bob)), strict=True):
        conversation, _created = conversations.conversation_start(
            partnership=partnership, user=alice, prompt=prompt
        )
        for person in answered_by:
            words = ALICE_WORDS if person == alice else BOB_WORDS
            conversations.answer_submit(conversation=conversation, user=person, text=words)
        started.append(conversation)

    def check():
        for conversation in started:
            for person in (alice, bob, carol):
                found = conversations.conversation_status(
                    public_id=partnership.public_id, pk=conversation.pk, user=person
                )
                assert found == orm_status(partnership.public_id, conversation.pk, person)
                assert (found is None) == (person == carol)
            assert (
                conversations.conversation_status(
                    public_id="somewhere-else", pk=conversation.pk, user=alice
                )
                is None
            )

    check()
    conversations.answer_withdraw(conversation=started[2], user=alice)
    check()
    partnership_leave(partnership=partnership, user=bob)  # a former member still reads it
    check()


def test_the_polled_check_in_state_says_waiting_only_while_the_partner_has_not_answered(
    partnership, alice, bob
):
    from tests.checkins.support import answer, open_checkin
    from trustapp.checkins import services as checkins

    carol = make_user("carol@example.com", "Carol")
    checkin = open_checkin(partnership)

    def state(user):
        return checkins.answers_state(public_id=partnership.public_id, pk=checkin.pk, user=user)

    assert (state(alice), state(bob)) == ("changed", "changed")  # nobody answered: no poll
    answer(checkin, alice)
    assert (state(alice), state(bob)) == (checkins.WAITING, "changed")
    assert state(carol) is None
    assert checkins.answers_state(public_id="elsewhere", pk=checkin.pk, user=alice) is None
    answer(checkin, bob)
    assert (state(alice), state(bob)) == ("changed", "changed")  # both in: revealed

    second = open_checkin(make_partnership(alice, bob))
    answer(second, alice)
    public_id = second.partnership.public_id
    assert checkins.answers_state(public_id=public_id, pk=second.pk, user=alice) == "waiting"
    checkins.checkin_close(checkin=second, user=bob)
    assert checkins.answers_state(public_id=public_id, pk=second.pk, user=alice) == "changed"
