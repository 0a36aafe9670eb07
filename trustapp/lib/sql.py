"""Hot hand-written queries, run as prepared statements on PostgreSQL.

A few queries run on every request of a space (the access check) or every few seconds on
an open page (the polls). PostgreSQL spends longer planning them than running them: the
conversation poll took 1.3 ms to plan and 0.2 ms to run. `prepared_cursor()` gives a
Django cursor (with its execute wrappers, query logging and error translation, so query
budgets and the page cache's write spotter still see every statement) whose statements
psycopg prepares once per connection and then only executes.

Every other query keeps Django's client-side binding, which never prepares. With
`DB_PREPARE=0` (for a pooler in transaction mode that cannot keep prepared statements)
or on another database, this is a plain cursor.
"""

from django.db import connection


def prepared_cursor():
    """A cursor for one of the hot hand-written queries; use it in a `with` block."""
    connection.ensure_connection()
    if connection.vendor != "postgresql" or connection.connection.prepare_threshold is None:
        return connection.cursor()
    from django.db.backends.postgresql.base import ServerBindingCursor

    connection.validate_thread_sharing()
    cursor = ServerBindingCursor(connection.connection)
    if connection.queries_logged:
        return connection.make_debug_cursor(cursor)
    return connection.make_cursor(cursor)


def select_list(model, alias=None):
    """A model's columns for a hand-written SELECT, and the attribute names they fill in
    the same order: what `Model.from_db` needs to build instances as the ORM does."""
    fields = model._meta.concrete_fields
    prefix = f"{alias}." if alias else ""
    columns = ", ".join(f"{prefix}{connection.ops.quote_name(f.column)}" for f in fields)
    return columns, [f.attname for f in fields]
