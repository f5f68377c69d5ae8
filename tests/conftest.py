"""Shared fixtures: the partnership's content is loaded once into the test database and every test runs
in a transaction that is rolled back, so tests see the real site and leave it as they found it.

The database is built once per run: migrated, copied as "the database as migrations leave it", then filled by
``load_content``. With pytest-xdist (``-n``) the first worker builds it as a template while the others wait, and
each worker tests on its own copy (a file copy on SQLite, ``CREATE DATABASE … TEMPLATE`` on PostgreSQL); the
last worker to finish drops the template.
"""

import fcntl
import importlib
import json
import sys
from contextlib import contextmanager

import pytest

from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.db.utils import load_backend

from wagtail.models import Locale

AS_MIGRATED = "migrated"  # suffix of the copy taken between migrate and load_content


@pytest.fixture(scope="session")
def django_db_setup(request, django_test_environment, django_db_blocker, django_db_keepdb, tmp_path_factory):
    """Yields the settings of the copy of the database as migrations leave it (see ``database_as_migrated``)."""
    if django_db_keepdb:
        raise pytest.UsageError("--reuse-db is not supported: the suite builds its database once per run")
    worker = getattr(request.config, "workerinput", {}).get("workerid")
    verbosity = request.config.option.verbose
    original_name = connection.settings_dict["NAME"]
    # A SQLite file, not shared memory, so that concurrent test threads wait for the write lock as server
    # processes do (shared-memory SQLite fails at once with "table is locked"); in pytest's own temporary folder,
    # shared by the workers of one run and removed by pytest a few runs later.
    run_dir = tmp_path_factory.getbasetemp() if worker is None else tmp_path_factory.getbasetemp().parent
    if connection.vendor == "sqlite":
        connection.settings_dict["TEST"]["NAME"] = str(run_dir / "cms-test.sqlite3")

    with django_db_blocker.unblock():
        if worker is None:
            build_site_database(verbosity)
            yield as_migrated_settings()
            drop_site_databases(verbosity, original_name)
            return
        with workers_lock(run_dir), workers_state(run_dir) as state:
            if not state:
                state.update(template=build_site_database(verbosity), workers=[])
            state["workers"].append(worker)
            template = state["template"]
            use_database(template)
            as_migrated = as_migrated_settings()
            connection.creation.clone_test_db(suffix=worker, verbosity=verbosity)
            use_database(connection.creation.get_test_db_clone_settings(worker)["NAME"])
        yield as_migrated
        connection.creation.destroy_test_db(verbosity=verbosity)
        with workers_lock(run_dir), workers_state(run_dir) as state:
            state["workers"].remove(worker)
            if not state["workers"]:
                use_database(template)
                drop_site_databases(verbosity, original_name)
                state.clear()
        use_database(original_name)


def build_site_database(verbosity):
    """Create the test database: migrate, keep a copy as migrations leave it, load the content. Returns its name."""
    name = connection.creation.create_test_db(verbosity=verbosity, autoclobber=True, serialize=False)
    connection.close()  # SQLite's pending writes reach the file, and PostgreSQL copies only an unused database
    connection.creation.clone_test_db(suffix=AS_MIGRATED, verbosity=verbosity)
    call_command("load_content", verbosity=0, stdout=open("/dev/null", "w"))  # noqa: SIM115
    connection.close()
    return name


def as_migrated_settings():
    return connection.creation.get_test_db_clone_settings(AS_MIGRATED)


def drop_site_databases(verbosity, original_name):
    connection.creation.destroy_test_db(verbosity=verbosity, suffix=AS_MIGRATED)
    connection.creation.destroy_test_db(original_name, verbosity=verbosity)


def use_database(name):
    # In place: the live server's threads open their connections from this same dictionary.
    connection.close()
    connection.settings_dict["NAME"] = name


@contextmanager
def workers_lock(run_dir):
    # An OS file lock (the standard library's) is all the coordination the workers of one run need.
    with open(run_dir / "site-database.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


@contextmanager
def workers_state(run_dir):
    """The template's name and the workers using it, in a file beside the lock (read and written under it)."""
    path = run_dir / "site-database.json"
    state = json.loads(path.read_text()) if path.exists() else {}
    yield state
    path.write_text(json.dumps(state))


@pytest.fixture
def database_as_migrated(django_db_setup):
    """A connection to a copy of the test database as ``migrate`` left it, before ``load_content`` ran."""
    as_migrated = load_backend(django_db_setup["ENGINE"]).DatabaseWrapper(django_db_setup, alias="as_migrated")
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
