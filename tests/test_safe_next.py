"""Every form that returns to its `next` goes there only when it is a path on this site.

Anything else (`abc`, `-1`, `25:61` would be taken by `redirect()` for a URL name) falls
back to the form's own page, after the write was saved, never a 500.
"""

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from tests.appreciations.conftest import make_appreciation
from tests.checkins.support import action_point, open_checkin
from tests.conftest import PASSWORD
from trustapp.appreciations.models import Appreciation
from trustapp.checkins.models import ActionPoint
from trustapp.conversations.models import PromptChoice
from trustapp.lib.safe_next import safe_next
from trustapp.privacy.prenup import DataPrenup

NOT_OURS = [
    "abc",
    "-1",
    "25:61",
    "home",
    "javascript:alert(1)",
    "https://evil.example/",
    "//evil.example/",
    "/\\evil.example/",
    "/p/\x00/",
    "/p/\r\nSet-Cookie:x=1",
]
SLUG = "trust-in-one-sentence"


@pytest.mark.parametrize("target", NOT_OURS)
def test_the_helper_refuses_anything_but_a_path_on_this_site(target):
    request = RequestFactory().post("/", {"next": target})
    assert safe_next(request, "/fallback/") == "/fallback/"


def test_the_helper_keeps_a_path_on_this_site_with_its_query():
    request = RequestFactory().post("/", {"next": "/p/abc/appreciations/?month=2026-05"})
    assert safe_next(request, "/fallback/") == "/p/abc/appreciations/?month=2026-05"


def test_the_helper_reads_the_query_when_the_form_has_no_next():
    request = RequestFactory().get("/", {"next": "/somewhere/"})
    assert safe_next(request, "/fallback/") == "/somewhere/"


def _appreciation_new(partnership, alice, bob):
    data = {
        "text": "Waited up for me with soup.",
        "happened_on": timezone.localdate().isoformat(),
        "qualities": ["kind"],
        "share": "1",
    }
    url = reverse("appreciations:new", args=[partnership.public_id])
    log = reverse("appreciations:log", args=[partnership.public_id])
    return alice, url, data, log, lambda: Appreciation.objects.filter(text=data["text"]).exists()


def _appreciation_edit(partnership, alice, bob):
    entry = make_appreciation(partnership, alice, bob)
    data = {"text": "New words", "happened_on": timezone.localdate().isoformat()}
    url = reverse("appreciations:edit", args=[partnership.public_id, entry.pk])
    log = reverse("appreciations:log", args=[partnership.public_id])
    return alice, url, data, log, lambda: Appreciation.objects.get(pk=entry.pk).text == "New words"


def _appreciation_share(partnership, alice, bob):
    entry = make_appreciation(partnership, alice, bob, shared=False)
    url = reverse("appreciations:share", args=[partnership.public_id, entry.pk])
    log = reverse("appreciations:log", args=[partnership.public_id])
    return alice, url, {}, log, lambda: Appreciation.objects.get(pk=entry.pk).is_shared


def _appreciation_react(partnership, alice, bob):
    entry = make_appreciation(partnership, alice, bob)
    url = reverse("appreciations:react", args=[partnership.public_id, entry.pk])
    saved = lambda: Appreciation.objects.get(pk=entry.pk).reaction == "thanks"  # noqa: E731
    return bob, url, {"reaction": "thanks"}, entry.get_absolute_url(), saved


def _appreciation_reply(partnership, alice, bob):
    entry = make_appreciation(partnership, alice, bob)
    url = reverse("appreciations:reply", args=[partnership.public_id, entry.pk])
    saved = lambda: Appreciation.objects.get(pk=entry.pk).reply == "Thank you"  # noqa: E731
    return bob, url, {"reply": "Thank you"}, entry.get_absolute_url(), saved


def _our_data_suggest(partnership, alice, bob):
    url = reverse("privacy:prenup_propose", args=[partnership.public_id])
    page = reverse("privacy:prenup", args=[partnership.public_id])
    saved = lambda: DataPrenup.objects.get(partnership=partnership).proposed_choice  # noqa: E731
    return alice, url, {"choice": "keep_all"}, page, saved


def _our_data_keep(partnership, alice, bob):
    url = reverse("privacy:prenup_clear", args=[partnership.public_id])
    page = reverse("privacy:prenup", args=[partnership.public_id])
    return alice, url, {}, page, lambda: True


def _prompt(field):
    def setup(partnership, alice, bob):
        url = reverse(
            f"conversations:{'star' if field == 'starred' else 'hide'}",
            args=[partnership.public_id, SLUG],
        )
        page = reverse("conversations:prompt", args=[partnership.public_id, SLUG])
        saved = lambda: PromptChoice.objects.filter(  # noqa: E731
            user=alice, prompt__slug=SLUG, **{field: True}
        ).exists()
        return alice, url, {field: "1"}, page, saved

    return setup


def _check_in_step_done(partnership, alice, bob):
    checkin = open_checkin(partnership)
    step = action_point(checkin)
    url = reverse("checkins:action_done", args=[partnership.public_id, step.pk])
    saved = lambda: ActionPoint.objects.get(pk=step.pk).is_done  # noqa: E731
    return bob, url, {"done": "1"}, checkin.get_absolute_url(), saved


FORMS = {
    "appreciation new": _appreciation_new,
    "appreciation edit": _appreciation_edit,
    "appreciation share": _appreciation_share,
    "appreciation react": _appreciation_react,
    "appreciation reply": _appreciation_reply,
    "our data suggest": _our_data_suggest,
    "our data keep": _our_data_keep,
    "prompt star": _prompt("starred"),
    "prompt hide": _prompt("hidden"),
    "check-in step done": _check_in_step_done,
}


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("target", ["abc", "-1", "25:61", "https://evil.example/", "duplicate"])
def test_a_next_that_is_not_ours_returns_to_the_forms_own_page(
    client, partnership, alice, bob, form, target
):
    user, url, data, own_page, saved = FORMS[form](partnership, alice, bob)
    client.force_login(user)
    # A duplicate `next`: the last one is read, and it must be checked like any other.
    next_values = ["/somewhere/", "abc"] if target == "duplicate" else [target]
    response = client.post(url, data | {"next": next_values})
    assert response.status_code == 302
    assert response["Location"].split("#")[0] == own_page
    assert saved()


@pytest.mark.parametrize("form", FORMS)
def test_a_next_on_this_site_is_where_the_form_returns(client, partnership, alice, bob, form):
    user, url, data, own_page, saved = FORMS[form](partnership, alice, bob)
    client.force_login(user)
    back = reverse("couples:home", args=[partnership.public_id])
    response = client.post(url, data | {"next": back})
    assert response.status_code == 302
    assert response["Location"].split("#")[0] == back
    assert saved()


@pytest.mark.parametrize("target", NOT_OURS)
def test_signing_in_follows_only_a_path_on_this_site(client, alice, target):
    response = client.post(
        reverse("account_login"), {"login": alice.email, "password": PASSWORD, "next": target}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("home")


def test_signing_in_follows_a_path_on_this_site(client, alice, partnership):
    target = partnership.get_absolute_url()
    response = client.post(
        reverse("account_login"), {"login": alice.email, "password": PASSWORD, "next": target}
    )
    assert response["Location"] == target
