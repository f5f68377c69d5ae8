"""gunicorn settings for the site: `gunicorn -c gunicorn.conf.py cms.wsgi`. Each value can be overridden
from the environment (GUNICORN_BIND, GUNICORN_WORKERS, ...); see docs/DEPLOYMENT.md."""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Sync workers: the site's requests are short and CPU-bound; one per core plus one keeps the CPUs busy.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() + 1))
threads = int(os.environ.get("GUNICORN_THREADS", 1))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then so a slow leak can never grow without bound; rarely, because a fresh worker starts
# with empty in-process caches (templates, the lemmatiser's word cache) and every 5,000 requests cost throughput.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 100_000))
max_requests_jitter = 10_000
# Import the app once in the master: faster forks, less memory; database connections open lazily per worker.
preload_app = True
# Trust X-Forwarded-* only from the local reverse proxy.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
# No access log of our own by default: the reverse proxy in front (docs/DEPLOYMENT.md) logs every request, and
# writing each line to stdout from the worker cost a quarter of the cached pages' throughput. "-" = stdout.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")


def on_starting(server):
    # The site search's Polish stemming table takes a second or two to load: load it once, here in the master,
    # so that every worker forked from it has it and no search waits for it (search.analysis needs no Django).
    from search.analysis import load_stemmer

    load_stemmer()


def post_fork(server, worker):
    # Never share a database or cache socket that the master might have opened while preloading.
    from django.db import connections

    connections.close_all()
