import sys
import time
from collections import Counter

from tqdm import tqdm

from django.core.management.base import BaseCommand
from django.db import transaction

from wagtail.models import Page

from search.indexing import indexed_models, rebuild


class Command(BaseCommand):
    help = (
        "Rebuild the search index (site, API and admin) from every page and indexed object: public entries for "
        "what visitors may see, editors' entries for unpublished pages and draft partners. Publishing keeps it up "
        "to date; run this after installing or upgrading the search, or after adding a model to SEARCH_MODELS."
    )

    def handle(self, *args, **options):
        total = Page.objects.filter(depth__gt=1).count() + sum(model.objects.count() for model in indexed_models())
        counts = Counter()
        started = time.monotonic()
        with tqdm(total=total, unit="obj", file=sys.stderr, disable=options["verbosity"] < 1) as bar:

            def progress(model, obj):
                counts[model._meta.verbose_name_plural] += 1
                bar.update()

            with transaction.atomic():
                public, editors = rebuild(progress)
        seconds = time.monotonic() - started
        for name, count in sorted(counts.items()):
            self.stdout.write(f"  {name}: {count}")
        self.stdout.write(
            self.style.SUCCESS(
                f"Done in {seconds:.1f} s: {public} public entries, {editors} entries for the admin's search only."
            )
        )
