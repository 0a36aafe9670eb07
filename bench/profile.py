"""Where a page spends its time: queries and milliseconds per endpoint, in-process.

    .venv/bin/python -m bench.profile [--sql] [--repeat 20] [--cprofile N] [name ...]

Uses the benchmark database as `make bench` left it (run that once first) and Django's
test client, so no server is needed. Pages are rendered on every request. With
--sql it prints each query and its duration for the named endpoints. A tool for finding
what to fix; `make bench` is the measurement.
"""

import argparse
import cProfile
import gc
import itertools
import os
import pstats
import sys
import time

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
    args = parser.parse_args()

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


if __name__ == "__main__":
    sys.exit(main())
