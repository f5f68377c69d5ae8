import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Development only: create a superuser if none exists, and print how to log in."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Refusing to create a development superuser: DEBUG is off (not dev settings).")
        User = get_user_model()
        username = os.environ.get("DEV_SUPERUSER_NAME", "admin")
        password = os.environ.get("DEV_SUPERUSER_PASSWORD", "admin")
        if User.objects.filter(is_superuser=True).exists():
            self.stdout.write("A superuser already exists; log in at http://127.0.0.1:8000/admin/.")
            return
        User.objects.create_superuser(username=username, email="", password=password)
        self.stdout.write(
            self.style.SUCCESS(
                f"Created development superuser: log in at http://127.0.0.1:8000/admin/ "
                f"as {username!r} with password {password!r}."
            )
        )
