"""After a test that commits (browser journeys, races, the worker), the database goes back
to what `migrate` left in it, the same rows Django's own teardown leaves, more cheaply.

Django's TransactionTestCase empties every table after such a test (on PostgreSQL one
TRUNCATE of every table, which makes new files for each table and index) and then sends
post_migrate, which makes the content types and permissions again and reloads the three
libraries (questions, starter agreements, conversation prompts) from their data files:
hundreds of queries, each committed on its own. Every browser test pays that twice over,
once per pass.

Here the first such teardown in a test process is still Django's own; the rows it leaves
(what post_migrate made, nothing else) are kept in memory. Every later one deletes every
row in one transaction and puts those rows back, unchanged (the same primary keys too).
So each test starts on the same database as before: empty but for what migrate puts there.
A test case that asks for something else (`available_apps`, `serialized_rollback`) keeps
Django's teardown, and so does a database with a multi-table-inherited model among those
rows (bulk_create cannot write one).
"""

from django.apps import apps
from django.db import connections, transaction
from django.test import TransactionTestCase

_django_teardown = TransactionTestCase._fixture_teardown
_as_migrated = {}  # database alias -> [(model, [its rows as migrate left them])]


def _rows_as_migrated(connection):
    tables = set(connection.introspection.django_table_names(only_existing=True))
    kept = []
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if meta.proxy or not meta.managed or meta.db_table not in tables:
            continue
        rows = list(model._base_manager.using(connection.alias).all())
        if rows and meta.parents:
            return None
        if rows:
            kept.append((model, rows))
    return kept


def _empty_and_refill(connection, kept):
    # The foreign keys Django makes are deferred to the commit, so the order is free.
    quote = connection.ops.quote_name
    tables = connection.introspection.django_table_names(only_existing=True, include_views=False)
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"DELETE FROM {quote(table)}")
        for model, rows in kept:
            model._base_manager.using(connection.alias).bulk_create(rows)


def _fixture_teardown(self):
    if self.available_apps is not None or self.serialized_rollback:
        return _django_teardown(self)
    aliases = list(self._databases_names(include_mirrors=False))
    if any(alias not in _as_migrated for alias in aliases):
        _django_teardown(self)
        for alias in aliases:
            _as_migrated.setdefault(alias, _rows_as_migrated(connections[alias]))
    elif any(_as_migrated[alias] is None for alias in aliases):
        _django_teardown(self)
    else:
        for alias in aliases:
            _empty_and_refill(connections[alias], _as_migrated[alias])


TransactionTestCase._fixture_teardown = _fixture_teardown
