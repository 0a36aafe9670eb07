"""Sign up with email and password, confirm the address with the emailed code."""

import time

import time_machine
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse

from tests.accounts.helpers import is_signed_in
from tests.conftest import PASSWORD
from tests.support.mail import code_from_email, last_message_to

CONFIRM_URL = reverse("account_email_verification_sent")


def sign_up(client, email="sam@example.com", **extra):
    # A browser always sends the chosen zone (UTC unless the person picks another).
    data = {"email": email, "password1": PASSWORD, "password2": PASSWORD, "time_zone": "UTC"}
    data |= extra
    return client.post(reverse("account_signup"), data)


def test_the_sign_up_page_asks_for_email_password_twice_name_and_zone(client, db):
    response = client.get(reverse("account_signup"))
    assert response.status_code == 200
    body = response.content.decode()
    names = ["email", "password1", "password2", "display_name", "time_zone"]
    positions = [body.index(f'name="{name}"') for name in names]
    assert positions == sorted(positions), "fields appear in the order people fill them"
    assert "Your name" in body
    assert 'data-detect-time-zone="true"' in body


def test_without_javascript_the_zone_is_a_visible_choice(client, db):
    """No script fills it in: a list shows UTC as chosen, and every zone can be picked."""
    body = client.get(reverse("account_signup")).content.decode()
    assert '<select name="time_zone"' in body
    assert '<option value="UTC" selected>UTC</option>' in body
    assert '<optgroup label="Europe">' in body
    assert '<option value="Europe/Berlin">Berlin</option>' in body
    assert '<option value="America/New_York">New York</option>' in body
    sign_up(client, time_zone="America/New_York")
    client.post(CONFIRM_URL, {"code": code_from_email("sam@example.com")})
    assert EmailAddress.objects.get(email="sam@example.com").user.time_zone == "America/New_York"


def test_signing_up_emails_a_code_that_signs_you_in(client, db):
    response = sign_up(client, display_name="  Sam  ", time_zone="Europe/Lisbon")
    assert response.status_code == 302
    assert response["Location"] == CONFIRM_URL
    assert not is_signed_in(client)

    message = last_message_to("sam@example.com")
    assert message.subject == "[Trustapp] Your code to finish signing up"
    assert "Welcome to Trustapp" in message.body
    page = client.get(CONFIRM_URL)
    assert b"sam@example.com" in page.content

    response = client.post(CONFIRM_URL, {"code": code_from_email("sam@example.com")})
    assert response.status_code == 302
    assert is_signed_in(client)
    address = EmailAddress.objects.get(email="sam@example.com")
    assert address.verified and address.primary
    assert address.user.display_name == "Sam"
    assert address.user.time_zone == "Europe/Lisbon"


def test_the_code_works_in_small_letters_and_without_the_dash(client, db):
    sign_up(client)
    code = code_from_email("sam@example.com").replace("-", "").lower()
    client.post(CONFIRM_URL, {"code": code})
    assert is_signed_in(client)


def test_the_name_is_optional(client, db):
    sign_up(client, time_zone="UTC")
    client.post(CONFIRM_URL, {"code": code_from_email("sam@example.com")})
    user = EmailAddress.objects.get(email="sam@example.com").user
    assert user.display_name == ""
    assert user.time_zone == "UTC"
    assert user.name == "sam"


def test_mistakes_are_explained_and_what_was_typed_is_kept(client, db):
    response = client.post(
        reverse("account_signup"),
        {
            "email": "sam@example",
            "password1": PASSWORD,
            "password2": "something-else-entirely",
            "display_name": "Sam",
            "time_zone": "Mars/Olympus",
        },
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "Enter a valid email address." in body
    assert "Please pick a time zone from the list, like Europe/Berlin." in body
    assert 'value="sam@example"' in body
    assert 'value="Sam"' in body
    assert 'aria-invalid="true"' in body
    assert mail.outbox == []


def test_mismatched_passwords_are_explained(client, db):
    response = sign_up(client, password2="a-different-kind-password-42")
    assert response.status_code == 200
    assert "You must type the same password each time." in response.content.decode()


def test_an_email_that_is_already_taken_gets_no_new_account(client, alice):
    response = sign_up(client, email="alice@example.com")
    # allauth does not reveal who has an account: it goes on to the code page
    # and tells the owner by email instead.
    assert response.status_code == 302
    message = last_message_to("alice@example.com")
    assert message.subject == "[Trustapp] You already have an account"
    assert "/accounts/password/reset/" in message.body
    assert EmailAddress.objects.filter(email="alice@example.com").count() == 1


def test_a_wrong_code_says_so_and_keeps_what_was_typed(client, db):
    sign_up(client)
    response = client.post(CONFIRM_URL, {"code": "XXXX-XXXX"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Incorrect code." in body
    assert 'value="XXXX-XXXX"' in body
    assert not is_signed_in(client)


def test_an_expired_code_sends_you_to_sign_in_with_an_explanation(client, db):
    sign_up(client)
    code = code_from_email("sam@example.com")
    with time_machine.travel(time.time() + 16 * 60):
        response = client.post(CONFIRM_URL, {"code": code}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("account_login")
    assert "That code ran out. Sign in again and we will send you a new one." in (
        response.content.decode()
    )
    assert not is_signed_in(client)


def test_signing_in_again_after_the_code_ran_out_sends_a_fresh_code(client, db):
    sign_up(client)
    with time_machine.travel(time.time() + 16 * 60):
        client.get(CONFIRM_URL)
        response = client.post(
            reverse("account_login"), {"login": "sam@example.com", "password": PASSWORD}
        )
        assert response["Location"] == CONFIRM_URL
        assert len(mail.outbox) == 2
        client.post(CONFIRM_URL, {"code": code_from_email("sam@example.com")})
    assert is_signed_in(client)


def test_a_new_code_can_be_requested(client, db):
    sign_up(client)
    first = code_from_email("sam@example.com")
    # Production allows one code per address every three minutes (confirm_email: 1/3m/key).
    with time_machine.travel(time.time() + 3 * 60 + 1):
        response = client.post(CONFIRM_URL, {"action": "resend"})
    assert response.status_code == 302
    assert len(mail.outbox) == 2
    second = code_from_email("sam@example.com")
    assert second != first
    client.post(CONFIRM_URL, {"code": second})
    assert is_signed_in(client)


def test_a_mistyped_address_can_be_corrected_on_the_code_page(client, db):
    sign_up(client, email="sma@example.com")
    response = client.post(CONFIRM_URL, {"action": "change", "email": "sam@example.com"})
    assert response.status_code == 302
    client.post(CONFIRM_URL, {"code": code_from_email("sam@example.com")})
    assert is_signed_in(client)
    assert EmailAddress.objects.get(email="sam@example.com").verified


def test_a_name_with_a_line_break_is_refused_and_the_rest_kept(client, db):
    response = sign_up(client, display_name="Sam\r\nBcc: x@example.com", time_zone="UTC")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Please write your name on one line" in body
    assert 'value="sam@example.com"' in body
    assert not mail.outbox


def test_the_code_page_says_once_where_the_code_went(client, db, settings):
    settings.ACCOUNT_RATE_LIMITS = {"confirm_email": "5/m/key"}  # a second code at once
    page = client.get(sign_up(client)["Location"]).content.decode()
    assert page.count("We sent a code to") == 1
    page = client.get(client.post(CONFIRM_URL, {"action": "resend"})["Location"])
    assert page.content.decode().count("We sent a code to") == 1


def test_asking_for_a_new_code_at_once_says_to_wait_in_our_own_words(client, db):
    sign_up(client)
    first = code_from_email("sam@example.com")
    response = client.post(CONFIRM_URL, {"action": "resend"})
    assert response.status_code == 429
    body = response.content.decode()
    assert "Please wait a few minutes" in body
    assert "Nothing is lost" in body
    assert 'class="site-header"' in body, "the page has our look"
    assert f'href="{CONFIRM_URL}"' in body
    client.post(CONFIRM_URL, {"code": first})
    assert is_signed_in(client), "the code already sent still works"
