"""Shared fixtures: the partnership's content is loaded once into the test database and every test runs
in a transaction that is rolled back, so tests see the real site and leave it as they found it.

The database is built once per run as a template: migrated, copied as "the database as migrations leave it",
then filled by ``load_content``. Each pytest-xdist worker (or the one process without ``-n``) tests on its own
copy of the template (a file copy on SQLite, ``CREATE DATABASE … TEMPLATE`` on PostgreSQL). Under pytest-xdist
the controller builds it while the workers start and collect, and drops it at the end; the one process of a run
without ``-n`` builds and drops it itself. A transactional test (browser tests, tests
that need real commits) ends by copying the template back (``site_database.restore()``) instead of Django's
flush, which empties every table and then re-creates every content type and permission.

On SQLite the built template is kept in ``var/test-database/`` and reused by the next run while nothing it was
built from changed: the project's files outside tests/ and docs/ (migrations, models, content loaders, seed
texts, settings), the installed packages and Python. A fresh clone, and CI, build it; ``--create-db`` rebuilds it.
"""

import fcntl
import gc
import hashlib
import importlib
import importlib.metadata
import json
import os
import shutil
import sqlite3
import sys
import threading
from contextlib import closing, contextmanager
from pathlib import Path

import pytest
from pytest_django.plugin import blocking_manager_key

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection
from django.db.utils import load_backend
from django.test import TransactionTestCase

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale

from news.models import EventIndexPage, NewsIndexPage
from search.analysis import load_stemmer

AS_MIGRATED = "migrated"  # suffix of the copy taken between migrate and load_content
#: Where the SQLite template of the last run is kept for the next one (var/ is not committed).
TEMPLATE_CACHE = Path(settings.BASE_DIR) / "var" / "test-database"
#: What the template is not built from: the tests themselves, documentation, tools, and what runs leave behind
#: (besides every hidden folder: .git, .venv, the tools' caches, and Hypothesis's example database, which each
#: run of the schemathesis tests rewrites).
NOT_TEMPLATE_SOURCES = {
    "__pycache__",
    "bench",
    "docs",
    "media",
    "node_modules",
    "static",
    "static_collected",
    "test-artifacts",
    "tests",
    "var",
}


class SiteDatabase:
    """This process's test database, a copy of the template that holds the loaded site."""

    def __init__(self, template, as_migrated):
        self.template = template
        self.as_migrated = as_migrated  # the settings of the copy taken before load_content

    def restore(self):
        """Copy the template over this process's database (after transactional tests emptied it)."""
        name = connection.settings_dict["NAME"]
        if connection.vendor == "sqlite":
            connection.ensure_connection()
            with closing(sqlite3.connect(self.template)) as source:
                source.backup(connection.connection)
        else:
            connection.close()
            quote = connection.ops.quote_name
            with closing(maintenance_connection()) as maintenance, maintenance.cursor() as cursor:
                cursor.execute(f"DROP DATABASE {quote(name)} WITH (FORCE)")
                cursor.execute(f"CREATE DATABASE {quote(name)} TEMPLATE {quote(self.template)}")
        ContentType.objects.clear_cache()


def maintenance_connection():
    """A connection to PostgreSQL's own database, from which databases are dropped and created."""
    settings = {**connection.settings_dict, "NAME": "postgres"}
    return load_backend(settings["ENGINE"]).DatabaseWrapper(settings, alias="maintenance")


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """The tests that need no database first (after pytest-django's ordering, which puts them last): where the
    template has to be built, the other workers run them meanwhile instead of waiting for it."""
    items.sort(key=uses_the_database)


def uses_the_database(item):
    return item.get_closest_marker("django_db") is not None or "django_db_setup" in item.fixturenames


#: The collector's thresholds during the tests (Python's defaults: 700, 10, 10). Each test builds and drops tens of
#: thousands of short-lived objects (querysets, model instances, template contexts) that reference counting frees
#: without the collector; run every 700 allocations, the collector kept walking them: with these thresholds it
#: runs about a fifth as often and the API and search tests take 9 % less CPU (54.4 s against 49.8 s in one
#: process). Cycles are still collected, a little later.
TEST_GC_THRESHOLDS = (50_000, 20, 100)


def pytest_collection_finish(session):
    """Django, Wagtail, every test module and the collected tests are all in memory now, for the whole run: the
    garbage collector stops looking at them (about half of its time during the tests, 3 % of a worker's CPU) and
    runs less often (``TEST_GC_THRESHOLDS``)."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(*TEST_GC_THRESHOLDS)


#: How much lower the pytest-xdist workers' CPU priority is than the controller's (``os.nice``).
WORKER_NICENESS = 5


def pytest_configure(config):
    if config.getoption("reuse_db"):
        raise pytest.UsageError("--reuse-db is not supported: the suite builds its database once per run")
    if hasattr(config, "workerinput"):
        # The controller builds the template database (``pytest_sessionstart``) while the workers start, collect
        # and run the tests that need no database; every worker then waits for it. A lower priority for the
        # workers gives the build a core of its own meanwhile; afterwards the controller only relays reports.
        os.nice(WORKER_NICENESS)


@pytest.fixture(scope="session")
def django_db_setup(request, django_test_environment, django_db_blocker, tmp_path_factory):
    """Yields this process's ``SiteDatabase``."""
    worker = getattr(request.config, "workerinput", {}).get("workerid")
    verbosity = request.config.option.verbose
    original_name = connection.settings_dict["NAME"]
    run_dir = tmp_path_factory.getbasetemp() if worker is None else tmp_path_factory.getbasetemp().parent
    use_run_dir(run_dir)
    suffix = worker or "main"

    # The search's dictionary and stemming tables (about 2 s of CPU, loaded by each process's first search) load
    # meanwhile in a thread, as gunicorn's master loads them before its workers: where the template is still being
    # built (a fresh clone, every run on PostgreSQL) the worker would otherwise only wait. Joined before any test
    # runs, so that no search loads them a second time beside the thread.
    stemmer_loader = threading.Thread(target=load_stemmer, name="stemmer-loader", daemon=True)
    stemmer_loader.start()
    with django_db_blocker.unblock():
        template = hold_template(run_dir, suffix, request.config)
        with workers_lock(run_dir):
            use_database(template)
            site_database = SiteDatabase(template, connection.creation.get_test_db_clone_settings(AS_MIGRATED))
            connection.creation.clone_test_db(suffix=suffix, verbosity=verbosity)
            use_database(connection.creation.get_test_db_clone_settings(suffix)["NAME"])
        stemmer_loader.join()
        with pytest.MonkeyPatch.context() as patch:
            # pytest-django runs a transactional test as a Django TransactionTestCase, whose teardown flushes the
            # database: it empties every table, then the post_migrate signal re-creates every content type and
            # permission (about a second a test). Copying the template back is much quicker, and the next test
            # finds the loaded site whatever the previous one committed.
            patch.setattr(TransactionTestCase, "_fixture_teardown", lambda test_case: site_database.restore())
            yield site_database
        connection.creation.destroy_test_db(verbosity=verbosity)
        release_template(run_dir, suffix, verbosity)
        use_database(original_name)


def use_run_dir(run_dir):
    """On SQLite the test databases are files in pytest's temporary folder of the run, shared by its processes
    (and removed by pytest a few runs later): a file, not shared memory, so that concurrent test threads wait for
    the write lock as server processes do (shared-memory SQLite fails at once with "table is locked")."""
    if connection.vendor == "sqlite":
        connection.settings_dict["TEST"]["NAME"] = str(run_dir / "cms-test.sqlite3")


def hold_template(run_dir, holder, config):
    """Count ``holder`` (a process of the run) among the template's users, building the template first if it is
    the first to arrive; returns the template's name."""
    with workers_lock(run_dir), workers_state(run_dir) as state:
        if not state:
            template = cached_or_built_site_database(config.option.verbose, config.getoption("create_db"))
            state.update(template=template, workers=[])
        state["workers"].append(holder)
        return state["template"]


def release_template(run_dir, holder, verbosity):
    """``holder`` is done with the template; the last user drops it (and its copy as migrations left it)."""
    with workers_lock(run_dir), workers_state(run_dir) as state:
        state["workers"].remove(holder)
        if not state["workers"]:
            use_database(state["template"])
            connection.creation.destroy_test_db(verbosity=verbosity, suffix=AS_MIGRATED)
            connection.creation.destroy_test_db(verbosity=verbosity)
            state.clear()


#: The thread in which pytest-xdist's controller builds the template (``pytest_sessionstart``), and the run's folder
#: once the controller holds the template (a build that failed leaves it unset: the workers then try themselves and
#: report the error in the tests that need the database).
TEMPLATE_BUILDER = pytest.StashKey[threading.Thread]()
TEMPLATE_HELD_IN = pytest.StashKey[Path]()


def pytest_sessionstart(session):
    """Under pytest-xdist the controller, a process that runs no test and mostly waits, builds the template (or
    copies the kept one) in a thread of its own while the workers start and collect the tests: a run that has to
    build it (the first in a clone, every run on PostgreSQL) no longer keeps one worker building and the other
    waiting for it. The controller holds the template until the end, so the workers never drop it; it drops it
    last. (A run that selects no database test still builds it, and on SQLite keeps it for the next run.)"""
    config = session.config
    if not config.pluginmanager.has_plugin("dsession"):  # one process (-n 0), or a worker
        return
    # The controller's folder of the run, the parent of each worker's (pytest's own factory, as pytest-xdist reads).
    run_dir = config._tmp_path_factory.getbasetemp()
    use_run_dir(run_dir)

    def build():
        with config.stash[blocking_manager_key].unblock():
            hold_template(run_dir, "controller", config)
            connection.close()
        config.stash[TEMPLATE_HELD_IN] = run_dir

    config.stash[TEMPLATE_BUILDER] = threading.Thread(target=build, name="template-builder")
    config.stash[TEMPLATE_BUILDER].start()


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session):
    config = session.config
    builder = config.stash.get(TEMPLATE_BUILDER, None)
    if builder is None:
        return
    builder.join()
    if TEMPLATE_HELD_IN in config.stash:
        with config.stash[blocking_manager_key].unblock():
            release_template(config.stash[TEMPLATE_HELD_IN], "controller", config.option.verbose)


def build_site_database(verbosity):
    """Create the template: migrate, keep a copy as migrations leave it, load the content. Returns its name."""
    with throwaway_sqlite_writes():
        name = connection.creation.create_test_db(verbosity=verbosity, autoclobber=True, serialize=False)
        connection.close()  # SQLite's pending writes reach the file, and PostgreSQL copies only an unused database
        connection.creation.clone_test_db(suffix=AS_MIGRATED, verbosity=verbosity)
        call_command("load_content", verbosity=0, stdout=open("/dev/null", "w"))  # noqa: SIM115
        connection.close()
    return name


@contextmanager
def throwaway_sqlite_writes():
    """While the template is built, SQLite neither syncs to disk nor keeps a journal file: a build that fails is
    started again, so none of the durability the site's settings ask for (WAL, ``synchronous=NORMAL``) is needed,
    and migrate's hundreds of small transactions stop waiting for the disk."""
    if connection.vendor != "sqlite":
        yield
        return
    options = connection.settings_dict["OPTIONS"]
    site_init_command = options.get("init_command")
    options["init_command"] = "PRAGMA journal_mode=MEMORY; PRAGMA synchronous=OFF;"
    try:
        yield
    finally:
        connection.close()
        options["init_command"] = site_init_command


def cached_or_built_site_database(verbosity, rebuild):
    """The template's name: on SQLite a copy of the one kept from an earlier run built from the same sources,
    otherwise built (and kept for the next run)."""
    if connection.vendor != "sqlite":
        return build_site_database(verbosity)
    template = connection.creation._get_test_db_name()
    key = template_sources_key()
    kept, kept_as_migrated = TEMPLATE_CACHE / f"{key}.sqlite3", TEMPLATE_CACHE / f"{key}-{AS_MIGRATED}.sqlite3"
    if rebuild or not (kept.exists() and kept_as_migrated.exists() and media_files_present(kept)):
        template = build_site_database(verbosity)
        keep(template, kept)
        keep(connection.creation.get_test_db_clone_settings(AS_MIGRATED)["NAME"], kept_as_migrated)
        for older in TEMPLATE_CACHE.glob("*.sqlite3"):
            if older not in (kept, kept_as_migrated):
                older.unlink(missing_ok=True)
        return template
    use_database(template)
    shutil.copyfile(kept, template)
    shutil.copyfile(kept_as_migrated, connection.creation.get_test_db_clone_settings(AS_MIGRATED)["NAME"])
    return template


def media_files_present(database_file):
    """Whether the files a kept template names (the documents and images load_content stored under MEDIA_ROOT)
    are all still there."""
    image = get_image_model()
    tables = [model._meta.db_table for model in (get_document_model(), image, image.get_rendition_model())]
    with closing(sqlite3.connect(database_file)) as kept:
        names = [name for table in tables for (name,) in kept.execute(f"SELECT file FROM {table}")]  # noqa: S608
    return all(default_storage.exists(name) for name in names)


def keep(database_file, kept):
    """Copy a built database into the cache whole or not at all (another run may read it meanwhile)."""
    TEMPLATE_CACHE.mkdir(parents=True, exist_ok=True)
    partial = kept.with_name(f"{kept.name}.{os.getpid()}.partial")
    shutil.copyfile(database_file, partial)
    partial.replace(kept)


def template_sources_key():
    """A digest of everything the template is built from: every file in the project's folders outside
    ``NOT_TEMPLATE_SOURCES`` (models, migrations, content loaders and their seed texts, signal handlers, settings,
    catalogues), the installed
    packages' versions (their migrations), Python's and SQLite's. Any change builds a new template."""
    digest = hashlib.sha256()
    base = Path(settings.BASE_DIR)
    for folder, subfolders, files in os.walk(base):
        subfolders[:] = sorted(
            name for name in subfolders if name not in NOT_TEMPLATE_SOURCES and not name.startswith(".")
        )
        if folder == str(base):
            continue  # the checkout's own files: the Makefile, README, pyproject.toml, requirements (see packages)
        for name in sorted(files):
            path = Path(folder) / name
            if path.suffix in (".md", ".pyc", ".sqlite3") or name.startswith("db.sqlite3"):
                continue
            digest.update(str(path.relative_to(base)).encode() + b"\0" + path.read_bytes() + b"\0")
    packages = sorted(f"{dist.metadata['Name']}=={dist.version}" for dist in importlib.metadata.distributions())
    digest.update("\n".join([*packages, sys.version, sqlite3.sqlite_version, settings.SETTINGS_MODULE]).encode())
    return digest.hexdigest()[:20]


def use_database(name):
    # In place: the live server's threads open their connections from this same dictionary.
    connection.close()
    connection.settings_dict["NAME"] = name


@contextmanager
def workers_lock(run_dir):
    # An OS file lock (the standard library's) is all the coordination the processes of one run need.
    with open(run_dir / "site-database.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


@contextmanager
def workers_state(run_dir):
    """The template's name and the processes using it, in a file beside the lock (read and written under it)."""
    path = run_dir / "site-database.json"
    state = json.loads(path.read_text()) if path.exists() else {}
    yield state
    path.write_text(json.dumps(state))


@pytest.fixture(scope="session")
def site_database(django_db_setup):
    return django_db_setup


@pytest.fixture
def database_as_migrated(site_database):
    """A connection to a copy of the test database as ``migrate`` left it, before ``load_content`` ran."""
    settings = site_database.as_migrated
    as_migrated = load_backend(settings["ENGINE"]).DatabaseWrapper(settings, alias="as_migrated")
    yield as_migrated
    as_migrated.close()


@pytest.fixture
def load_settings(monkeypatch):
    """``load_settings("cms.settings.production", SECRET_KEY="…", REDIS_URL=None)`` imports that settings module
    afresh, as a new process would, under the environment changed as given (None removes a variable), and returns
    it. The settings in use are untouched; the modules in use are back in place after the test."""
    package = importlib.import_module("cms.settings")

    def settings_modules():
        return {name: module for name, module in sys.modules.items() if name.startswith(f"{package.__name__}.")}

    in_use = settings_modules()

    def load(module_name, **environ):
        for name, value in environ.items():
            if value is None:
                monkeypatch.delenv(name, raising=False)
            else:
                monkeypatch.setenv(name, value)
        for name in settings_modules():
            del sys.modules[name]
        return importlib.import_module(module_name)

    yield load
    for name in settings_modules():
        del sys.modules[name]
    for name, module in in_use.items():
        sys.modules[name] = module
        setattr(package, name.rpartition(".")[2], module)  # importing a submodule rebinds the package's attribute


@pytest.fixture
def locale_pl(db):
    return Locale.objects.get(language_code="pl")


@pytest.fixture
def locale_en(db):
    return Locale.objects.get(language_code="en")


@pytest.fixture(autouse=True)
def empty_cache_first():
    """Each test starts from an empty cache: what is cached there (the API's scope of public pages, fragments,
    content versions) was derived from rows that the previous test's rollback took away."""
    cache.clear()


@pytest.fixture
def news_index_pl(locale_pl):
    return NewsIndexPage.objects.get(locale=locale_pl)


@pytest.fixture
def news_index_en(locale_en):
    return NewsIndexPage.objects.get(locale=locale_en)


@pytest.fixture
def event_index_pl(locale_pl):
    return EventIndexPage.objects.get(locale=locale_pl)


@pytest.fixture
def event_index_en(locale_en):
    return EventIndexPage.objects.get(locale=locale_en)
