"""Milliseconds and queries of one answer of each page type and API endpoint, in-process (Django's test client),
with the production settings against the benchmark's database in var/bench/ (run `make bench` once first).

    python bench/measure.py [--requests 30] [--only home_pl,news_index] [--html-dir DIR] [--json FILE]

Pages are asked for with a query string, so the full-page cache never answers: these are the costs of
rendering. ``--html-dir`` saves each answer's HTML (to diff the output of two versions of the code).
"""

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

from inprocess import setup

setup()

import prepare  # noqa: E402

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

UNCACHED = "bench=uncached"


def all_targets():
    """{name: URL}: every page type in both languages, search, the API listing and detail."""
    base = prepare.targets()
    found = {"home_pl": base["home_pl"], "home_en": base["home_en"]}
    for language in ("pl", "en"):
        for kind, url in prepare.page_targets(language).items():
            if url:
                found[f"{kind}_{language}"] = url
    found["api_listing"] = base["api_listing"]
    if base.get("api_detail"):
        found["api_detail"] = base["api_detail"]
    return found


def uncached(url):
    if url.startswith("/api/"):
        return url
    return url + ("&" if "?" in url else "?") + UNCACHED


def measure(client, url, requests):
    for _warm_up in range(2):
        response = client.get(url)
        if response.status_code != 200:
            return None
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    # Now: the next request empties the connection's query log that ``captured`` reads from.
    queries = len(captured)
    timings = []
    for _ in range(requests):
        started = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
    return {
        "url": url,
        "queries": queries,
        "median_ms": statistics.median(timings),
        "min_ms": min(timings),
        "content": response.content,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--only", help="comma-separated names (see the first column of the output)")
    parser.add_argument("--html-dir", help="save each answer here as <name>.html")
    parser.add_argument("--json", help="write the figures to this file")
    args = parser.parse_args()

    targets = all_targets()
    if args.only:
        wanted = args.only.split(",")
        targets = {name: url for name, url in targets.items() if name in wanted}
    client = Client(HTTP_HOST="127.0.0.1")
    bare = measure(client, "/bench/bare/", args.requests)
    print(f"{'what':<22} {'median ms':>9} {'min ms':>7} {'queries':>7}  url")
    print(f"{'bare view':<22} {bare['median_ms']:>9.2f} {bare['min_ms']:>7.2f} {bare['queries']:>7}")
    figures = {}
    for name, url in targets.items():
        result = measure(client, uncached(url), args.requests)
        if result is None:
            print(f"{name:<22} {'not 200':>9}  {url}", file=sys.stderr)
            continue
        content = result.pop("content")
        figures[name] = result
        print(f"{name:<22} {result['median_ms']:>9.2f} {result['min_ms']:>7.2f} {result['queries']:>7}  {url}")
        if args.html_dir:
            Path(args.html_dir).mkdir(parents=True, exist_ok=True)
            suffix = "json" if url.startswith("/api/") else "html"
            (Path(args.html_dir) / f"{name}.{suffix}").write_bytes(content)
    if args.json:
        Path(args.json).write_text(json.dumps({"bare": {k: bare[k] for k in bare if k != "content"}, **figures}))


if __name__ == "__main__":
    main()
