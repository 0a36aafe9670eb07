"""Repair helpers: alice and bob look back on a hard moment. Each side's words carry a
marker, so a test can look for them in raw response bodies, emails and downloads."""

import pytest
from django.urls import reverse

from trustapp.agreements import library
from trustapp.repair import services
from trustapp.repair.steps import STEPS

ALICE_MARK = "alice-private-7f3"
BOB_MARK = "bob-private-9k2"


@pytest.fixture(autouse=True)
def agreement_library(db):
    library.load()


def url(name, partnership, *args):
    return reverse(f"repair:{name}", args=[partnership.public_id, *args])


def words(mark, step):
    return f"{step.title} in my words, {mark}-{step.number}"


def write_all(moment, user, mark):
    for step in STEPS:
        services.step_save(moment=moment, user=user, number=step.number, text=words(mark, step))
    moment.refresh_from_db()
    return moment


@pytest.fixture
def moment(partnership, alice):
    return services.moment_start(partnership=partnership, user=alice, title="Saturday’s argument")


@pytest.fixture
def alice_finished(moment, alice):
    return write_all(moment, alice, ALICE_MARK)


@pytest.fixture
def revealed(alice_finished, bob):
    return write_all(alice_finished, bob, BOB_MARK)
