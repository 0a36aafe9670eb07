"""The teardown after a test that commits (tests/support/database.py) leaves the database
as Django's own flush and post_migrate leave it: the same rows in every table."""

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection

from tests.conftest import make_partnership, make_user
from tests.support.database import _empty_and_refill, _rows_as_migrated

pytestmark = pytest.mark.embedded


def every_row():
    return {
        model._meta.label: sorted(model._base_manager.values_list(), key=repr)
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy
    }


def test_emptying_and_refilling_leaves_what_a_flush_leaves(transactional_db):
    call_command("flush", verbosity=0, interactive=False)  # Django's own, with post_migrate
    as_migrated = every_row()
    kept = _rows_as_migrated(connection)
    assert kept, "post_migrate made content types, permissions and the libraries"
    make_partnership(make_user("alice@example.com", "Alice"), make_user("bob@example.com", "Bob"))
    assert every_row() != as_migrated

    _empty_and_refill(connection, kept)

    assert every_row() == as_migrated
    _empty_and_refill(connection, kept)  # again, as after each later test
    assert every_row() == as_migrated
