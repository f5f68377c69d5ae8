"""Where the time of one answer goes: profiles --requests renders of a URL in-process against the benchmark's
database (run `make bench` once first) with the production settings, and prints the cost per request split
into SQL building, SQL execution, template rendering and the rest, then the top functions.

    python bench/profile_request.py [/pl/?bench=uncached] [--requests 50] [--sort cumulative] [--top 15] [--sql]

``--sql`` prints the queries of one answer instead, each with the line of the project or Wagtail code that ran it.
"""

import argparse
import cProfile
import pstats
import time
import traceback
from pathlib import Path

from inprocess import ROOT, setup

setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

#: (label, file suffix, function name): cumulative time of these, per request.
BUCKETS = [
    ("SQL building (ORM compiler)", "django/db/models/sql/compiler.py", "as_sql"),
    ("SQL execution (database driver)", "django/db/backends/utils.py", "_execute"),
    ("template rendering (incl. the queries tags run)", "django/template/response.py", "render"),
    ("API serialisation", "rest_framework/serializers.py", "data"),
]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("path", nargs="?", default="/pl/?bench=uncached")
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--sort", default="tottime", help="pstats order of the top functions (tottime, cumulative)")
    parser.add_argument("--top", type=int, default=15)
    parser.add_argument("--sql", action="store_true", help="print the queries of one answer and where they come from")
    args = parser.parse_args()

    client = Client(HTTP_HOST="127.0.0.1")
    assert client.get(args.path).status_code == 200
    if args.sql:
        print_queries(client, args.path)
        return
    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    for _ in range(args.requests):
        client.get(args.path)
    profiler.disable()
    per_request = (time.perf_counter() - started) / args.requests * 1000
    bare_started = time.perf_counter()
    for _ in range(args.requests):
        client.get("/bench/bare/")
    bare = (time.perf_counter() - bare_started) / args.requests * 1000

    stats = pstats.Stats(profiler)
    executed = sum(
        calls
        for (filename, _line, function), (calls, *_rest) in stats.stats.items()
        if filename.endswith("django/db/backends/utils.py") and function == "_execute"
    )
    queries = executed / args.requests
    print(f"{args.path}: {per_request:.1f} ms a request (profiled), {queries:.0f} queries; bare view {bare:.2f} ms")
    for label, suffix, name in BUCKETS:
        total = sum(
            cumulative
            for (filename, _line, function), (_cc, _nc, _tt, cumulative, _callers) in stats.stats.items()
            if filename.endswith(suffix) and function == name
        )
        if total:
            print(f"  {label:<50} {total / args.requests * 1000:6.1f} ms")
    stats.sort_stats(args.sort).print_stats(args.top)


def print_queries(client, path):
    """Each query of one answer to ``path``, with the innermost frame of code outside Django that ran it."""
    queries = []

    def record(execute, sql, params, many, context):
        frames = [
            f"{Path(frame.filename).relative_to(ROOT) if frame.filename.startswith(str(ROOT)) else frame.filename}"
            f":{frame.lineno} {frame.name}"
            for frame in traceback.extract_stack()
            if "/django/" not in frame.filename and "/bench/" not in frame.filename
        ]
        queries.append((sql, frames[-3:]))
        return execute(sql, params, many, context)

    client.get(path)
    with connection.execute_wrapper(record):
        client.get(path)
    print(f"{path}: {len(queries)} queries")
    for number, (sql, frames) in enumerate(queries, 1):
        print(f"{number:3}. {sql[:240]}")
        for frame in frames:
            print(f"       {frame}")


if __name__ == "__main__":
    main()
