import random
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from home.database import refresh_planner_statistics
from home.demo import DEFAULT_SEED, generators


class Command(BaseCommand):
    help = (
        "Fill the database with the demo data of every generator in settings.DEMO_DATA (partners, news, …) in "
        "both languages, for development, tests and benchmarks. Deterministic: the same seed gives the same data. "
        "Earlier demo data is replaced; real content is never touched. Never run by load_content."
    )

    def add_arguments(self, parser):
        for generator in generators():
            parser.add_argument(
                f"--{generator.name}",
                type=int,
                default=generator.default_count,
                metavar="N",
                help=f"How many {generator.help} (default {generator.default_count}; 0 removes them).",
            )
        parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help=f"Random seed (default {DEFAULT_SEED}).")
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help="Run even though DEBUG is off. Demo data is labelled, but it does not belong on a live site.",
        )

    def handle(self, *args, **options):
        if not settings.DEBUG and not options["allow_production"]:
            raise CommandError("DEBUG is off: this may be a live site. Pass --allow-production if it is not.")
        summaries = []
        started = time.monotonic()
        for generator in generators():
            count = options[generator.name.replace("-", "_")]
            if count < 0:
                raise CommandError(f"--{generator.name} must be 0 or more, not {count}.")
            # One random stream per generator: adding another app's data does not change these.
            rng = random.Random(f"{options['seed']}:{generator.name}")  # noqa: S311 - demo data, not security
            self.stdout.write(f"{generator.name}: removing earlier demo data")
            with transaction.atomic():
                removed = generator.delete()
                self.stdout.write(f"{generator.name}: {removed} removed; creating {count}")
                summary = generator.generate(count, rng, self._progress(generator.name))
            summaries.append(f"{generator.name}: {summary}")
        refresh_planner_statistics()
        elapsed = time.monotonic() - started
        self.stdout.write(self.style.SUCCESS(f"Demo data ready in {elapsed:.1f} s (seed {options['seed']})"))
        for line in summaries:
            self.stdout.write(f"  {line}")

    def _progress(self, name):
        """A line at every further 5 % (and at the end), however often a generator reports."""
        shown = {"step": -1}

        def progress(done, total, what):
            step = done * 20 // total if total else 20
            if step > shown["step"] or done == total:
                shown["step"] = step
                self.stdout.write(f"{name}: {done}/{total} {what}")

        return progress
