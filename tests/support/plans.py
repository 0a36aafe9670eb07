"""Index use without millions of rows.

On a small table PostgreSQL's planner rightly reads the whole table, so a plan says
nothing about which index a large one would use. With sequential scans priced out of
reach (`enable_seqscan` off, until the test's transaction ends) the planner takes any
index that fits the query: a plan without the index means none fits.
"""

from django.db import connection


def avoid_whole_table_reads():
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
