"""Milliseconds and queries of one answer of each page type and API endpoint, in-process (Django's test client),
with the production settings against the benchmark's database in var/bench/ (run `make bench` once first).

    python bench/measure.py [--requests 30] [--only home_pl,news_index] [--html-dir DIR] [--json FILE]
    python bench/measure.py --cold [--requests 15] [--json FILE]

Pages are asked for with a query string, so the full-page cache never answers: these are the costs of
rendering. ``--html-dir`` saves each answer's HTML (to diff the output of two versions of the code).

``--cold`` measures the first render right after a publish: the page is published again (a new revision, as an
editor's "Publish" makes), which empties every cache of public content, and the next answer is timed and its
queries counted — the home page, the partners index and a news item, against the budget of 60 ms and 25 queries.
It also measures searches nobody made since the index last changed: before each of ``COLD_SEARCHES`` the index's
generation moves on (as any publish moves it), so the matches are ranked afresh while the layout stays warm —
what most searches are, since visitors rarely repeat each other's words. Budget: p95 ≤ 60 ms.
"""

import argparse
import functools
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
from django.urls import reverse  # noqa: E402
from django.utils import translation  # noqa: E402

from wagtail.models import Page  # noqa: E402

from search.indexing import index_changed  # noqa: E402

UNCACHED = "bench=uncached"
COLD_TARGETS = ("home_pl", "partners_index_pl", "news_page_pl")
COLD_BUDGET_MS = 60
COLD_BUDGET_QUERIES = 25
#: Words and phrases of the partnership's own text (and the benchmark's query, which matches over half the
#: entries): the searches timed when nothing is cached.
COLD_SEARCHES = {
    "pl": [
        "ekonomia społeczna",
        "partnerstwo",
        "spółdzielnia socjalna",
        "Lublin",
        "wykluczenia",
        "Koziołka",
        "rozwój",
        "instytucji",
        "deklaracja przystąpienia",
        "przedsiębiorczość",
        "organizacje pozarządowe",
        "sekretarz",
    ],
    "en": ["social economy", "partnership", "cooperative", "exclusion", "declaration of accession", "Lublin"],
}
COLD_SEARCH_BUDGET_MS = 60


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


@functools.cache
def page_id_at(url):
    """The id of the live page at ``url``, found once (by going through the 10,000 pages' URLs)."""
    path = url.split("?", 1)[0]
    for page in Page.objects.live().specific(defer=True).iterator():
        if page.url == path:
            return page.pk
    raise SystemExit(f"no live page at {path}")


def publish_again(url):
    """Publish the page at ``url`` as an editor's "Publish" does: a new revision, published."""
    Page.objects.get(pk=page_id_at(url)).specific.save_revision().publish()


def measure_cold(client, url, requests):
    """The median and worst first answer after a publish, and the queries of the worst."""
    timings, queries = [], []
    for _ in range(requests):
        publish_again(url)
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            return None
        queries.append(len(captured))
    return {"url": url, "median_ms": statistics.median(timings), "max_ms": max(timings), "queries": max(queries)}


def main_cold(args, client, targets):
    print(f"{'cold after publish':<22} {'median ms':>9} {'max ms':>7} {'queries':>7}  budget")
    figures, missed = {}, []
    for name in (name for name in COLD_TARGETS if name in targets):
        result = measure_cold(client, targets[name], args.requests)
        if result is None:
            print(f"{name:<22} {'not 200':>9}  {targets[name]}", file=sys.stderr)
            missed.append(name)
            continue
        ok = result["median_ms"] <= COLD_BUDGET_MS and result["queries"] <= COLD_BUDGET_QUERIES
        result["meets_budget"] = ok
        figures[name] = result
        missed += [] if ok else [name]
        print(
            f"{name:<22} {result['median_ms']:>9.2f} {result['max_ms']:>7.2f} {result['queries']:>7}  "
            f"<= {COLD_BUDGET_MS} ms, <= {COLD_BUDGET_QUERIES} queries {'ok' if ok else 'MISS'}"
        )
    search = measure_cold_search(client)
    ok = search["p95_ms"] <= COLD_SEARCH_BUDGET_MS
    search["meets_budget"] = ok
    figures["search_not_cached"] = search
    missed += [] if ok else ["search_not_cached"]
    print(
        f"{'search, not cached':<22} {search['median_ms']:>9.2f} {search['max_ms']:>7.2f} {search['queries']:>7}  "
        f"p95 {search['p95_ms']:.2f} ms <= {COLD_SEARCH_BUDGET_MS} ms {'ok' if ok else 'MISS'} "
        f"({search['searches']} searches)"
    )
    if args.json:
        Path(args.json).write_text(json.dumps(figures))
    return missed


def measure_cold_search(client):
    """Median, p95 and worst of the ``COLD_SEARCHES``, each made right after the index's generation moved on."""
    timings, queries = [], []
    for language, words in COLD_SEARCHES.items():
        with translation.override(language):
            url = reverse("search")
        client.get(url, {"q": words[0]})  # the layout's fragments of this language are warm, as on a live site
        for _round in range(3):
            for text in words:
                index_changed()
                with CaptureQueriesContext(connection) as captured:
                    started = time.perf_counter()
                    response = client.get(url, {"q": text})
                    timings.append((time.perf_counter() - started) * 1000)
                assert response.status_code == 200, (url, text)
                queries.append(len(captured))
    timings.sort()
    return {
        "median_ms": statistics.median(timings),
        "p95_ms": timings[max(0, round(0.95 * len(timings)) - 1)],
        "max_ms": timings[-1],
        "queries": max(queries),
        "searches": len(timings),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cold", action="store_true", help="the first render after a publish (see above)")
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
    if args.cold:
        sys.exit(1 if main_cold(args, client, targets) else 0)
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
