"""The every-minute sweeps read a few due rows out of tables that grow with every person
(reminder preferences) and every email sent (deliveries, partner notices): each read must be
served by its partial index, however large the table grows.

The query budgets prove a page reads no more often as rows grow; this proves the sweeps
read in the right place: the plan of the query each service really sends, with whole-table
reads priced out (tests/support/plans.py), so no rows are needed.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.support.plans import avoid_whole_table_reads
from trustapp.notifications import services
from trustapp.notifications.models import PartnerNotice, ReminderDelivery, ReminderPreference

pytestmark = [pytest.mark.postgres_only, pytest.mark.django_db]


def plans(run, table):
    """The PostgreSQL plan of every SELECT on `table` that `run()` sends."""
    with connection.cursor() as cursor:
        cursor.execute(f'ANALYZE "{table}"')  # the same estimates whatever ran before
    avoid_whole_table_reads()
    with CaptureQueriesContext(connection) as captured:
        run()
    reads = [
        query["sql"]
        for query in captured.captured_queries
        if query["sql"].startswith("SELECT") and f'FROM "{table}"' in query["sql"]
    ]
    assert reads, f"no SELECT on {table} among:\n" + "\n".join(
        query["sql"] for query in captured.captured_queries
    )
    found = []
    with connection.cursor() as cursor:
        for sql in reads:
            cursor.execute("EXPLAIN " + sql)
            found.append("\n".join(row[0] for row in cursor.fetchall()))
    return found


@pytest.mark.parametrize(
    ("sweep", "model", "index"),
    [
        (services.reminders_dispatch, ReminderPreference, "reminder_pref_next_run"),
        (services.partner_notices_dispatch, PartnerNotice, "partner_notice_waiting"),
        (services.deliveries_requeue_stale, ReminderDelivery, "reminder_delivery_pending"),
    ],
)
def test_each_sweep_reads_its_due_rows_through_its_partial_index(sweep, model, index):
    for plan in plans(lambda: sweep(now=timezone.now()), model._meta.db_table):
        assert index in plan, plan
