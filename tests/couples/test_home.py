import pytest
from django.urls import reverse

from tests.conftest import make_partnership


def test_it_shows_signed_out_visitors_what_trustapp_is_and_the_way_in(client, db):
    response = client.get(reverse("home"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "A quiet, private place for the two of you to build trust" in body
    main = body[body.index('<main id="main"') :]
    assert f'href="{reverse("account_signup")}"' in main
    assert f'href="{reverse("account_login")}"' in main


def test_it_welcomes_someone_without_a_partnership(alice_client):
    response = alice_client.get(reverse("home"))
    assert response.status_code == 200
    assert b"Start a shared space" in response.content


def test_it_goes_straight_to_the_only_partnership(alice_client, partnership):
    response = alice_client.get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"] == partnership.get_absolute_url()


def test_it_lists_several_partnerships_for_switching(alice_client, alice, partnership, carol):
    second = make_partnership(alice, carol)
    response = alice_client.get(reverse("home"))
    assert response.status_code == 200
    body = response.content.decode()
    assert partnership.get_absolute_url() in body
    assert second.get_absolute_url() in body
    assert "With Bob" in body and "With Carol" in body


def test_partnership_home_shows_both_partners(alice_client, partnership):
    response = alice_client.get(partnership.get_absolute_url())
    assert response.status_code == 200
    body = response.content.decode()
    assert "Alice" in body and "Bob" in body
    assert "Leave this shared space" in body


def test_partnership_home_is_a_404_for_an_outsider(carol_client, partnership):
    assert carol_client.get(partnership.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("count", [1, 8])
def test_the_space_list_has_a_flat_query_budget(
    alice_client, alice, django_assert_max_num_queries, count
):
    from tests.conftest import make_user

    for index in range(count):
        make_partnership(alice, make_user(f"p{index}@example.com", f"P{index}"))
    with django_assert_max_num_queries(8):
        response = alice_client.get(reverse("home") + "?all")
    assert response.status_code == 200
