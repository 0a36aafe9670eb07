"""The main pages of each section, as a person gets them: no id used twice (two forms on
one page each have their own field ids, so a label names its own field) and no label
saying "(optional)" twice."""

import importlib
from collections import Counter
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from tests.conftest import make_partnership
from trustapp.agreements.models import Agreement, Boundary
from trustapp.appreciations.models import Appreciation
from trustapp.checkins import services as checkins
from trustapp.conversations.models import Conversation

DEMO_APPS = ["agreements", "appreciations", "conversations", "checkins"]


class Ids(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids = Counter()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name == "id":
                self.ids[value] += 1


def optional_marks_are_single(body):
    return body.count("(optional)") == body.count('<span class="muted">(optional)</span>')


def main_pages(partnership, alice):
    pid = partnership.public_id
    mine = Appreciation.objects.filter(partnership=partnership, author=alice).first()
    agreement = Agreement.objects.filter(partnership=partnership).first()
    boundary = Boundary.objects.filter(partnership=partnership, owner=alice).first()
    conversation = Conversation.objects.filter(partnership=partnership).first()
    checkin = checkins.checkin_start(partnership=partnership)

    def to(name, *args):
        return reverse(name, args=[pid, *args])

    return [
        to("couples:home"),
        to("agreements:list"),
        to("agreements:propose"),
        to("agreements:detail", agreement.pk),
        to("agreements:suggest", agreement.pk),
        to("agreements:details", agreement.pk),
        to("agreements:boundaries"),
        to("agreements:boundary_edit", boundary.pk) if boundary else to("agreements:boundaries"),
        to("appreciations:log"),
        to("appreciations:new"),
        to("appreciations:detail", mine.pk),
        to("appreciations:edit", mine.pk),
        to("appreciations:looking_back"),
        to("conversations:index"),
        to("conversations:conversation", conversation.pk),
        to("conversations:history"),
        to("checkins:detail", checkin.pk),
        to("checkins:history"),
        to("checkins:trend"),
        to("checkins:schedule"),
    ]


@pytest.fixture
def seeded(partnership, alice, bob):
    for app in DEMO_APPS:
        importlib.import_module(f"trustapp.{app}.demo").seed(partnership, alice, bob)
    return partnership


def test_no_main_page_uses_an_id_twice_or_says_optional_twice(seeded, alice, alice_client):
    for path in main_pages(seeded, alice):
        response = alice_client.get(path)
        assert response.status_code == 200, path
        body = response.content.decode()
        parser = Ids()
        parser.feed(body)
        twice = sorted(i for i, count in parser.ids.items() if count > 1)
        assert twice == [], f"{path} uses these ids more than once: {twice}"
        assert optional_marks_are_single(body), path


def ids_in(html):
    parser = Ids()
    parser.feed(html)
    return set(parser.ids)


def test_a_form_htmx_swaps_into_a_page_shares_no_id_with_the_forms_around_it(
    seeded, alice, alice_client
):
    headers = {"HX-Request": "true"}
    pid = seeded.public_id
    agreement = Agreement.objects.filter(partnership=seeded).first()
    detail = alice_client.get(reverse("agreements:detail", args=[pid, agreement.pk]))
    comments = detail.content.decode().split('id="comments"', 1)[1]
    suggestion = alice_client.get(
        reverse("agreements:suggest", args=[pid, agreement.pk]), headers=headers
    )
    assert ids_in(suggestion.content.decode()) & ids_in(comments) == set()


def test_pages_outside_the_sections_say_optional_once_per_field(alice, alice_client, client):
    solo = make_partnership(alice)
    for path in [
        reverse("couples:invite", args=[solo.public_id]),
        reverse("accounts:profile"),
        reverse("notifications:settings"),
        reverse("privacy:privacy"),
    ]:
        response = alice_client.get(path)
        assert response.status_code == 200, path
        assert optional_marks_are_single(response.content.decode()), path
    body = client.get(reverse("account_signup")).content.decode()
    assert optional_marks_are_single(body)
    assert '<span class="muted">(optional)</span>' in body, "the name at sign-up is optional"
