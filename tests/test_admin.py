from allauth.mfa.models import Authenticator
from django.urls import reverse

from tests.conftest import client_for, make_user


def make_staff():
    staff = make_user("staff@example.com", "Staff")
    staff.is_staff = staff.is_superuser = True
    staff.save()
    return staff


def test_signed_out_visitors_are_sent_to_sign_in(client, db):
    response = client.get(reverse("admin:index"), follow=True)
    assert response.redirect_chain[-1][0].startswith(reverse("account_login"))


def test_staff_without_two_factor_are_turned_away(db):
    response = client_for(make_staff()).get(reverse("admin:index"), follow=True)
    assert response.status_code == 403
    assert b"needs two-factor authentication" in response.content


def test_people_who_are_not_staff_never_get_in(alice_client):
    assert alice_client.get(reverse("admin:index"), follow=True).status_code == 403


def test_staff_with_two_factor_get_in(db):
    staff = make_staff()
    Authenticator.objects.create(user=staff, type=Authenticator.Type.TOTP, data={"secret": "x"})
    response = client_for(staff).get(reverse("admin:index"))
    assert response.status_code == 200
    assert b"Trustapp administration" in response.content
