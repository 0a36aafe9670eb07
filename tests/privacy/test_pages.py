"""The privacy pages: few queries however much there is, and the safety page is near."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.conftest import make_partnership, make_user
from trustapp.privacy.models import DataExport, PersonalCopy


def add_spaces(alice, count):
    for index in range(count):
        partner = make_user(f"partner{index}@example.com", f"Partner {index}")
        make_partnership(alice, partner)
        PersonalCopy.objects.create(
            user=alice,
            scope=PersonalCopy.Scope.OWN,
            started_at=timezone.now(),
            ended_at=timezone.now(),
            data={"id": str(index)},
        )
        DataExport.objects.create(user=alice, expires_at=timezone.now() + timedelta(hours=1))


@pytest.mark.parametrize("spaces", [1, 8])
@pytest.mark.parametrize("name", ["privacy", "export", "delete"])
def test_the_pages_need_the_same_few_queries_however_many_spaces(
    alice_client, alice, name, spaces, django_assert_max_num_queries
):
    add_spaces(alice, spaces)
    with django_assert_max_num_queries(6):
        response = alice_client.get(reverse(f"privacy:{name}"))
    assert response.status_code == 200


def test_the_spaces_list_stays_flat_with_many_copies(
    alice_client, alice, django_assert_max_num_queries
):
    add_spaces(alice, 8)
    with django_assert_max_num_queries(6):
        response = alice_client.get(reverse("home") + "?all")
    assert response.status_code == 200
    assert response.content.decode().count('href="/me/copies/') == 8


@pytest.mark.parametrize("name", ["privacy", "export", "delete"])
def test_the_pages_link_to_the_safety_page(alice_client, name):
    assert reverse("safety") in alice_client.get(reverse(f"privacy:{name}")).content.decode()


def test_a_tender_topic_links_to_the_safety_page(alice_client, partnership):
    from trustapp.conversations.models import Topic

    topic = Topic.objects.filter(is_tender=True).first()
    page = alice_client.get(
        reverse("conversations:topic", args=[partnership.public_id, topic.slug])
    )
    assert page.status_code == 200
    assert 'href="/safety/"' in page.content.decode()
    assert "Where to find support" in page.content.decode()


def test_the_download_link_rejects_post(alice_client, alice):
    from trustapp.privacy import export as exports

    export = DataExport.objects.create(
        user=alice,
        status="ready",
        ready_at=timezone.now(),
        expires_at=timezone.now() + timedelta(hours=1),
    )
    url = reverse("privacy:export_download", args=[exports.download_token(export)])
    assert alice_client.post(url).status_code == 405


def test_the_account_menu_leads_to_privacy(alice_client):
    page = alice_client.get(reverse("accounts:profile")).content.decode()
    assert reverse("privacy:privacy") in page


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("privacy", []),
        ("export", []),
        ("export_download", ["token"]),
        ("copy", [1]),
        ("copy_download", [1]),
        ("copy_delete", [1]),
        ("delete", []),
    ],
)
def test_a_signed_out_visitor_is_sent_to_sign_in_everywhere(client, name, args):
    for method in ("get", "post"):
        response = getattr(client, method)(reverse(f"privacy:{name}", args=args))
        assert response.status_code == 302, (name, method)
        assert response["Location"].startswith(reverse("account_login"))
