"""allauth's emails in our own words: plain, warm, the code alone on its line."""

from django.urls import reverse

from tests.support.mail import code_from_email, last_message_to

PASSWORD = "a-long-kind-password-42"


def test_the_sign_up_code_email_is_short_plain_and_readable_in_a_terminal(client, db):
    client.post(
        reverse("account_signup"),
        {
            "email": "sam@example.com",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "time_zone": "UTC",
        },
    )
    message = last_message_to("sam@example.com")
    body = message.body
    code = code_from_email("sam@example.com")
    assert f"\n\n{code}\n\n" in body
    assert body.startswith("Hello,\n")
    assert "Take care,\nTrustapp" in body
    assert "Hello from" not in body and "Thank you for using" not in body
    assert all(len(line) <= 72 for line in body.splitlines())
    # Short lines keep the message plain 7-bit text, so `make run` prints it legibly.
    assert message.message()["Content-Transfer-Encoding"] == "7bit"
    assert not message.alternatives


def test_the_security_notice_says_when_and_from_where_in_the_reader_s_zone(alice_client, alice):
    alice.time_zone = "America/New_York"
    alice.save()
    alice_client.post(
        reverse("account_change_password"),
        {
            "oldpassword": "a-long-kind-password-42",
            "password1": "x-Y-z-long-43-pw",
            "password2": "x-Y-z-long-43-pw",
        },
    )
    body = last_message_to("alice@example.com").body
    assert "The password of your Trustapp account was just changed." in body
    assert "If it was not you, please reset your password right away" in body
    assert "When: " in body and (" EST" in body or " EDT" in body)
    assert "From: 127.0.0.1" in body
