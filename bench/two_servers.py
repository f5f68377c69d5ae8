"""`make two-servers`: two app servers sharing one PostgreSQL and one Redis; what an editor does on one is what
visitors and portals get from the other, on the very next request. Bounded (about a minute on a quiet machine; stops
itself after --timeout seconds), loopback only, exits non-zero on any failed check.

1. A throw-away PostgreSQL database (lp_two_servers_<pid>, dropped at the end) is migrated and given the
   partnership's content; a superuser is made for the editor (``manage.py createsuperuser``).
2. Two gunicorn servers, A and B, start as separate processes on two free loopback ports with the project's own
   ``gunicorn.conf.py`` and production settings: the same SECRET_KEY, database and Redis (a key prefix of their
   own, whose keys alone are deleted at the end), the full-page cache on, background tasks run inside the
   request (no worker), 2 workers each.
3. B's caches are warmed: two standard pages and a partner (their full-page cache, and a rendering that bypasses
   it), their API detail answers (ETags noted), the site search for their words, /sitemap.xml.
4. The editor works on A over HTTP, as a browser would (not through ``manage.py shell``: the change has to go
   through A's own request handling, signal receivers and caches, as an editor's does): signs in on
   /admin/login/ (CSRF token, django-axes watching), opens the page editor or the snippet editor and posts the
   form back. Wagtail's editors build their StreamField inputs (and the comments' management form) in
   JavaScript, so this client writes them from the form state the editor page carries (``data-w-block-…``),
   which is what that JavaScript does; everything else is the form as served.
   a. publishes a new title and an added paragraph → B's page shows both, B's API answers a new ETag with the
      new title (to a conditional request carrying the old ETag), B's search finds the new words, B's sitemap
      still lists the page and its Last-Modified moves on;
   b. unpublishes that page → B answers 404 for the page and in the API, the search no longer finds it and the
      sitemap no longer lists it;
   c. saves a draft of the other page (new title and paragraph, not published), then of the partner (new name
      and city) → B's page (cached and rendered), API answer (same ETag, live title or name), search and sitemap
      are what they were.

Only public HTTP behaviour is checked (URLs, status codes, headers, HTML, JSON), so the checks hold whatever
serves those answers inside. Search results are told apart from the menus' links (to the same pages) by
comparing with the answer to a query that matches nothing.

    python bench/two_servers.py [--timeout 170] [--workers 2] [--separate-caches]

TWO_SERVERS_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432): a server where databases may be created.
TWO_SERVERS_REDIS_URL (default redis://127.0.0.1:6379/14). Logs: var/two-servers-<pid>/ (removed on success).
--separate-caches proves the checks can fail: B gets a cache of its own, and its cached answers go stale.
"""

import argparse
import email.utils
import http.client
import json
import os
import secrets
import shutil
import signal
import socket
import string
import subprocess
import sys
import time
import traceback
import uuid
from collections import Counter
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlsplit
from xml.etree import ElementTree

import psycopg
import redis
from bs4 import BeautifulSoup

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import PYTHON, ROOT, manage  # noqa: E402

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


STARTED = time.monotonic()


def log(message):
    print(f"[{time.monotonic() - STARTED:5.1f} s] {message}", file=sys.stderr, flush=True)


class CheckFailed(Exception):
    pass


class Answer:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body

    @property
    def text(self):
        return self.body.decode("utf-8", "replace")

    def json(self):
        return json.loads(self.body)


class Browser:
    """One visitor or editor on one server: keeps its cookies (set Secure by production settings, which a
    browser would withhold on plain HTTP; the servers sit behind no TLS proxy here, so they are sent anyway)."""

    def __init__(self, port):
        self.port = port
        self.origin = f"http://127.0.0.1:{port}"
        self.cookies = {}

    def request(self, method, path, form=None, headers=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        sent = {"Host": f"127.0.0.1:{self.port}"}
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode(form, doseq=True)
            sent["Content-Type"] = "application/x-www-form-urlencoded"
            sent["Origin"] = self.origin
            sent["Referer"] = self.origin + path
        sent.update(headers or {})
        try:
            connection.request(method, path, body=body, headers=sent)
            response = connection.getresponse()
            answer = Answer(response.status, response.headers, response.read())
        finally:
            connection.close()
        for header in answer.headers.get_all("Set-Cookie") or []:
            cookie = SimpleCookie()
            cookie.load(header)
            for name, morsel in cookie.items():
                if morsel.value and morsel["max-age"] != "0":
                    self.cookies[name] = morsel.value
                else:
                    self.cookies.pop(name, None)
        return answer

    def get(self, path, headers=None):
        return self.request("GET", path, headers=headers)

    def post(self, path, form):
        return self.request("POST", path, form=form)


# --- The editor, on server A --------------------------------------------------------------------------------


def form_fields(form):
    """What a browser submits for ``form``: named, enabled controls; checkboxes and radios only when checked."""
    fields = []
    for control in form.find_all(["input", "select", "textarea"]):
        name = control.get("name")
        if not name or control.has_attr("disabled"):
            continue
        if control.name == "input":
            kind = control.get("type", "text").lower()
            if kind in ("submit", "button", "image", "reset", "file"):
                continue
            if kind in ("checkbox", "radio"):
                if control.has_attr("checked"):
                    fields.append((name, control.get("value", "on")))
                continue
            fields.append((name, control.get("value", "")))
        elif control.name == "select":
            options = control.find_all("option")
            chosen = [option for option in options if option.has_attr("selected")]
            if not chosen and options and not control.has_attr("multiple"):
                chosen = options[:1]
            fields.extend((name, option.get("value", option.text)) for option in chosen)
        else:
            fields.append((name, control.text))
    return fields


def block_fields(prefix, state):
    """The inputs Wagtail's block editor (JavaScript) posts for a block's form state: a StreamBlock or ListBlock is
    a list of children with ids and values, a chooser (page, document, image) a dict with the chosen object's id,
    a StructBlock any other dict, anything else one field's value."""
    if isinstance(state, list) and all(isinstance(child, dict) and {"id", "value"} <= child.keys() for child in state):
        fields = [(f"{prefix}-count", str(len(state)))]
        for index, child in enumerate(state):
            child_prefix = f"{prefix}-{index}"
            fields += [(f"{child_prefix}-deleted", ""), (f"{child_prefix}-order", str(index))]
            fields.append((f"{child_prefix}-id", child["id"] or ""))
            if "type" in child:
                fields.append((f"{child_prefix}-type", child["type"]))
            fields += block_fields(f"{child_prefix}-value", child["value"])
        return fields
    if isinstance(state, dict) and "id" in state:
        return [(prefix, str(state["id"]))]
    if isinstance(state, dict):
        return [field for name, value in state.items() for field in block_fields(f"{prefix}-{name}", value)]
    if isinstance(state, list):
        return [(prefix, str(value)) for value in state]
    if isinstance(state, bool):
        return [(prefix, "on")] if state else []
    return [(prefix, "" if state is None else str(state))]


def paragraph(text):
    """A rich text paragraph block as Draftail holds it."""
    content = {
        "blocks": [
            {
                "key": uuid.uuid4().hex[:5],
                "type": "unstyled",
                "depth": 0,
                "text": text,
                "inlineStyleRanges": [],
                "entityRanges": [],
                "data": {},
            }
        ],
        "entityMap": {},
    }
    return {"type": "paragraph", "value": json.dumps(content), "id": str(uuid.uuid4())}


def admin_errors(html):
    soup = BeautifulSoup(html, "html.parser")
    found = [
        " ".join(element.get_text(" ").split())
        for element in soup.select(".error-message, .w-field__errors, .messages .error, .help-critical")
    ]
    return "; ".join(message for message in found if message)[:600] or "no error message found"


class Editor:
    def __init__(self, port, username, password):
        self.browser = Browser(port)
        self.username = username
        self.password = password

    def log_in(self):
        login = self.browser.get("/admin/login/")
        form = BeautifulSoup(login.text, "html.parser").find("input", attrs={"name": "csrfmiddlewaretoken"})
        if login.status != 200 or form is None:
            raise CheckFailed(f"A: /admin/login/ answered {login.status} without a CSRF token")
        answer = self.browser.post(
            "/admin/login/",
            {
                "csrfmiddlewaretoken": form["value"],
                "username": self.username,
                "password": self.password,
                "next": "/admin/",
            },
        )
        dashboard = self.browser.get("/admin/")
        if answer.status != 302 or dashboard.status != 200:
            raise CheckFailed(f"A: login answered {answer.status}, then /admin/ {dashboard.status}")

    def edit(self, path, changes, *, add_paragraph=None, publish):
        """Open an edit form (a page's or a snippet's), change some fields, add a paragraph at the end of its body,
        and press "Publish" or "Save draft"."""
        opened = self.browser.get(path)
        soup = BeautifulSoup(opened.text, "html.parser")
        form = soup.find("form", attrs={"data-edit-form": True})
        if opened.status != 200 or form is None:
            raise CheckFailed(f"A: {path} answered {opened.status} without an edit form")
        fields = [(name, value) for name, value in form_fields(form) if name not in changes]
        fields += list(changes.items())
        for block_editor in form.find_all(attrs={"data-w-block-arguments-value": True}):
            state = json.loads(block_editor["data-w-block-arguments-value"])[0]
            if block_editor["id"] == "body" and add_paragraph:
                state = [*state, paragraph(add_paragraph)]
            fields += block_fields(block_editor["id"], state)
        if soup.find(id="comments-data") and not any(name == "comments-TOTAL_FORMS" for name, _ in fields):
            # The comments panel's management form is written by its JavaScript too.
            fields += [(f"comments-{name}", "0") for name in ("TOTAL_FORMS", "INITIAL_FORMS", "MIN_NUM_FORMS")]
            fields.append(("comments-MAX_NUM_FORMS", "1000"))
        if publish:
            fields.append(("action-publish", "action-publish"))
        answer = self.browser.post(path, fields)
        if answer.status != 302:
            action = "publish" if publish else "save a draft of"
            raise CheckFailed(f"A: could not {action} {path} ({answer.status}): {admin_errors(answer.text)}")

    def unpublish_page(self, page_id):
        path = f"/admin/pages/{page_id}/unpublish/"
        opened = self.browser.get(path)
        form = BeautifulSoup(opened.text, "html.parser").find(
            "form", attrs={"method": lambda m: m and m.lower() == "post"}
        )
        if opened.status != 200 or form is None:
            raise CheckFailed(f"A: {path} answered {opened.status} without a form")
        answer = self.browser.post(path, form_fields(form))
        if answer.status != 302:
            raise CheckFailed(f"A: could not unpublish page {page_id} ({answer.status}): {admin_errors(answer.text)}")


# --- What a visitor or portal sees, on server B --------------------------------------------------------------


class PublicView:
    """A's effects, seen from B through public URLs only."""

    def __init__(self, port):
        self.browser = Browser(port)
        self.nothing = "".join(secrets.choice(string.ascii_lowercase) for _ in range(16))
        self._search = None

    def page(self, path):
        return self.browser.get(path)

    @property
    def search(self):
        """The Polish site search, where the home page's search form sends visitors."""
        if self._search is None:
            form = BeautifulSoup(self.browser.get("/pl/").text, "html.parser").find("form", attrs={"role": "search"})
            if form is None or not form.get("action"):
                raise CheckFailed("B: the Polish home page has no search form")
            self._search = urlsplit(form["action"]).path
        return self._search

    def _search_links(self, words):
        answer = self.browser.get(f"{self.search}?{urlencode({'q': words})}")
        if answer.status != 200:
            raise CheckFailed(f"B: search for {words!r} answered {answer.status}")
        soup = BeautifulSoup(answer.text, "html.parser")
        return Counter(urlsplit(anchor["href"]).path for anchor in soup.find_all("a", href=True))

    def search_hits(self, words):
        """Paths linked from the search answer for ``words`` more often than from the answer to a query that
        matches nothing: the results, told apart from the menus (which may link to the same pages)."""
        return set(self._search_links(words) - self._search_links(self.nothing))

    def sitemap(self):
        answer = self.browser.get("/sitemap.xml")
        if answer.status != 200:
            raise CheckFailed(f"B: /sitemap.xml answered {answer.status}")
        entries = {}
        # Parsed as XML with the standard library: the document is this run's own server's answer, on loopback.
        for url in ElementTree.fromstring(answer.body).iter(f"{SITEMAP}url"):  # noqa: S314
            lastmod = url.find(f"{SITEMAP}lastmod")
            entries[urlsplit(url.find(f"{SITEMAP}loc").text).path] = lastmod.text if lastmod is not None else None
        modified = answer.headers.get("Last-Modified")
        return entries, email.utils.parsedate_to_datetime(modified) if modified else None, answer.body


# --- The run --------------------------------------------------------------------------------------------------


class Report:
    def __init__(self):
        self.results = []

    def check(self, name, passed, detail=""):
        self.results.append((name, bool(passed), detail))
        log(f"  {'PASS' if passed else 'FAIL'}: {name}{f' ({detail})' if detail else ''}")

    @property
    def failed(self):
        return [name for name, passed, _detail in self.results if not passed]


def marker(stem):
    """A word found nowhere on the site: letters only, so no analyser splits or drops it."""
    return stem + "".join(secrets.choice("bcdfghjklmnprstwz") for _ in range(6))


def warm(view, target):
    """Fill B's caches for a page: two anonymous visits, its rendering, its API answer, a search, the sitemap."""
    for _ in range(2):
        view.page(target["path"])
        view.browser.get(target["api"])
    view.page(target["path"] + "?two-servers=render")
    view.search_hits(target["word"])
    view.sitemap()


def check_publish(report, view, editor, target):
    before_api = view.browser.get(target["api"])
    _entries, before_modified, _body = view.sitemap()
    title = f"{target['title']} {marker('tytul')}"
    body_word = marker("akapit")
    log(f"A: the editor publishes page {target['id']} titled {title!r} with a paragraph {body_word!r}")
    editor.edit(target["edit"], {"title": title}, add_paragraph=f"Nowy akapit {body_word}.", publish=True)
    target["title"] = title
    page = view.page(target["path"])
    report.check(
        "publish: B's page shows the new title and paragraph",
        page.status == 200 and title in page.text and body_word in page.text,
        f"{page.status}, title {'found' if title in page.text else 'missing'}, "
        f"paragraph {'found' if body_word in page.text else 'missing'}",
    )
    api = view.browser.get(target["api"], headers={"If-None-Match": before_api.headers.get("ETag")})
    api_title = api.json().get("title") if api.status == 200 else None
    report.check(
        "publish: B's API answers a new ETag and the new title",
        api.status == 200
        and api.headers.get("ETag") not in (None, before_api.headers.get("ETag"))
        and api_title == title,
        f"{api.status}, ETag {before_api.headers.get('ETag')} -> {api.headers.get('ETag')}, title {api_title!r}",
    )
    for word, what in ((title.rsplit(" ", 1)[1], "title"), (body_word, "paragraph")):
        hits = view.search_hits(word)
        report.check(
            f"publish: B's search finds the page by the new {what}'s word",
            target["path"] in hits,
            f"{word!r} -> {sorted(hits) or 'nothing'}",
        )
    entries, modified, _body = view.sitemap()
    report.check(
        "publish: B's sitemap lists the page and its Last-Modified moves on",
        target["path"] in entries and modified and before_modified and modified > before_modified,
        f"listed: {target['path'] in entries}, Last-Modified {before_modified} -> {modified}",
    )


def check_unpublish(report, view, editor, target):
    log(f"A: the editor unpublishes page {target['id']}")
    editor.unpublish_page(target["id"])
    pages = [view.page(target["path"]).status, view.page(target["path"] + "?two-servers=render").status]
    report.check("unpublish: B answers 404 for the page", pages == [404, 404], f"{pages}")
    api = view.browser.get(target["api"])
    report.check("unpublish: B's API answers 404", api.status == 404, f"{api.status}")
    word = target["title"].rsplit(" ", 1)[1]
    hits = view.search_hits(word)
    report.check(
        "unpublish: B's search no longer finds the page", target["path"] not in hits, f"{word!r} -> {sorted(hits)}"
    )
    entries, _modified, _body = view.sitemap()
    report.check("unpublish: B's sitemap no longer lists the page", target["path"] not in entries)


def check_draft(report, view, editor, target, changes, draft_words, add_paragraph=None):
    """A draft saved on A (``changes`` and perhaps a paragraph holding ``draft_words``, not published): B's
    answers stay what they were."""
    kind = target["kind"]
    before_page = view.page(target["path"])
    before_api = view.browser.get(target["api"])
    before_hits = view.search_hits(target["word"])
    before_sitemap = view.sitemap()
    log(f"A: the editor saves a draft of {kind} {target['id']}: {changes}, a paragraph {add_paragraph!r}")
    editor.edit(target["edit"], changes, add_paragraph=add_paragraph, publish=False)
    for suffix, what in (("", "page"), ("?two-servers=render", "page rendered past the page cache")):
        page = view.page(target["path"] + suffix)
        leaked = [word for word in draft_words if word in page.text]
        report.check(
            f"draft of a {kind}: B's {what} is unchanged",
            page.status == before_page.status == 200 and target["title"] in page.text and not leaked,
            f"{page.status}, draft words shown: {leaked or 'none'}",
        )
    api = view.browser.get(target["api"], headers={"If-None-Match": before_api.headers.get("ETag")})
    api_title = api.json().get(target["field"]) if api.status == 200 else target["title"] if api.status == 304 else None
    report.check(
        f"draft of a {kind}: B's API answers the same ETag and the live {target['field']}",
        api.status in (200, 304)
        and api.headers.get("ETag") == before_api.headers.get("ETag")
        and api_title == target["title"],
        f"{api.status}, ETag {before_api.headers.get('ETag')} -> {api.headers.get('ETag')}, "
        f"{target['field']} {api_title!r}",
    )
    for word in draft_words:
        hits = view.search_hits(word)
        report.check(
            f"draft of a {kind}: B's search does not find it by a draft word",
            target["path"] not in hits,
            f"{word!r} -> {sorted(hits) or 'nothing'}",
        )
    hits = view.search_hits(target["word"])
    report.check(
        f"draft of a {kind}: B's search finds it by its live {target['field']} as before",
        target["path"] in before_hits and target["path"] in hits,
        f"{target['word']!r} -> {sorted(hits) or 'nothing'}",
    )
    after_sitemap = view.sitemap()
    report.check(
        f"draft of a {kind}: B's sitemap is unchanged",
        after_sitemap[2] == before_sitemap[2] and after_sitemap[1] == before_sitemap[1],
        f"Last-Modified {before_sitemap[1]} -> {after_sitemap[1]}",
    )


def longest_word(text):
    """A word of ``text`` that finds it in the search."""
    return max("".join(ch if ch.isalnum() else " " for ch in text).split(), key=len)


def find_targets(view):
    """Two live Polish standard pages and a partner, found through B's API as a portal would."""
    pages = view.browser.get("/api/v2/pages/?" + urlencode({"type": "home.StandardPage", "locale": "pl"}))
    partners = view.browser.get("/api/v2/partners/?" + urlencode({"locale": "pl"}))
    if pages.status != 200 or partners.status != 200:
        raise CheckFailed(f"B: the API's page and partner listings answered {pages.status} and {partners.status}")
    items = pages.json()["items"][:2]
    if len(items) < 2 or not partners.json()["items"]:
        raise CheckFailed("the content has fewer than two Polish standard pages or no Polish partner")
    targets = [
        {
            "kind": "page",
            "id": item["id"],
            "field": "title",
            "title": item["title"],
            "path": urlsplit(item["meta"]["html_url"]).path,
            "api": f"/api/v2/pages/{item['id']}/",
            "edit": f"/admin/pages/{item['id']}/edit/",
            "word": longest_word(item["title"]),
        }
        for item in items
    ]
    partner = partners.json()["items"][0]
    targets.append(
        {
            "kind": "partner",
            "id": partner["id"],
            "field": "name",
            "title": partner["name"],
            "path": urlsplit(partner.get("html_url") or partner["meta"]["html_url"]).path,
            "api": f"/api/v2/partners/{partner['id']}/",
            "edit": f"/admin/snippets/partners/partner/edit/{partner['id']}/",
            "word": longest_word(partner["name"]),
        }
    )
    return targets


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(env, port, log_path):
    with open(log_path, "ab") as server_log:
        server = subprocess.Popen(
            [PYTHON, "-m", "gunicorn", "-c", "gunicorn.conf.py", "cms.wsgi"],
            cwd=ROOT,
            env={**env, "GUNICORN_BIND": f"127.0.0.1:{port}", "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{port}"},
            stdout=server_log,
            stderr=subprocess.STDOUT,
        )
    return server


def wait_until_up(server, port, name):
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise CheckFailed(f"server {name} exited with {server.returncode}")
        try:
            if Browser(port).get("/healthz/").status == 200:
                return
        except OSError:
            pass
        time.sleep(0.5)
    raise CheckFailed(f"server {name} did not answer /healthz/ within 60 s")


def stop_servers(servers):
    """Stop every server at once (SIGINT: gunicorn's quick shutdown), then wait for each; kill any that hangs on."""
    for server in servers:
        if server.poll() is None:
            server.send_signal(signal.SIGINT)
    for server in servers:
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def delete_own_keys(redis_url, prefix):
    client = redis.Redis.from_url(redis_url, socket_timeout=5)
    deleted = 0
    for key in client.scan_iter(match=f"{prefix}:*", count=500):
        deleted += client.delete(key)
    client.close()
    return deleted


def on_timeout(_signum, _frame):
    raise TimeoutError("the run took longer than --timeout seconds")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--timeout", type=int, default=170, help="stop and fail after this many seconds")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers per server")
    parser.add_argument(
        "--postgres-url", default=os.environ.get("TWO_SERVERS_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432")
    )
    parser.add_argument("--redis-url", default=os.environ.get("TWO_SERVERS_REDIS_URL", "redis://127.0.0.1:6379/14"))
    parser.add_argument(
        "--separate-caches",
        action="store_true",
        help="give B a cache key prefix of its own, as a misconfigured deployment would: checks must then fail",
    )
    args = parser.parse_args()

    signal.signal(signal.SIGALRM, on_timeout)
    signal.signal(signal.SIGTERM, lambda _signum, _frame: sys.exit(143))
    signal.alarm(args.timeout)

    run_id = os.getpid()
    database = f"lp_two_servers_{run_id}"
    prefix = f"two-servers-{run_id}"
    prefixes = {"A": prefix, "B": f"{prefix}-b" if args.separate_caches else prefix}
    workdir = ROOT / "var" / f"two-servers-{run_id}"
    workdir.mkdir(parents=True, exist_ok=True)
    password = secrets.token_urlsafe(24)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": f"{args.postgres_url.rstrip('/')}/{database}",
        "REDIS_URL": args.redis_url,
        "CACHE_KEY_PREFIX": prefix,
        "PAGE_CACHE_SECONDS": "600",
        "TASKS_BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "MEDIA_ROOT": str(workdir / "media"),
        "STATIC_ROOT": str(workdir / "static"),
        "GUNICORN_WORKERS": str(args.workers),
        "GUNICORN_LOG_LEVEL": "warning",
        "LOG_LEVEL": "WARNING",
        "DJANGO_SUPERUSER_PASSWORD": password,
    }
    report = Report()
    servers = {}
    admin = None
    try:
        admin = psycopg.connect(f"{args.postgres_url.rstrip('/')}/postgres", autocommit=True, connect_timeout=5)
        admin.execute(f"CREATE DATABASE {database}")
        log(f"database {database}, logs in {workdir}")
        log(f"Redis {args.redis_url}, key prefixes A {prefixes['A']!r}, B {prefixes['B']!r}")
        manage(env, "migrate", "--noinput")
        manage(env, "load_content")
        manage(env, "collectstatic", "--noinput")
        manage(env, "createsuperuser", "--noinput", "--username", "two-servers-editor", "--email", "editor@example.org")

        ports = {"A": free_port(), "B": free_port()}
        while ports["B"] == ports["A"]:
            ports["B"] = free_port()
        for name, port in ports.items():
            server_env = {**env, "CACHE_KEY_PREFIX": prefixes[name]}
            servers[name] = start_server(server_env, port, workdir / f"gunicorn-{name}.log")
        for name, port in ports.items():
            wait_until_up(servers[name], port, name)
        log(f"server A on 127.0.0.1:{ports['A']}, server B on 127.0.0.1:{ports['B']} ({args.workers} workers each)")

        view = PublicView(ports["B"])
        published, drafted, partner = find_targets(view)
        log(f"B: warming caches for {published['path']}, {drafted['path']} and {partner['path']}")
        for target in (published, drafted, partner):
            warm(view, target)
        editor = Editor(ports["A"], "two-servers-editor", password)
        editor.log_in()
        log("A: the editor is signed in")

        check_publish(report, view, editor, published)
        check_unpublish(report, view, editor, published)
        title, body_word = f"{drafted['title']} {marker('szkic')}", marker("szkic")
        check_draft(report, view, editor, drafted, {"title": title}, [title, body_word], f"Szkic {body_word}.")
        name, city = f"{partner['title']} {marker('szkic')}", marker("miasto")
        check_draft(report, view, editor, partner, {"name": name, "city": city}, [name, name.rsplit(" ", 1)[1], city])
    except Exception as error:
        if not isinstance(error, CheckFailed | TimeoutError | subprocess.CalledProcessError):
            traceback.print_exc()
        report.check("the run completes", False, f"{type(error).__name__}: {error}")
    finally:
        signal.alarm(0)
        stop_servers(servers.values())
        log("servers stopped")
        if admin is not None:
            admin.execute(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")
            admin.close()
            log(f"database {database} dropped")
        try:
            for own in set(prefixes.values()):
                log(f"deleted {delete_own_keys(args.redis_url, own)} Redis keys under {own!r}")
        except redis.RedisError as error:
            log(f"could not delete the Redis keys of the run: {error}")

    print()
    for name, passed, detail in report.results:
        print(f"{'PASS' if passed else 'FAIL'}  {name}{f'  ({detail})' if detail else ''}")
    failed = report.failed
    passed = len(report.results) - len(failed)
    print(f"\n{passed} of {len(report.results)} checks passed in {time.monotonic() - STARTED:.0f} s")
    if failed:
        for name in servers:
            server_log = workdir / f"gunicorn-{name}.log"
            tail = server_log.read_text(errors="replace").splitlines()[-15:] if server_log.exists() else []
            if tail:
                print(f"\nlast lines of server {name}'s log ({server_log}):\n" + "\n".join(tail))
        print(f"\nFAILED: {', '.join(failed)}")
        sys.exit(1)
    shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
