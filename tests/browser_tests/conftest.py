"""Real-browser tests: Debian's Chromium driven by Playwright against pytest-django's live server.

Every test here is marked ``browser`` and skipped, with a message saying why, when Chromium is not installed
(``apt-get install chromium-headless-shell``, or ``chromium``; Playwright's own browser download is never used);
under CI (``CI`` set) they fail instead, so CI always runs them. The live server
needs transactional database access: what a test commits stays until its teardown copies the run's template
database back (tests/conftest.py), so every test starts from the partnership's loaded site.

One Chromium per worker for the whole run (``browser``); each test gets fresh tabs in a context of its own.
"""

import os
import threading
import time
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from django.conf import settings
from django.test import Client

from wagtail.users.models import UserProfile

# Debian's headless-only build of Chromium when it is installed (what Playwright itself runs for headless tests):
# the same Blink and V8 as the full browser for about a third less CPU. Otherwise Debian's full Chromium, in its
# headless mode. CHROMIUM names another binary.
INSTALLED_CHROMIUMS = [Path("/usr/bin/chromium-headless-shell"), Path("/usr/bin/chromium")]
CHROMIUM = Path(
    os.environ.get("CHROMIUM") or next((path for path in INSTALLED_CHROMIUMS if path.exists()), INSTALLED_CHROMIUMS[-1])
)
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
SKIP_REASON = (
    f"browser tests skipped: Chromium not found at {CHROMIUM} "
    "(install it with `apt-get install chromium-headless-shell`, or `chromium`)"
)
DESKTOP = {"width": 1280, "height": 900}
MOBILE = {"width": 375, "height": 740}

# Playwright's sync API runs an event loop in the test thread; the ORM calls the tests make are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def in_this_folder(item):
    return Path(__file__).parent in Path(item.fspath).parents


@pytest.hookimpl(wrapper=True)
def pytest_collection_modifyitems(items):
    # Before every other plugin: `-m browser` deselects by this marker.
    for item in filter(in_this_folder, items):
        item.add_marker(pytest.mark.browser)
        if not CHROMIUM.exists() and not os.environ.get("CI"):
            item.add_marker(pytest.mark.skip(reason=SKIP_REASON))
    yield
    # After every other plugin (pytest-django's ordering too): the other tests of a worker find the loaded content.
    items.sort(key=in_this_folder)


def pytest_terminal_summary(terminalreporter):
    if not CHROMIUM.exists() and terminalreporter.stats.get("skipped"):
        terminalreporter.write_sep("!", SKIP_REASON, yellow=True)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.exists():
        pytest.fail(
            f"CI must run the browser tests, but Chromium is not at {CHROMIUM}: "
            "`apt-get install chromium-headless-shell`"
        )

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def site_url(live_server, site_database):
    """The live server's address; the database holds the loaded site (the previous transactional test's teardown
    copied the template back)."""
    return live_server.url


def new_tab(browser, viewport):
    # bypass_csp: axe-core is injected as an inline script, which the site's Content-Security-Policy forbids.
    # locale: the Accept-Language the full browser sends (the headless shell sends none), so the admin and the
    # site's language negotiation answer in English whichever Chromium runs.
    context = browser.new_context(viewport=viewport, bypass_csp=True, locale="en-US")
    in_flight = set()
    context.on("request", lambda request: in_flight.add(request))
    context.on("requestfinished", lambda request: in_flight.discard(request))
    context.on("requestfailed", lambda request: in_flight.discard(request))
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.in_flight = in_flight
    return page


def close_tab(page):
    """Let the tab's last requests finish before the database is copied back behind the live server.

    Playwright's ``networkidle`` would wait for half a second without any request, after every test; this waits
    only as long as a request is still open."""
    deadline = time.monotonic() + 15
    while page.in_flight and time.monotonic() < deadline:
        page.wait_for_timeout(20)  # lets Playwright deliver the requests' events
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


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002
        pass


class Portal:
    """A partner portal's own web server: another origin (a free port, so parallel runs never collide)."""

    def __init__(self, directory):
        self.directory = directory
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(directory)))
        self.origin = f"http://127.0.0.1:{self.server.server_port}"

    def page(self, html):
        """Put ``html`` on the portal; returns its address."""
        (self.directory / "index.html").write_text(html, encoding="utf-8")
        return f"{self.origin}/index.html"


@pytest.fixture
def portal(tmp_path):
    portal = Portal(tmp_path)
    # A short poll interval: shutdown() waits for serve_forever's next look (half a second by default).
    threading.Thread(target=portal.server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True).start()
    yield portal
    portal.server.shutdown()
    portal.server.server_close()


def screenshot(page, name):
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def set_admin_language(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


def log_in(page, site_url, user, password, language="en"):
    """Sign ``user`` in to the admin through its login form, with ``language`` as their admin language."""
    set_admin_language(user, language)
    page.goto(f"{site_url}/admin/login/")
    page.locator("#id_username").fill(user.username)
    page.locator("#id_password").fill(password)
    page.locator("form button[type=submit]").click()
    page.wait_for_url(f"{site_url}/admin/")


def start_session(page, site_url, user, language="en"):
    """Give the tab ``user``'s admin session without the login form and the dashboard it leads to (about a second
    of CPU each time; the secretary's test goes through the form): Django's test client opens the session and the
    browser gets its cookie."""
    set_admin_language(user, language)
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": site_url}])
