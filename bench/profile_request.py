"""Where the time of one answer goes: profiles --requests renders of a URL in-process against the benchmark's
database (run `make bench` once first) with the production settings, and prints the cost per request split
into SQL building, SQL execution, template rendering and the rest, then the top functions.

    python bench/profile_request.py [/pl/?bench=uncached] [--requests 50]
"""

import argparse
import cProfile
import os
import pstats
import secrets
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORKDIR = ROOT / "var" / "bench"
sys.path.insert(0, str(ROOT))
os.environ.update(
    {
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": os.environ.get("SECRET_KEY") or secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": os.environ.get("DATABASE_URL") or f"sqlite:///{WORKDIR / 'db.sqlite3'}",
        "CACHE_DIR": str(WORKDIR / "cache"),
        "STATIC_ROOT": str(WORKDIR / "static"),
        "MEDIA_ROOT": str(WORKDIR / "media"),
        "BENCH_ENDPOINTS": "true",
        "LOG_LEVEL": "ERROR",
    }
)

import django  # noqa: E402

django.setup()

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
    args = parser.parse_args()

    client = Client(HTTP_HOST="127.0.0.1")
    assert client.get(args.path).status_code == 200
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
    stats.sort_stats("tottime").print_stats(15)


if __name__ == "__main__":
    main()
