"""Where a page spends its time: queries and milliseconds per endpoint, in-process.

    .venv/bin/python -m bench.profile [--sql] [--repeat 20] [--cprofile N] [name ...]
    .venv/bin/python -m bench.profile --instructions [--repeat 10] [name ...]

Uses the benchmark database as `make bench` left it (run that once first) and Django's
test client, so no server is needed. Pages are rendered on every request. With
--sql it prints each query and its duration for the named endpoints. A tool for finding
what to fix; `make bench` is the measurement.

With --instructions it runs itself again under valgrind's callgrind and counts the
instructions each request executes (Python, Django, the database driver; PostgreSQL's own
work is in another process and not counted). A count does not move with the machine's
other load the way CPU time does, so it compares two trees on a shared machine. Each
endpoint's measured requests sit between two marker calls (`os.getppid()` zeroes the
counters, `os.getpgrp()` writes them out), once around one request and once around
--repeat (at least 2): the difference, per request, leaves out what only the first
request after a marker pays. A request as small as the floor's is still too small to
count this way (the collector's passes weigh on it); compare pages with each other.
"""

import argparse
import cProfile
import gc
import itertools
import os
import pstats
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("names", nargs="*", help="parts of endpoint names")
    parser.add_argument("--sql", action="store_true")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument(
        "--explain", type=float, metavar="MS", help="EXPLAIN ANALYZE queries slower than MS"
    )
    parser.add_argument(
        "--cprofile", type=int, metavar="N", help="print the N costliest functions per endpoint"
    )
    parser.add_argument(
        "--instructions",
        action="store_true",
        help="count instructions per request under callgrind instead of timing",
    )
    parser.add_argument("--under-callgrind", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.instructions:
        return count_instructions(args)

    from bench.run import (
        DATABASE_URL,
        REDIS_URL,
        as_sent,
        bench_env,
        endpoints,
        headers_for,
        is_once,
    )

    for key, value in bench_env("/tmp/trustapp-bench-profile").items():
        if key.startswith(("DJANGO_", "DEBUG", "SECRET", "DATABASE", "REDIS", "DATA_DIR")):
            os.environ[key] = value
    os.environ["STATIC_MANIFEST"] = "0"  # no collected manifest needed in-process
    os.environ["ALLOWED_HOSTS"] = "testserver"
    assert os.environ["DATABASE_URL"] == DATABASE_URL and os.environ["REDIS_URL"] == REDIS_URL

    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from bench.seed import prepare

    info = prepare(consent_pool=300)  # a first yes for the first 300 consent requests
    client = Client()
    client.cookies[info["session_cookie"]] = info["cookies"]["alice"]
    client.cookies[info["csrf_cookie"]] = "x" * 32
    for name, _kind, expected, requests, htmx in endpoints(info):
        if args.names and not any(part in name for part in args.names):
            continue
        extra = {"HTTP_HX_REQUEST": "true"} if htmx else {}
        extra["HTTP_X_CSRFTOKEN"] = "x" * 32
        content_type = headers_for(info, htmx)["Content-Type"]

        fresh = itertools.count()

        def once(index, requests=requests, extra=extra, content_type=content_type, fresh=fresh):
            if is_once(requests):  # a first yes each time, while the pool lasts
                index = next(fresh)
            method, path, body, headers = as_sent(requests[index % len(requests)], {})
            cookies = {"HTTP_COOKIE": headers["Cookie"]} if "Cookie" in headers else {}
            if method == "GET":
                return client.get(path, **extra, **cookies)
            return client.post(path, body, content_type=content_type, **extra, **cookies)

        response = once(0)
        assert response.status_code == expected, (name, response.status_code)
        # As gunicorn's master does once warm (gunicorn.conf.py): what is loaded by now
        # stays out of the collector's walks, which would otherwise land on the requests.
        gc.collect()
        gc.freeze()
        if args.under_callgrind:
            once(1)  # warm the second shape too (a reaction turns on, then off)
            gc.collect()
            gc.freeze()
            print(f"endpoint {name}", flush=True)
            # Two counts, of one request and of --repeat: their difference leaves out what
            # only the first request after a marker pays, the same in both.
            for count in (1, args.repeat):
                os.getppid()  # callgrind --zero-before=os_getppid
                for index in range(count):
                    once(index)
                os.getpgrp()  # callgrind --dump-before=os_getpgrp
            continue
        with CaptureQueriesContext(connection) as captured:
            once(1)
        queries = list(captured.captured_queries)
        # The least of five rounds: on a busy machine, the quietest moment is the truest.
        rounds = []
        for _round in range(5):
            started, cpu = time.perf_counter(), time.process_time()
            for index in range(args.repeat):
                once(index)
            rounds.append(
                (
                    (time.process_time() - cpu) * 1000 / args.repeat,
                    (time.perf_counter() - started) * 1000 / args.repeat,
                )
            )
        cpu_ms, ms = min(rounds)
        if args.cprofile:
            profiler = cProfile.Profile()
            profiler.runcall(lambda: [once(index) for index in range(args.repeat)])
            stats = pstats.Stats(profiler).sort_stats("tottime")
            stats.print_stats(args.cprofile)
            stats.sort_stats("cumulative").print_stats(args.cprofile)
        sql_ms = sum(float(q["time"]) for q in queries) * 1000
        print(
            f"{name:32} {len(queries):3} queries  {ms:7.1f} ms/request,"
            f" {cpu_ms:6.1f} ms CPU  (SQL {sql_ms:.1f} ms)"
        )
        for query in queries:
            took = float(query["time"]) * 1000
            if args.sql or (args.explain is not None and took >= args.explain):
                print(f"    {took:6.1f} ms  {query['sql'][:400]}")
            # A query Django logs as "QUERY = ... - PARAMS = ..." (one it could not write
            # out with its parameters) has no literal SQL to explain.
            if (
                args.explain is not None
                and took >= args.explain
                and not query["sql"].startswith("QUERY = ")
            ):
                with connection.cursor() as cursor:
                    cursor.execute("EXPLAIN ANALYZE " + query["sql"])
                    for (line,) in cursor.fetchall():
                        print(f"        {line}")


def count_instructions(args):
    """Run this module under callgrind with the markers; print instructions per request."""
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "callgrind.out"
        command = [
            "valgrind",
            "--tool=callgrind",
            f"--callgrind-out-file={out}",
            "--zero-before=os_getppid",
            "--dump-before=os_getpgrp",
            "--collect-systime=no",
            sys.executable,
            "-m",
            "bench.profile",
            "--under-callgrind",
            "--repeat",
            str(args.repeat),
            *args.names,
        ]
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        names = [
            line.removeprefix("endpoint ")
            for line in result.stdout.splitlines()
            if line.startswith("endpoint ")
        ]
        if result.returncode != 0 or not names:
            sys.stderr.write(result.stdout + result.stderr)
            return 1
        # Two dumps per endpoint, numbered in order (.1, .2, ...); the last is the exit's.
        counts = []
        for number in range(1, 2 * len(names) + 1):
            text = Path(f"{out}.{number}").read_text()
            summary = next(line for line in text.splitlines() if line.startswith("summary:"))
            counts.append(int(summary.split()[1]))
    per_request = {
        name: (counts[2 * index + 1] - counts[2 * index]) / (args.repeat - 1)
        for index, name in enumerate(names)
    }
    floor = per_request.get("floor")
    for name, per in per_request.items():
        ratio = f"  {per / floor:5.1f} x floor" if floor else ""
        print(f"{name:32} {per / 1e6:8.2f} M instructions/request{ratio}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
