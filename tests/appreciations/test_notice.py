""" "I noticed you kept this": a small step done or an agreement in force becomes an
appreciation (reliable) from the other partner in one tap. Never anything not kept."""

import pytest
from django.urls import reverse

from tests.agreements.conftest import in_force, leave, propose
from tests.checkins.support import action_point, open_checkin
from trustapp.appreciations import services
from trustapp.appreciations.models import Appreciation
from trustapp.privacy.appreciations import export_partnership
from trustapp.privacy.rules import Scope


def notice_url(partnership, kind, pk):
    return reverse("appreciations:notice", args=[partnership.public_id, kind, pk])


@pytest.fixture
def step_done_by_bob(partnership, alice, bob):
    step = action_point(open_checkin(partnership), "Book the train", owner=bob)
    step.mark(done=True, by=bob)
    return step


@pytest.fixture
def agreement(partnership, alice, bob):
    return in_force(partnership, alice, bob, title="Phones away at dinner")


def test_alice_notices_bobs_step_with_a_line(alice_client, partnership, bob, step_done_by_bob):
    url = notice_url(partnership, "step", step_done_by_bob.pk)
    response = alice_client.post(
        url, {"line": "  You did it early, too.  ", "next": "//evil.example/"}
    )
    assert response.status_code == 302
    assert response["Location"].endswith(f"#action-{step_done_by_bob.pk}")
    appreciation = Appreciation.objects.get()
    assert appreciation.recipient == bob and appreciation.is_shared
    assert appreciation.text == "You did it early, too."
    assert appreciation.kept_kind == "step" and appreciation.kept_words == "Book the train"
    assert appreciation.quality_values() == ["reliable"]


def test_one_tap_without_a_line_still_says_something_warm(
    alice_client, partnership, step_done_by_bob
):
    alice_client.post(notice_url(partnership, "step", step_done_by_bob.pk))
    assert Appreciation.objects.get().text == "I noticed you kept this. Thank you."


def test_the_same_tap_twice_keeps_one_appreciation_and_tells_once(
    partnership, alice, step_done_by_bob, notices
):
    first = services.appreciation_notice(
        partnership=partnership, author=alice, kind="step", pk=step_done_by_bob.pk
    )
    again = services.appreciation_notice(
        partnership=partnership, author=alice, kind="step", pk=step_done_by_bob.pk
    )
    assert first.pk == again.pk
    assert len(notices) == 1


def test_either_partner_notices_an_agreement_in_force(bob_client, partnership, alice, agreement):
    response = bob_client.post(notice_url(partnership, "agreement", agreement.pk))
    assert response.status_code == 302
    appreciation = Appreciation.objects.get()
    assert appreciation.recipient == alice and appreciation.kept_words == "Phones away at dinner"


def test_a_step_not_done_cannot_be_noticed(alice_client, partnership, bob):
    step = action_point(open_checkin(partnership), owner=bob)
    assert alice_client.get(notice_url(partnership, "step", step.pk)).status_code == 404
    response = alice_client.post(notice_url(partnership, "step", step.pk), follow=True)
    assert "There is nothing here to notice just now." in response.content.decode()
    assert not Appreciation.objects.exists()


def test_one_cannot_notice_ones_own_step(bob_client, partnership, step_done_by_bob):
    response = bob_client.get(notice_url(partnership, "step", step_done_by_bob.pk))
    assert response.status_code == 404


def test_a_step_for_both_may_be_noticed_by_either(bob_client, partnership, alice):
    step = action_point(open_checkin(partnership))
    step.mark(done=True, by=alice)
    assert bob_client.post(notice_url(partnership, "step", step.pk)).status_code == 302
    assert Appreciation.objects.get().recipient == alice


def test_an_agreement_not_in_force_cannot_be_noticed(alice_client, partnership, bob):
    proposal = propose(partnership, bob)
    response = alice_client.get(notice_url(partnership, "agreement", proposal.pk))
    assert response.status_code == 404


def test_htmx_gets_the_thank_you_in_place(
    alice_client, partnership, step_done_by_bob, htmx_headers
):
    url = notice_url(partnership, "step", step_done_by_bob.pk)
    response = alice_client.post(url, {"line": "Thank you"}, headers=htmx_headers)
    body = response.content.decode()
    assert response.status_code == 200
    assert body.lstrip().startswith('<div class="notice-kept"')
    assert "You told Bob you noticed" in body


def test_htmx_hears_calmly_when_the_step_was_undone(
    alice_client, partnership, step_done_by_bob, htmx_headers
):
    step_done_by_bob.mark(done=False, by=step_done_by_bob.owner)
    url = notice_url(partnership, "step", step_done_by_bob.pk)
    response = alice_client.post(url, headers=htmx_headers)
    assert response.status_code == 200
    assert "There is nothing here to notice just now." in response.content.decode()


def test_a_long_line_is_explained_and_kept(alice_client, partnership, step_done_by_bob):
    url = notice_url(partnership, "step", step_done_by_bob.pk)
    response = alice_client.post(url, {"line": "so glad " * 40})
    body = response.content.decode()
    assert response.status_code == 422
    assert "Keep it to a line" in body and "so glad so glad" in body
    assert not Appreciation.objects.exists()


def test_the_page_asks_with_the_kept_words(alice_client, partnership, step_done_by_bob):
    response = alice_client.get(notice_url(partnership, "step", step_done_by_bob.pk))
    assert response.status_code == 200
    assert "Book the train" in response.content.decode()


def test_an_outsider_gets_404(carol_client, partnership, step_done_by_bob):
    response = carol_client.post(notice_url(partnership, "step", step_done_by_bob.pk))
    assert response.status_code == 404
    assert not Appreciation.objects.exists()


def test_an_unknown_kind_is_404(alice_client, partnership, step_done_by_bob):
    response = alice_client.get(notice_url(partnership, "boundary", step_done_by_bob.pk))
    assert response.status_code == 404


def test_a_former_partner_reads_but_cannot_notice(alice_client, partnership, agreement):
    leave(partnership)
    response = alice_client.post(notice_url(partnership, "agreement", agreement.pk))
    assert response.status_code == 403
    assert not Appreciation.objects.exists()


def test_the_button_shows_only_beside_what_the_partner_kept(
    alice_client, bob_client, partnership, step_done_by_bob, agreement
):
    checkin_url = step_done_by_bob.checkin.get_absolute_url()
    assert "I noticed you kept this" in alice_client.get(checkin_url).content.decode()
    assert "I noticed you kept this" not in bob_client.get(checkin_url).content.decode()
    page = bob_client.get(agreement.get_absolute_url()).content.decode()
    assert notice_url(partnership, "agreement", agreement.pk) in page


def test_the_log_and_the_download_say_what_was_kept(
    alice_client, partnership, alice, bob, step_done_by_bob
):
    alice_client.post(notice_url(partnership, "step", step_done_by_bob.pk))
    log = alice_client.get(reverse("appreciations:log", args=[partnership.public_id]))
    assert "Kept a small step:" in log.content.decode()
    [item] = export_partnership(partnership, bob, Scope.SEEN)
    assert item["noticed_kept"] == "step" and item["kept_words"] == "Book the train"
