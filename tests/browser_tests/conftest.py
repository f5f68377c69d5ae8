"""Real-browser tests: Debian's Chromium driven by Playwright against pytest-django's live server.

Every test here is marked ``browser`` and skipped, with a message saying why, when /usr/bin/chromium is not
installed (``apt-get install chromium``; Playwright's own browser download is never used). The live server
needs transactional database access, which empties the database after each test: ``site_content`` puts the
partnership's content back before each test (Django's serialized rollback, from a snapshot taken once after
``load_content``), so every test starts from the real site.
"""

import os
from pathlib import Path

from django.db import connections

import pytest

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
SKIP_REASON = f"browser tests skipped: Chromium not found at {CHROMIUM} (install it with `apt-get install chromium`)"
DESKTOP = {"width": 1280, "height": 900}
MOBILE = {"width": 375, "height": 740}

# Playwright's sync API runs an event loop in the test thread; the ORM calls the tests make are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.django_db(transaction=True, serialized_rollback=True))
            if not CHROMIUM.exists():
                item.add_marker(pytest.mark.skip(reason=SKIP_REASON))


def pytest_terminal_summary(terminalreporter):
    if not CHROMIUM.exists() and terminalreporter.stats.get("skipped"):
        terminalreporter.write_sep("!", SKIP_REASON, yellow=True)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session", autouse=True)
def site_snapshot(django_db_setup, django_db_blocker):
    """Snapshot the database with the content loaded; serialized rollback restores it before each test.

    Session-scoped and autouse, so it is taken before the first browser test's database setup, which would
    otherwise restore the snapshot Django took right after migrating (before ``load_content``).
    """
    with django_db_blocker.unblock():
        for alias in connections:
            connection = connections[alias]
            connection._test_serialized_contents = connection.creation.serialize_db_to_string()


@pytest.fixture
def site_url(live_server):
    return live_server.url


def new_tab(browser, viewport):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.set_default_timeout(15_000)
    return page


def close_tab(page):
    """Let the tab's last requests finish before the database is emptied behind the live server."""
    page.wait_for_load_state("networkidle")
    page.context.close()


@pytest.fixture
def page(browser):
    """A browser tab at desktop width."""
    page = new_tab(browser, DESKTOP)
    yield page
    close_tab(page)


@pytest.fixture
def mobile_page(browser):
    """A browser tab at phone width."""
    page = new_tab(browser, MOBILE)
    yield page
    close_tab(page)


def screenshot(page, name):
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
