from django.core.management.base import BaseCommand
from django.utils import timezone

from home.personal_data import purge_expired
from home.tasks import purge_personal_data


class Command(BaseCommand):
    help = (
        "Remove personal data past its retention period: what each module in settings.PERSONAL_DATA_HANDLERS "
        "purges (never-confirmed newsletter signups, rejected membership applications, …) and django-axes' "
        "login records older than settings.AXES_RETENTION_DAYS. Safe to run at any time; run daily."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="Hand the purge to the background worker (manage.py db_worker) instead of running it here.",
        )

    def handle(self, *args, **options):
        if options["enqueue"]:
            result = purge_personal_data.enqueue()
            self.stdout.write(self.style.SUCCESS(f"Purge queued for the worker: task {result.id}."))
            return
        results = purge_expired(timezone.now(), progress=lambda source: self.stdout.write(f"{source}: purging"))
        total = 0
        for removed in results.values():
            for label, count in removed.items():
                total += count
                self.stdout.write(f"  {label}: {count} removed")
        self.stdout.write(self.style.SUCCESS(f"Done: {total} records removed from {len(results)} sources."))
