"""Django's database sessions, read with one prepared statement (SESSION_ENGINE).

Every signed-in request reads its session. Building that query with the ORM cost more
CPU than anything else a kept page does: a quarter of it under make bench's profiler.
Here the read is hand-written and prepared once per connection (trustapp/lib/sql.py).
Writing, expiring and deleting sessions are Django's own.
"""

from django.contrib.sessions.backends import db
from django.db import connection
from django.utils import timezone

from trustapp.lib.sql import prepared_cursor


class SessionStore(db.SessionStore):
    def load(self):
        """The session's data, or {} (and no key) when it is unknown or has expired."""
        table = connection.ops.quote_name(self.model._meta.db_table)
        with prepared_cursor() as cursor:
            cursor.execute(
                f'SELECT "session_data" FROM {table}'
                ' WHERE "session_key" = %s AND "expire_date" > %s',
                [self.session_key, connection.ops.adapt_datetimefield_value(timezone.now())],
            )
            row = cursor.fetchone()
        if row is None:
            self._session_key = None
            return {}
        return self.decode(row[0])
