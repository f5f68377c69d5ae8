"""Milliseconds (p50, p95) and queries of searches, in-process, against the benchmark's database in var/bench/
(run `make bench` once first): the site's results page, the API's ?search= and the admin's page search.

    python bench/search_latency.py [--requests 200]

Each query is asked once to warm the per-process caches (a word's analysis), once right after the index changed
(its matches found in the database, then cached), then ``--requests`` times.
"""

import argparse
import statistics
import time

from inprocess import setup

setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from search.indexing import index_changed  # noqa: E402

SEARCHES = {
    "results page, `ekonomia społeczna` (matches most pages)": "/pl/szukaj/?q=ekonomia+spo%C5%82eczna",
    "results page, `koziołka` (selective)": "/pl/szukaj/?q=kozio%C5%82ka",
    "results page, `spoldzielni socjalnej` (no diacritics)": "/pl/szukaj/?q=spoldzielni+socjalnej",
    "results page, `social economy` (English)": "/en/search/?q=social+economy",
    "API pages, `ekonomia społeczna`": "/api/v2/pages/?search=ekonomia+spo%C5%82eczna",
    "API pages, `partnerstwa` OR `wykluczeniem`": "/api/v2/pages/?search=partnerstwa+wykluczeniem&search_operator=or",
    "API partners, `koziołka`": "/api/v2/partners/?search=kozio%C5%82ka",
    "admin page search, `partnerstwa` (editor)": "/admin/pages/search/?q=partnerstwa",
}


def measure(client, url, requests):
    assert client.get(url).status_code == 200, url  # each word's analysis is cached per process
    index_changed()  # the first answer after a change of the index finds its matches in the database
    started = time.perf_counter()
    client.get(url)
    cold = (time.perf_counter() - started) * 1000
    times = []
    for _ in range(requests):
        started = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - started) * 1000)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    times.sort()
    return cold, statistics.median(times), times[int(len(times) * 0.95) - 1], len(queries)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    client = Client(HTTP_HOST="127.0.0.1")
    admin = Client(HTTP_HOST="127.0.0.1")
    user = get_user_model().objects.filter(is_superuser=True).first() or get_user_model().objects.create_superuser(
        "bench-search", "bench-search@example.org", None
    )
    admin.force_login(user)
    print("| search | first after a change, ms | p50 ms | p95 ms | queries |\n| --- | ---: | ---: | ---: | ---: |")
    for name, url in SEARCHES.items():
        cold, p50, p95, queries = measure(admin if url.startswith("/admin/") else client, url, args.requests)
        print(f"| {name} | {cold:.0f} | {p50:.1f} | {p95:.1f} | {queries} |", flush=True)


if __name__ == "__main__":
    main()
