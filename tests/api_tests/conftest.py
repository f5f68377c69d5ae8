"""Fixtures of the content API's tests: the OpenAPI document as a validator, and a real browser."""

import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import jsonschema
import pytest
from pytest_django.live_server_helper import LiveServer
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from django.core.cache import cache

from api.openapi import build_schema
from cms.api import api_router

SCHEMA_URI = "urn:lubelskie-partnerstwo:openapi"


def pointer(*parts):
    return "/".join(str(part).replace("~", "~0").replace("/", "~1") for part in parts)


class OpenAPIDocument:
    """Validates real answers against the response schema the document gives for their path and status."""

    def __init__(self, document):
        self.document = document
        self.registry = Registry().with_resource(SCHEMA_URI, Resource(document, specification=DRAFT202012))

    def validate(self, path_template, response, method="get"):
        operation = self.document["paths"][path_template][method]
        status = str(response.status_code)
        assert status in operation["responses"], f"{method.upper()} {path_template} does not document {status}"
        content = operation["responses"][status].get("content")
        if content is None:
            return
        assert response["Content-Type"].startswith("application/json")
        location = pointer("paths", path_template, method, "responses", status, "content", "application/json", "schema")
        validator = jsonschema.Draft202012Validator(
            {"$ref": f"{SCHEMA_URI}#/{location}"},
            registry=self.registry,
            format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER,
        )
        errors = sorted(validator.iter_errors(response.json()), key=lambda e: e.path)
        assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:5])


@pytest.fixture(autouse=True)
def fresh_cache():
    """The content version lives in the cache, which a test's rollback does not undo: start and end clean."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="session")
def openapi():
    return OpenAPIDocument(build_schema(api_router))


# --- a real browser, the site on one origin and a portal's page on another ---------------------------------
CHROMIUM = Path("/usr/bin/chromium")
SITE_ADDRESS = "127.0.0.1:8107"
PORTAL_PORT = 8117
DEMO_DIR = Path(__file__).resolve().parents[2] / "docs" / "widget-demo"


def pytest_configure(config):
    config.addinivalue_line("markers", "browser: runs a real headless Chromium (skipped where there is none)")


@pytest.fixture
def site_server(db, settings):
    """The site on its own port; the seeded content is committed, so the server thread sees it on any database."""
    server = LiveServer(SITE_ADDRESS)
    server._live_server_modified_settings.enable()
    yield server
    server._live_server_modified_settings.disable()
    server.stop()


@pytest.fixture
def portal_page(tmp_path, site_server):
    """Serve the widget's demo page from a second origin, pointed at ``site_server``."""

    def serve(html=None):
        source = html if html is not None else (DEMO_DIR / "index.html").read_text()
        (tmp_path / "index.html").write_text(source.replace("http://127.0.0.1:8000", site_server.url))
        return f"http://127.0.0.1:{PORTAL_PORT}/index.html"

    handler = partial(QuietHandler, directory=str(tmp_path))
    httpd = ThreadingHTTPServer(("127.0.0.1", PORTAL_PORT), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield serve
    httpd.shutdown()
    httpd.server_close()


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002
        pass


@pytest.fixture
def chromium(monkeypatch):
    """A headless Chromium from Debian (never a downloaded browser build)."""
    if not CHROMIUM.exists():
        pytest.skip("no Chromium at /usr/bin/chromium (apt-get install chromium)")
    sync_playwright = pytest.importorskip("playwright.sync_api").sync_playwright
    # Playwright's sync API runs an event loop in this thread; the test's own ORM calls stay synchronous.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()
