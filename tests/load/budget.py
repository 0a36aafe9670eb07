"""Query budgets: how many queries a page or htmx endpoint costs, and that the number
stays the same when the partnership holds four times more.

Each app's file lists its endpoints with a budget. `assert_budgets` measures every one
with about ten rows of everything, grows each kind of row a page reads by `GROWTH`,
measures again, and fails with one table naming every endpoint that is over budget or
grew.

Flatness needs no more rows than that: a query per row, or per page of rows, shows as a
different count as soon as there are more rows than a page shows (20 to a page, 26 weeks
in a chart). What large tables do to the query plans is checked with EXPLAIN where it
matters (tests/load/test_indexes.py) and timed by `make bench`.
"""

import os
import time
from dataclasses import dataclass, field

from django.db import connection
from django.test.utils import CaptureQueriesContext

# About ten rows of each kind before, this many more after (appreciations, agreements,
# boundaries, check-ins, topics, conversations, ended spaces). Enough to prove flatness and
# no more: four times as many rows, past a page (20) and a chart (26 weeks), so a query per
# row or per page of rows changes the count. Large tables are tests/load/test_indexes.py's.
GROWTH = 30

# A page view needs none of these in its steady state: no session save, no "last seen".
WRITES = {"INSERT", "UPDATE", "DELETE"}


@dataclass
class Call:
    """One request. `status` is what a person gets: 200, or 302 after a plain POST."""

    url: str
    method: str = "get"
    data: dict = field(default_factory=dict)
    htmx: bool = False
    status: int = 200


@dataclass
class Budget:
    """`call(world)` builds the request; whatever it creates first is not counted.
    `settles`: a visit with news moves a marker; count a visit once it has settled."""

    name: str
    queries: int
    call: object
    settles: bool = False


def count(client, call):
    headers = {"HX-Request": "true"} if call.htmx else {}
    with CaptureQueriesContext(connection) as captured:
        response = getattr(client, call.method)(call.url, call.data, headers=headers)
    assert response.status_code == call.status, (
        f"{call.method.upper()} {call.url} answered {response.status_code}, "
        f"expected {call.status}:\n{response.content[:1000].decode(errors='replace')}"
    )
    return [query["sql"] for query in captured.captured_queries]


def measure(client, world, budget, *, warm):
    """The queries of one request: after a first one when the caches are cold, and after
    two more when the page settles a marker (a visit with news, then one without)."""
    for _visit in range(int(warm) + 2 * int(budget.settles)):
        count(client, budget.call(world))
    return count(client, budget.call(world))


def assert_budgets(client, world, budgets, grow):
    """Every endpoint within its budget with little data, and not one query more with a lot."""
    timings = [0.0] * len(budgets)

    methods = {}

    def measure_all(warm):
        counts = []
        for index, budget in enumerate(budgets):
            started = time.monotonic()
            call = budget.call(world)
            methods[budget.name] = call.method
            counts.append(measure(client, world, budget, warm=warm))
            timings[index] += time.monotonic() - started
        return counts

    small = measure_all(warm=True)
    started = time.monotonic()
    grow(world)
    growing = time.monotonic() - started
    large = measure_all(warm=True)  # growing moved what caches depend on; count steady state
    problems = []
    for budget, few, many in zip(budgets, small, large, strict=True):
        if methods[budget.name] == "get":
            writes = [sql for sql in few + many if sql.lstrip().split()[0].upper() in WRITES]
            if writes:
                problems.append(f"{budget.name}: a page view writes:\n    " + "\n    ".join(writes))
        if len(few) > budget.queries or len(many) != len(few):
            problems.append(
                f"{budget.name}: {len(few)} queries with little data, {len(many)} with a lot, "
                f"budget {budget.queries}\n  with a lot:\n    "
                + "\n    ".join(sql[:160] for sql in many)
                + (
                    "\n  with little data:\n    " + "\n    ".join(sql[:160] for sql in few)
                    if len(many) != len(few)
                    else ""
                )
            )
    if os.environ.get("BUDGETS_SHOW"):  # BUDGETS_SHOW=1 pytest -s: print what was measured
        print()
        for budget, few, many, seconds in zip(budgets, small, large, timings, strict=True):
            print(f"{budget.name:40} {len(few):3} {len(many):3}  {seconds:5.2f} s")
        print(f"{'(growing the data)':40}          {growing:5.2f} s")
    assert not problems, "\n".join(problems)
