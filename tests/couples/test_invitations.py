import html
import re
import threading
from datetime import timedelta

import pytest
from django.db import IntegrityError, connection, transaction
from django.urls import reverse
from django.utils import timezone

from tests.conftest import PASSWORD, client_for, make_partnership, make_user
from tests.support.mail import code_from_email, link_from_email
from trustapp.couples import services
from trustapp.couples.models import Invitation, Membership, hash_token


@pytest.fixture
def solo(alice):
    """Alice's new space, waiting for a partner."""
    return make_partnership(alice)


@pytest.fixture
def invite(solo, alice):
    invitation, token = services.invitation_create(partnership=solo, created_by=alice)
    return invitation, token


def respond(client, token, **data):
    return client.post(reverse("couples:invitation_respond", args=[token]), data)


def test_it_stores_only_a_hash_of_the_token(invite):
    invitation, token = invite
    assert invitation.token_hash == hash_token(token)
    assert token not in str(Invitation.objects.values_list().get(pk=invitation.pk))


def test_the_creator_sees_the_link_once_after_making_it(alice_client, solo):
    url = reverse("couples:invite", args=[solo.public_id])
    response = alice_client.post(url, {"email": ""}, follow=True)
    assert b"/invite/" in response.content
    assert b"Copy link" in response.content
    # Shown once: nothing plain stays in the session, only the hash in the database.
    token = re.search(r"/invite/([^/]+)/", response.content.decode()).group(1)
    assert token not in str(dict(alice_client.session))
    assert b'id="invite-link"' not in alice_client.get(url).content
    # A different browser of the same person cannot see the link: only its hash is kept.
    other_browser = client_for(solo.memberships.get().user)
    assert b'id="invite-link"' not in other_browser.get(url).content


def test_it_emails_the_link_when_given_an_address(
    alice_client, solo, mailoutbox, django_capture_on_commit_callbacks
):
    url = reverse("couples:invite", args=[solo.public_id])
    with django_capture_on_commit_callbacks(execute=True):
        alice_client.post(url, {"email": "bob@example.com"})
    link = link_from_email("bob@example.com", "/invite/")
    assert "Alice invited you" in mailoutbox[-1].subject
    assert Invitation.objects.get().token_hash == hash_token(link.rstrip("/").rsplit("/", 1)[1])


def test_a_bad_email_gets_a_clear_message(alice_client, solo):
    url = reverse("couples:invite", args=[solo.public_id])
    response = alice_client.post(url, {"email": "not-an-email"})
    assert response.status_code == 200
    assert b"Enter a valid email address." in response.content
    assert b'value="not-an-email"' in response.content
    assert not Invitation.objects.exists()


def test_a_partner_sees_who_invited_them_and_accepts(bob, invite, solo):
    invitation, token = invite
    client = client_for(bob)
    page = client.get(reverse("couples:invitation", args=[token]))
    assert page.status_code == 200
    assert b"Alice invited you" in page.content
    response = respond(client, token, accept="")
    assert response.status_code == 302
    assert response["Location"] == solo.get_absolute_url()
    assert Membership.objects.filter(partnership=solo, user=bob, slot=2).exists()
    invitation.refresh_from_db()
    assert invitation.accepted_by == bob


def test_a_partner_can_decline(bob, invite, solo):
    _, token = invite
    response = respond(client_for(bob), token, decline="")
    assert response.status_code == 302
    assert not solo.memberships.filter(user=bob).exists()
    assert Invitation.objects.get().declined_at is not None


def link_on(page, path):
    found = re.search(rf'href="({path}\?next=[^"]*)"', page.content.decode())
    assert found, f"no link to {path}"
    return html.unescape(found.group(1))


def test_a_signed_out_visitor_is_brought_back_to_the_invitation(client, invite):
    _, token = invite
    page = client.get(reverse("couples:invitation", args=[token]))
    assert b"Create an account to join" in page.content
    make_user("bob@example.com", "Bob")
    response = client.post(
        link_on(page, reverse("account_login")),
        {"login": "bob@example.com", "password": PASSWORD},
    )
    assert response["Location"] == reverse("couples:invitation", args=[token])


def test_the_header_s_sign_up_and_sign_in_also_bring_the_visitor_back(client, invite):
    _, token = invite
    here = reverse("couples:invitation", args=[token])
    header = client.get(here).content.decode().split("</header>")[0]
    for name in ("account_signup", "account_login"):
        assert f'href="{reverse(name)}?next={here}"' in header


def test_the_visitor_s_session_keeps_no_token(client, invite):
    """On a shared device, whoever signs in next is not led to someone else's invitation."""
    _, token = invite
    client.get(reverse("couples:invitation", args=[token]))
    assert token not in str(dict(client.session))
    client.force_login(make_user("carol@example.com", "Carol"))
    assert client.get(reverse("home")).get("Location") != reverse(
        "couples:invitation", args=[token]
    )


def test_an_expired_link_is_refused(bob, invite, solo):
    invitation, token = invite
    Invitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - timedelta(seconds=1)
    )
    response = respond(client_for(bob), token, accept="")
    assert response.status_code == 409
    assert b"This invitation has expired" in response.content
    assert not solo.memberships.filter(user=bob).exists()


def test_an_invitation_expires_after_seven_days(invite):
    invitation, _ = invite
    assert invitation.expires_at - invitation.created_at == timedelta(days=7)


def test_a_used_link_is_refused(bob, carol, invite, solo):
    _, token = invite
    respond(client_for(bob), token, accept="")
    response = respond(client_for(carol), token, accept="")
    assert response.status_code == 409
    assert b"already been used" in response.content
    assert not solo.memberships.filter(user=carol).exists()


def test_a_revoked_link_is_refused(alice_client, bob, invite, solo):
    invitation, token = invite
    alice_client.post(reverse("couples:invitation_revoke", args=[solo.public_id, invitation.pk]))
    response = respond(client_for(bob), token, accept="")
    assert response.status_code == 409
    assert b"withdrawn" in response.content


def test_making_a_new_link_retires_the_old_one(alice, invite, solo):
    old, _ = invite
    services.invitation_create(partnership=solo, created_by=alice)
    old.refresh_from_db()
    assert old.revoked_at is not None


def test_nobody_accepts_their_own_invitation(alice_client, invite, solo):
    _, token = invite
    response = respond(alice_client, token, accept="")
    assert response.status_code == 409
    assert b"your own invitation" in response.content
    assert solo.memberships.count() == 1


def test_an_unknown_token_is_a_404(bob_client, db):
    assert bob_client.get(reverse("couples:invitation", args=["nope"])).status_code == 404
    assert respond(bob_client, "nope", accept="").status_code == 409


def test_respond_rejects_get(bob_client, invite):
    _, token = invite
    assert bob_client.get(reverse("couples:invitation_respond", args=[token])).status_code == 405


def test_the_database_forbids_a_third_member(partnership, carol):
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(partnership=partnership, user=carol, slot=2)
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(partnership=partnership, user=carol, slot=3)


def test_a_full_partnership_refuses_a_third_person(alice, partnership, carol):
    # Even an invitation made before the second partner joined cannot add a third.
    invitation = Invitation.objects.create(
        partnership=partnership,
        created_by=alice,
        token_hash=hash_token("leftover"),
        expires_at=timezone.now() + timedelta(days=1),
    )
    response = respond(client_for(carol), "leftover", accept="")
    assert response.status_code == 409
    assert b"already has two partners" in response.content
    assert partnership.memberships.count() == 2
    invitation.refresh_from_db()
    assert invitation.accepted_at is None


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL row locks")
@pytest.mark.django_db(transaction=True)
def test_two_people_accepting_at_the_same_moment_exactly_one_wins(alice):
    solo = make_partnership(alice)
    _, token = services.invitation_create(partnership=solo, created_by=alice)
    bob = make_user("bob@example.com", "Bob")
    carol = make_user("carol@example.com", "Carol")
    barrier = threading.Barrier(2)
    outcomes = {}

    def accept(person):
        try:
            barrier.wait(timeout=5)
            services.invitation_accept(token=token, user=person)
            outcomes[person.email] = "joined"
        except services.InvitationError as error:
            outcomes[person.email] = str(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=accept, args=(person,)) for person in (bob, carol)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=15)
    assert sorted(outcomes.values()).count("joined") == 1, outcomes
    loser = next(message for message in outcomes.values() if message != "joined")
    assert "already been used" in loser or "two partners" in loser
    assert solo.memberships.count() == 2


def test_opening_invitation_links_is_rate_limited(client, invite, settings):
    _, token = invite
    settings.ACCOUNT_RATE_LIMITS = {"invitation": "3/m/ip"}
    url = reverse("couples:invitation", args=[token])
    statuses = [client.get(url).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]


@pytest.mark.embedded  # `make run`'s setup too: the way a newcomer meets it
def test_a_signed_out_visitor_can_open_a_valid_or_unknown_link(client, invite):
    _, token = invite
    assert client.get(reverse("couples:invitation", args=[token])).status_code == 200
    assert client.get(reverse("couples:invitation", args=["no-such-token"])).status_code == 404


def test_per_person_limits_count_once_signed_in(bob_client, client, invite, settings):
    _, token = invite
    settings.ACCOUNT_RATE_LIMITS = {"invitation": "50/m/ip,2/h/user"}
    url = reverse("couples:invitation", args=[token])
    assert [client.get(url).status_code for _ in range(3)] == [200, 200, 200]
    assert [bob_client.get(url).status_code for _ in range(3)] == [200, 200, 429]


@pytest.mark.embedded  # `make run`'s setup too: the way a newcomer meets it
def test_a_newcomer_signs_up_from_the_link_and_joins(client, invite, solo, mailoutbox):
    """Through allauth's real sign-up and emailed code, back to the invitation, then in."""
    _, token = invite
    page = client.get(reverse("couples:invitation", args=[token]))
    response = client.post(
        link_on(page, reverse("account_signup")),
        {
            "email": "sam@example.com",
            "password1": "a-long-kind-password-42",
            "password2": "a-long-kind-password-42",
            "display_name": "Sam",
            "time_zone": "Europe/Berlin",
        },
        follow=True,
    )
    assert b"Check your email" in response.content
    response = client.post(
        reverse("account_email_verification_sent"),
        {"code": code_from_email("sam@example.com")},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == reverse("couples:invitation", args=[token])
    assert b"Accept and join" in response.content
    response = respond(client, token, accept="")
    assert response["Location"] == solo.get_absolute_url()
    assert solo.memberships.filter(user__email="sam@example.com", slot=2).exists()


def test_an_inviter_s_old_name_with_a_line_break_cannot_break_the_email(
    alice, alice_client, solo, mailoutbox, django_capture_on_commit_callbacks
):
    type(alice).objects.filter(pk=alice.pk).update(display_name="Alice\nBcc: eve@example.com")
    url = reverse("couples:invite", args=[solo.public_id])
    with django_capture_on_commit_callbacks(execute=True):
        response = alice_client.post(url, {"email": "bob@example.com"})
    assert response.status_code == 302
    assert mailoutbox[-1].message()["Subject"].startswith("Alice Bcc: eve@example.com invited")
    assert mailoutbox[-1].message()["Bcc"] is None
