"""Every page type, in both languages, is valid HTML for the Nu Html Checker (vnu), the W3C's own validator.

vnu is the npm package ``vnu-jar`` in tools/validators/ (``make validators``, run by ``make test``) and needs
Java (``apt-get install default-jre-headless``). Without either the test is skipped, with a message saying why;
under CI (``CI`` set) it fails instead, so CI always validates.
"""

import json
import os
import shutil
import subprocess
from datetime import timedelta
from pathlib import Path

import pytest

from django.utils import timezone

from ..factories.news import EventPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
VNU_JAR = Path(os.environ.get("VNU_JAR", ROOT / "tools/validators/node_modules/vnu-jar/build/dist/vnu.jar"))
JAVA = shutil.which("java")
#: A run of a few seconds: the JVM's quick compiler only (its optimising one costs more CPU than it saves in so
#: short a run: 1.6 s of CPU instead of 3.2 s for the 30 pages), with the deeper thread stack the checker's schema
#: needs under that compiler (it says so itself: "requires a java thread stack size of at least 512k").
JAVA_OPTIONS = ["-XX:TieredStopAtLevel=1", "-Xss4m"]

# Every page type the site renders, by language: the paths that do not depend on the test's own content.
PAGES = {
    "pl": {
        "home": "/pl/",
        "standard": "/pl/o-partnerstwie/",
        "contact": "/pl/kontakt/",
        "partners index": "/pl/partnerzy/",
        "partner": "/pl/partnerzy/koziolek/",
        "news index": "/pl/aktualnosci/",
        "events index": "/pl/wydarzenia/",
        "event archive": "/pl/wydarzenia/archive/",
        "documents": "/pl/dokumenty/",
        "search results": "/pl/szukaj/?q=partnerstwo",
        "newsletter": "/pl/newsletter/",
        "accession form": "/pl/jak-przystapic/deklaracja-online/",
        "not found": "/pl/nie-ma-takiej-strony/",
    },
    "en": {
        "home": "/en/",
        "standard": "/en/about/",
        "contact": "/en/contact/",
        "partners index": "/en/partners/",
        "partner": "/en/partners/koziolek/",
        "news index": "/en/news/",
        "events index": "/en/events/",
        "event archive": "/en/events/archive/",
        "documents": "/en/documents/",
        "search results": "/en/search/?q=partnership",
        "newsletter": "/en/newsletter/",
        "accession form": "/en/how-to-join/online-declaration/",
        "not found": "/en/no-such-page/",
    },
}


def vnu_missing():
    if JAVA is None:
        return "Java not found (apt-get install default-jre-headless)"
    if not VNU_JAR.exists():
        return f"the Nu Html Checker not found at {VNU_JAR} (make validators)"
    return None


@pytest.fixture
def pages(news_index_pl, news_index_en, event_index_pl, event_index_en):
    """Every page type's path in both languages, with a news item, an upcoming and a past event in each."""
    found = {}
    now = timezone.now()
    for language, news_index, event_index in (
        ("pl", news_index_pl, event_index_pl),
        ("en", news_index_en, event_index_en),
    ):
        found.update({f"{name} ({language})": path for name, path in PAGES[language].items()})
        found[f"news item ({language})"] = NewsPageFactory(parent=news_index).url
        found[f"event ({language})"] = EventPageFactory(parent=event_index).url
        EventPageFactory(parent=event_index, start=now - timedelta(days=30))
    return found


def test_every_page_type_in_both_languages_is_valid_html(client, pages, tmp_path):
    missing = vnu_missing()
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"CI must validate the HTML: {missing}")
        pytest.skip(f"HTML validation skipped: {missing}")
    files = {}
    for name, path in pages.items():
        response = client.get(path)
        expected = 404 if name.startswith("not found") else 200
        assert response.status_code == expected, (name, path, response.status_code)
        file = tmp_path / f"{len(files):02d}.html"
        file.write_bytes(response.content)
        files[file.as_uri()] = f"{name} {path}"

    # One run over every file: the JVM starts once.
    result = subprocess.run(  # noqa: S603 - fixed arguments, our own files
        [
            JAVA,
            *JAVA_OPTIONS,
            "-jar",
            str(VNU_JAR),
            "--format",
            "json",
            "--exit-zero-always",
            *(str(path) for path in sorted(tmp_path.iterdir())),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [
        f"{files.get(message.get('url'), message.get('url'))}, line {message.get('lastLine')}: {message['message']}"
        f" [{message.get('extract', '').strip()}]"
        for message in messages
        if message["type"] in ("error", "non-document-error")
    ]
    assert len(files) == 30
    assert errors == []
