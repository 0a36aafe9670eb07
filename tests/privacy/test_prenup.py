"""The data prenup: chosen together, changed only when both agree."""

import re

import pytest
from django.urls import reverse

from trustapp.couples.services import partnership_leave
from trustapp.notifications.models import PartnerNotice
from trustapp.privacy import prenup_services as services
from trustapp.privacy.prenup import DataChoice, DataPrenup, prenup_of


def url(name, partnership):
    return reverse(f"privacy:{name}", args=[partnership.public_id])


def test_until_both_choose_each_keeps_only_their_own_words(partnership):
    prenup = prenup_of(partnership)
    assert prenup.choice == DataChoice.OWN_WORDS
    assert not prenup.was_chosen


def test_a_proposal_changes_nothing_until_the_partner_agrees(partnership, alice, bob):
    services.prenup_propose(partnership=partnership, user=alice, choice=DataChoice.KEEP_ALL)
    prenup = DataPrenup.objects.get(partnership=partnership)
    assert prenup.choice == DataChoice.OWN_WORDS
    assert prenup.proposed_choice == DataChoice.KEEP_ALL
    services.prenup_agree(partnership=partnership, user=bob, choice=DataChoice.KEEP_ALL)
    prenup.refresh_from_db()
    assert prenup.choice == DataChoice.KEEP_ALL
    assert prenup.was_chosen
    assert not prenup.has_proposal


def test_nobody_can_agree_to_their_own_proposal(partnership, alice):
    services.prenup_propose(partnership=partnership, user=alice, choice=DataChoice.DELETE)
    with pytest.raises(services.PrenupError):
        services.prenup_agree(partnership=partnership, user=alice, choice=DataChoice.DELETE)
    assert prenup_of(partnership).choice == DataChoice.OWN_WORDS


def test_agreeing_to_a_proposal_that_changed_meanwhile_is_refused(partnership, alice, bob):
    services.prenup_propose(partnership=partnership, user=alice, choice=DataChoice.DELETE)
    services.prenup_propose(partnership=partnership, user=alice, choice=DataChoice.KEEP_ALL)
    with pytest.raises(services.PrenupError):
        services.prenup_agree(partnership=partnership, user=bob, choice=DataChoice.DELETE)
    assert DataPrenup.objects.get(partnership=partnership).choice == DataChoice.OWN_WORDS


def test_suggesting_what_the_partner_suggested_is_agreeing(partnership, alice, bob):
    services.prenup_propose(partnership=partnership, user=alice, choice=DataChoice.KEEP_ALL)
    services.prenup_propose(partnership=partnership, user=bob, choice=DataChoice.KEEP_ALL)
    assert DataPrenup.objects.get(partnership=partnership).choice == DataChoice.KEEP_ALL


def test_either_can_clear_a_proposal_and_the_choice_stands(partnership, alice, bob):
    services.prenup_propose(partnership=partnership, user=alice, choice=DataChoice.DELETE)
    services.prenup_proposal_clear(partnership=partnership, user=bob)
    prenup = DataPrenup.objects.get(partnership=partnership)
    assert not prenup.has_proposal
    assert prenup.choice == DataChoice.OWN_WORDS


def test_the_partner_can_say_no_in_plain_words(bob_client, partnership, alice):
    services.prenup_propose(partnership=partnership, user=alice, choice=DataChoice.DELETE)
    page = bob_client.get(url("prenup", partnership)).content.decode()
    assert "I agree" in page
    assert "No, leave it as it is" in page
    response = bob_client.post(url("prenup_clear", partnership), follow=True)
    assert "Nothing changed" in response.content.decode()
    assert prenup_of(partnership).choice == DataChoice.OWN_WORDS


def test_a_proposal_waits_for_a_partner_to_join(alice):
    from tests.conftest import make_partnership

    alone = make_partnership(alice)
    with pytest.raises(services.PrenupError):
        services.prenup_propose(partnership=alone, user=alice, choice=DataChoice.KEEP_ALL)


def test_the_partner_hears_about_a_proposal(partnership, alice, bob):
    services.prenup_propose(partnership=partnership, user=alice, choice=DataChoice.KEEP_ALL)
    notice = PartnerNotice.objects.get(recipient=bob)
    assert notice.kind == "data_choice_proposed"
    assert notice.path == url("prenup", partnership)


# -- Pages ------------------------------------------------------------------------------


def test_a_new_couple_s_home_keeps_only_a_small_link_to_the_choice(
    alice_client, bob_client, partnership
):
    """The choice is offered while accepting the invitation, not as a card on the home."""
    for client in (alice_client, bob_client):
        page = client.get(partnership.get_absolute_url()).content.decode()
        assert "Nobody plans for an ending" not in page
        assert f'<a href="{url("prenup", partnership)}">What happens to what we shared</a>' in page


def test_the_partner_s_suggestion_opens_the_choice_on_the_home(
    alice_client, bob_client, partnership, bob
):
    services.prenup_propose(partnership=partnership, user=bob, choice=DataChoice.KEEP_ALL)
    page = alice_client.get(partnership.get_absolute_url()).content.decode()
    assert '<details class="home-more" open>' in page
    assert "Bob suggests: <strong>Each of us keeps a copy of everything we shared" in page
    # Bob waits for Alice: nothing opens for him.
    assert (
        '<details class="home-more" open>'
        not in bob_client.get(partnership.get_absolute_url()).content.decode()
    )


def test_once_chosen_the_home_page_shows_one_quiet_line(alice_client, partnership, alice, bob):
    services.prenup_propose(partnership=partnership, user=alice, choice=DataChoice.KEEP_ALL)
    services.prenup_agree(partnership=partnership, user=bob, choice=DataChoice.KEEP_ALL)
    page = alice_client.get(partnership.get_absolute_url()).content.decode()
    assert "What happens to what we shared" not in page
    assert "Change it together" in page


def test_the_page_shows_the_options(alice_client, partnership):
    response = alice_client.get(url("prenup", partnership))
    assert response.status_code == 200
    for choice in DataChoice:
        assert f'value="{choice.value}"' in response.content.decode()


def test_proposing_by_form_redirects_and_agreeing_makes_it_stand(
    alice_client, bob_client, partnership
):
    response = alice_client.post(url("prenup_propose", partnership), {"choice": "delete"})
    assert response.status_code == 302
    assert response["Location"] == url("prenup", partnership)
    page = bob_client.get(url("prenup", partnership)).content.decode()
    assert "suggests" in page and "I agree" in page
    response = bob_client.post(url("prenup_agree", partnership), {"choice": "delete"})
    assert response.status_code == 302
    assert prenup_of(partnership).choice == DataChoice.DELETE


def test_a_form_returns_to_a_safe_next_only(alice_client, partnership):
    home = partnership.get_absolute_url()
    response = alice_client.post(
        url("prenup_propose", partnership), {"choice": "delete", "next": home}
    )
    assert response["Location"] == home
    response = alice_client.post(
        url("prenup_propose", partnership), {"choice": "keep_all", "next": "https://evil.test/"}
    )
    assert response["Location"] == url("prenup", partnership)


def test_htmx_gets_the_updated_card(alice_client, partnership, htmx_headers):
    response = alice_client.post(
        url("prenup_propose", partnership), {"choice": "keep_all"}, headers=htmx_headers
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "<html" not in body
    assert "You suggested" in body


def test_a_missing_choice_is_explained_and_nothing_changes(alice_client, partnership):
    response = alice_client.post(url("prenup_propose", partnership), {"choice": "everything"})
    assert response.status_code == 200
    assert "Please pick one of the three options." in response.content.decode()
    assert not DataPrenup.objects.filter(partnership=partnership).exists()


def test_agreeing_to_a_stale_proposal_by_htmx_explains_it(
    bob_client, partnership, alice, htmx_headers
):
    services.prenup_propose(partnership=partnership, user=alice, choice=DataChoice.KEEP_ALL)
    response = bob_client.post(
        url("prenup_agree", partnership), {"choice": "delete"}, headers=htmx_headers
    )
    assert response.status_code == 409
    assert "changed a moment ago" in response.content.decode()


@pytest.mark.parametrize("name", ["prenup_propose", "prenup_agree", "prenup_clear"])
def test_actions_reject_get(alice_client, partnership, name):
    assert alice_client.get(url(name, partnership)).status_code == 405


@pytest.mark.parametrize("name", ["prenup", "prenup_propose", "prenup_agree", "prenup_clear"])
def test_an_outsider_gets_404(carol_client, partnership, name):
    assert carol_client.get(url(name, partnership)).status_code == 404
    assert carol_client.post(url(name, partnership), {"choice": "delete"}).status_code == 404


def test_the_choice_is_fixed_once_the_space_has_ended(alice_client, partnership, bob):
    partnership_leave(partnership=partnership, user=bob)
    response = alice_client.post(url("prenup_propose", partnership), {"choice": "keep_all"})
    assert response.status_code == 403
    page = alice_client.get(url("prenup", partnership)).content.decode()
    assert "You never chose together, so the most private option applies" in page


# -- Chosen while joining ----------------------------------------------------------------


@pytest.fixture
def invitation_token(alice):
    from tests.conftest import make_partnership
    from trustapp.couples.services import invitation_create

    _, token = invitation_create(partnership=make_partnership(alice), created_by=alice)
    return token


def accept(client, token, **data):
    return client.post(reverse("couples:invitation_respond", args=[token]), {"accept": ""} | data)


def test_the_invitation_asks_gently_with_the_most_private_option_picked(
    bob_client, invitation_token
):
    page = bob_client.get(reverse("couples:invitation", args=[invitation_token])).content.decode()
    assert "what happens to what we shared?" in page
    checked = re.findall(r'<input type="radio" name="data_choice" value="(\w*)"[^>]* checked', page)
    assert checked == ["own_words"]
    assert 'name="data_choice" value=""' in page  # "We will choose later, together"
    assert page.index('name="data_choice"') < page.index('name="accept"')


def test_the_choice_made_while_joining_is_suggested_to_the_inviter(
    bob_client, invitation_token, alice, bob
):
    accept(bob_client, invitation_token, data_choice=DataChoice.KEEP_ALL)
    prenup = DataPrenup.objects.get()
    assert prenup.proposed_choice == DataChoice.KEEP_ALL
    assert prenup.proposed_by == bob
    assert prenup.choice == DataChoice.OWN_WORDS and not prenup.was_chosen
    assert PartnerNotice.objects.get(recipient=alice).kind == "data_choice_proposed"


@pytest.mark.parametrize("data", [{}, {"data_choice": ""}, {"data_choice": "everything"}])
def test_skipping_the_choice_keeps_the_most_private_option(bob_client, invitation_token, bob, data):
    response = accept(bob_client, invitation_token, **data)
    assert response.status_code == 302
    assert bob.memberships.exists()
    assert not DataPrenup.objects.exists()
