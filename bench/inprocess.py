"""Django set up in this process as the benchmark's server runs it: production settings, the benchmark's
database and cache in var/bench/ (made by one `make bench`). Imported first by the in-process scripts."""

import os
import secrets
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORKDIR = ROOT / "var" / "bench"


def setup():
    sys.path.insert(0, str(ROOT))
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "cms.settings.production",
            "SECRET_KEY": os.environ.get("SECRET_KEY") or secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_SSL_REDIRECT": "false",
            "DATABASE_URL": os.environ.get("DATABASE_URL") or f"sqlite:///{WORKDIR / 'db.sqlite3'}",
            "CACHE_DIR": str(WORKDIR / "cache"),
            "STATIC_ROOT": str(WORKDIR / "static"),
            "MEDIA_ROOT": str(WORKDIR / "media"),
            "BENCH_ENDPOINTS": "true",
            "LOG_LEVEL": "ERROR",
        }
    )
    import django

    django.setup()
