"""The interface is fully translated: every catalogue complete, and the compiled files match the sources."""

from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[1]
SKIP = {".venv", "node_modules"}
CATALOGUES = sorted(
    path for path in ROOT.glob("**/locale/*/LC_MESSAGES/django.po") if not SKIP & set(path.relative_to(ROOT).parts)
)


def test_there_are_polish_and_english_catalogues():
    languages = {path.parts[-3] for path in CATALOGUES}

    assert languages == {"pl", "en"}


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: str(p.relative_to(ROOT)))
def test_catalogue_has_no_untranslated_or_fuzzy_entries(path):
    catalogue = polib.pofile(str(path))

    assert catalogue.untranslated_entries() == []
    assert catalogue.fuzzy_entries() == []


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: str(p.relative_to(ROOT)))
def test_compiled_catalogue_matches_its_source(path):
    source = {(e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural for e in polib.pofile(str(path)) if not e.obsolete}
    compiled_path = path.with_suffix(".mo")

    assert compiled_path.exists(), f"{compiled_path} is missing: run `make messages`"
    compiled = {(e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural for e in polib.mofile(str(compiled_path))}
    compiled.pop((None, ""), None)
    assert compiled == source
