from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.module_loading import import_string

from home.database import refresh_planner_statistics
from home.seeding import ContentLoader


class Command(BaseCommand):
    help = (
        "Create the partnership's pages, contact details and their English translations. "
        "Idempotent: what already exists is left exactly as it is."
    )

    def handle(self, *args, **options):
        loader = ContentLoader(stdout=self.stdout, style=self.style)
        self.stdout.write("Locales")
        loader.ensure_locales()
        for path in settings.SEED_CONTENT:
            self.stdout.write(f"Content from {path}")
            import_string(path)(loader)
        refresh_planner_statistics()
        self.stdout.write(
            self.style.SUCCESS(f"Done: {loader.created} created, {loader.existing} already present and left unchanged.")
        )
