"""Run inside the benchmark's Django (settings from the environment bench/run.py sets): fill the database
with demo content unless it already is, and print the URLs to measure as JSON on the last line.

Demo content comes from ``manage.py generate_demo_data`` (partners, news… at the specified scale, for the
generators it has); on top of that this makes ``--pages`` standard pages, labelled "[BENCH]", in the
benchmark's own throw-away database only, so the page tree has its size whatever the demo data covers, and,
while the demo data has no events, 20 "[BENCH]" events in each language so that event pages are measured too.
"""

import argparse
import hashlib
import json
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import django  # noqa: E402

django.setup()

from django.apps import apps  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.core.management import call_command, get_commands, load_command_class  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.urls import NoReverseMatch, reverse  # noqa: E402
from django.utils import timezone, translation  # noqa: E402

from wagtail.models import Locale, Page  # noqa: E402

from home.models import ContactPage, HomePage, StandardPage  # noqa: E402
from search.models import SearchEntry, SearchKey  # noqa: E402

SECTION_SIZE = 100
#: Demo data at the scale the benchmark is specified for, for each generator generate_demo_data has.
DEMO_COUNTS = {"partners": 1000, "news": 2000}
EVENTS = 20
SEARCH_QUERIES = {"pl": "?q=ekonomia+spo%C5%82eczna", "en": "?q=social+economy"}
#: What the database was filled with, written once it is: a later run at the same scale reuses the content.
#: Where a run records the scale it seeded, one file per database (var/bench/ serves SQLite and PostgreSQL runs).
SEEDED_MARKERS = Path(__file__).resolve().parent.parent / "var" / "bench"


def log(message):
    print(message, file=sys.stderr, flush=True)


def seed_standard_pages(total):
    """``total`` standard pages in sections of SECTION_SIZE under the Polish home page, out of the menu."""
    home = HomePage.objects.get(locale__language_code="pl")
    existing = StandardPage.objects.filter(title__startswith="[BENCH]").count()
    if existing >= total:
        log(f"seed: {existing} benchmark pages already there")
        return
    started = time.monotonic()
    made = existing
    while made < total:
        with transaction.atomic():
            section = home.add_child(
                instance=StandardPage(
                    title=f"[BENCH] Dział {made // SECTION_SIZE}", slug=f"bench-{made // SECTION_SIZE}"
                )
            )
            made += 1
            for _ in range(min(SECTION_SIZE - 1, total - made)):
                section.add_child(
                    instance=StandardPage(
                        title=f"[BENCH] Strona {made}",
                        slug=f"bench-page-{made}",
                        intro=f"Strona numer {made} treści do pomiaru wydajności ekonomii społecznej.",
                    )
                )
                made += 1
        log(f"seed: {made}/{total} pages ({time.monotonic() - started:.0f} s)")


def seed_events(total):
    """``total`` upcoming "[BENCH]" events under the Polish event index, each with its English translation,
    unless the demo data made events already (``generate_demo_data`` has no events generator yet)."""
    try:
        event_index_model, event_model = apps.get_model("news.EventIndexPage"), apps.get_model("news.EventPage")
    except LookupError:
        return
    if event_model.objects.exists():
        return
    index = event_index_model.objects.filter(locale__language_code="pl").first()
    english = Locale.objects.filter(language_code="en").first()
    if index is None or english is None or not index.has_translation(english):
        return
    start = timezone.now().replace(hour=10, minute=0, second=0, microsecond=0)
    with transaction.atomic():
        for number in range(total):
            event = index.add_child(
                instance=event_model(
                    title=f"[BENCH] Wydarzenie {number}",
                    slug=f"bench-wydarzenie-{number}",
                    start=start + timedelta(days=7 + number),
                    end=start + timedelta(days=7 + number, hours=3),
                    place="Lublin",
                    lead="Spotkanie sieci ekonomii społecznej do pomiaru wydajności.",
                )
            )
            event.copy_for_translation(english).save_revision().publish()
    log(f"seed: {total} events in each language")


def first_url(model_label, language="pl", **filters):
    try:
        model = apps.get_model(model_label)
    except LookupError:
        return None
    page = model.objects.live().filter(locale__language_code=language, **filters).order_by("path").first()
    return page.url if page else None


def partner_url(language="pl"):
    """The detail page of the first partner listed on the partners index page, if both exist."""
    index_url = first_url("partners.PartnerIndexPage", language)
    if index_url is None:
        return None
    partner = apps.get_model("partners.Partner").objects.visible().filter(locale__language_code=language)
    partner = partner.order_by("slug").first()
    return f"{index_url}{partner.slug}/" if partner else None


def page_targets(language="pl"):
    """{kind: URL} of the first live page of each page type in ``language``, for the page types there are."""
    standard = StandardPage.objects.live().filter(locale__language_code=language).order_by("path").first()
    contact = ContactPage.objects.live().filter(locale__language_code=language).first()
    found = {
        "standard_page": standard.url if standard else None,
        "contact_page": contact.url if contact else None,
        "partners_index": first_url("partners.PartnerIndexPage", language),
        "partner_page": partner_url(language),
        "news_index": first_url("news.NewsIndexPage", language),
        "news_page": first_url("news.NewsPage", language),
        "event_index": first_url("news.EventIndexPage", language),
        "event_page": first_url("news.EventPage", language),
        "documents_page": first_url("documents.DocumentIndexPage", language),
    }
    with translation.override(language):
        try:
            found["search"] = reverse("search") + SEARCH_QUERIES[language]
        except NoReverseMatch:
            found["search"] = None
    return found


def targets():
    standard = StandardPage.objects.live().filter(locale__language_code="pl").order_by("path").first()
    return {
        "home_pl": "/pl/",
        "home_en": "/en/",
        **page_targets("pl"),
        "api_listing": "/api/v2/pages/?limit=20&fields=*",
        "api_detail": f"/api/v2/pages/{standard.pk}/" if standard else None,
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=6000)
    args = parser.parse_args()
    database = {key: connection.settings_dict[key] for key in ("ENGINE", "NAME", "HOST", "PORT")}
    scale = {"database": database, "pages": args.pages, "events": EVENTS, **DEMO_COUNTS}
    marker = SEEDED_MARKERS / f"seeded-{hashlib.sha256(json.dumps(database).encode()).hexdigest()[:12]}.json"
    if marker.exists() and json.loads(marker.read_text()) == scale:
        log(f"seed: reusing the content of an earlier run at the same scale ({marker})")
    else:
        seed(args.pages)
        marker.write_text(json.dumps(scale))
    log(f"seed: {Page.objects.live().count()} live pages in the database")
    # Seeds and demo data are bulk-inserted (no public_content_changed): index them as a deployment would, and
    # with the analysis of the code being measured.
    call_command("rebuild_search_entries", stdout=sys.stderr)
    settle_after_rebuild()
    # Demo data is bulk-inserted (no signals): start the measured server from an empty cache.
    cache.clear()
    print(json.dumps({name: url for name, url in targets().items() if url}))


def settle_after_rebuild():
    """On PostgreSQL, clear the dead rows the rebuild left (it rewrites every entry: 270,000 rows at the benchmark's
    scale) before anything is measured, as autovacuum does by itself some minutes later: otherwise the measured
    requests share the machine with autovacuum, or are planned over bloated tables (run F in docs/PERFORMANCE.md).
    VACUUM cannot run inside a transaction; Django's connection is in autocommit here."""
    if connection.vendor != "postgresql":
        return
    started = time.monotonic()
    tables = ", ".join(connection.ops.quote_name(model._meta.db_table) for model in (SearchEntry, SearchKey))
    with connection.cursor() as cursor:
        cursor.execute(f"VACUUM (ANALYZE) {tables}")
    log(f"seed: vacuumed the search index's tables ({time.monotonic() - started:.1f} s)")


def seed(pages):
    if "generate_demo_data" in get_commands():
        command = load_command_class(get_commands()["generate_demo_data"], "generate_demo_data")
        accepted = {action.dest for action in command.create_parser("manage.py", "generate_demo_data")._actions}
        counts = {name: count for name, count in DEMO_COUNTS.items() if name in accepted}
        log(f"seed: manage.py generate_demo_data {counts}")
        call_command(command, allow_production=True, stdout=sys.stderr, **counts)
    # Until the demo data holds pages at scale, standard pages make up the page tree's size.
    seed_standard_pages(pages)
    seed_events(EVENTS)


if __name__ == "__main__":
    main()
