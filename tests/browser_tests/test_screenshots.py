"""The site looks as approved: every page type, at phone and desktop width, in both languages, compared with the
committed screenshots in docs/screenshots/.

A visual comparison is only meaningful against the same browser and fonts, so it is its own gate: `make
screenshots` compares (CI runs it), `make screenshots-update` rewrites the baselines after a deliberate design change
(commit them with the change). Under a plain `make test` these tests are skipped with that message.

The clock is frozen (time-machine, which also reaches the live server's thread) so that dates, "upcoming" lists and
the © year are the same on every run; the news item and the event are made at fixed dates, marked as test items.
A page differs when more than ``TOLERANCE`` of its pixels change visibly: anti-aliasing noise stays below it, a
moved block, a changed colour or a new line of text does not. The difference image goes to test-artifacts/.
"""

import os
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine
from PIL import Image, ImageChops
from playwright.sync_api import sync_playwright

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from ..page_types import add_a_news_item_and_an_event, one_page_of_each_type
from .conftest import ARTIFACTS, CHROMIUM_ARGS, DESKTOP, close_tab, new_tab

BASELINES = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
MODE = os.environ.get("SCREENSHOTS", "")  # "compare" or "update"; empty: skipped
WIDTHS = {"mobile": {"width": 375, "height": 812}, "desktop": DESKTOP}
NOW = datetime(2027, 3, 15, 10, 0, tzinfo=ZoneInfo("Europe/Warsaw"))
# A pixel has changed visibly when one of its channels moved by more than this (of 255).
CHANNEL_THRESHOLD = 48
TOLERANCE = 0.002

pytestmark = pytest.mark.skipif(
    MODE not in {"compare", "update"},
    reason="visual comparison runs with `make screenshots` (baselines: `make screenshots-update`)",
)


# Pixels belong to one browser: the baselines are Debian's full Chromium (the one CI has always installed), not
# the headless shell the other browser tests prefer (it draws text differently).
SCREENSHOT_CHROMIUM = Path(os.environ.get("SCREENSHOT_CHROMIUM", "/usr/bin/chromium"))


@pytest.fixture(scope="module")
def browser():
    if not SCREENSHOT_CHROMIUM.exists():
        pytest.fail(f"the screenshots are compared in {SCREENSHOT_CHROMIUM}: `apt-get install chromium`")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(SCREENSHOT_CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def frozen_clock():
    with time_machine.travel(NOW, tick=False):
        yield


def add_dated_news_item_and_event(language_code):
    add_a_news_item_and_an_event(
        language_code,
        news_fields={"slug": "test-news", "date": NOW.date()},
        event_fields={
            "slug": "test-event",
            "start": datetime(2027, 3, 22, 10, 0, tzinfo=NOW.tzinfo),
            "end": datetime(2027, 3, 22, 12, 0, tzinfo=NOW.tzinfo),
        },
    )


def pages_to_show(language_code):
    pages = one_page_of_each_type(language_code)
    with translation.override(language_code):
        search_path = reverse("search")
    pages["search-results"] = f"{search_path}?q={'spółdzielnia' if language_code == 'pl' else 'cooperative'}"
    pages["not-found"] = f"/{language_code}/no-such-page/"
    return pages


def changed_share(baseline, current):
    """The share of pixels that changed visibly (1.0 when the sizes differ)."""
    if baseline.size != current.size:
        return 1.0
    difference = ImageChops.difference(baseline.convert("RGB"), current.convert("RGB"))
    visible = difference.point(lambda value: 255 if value > CHANNEL_THRESHOLD else 0).convert("L")
    visible = visible.point(lambda value: 255 if value else 0)
    changed = visible.histogram()[255]
    return changed / (current.width * current.height)


@pytest.mark.parametrize("width_name", list(WIDTHS))
@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
def test_every_page_type_looks_as_its_committed_screenshot(frozen_clock, site_url, browser, language, width_name):
    add_dated_news_item_and_event(language)
    pages = pages_to_show(language)
    tab = new_tab(browser, WIDTHS[width_name])
    differing = {}
    for name, path in pages.items():
        tab.goto(f"{site_url}{path}")
        tab.wait_for_load_state("networkidle")
        tab.evaluate("document.fonts.ready")
        shot = tab.screenshot(animations="disabled", caret="hide", full_page=False)
        baseline_path = BASELINES / f"{language}-{name}-{width_name}.png"
        if MODE == "update":
            BASELINES.mkdir(parents=True, exist_ok=True)
            baseline_path.write_bytes(shot)
            continue
        assert baseline_path.exists(), f"no baseline {baseline_path.name}: run `make screenshots-update`"
        ARTIFACTS.mkdir(exist_ok=True)
        current_path = ARTIFACTS / f"screenshot-{baseline_path.name}"
        current_path.write_bytes(shot)
        with Image.open(baseline_path) as baseline, Image.open(current_path) as current:
            share = changed_share(baseline, current)
            if share > TOLERANCE:
                differing[path] = f"{share:.2%} of pixels differ (see test-artifacts/{current_path.name})"
                if baseline.size == current.size:
                    ImageChops.difference(baseline.convert("RGB"), current.convert("RGB")).save(
                        ARTIFACTS / f"difference-{baseline_path.name}"
                    )
    close_tab(tab)

    assert differing == {}
