from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.conftest import make_partnership
from trustapp.appreciations.models import Appreciation
from trustapp.couples import services as couples_services


def new_url(partnership):
    return reverse("appreciations:new", args=[partnership.public_id])


def log_url(partnership):
    return reverse("appreciations:log", args=[partnership.public_id])


def form_data(**overrides):
    return {
        "text": "Waited up for me with soup.",
        "happened_on": timezone.localdate().isoformat(),
        "qualities": ["kind", "present"],
        "share": "1",
    } | overrides


def test_it_shows_the_form_with_today_as_the_default_day(alice_client, partnership):
    response = alice_client.get(new_url(partnership))
    assert response.status_code == 200
    body = response.content.decode()
    assert "What did Bob do?" in body
    assert f'value="{timezone.localdate().isoformat()}"' in body


def test_it_prefills_the_text_from_the_query_string(alice_client, partnership):
    response = alice_client.get(new_url(partnership), {"text": "Listened <closely>"})
    body = response.content.decode()
    assert "Listened &lt;closely&gt;</textarea>" in body


def test_it_shares_an_appreciation_with_two_qualities(alice_client, partnership, alice, bob):
    with_callbacks = form_data()
    response = alice_client.post(new_url(partnership), with_callbacks)
    appreciation = Appreciation.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{log_url(partnership)}#appreciation-{appreciation.pk}"
    assert appreciation.author == alice and appreciation.recipient == bob
    assert appreciation.shared_at is not None
    assert sorted(appreciation.quality_values()) == ["kind", "present"]


def test_sharing_tells_the_partner_through_notify_partner(
    alice_client, partnership, alice, bob, notices
):
    alice_client.post(new_url(partnership), form_data())
    appreciation = Appreciation.objects.get()
    assert len(notices) == 1
    notice = notices[0]
    assert notice["recipient"] == bob and notice["actor"] == alice
    assert notice["kind"] == "appreciation"
    assert notice["path"] == appreciation.get_absolute_url()
    assert "Alice" in str(notice["subject"])


def test_a_private_note_stays_private_and_tells_nobody(alice_client, partnership, notices):
    response = alice_client.post(new_url(partnership), form_data(share="", private="1"))
    assert response.status_code == 302
    assert Appreciation.objects.get().shared_at is None
    assert notices == []


def test_it_goes_back_to_the_page_it_came_from(alice_client, partnership):
    home = partnership.get_absolute_url()
    response = alice_client.post(new_url(partnership), form_data(next=home))
    assert response["Location"].startswith(home + "#appreciation-")


def test_it_never_goes_back_to_another_site(alice_client, partnership):
    response = alice_client.post(new_url(partnership), form_data(next="https://evil.example/"))
    assert response["Location"].startswith(log_url(partnership))


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"text": "   "}, "Write a few words about what they did."),
        ({"text": "x" * 1001}, "Please keep it under 1000 characters"),
        ({"happened_on": "2026-02-30"}, "Enter a date like"),
        ({"happened_on": ""}, "Pick the day it happened."),
        ({"qualities": ["bossy"]}, "Pick qualities from the list."),
    ],
)
def test_bad_input_is_explained_and_nothing_is_saved(alice_client, partnership, overrides, message):
    response = alice_client.post(new_url(partnership), form_data(**overrides))
    assert response.status_code == 422
    assert message in response.content.decode()
    assert not Appreciation.objects.exists()


def test_a_day_in_the_future_is_refused_and_the_text_is_kept(alice_client, partnership):
    tomorrow = timezone.localdate() + timedelta(days=2)
    response = alice_client.post(
        new_url(partnership),
        form_data(text="Booked the trip", happened_on=tomorrow.isoformat()),
    )
    body = response.content.decode()
    assert response.status_code == 422
    assert "That day has not happened yet" in body
    assert "Booked the trip</textarea>" in body
    assert (
        'value="kind" checked' in body
        or 'checked value="kind"' in body
        or ('value="kind"' in body and "checked" in body)
    )


def test_html_in_the_text_is_stored_as_typed_and_shown_escaped(
    alice_client, bob_client, partnership
):
    alice_client.post(new_url(partnership), form_data(text="<script>alert(1)</script> & <b>hi</b>"))
    assert Appreciation.objects.get().text == "<script>alert(1)</script> & <b>hi</b>"
    body = bob_client.get(log_url(partnership)).content.decode()
    assert "<script>alert(1)</script>" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;hi&lt;/b&gt;" in body


def test_it_rejects_other_methods(alice_client, partnership):
    assert alice_client.put(new_url(partnership)).status_code == 405


def test_it_is_a_404_for_an_outsider(carol_client, partnership, other_partnership):
    assert carol_client.get(new_url(partnership)).status_code == 404
    assert carol_client.post(new_url(partnership), form_data()).status_code == 404
    assert not Appreciation.objects.exists()


def test_a_former_partner_cannot_write(alice_client, partnership, bob):
    couples_services.partnership_leave(partnership=partnership, user=bob)
    response = alice_client.post(new_url(partnership), form_data())
    assert response.status_code == 403
    assert not Appreciation.objects.exists()


def test_it_waits_for_the_partner_to_join(alice, db):
    from tests.conftest import client_for

    alone = make_partnership(alice)
    response = client_for(alice).get(new_url(alone))
    assert response.status_code == 200
    assert "This opens once your partner joins" in response.content.decode()


def test_a_boosted_post_redirects_like_a_plain_one(alice_client, partnership):
    response = alice_client.post(
        new_url(partnership), form_data(), headers={"HX-Request": "true", "HX-Boosted": "true"}
    )
    assert response.status_code == 302
