from django.core.management.base import BaseCommand
from django.db import transaction

from search.indexing import public_pages, rebuild, searchable_models


class Command(BaseCommand):
    help = (
        "Rebuild the site search's entries from every live, public page and every searchable object (partners, "
        "the files on documents pages). Publishing keeps them up to date; run this after installing the site "
        "search, or after adding a model to SEARCH_MODELS, on an existing database."
    )

    def handle(self, *args, **options):
        total = public_pages().count() + sum(model.objects.count() for model in searchable_models())
        self.stdout.write(f"Indexing up to {total} pages and objects")

        def progress(done):
            if done % 50 == 0 or done == total:
                self.stdout.write(f"  {done}/{total}")

        with transaction.atomic():
            entries = rebuild(progress)
        self.stdout.write(self.style.SUCCESS(f"Done: {entries} search entries."))
