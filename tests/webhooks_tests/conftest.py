"""A portal on this machine: an HTTP server on 127.0.0.1 (a free port, in a thread) that records every POST."""

import json
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from wagtail.models import Page

from home.models import HomePage, StandardPage
from tests.factories.home import StandardPageFactory
from tests.factories.webhooks import WebhookEndpointFactory


@dataclass
class ReceivedRequest:
    path: str
    headers: dict
    body: bytes

    def json(self):
        return json.loads(self.body)


class Receiver:
    """What the portal received, and what it answers next (200 unless told otherwise)."""

    def __init__(self):
        self.requests = []
        self.statuses = []
        self.lock = threading.Lock()
        handler = type("Handler", (ReceiverHandler,), {"receiver": self})
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/hooks/"
        # serve_forever looks for a shutdown request between waits for a connection; its default wait, half a second,
        # was what every test using the receiver spent in its teardown.
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True)

    def answer(self, *statuses):
        self.statuses = list(statuses)

    def next_status(self):
        with self.lock:
            return self.statuses.pop(0) if len(self.statuses) > 1 else (self.statuses or [200])[0]


class ReceiverHandler(BaseHTTPRequestHandler):
    receiver = None

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.receiver.requests.append(ReceivedRequest(self.path, dict(self.headers), body))
        status = self.receiver.next_status()
        self.send_response(status)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        self.wfile.write(b"ok" if status < 300 else b"portal is down")

    def log_message(self, format, *args):
        """Quiet: the test asserts what arrived."""


@pytest.fixture
def receiver():
    receiver = Receiver()
    receiver.thread.start()
    yield receiver
    receiver.server.shutdown()
    receiver.server.server_close()


@pytest.fixture
def endpoint(receiver):
    return WebhookEndpointFactory(url=receiver.url, name="Portal gminy")


@pytest.fixture
def home_pl(locale_pl):
    return HomePage.objects.get(locale=locale_pl)


@pytest.fixture
def draft_page(home_pl):
    """A page not yet published, ready for a test to publish (created before any endpoint exists)."""
    page = home_pl.add_child(instance=StandardPage(title="Nowa strona", slug="nowa-strona", live=False))
    return Page.objects.get(pk=page.pk).specific


@pytest.fixture
def published_page(home_pl):
    page = StandardPageFactory(parent=home_pl, title="Opublikowana", slug="opublikowana")
    page.save_revision().publish()
    return StandardPage.objects.get(pk=page.pk)
