"""The site runs without the test-only packages of requirements-dev.txt: no runtime module imports them."""

import ast
from pathlib import Path

from django.conf import settings

ROOT = Path(__file__).resolve().parents[1]
TEST_ONLY = {"factory", "wagtail_factories", "pytest", "pytest_django", "playwright", "polib", "pypdf"}


def imported_top_level_names(path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module.split(".")[0]


def test_no_runtime_module_imports_a_test_only_package():
    offenders = {
        f"{path.relative_to(ROOT)}: {name}"
        for package in settings.INSTALLED_APPS
        if (ROOT / package).is_dir()
        for path in (ROOT / package).rglob("*.py")
        for name in imported_top_level_names(path)
        if name in TEST_ONLY
    }

    assert offenders == set()
