"""No module imports one of the project's own modules inside a function, where a late import hides a circle.

``AppConfig.ready()`` is the one place Django asks for such imports (signal handlers, system checks).
"""

import ast
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIRST_PARTY = set(
    tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["ruff"]["lint"]["isort"]["known-first-party"]
)
# Late imports still waiting for their circle to be taken apart, each with the reason it is there.
KNOWN = {}


def imported_modules(node):
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if node.level:  # a relative import stays inside its own app
        return [node.module or "."]
    return [node.module]


def late_project_imports(path):
    """(line, module) of each import of a project module made inside a function other than ``ready()``."""
    tree = ast.parse(path.read_text(), filename=str(path))
    found = []
    for function in ast.walk(tree):
        if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef) or function.name == "ready":
            continue
        for node in ast.walk(function):
            if isinstance(node, ast.Import | ast.ImportFrom):
                for module in imported_modules(node):
                    relative = isinstance(node, ast.ImportFrom) and node.level
                    if relative or module.split(".")[0] in FIRST_PARTY:
                        found.append((node.lineno, module))
    return found


def project_modules():
    for package in sorted(FIRST_PARTY):
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


def test_no_module_hides_a_circular_import_in_a_function():
    late = {
        str(path.relative_to(ROOT)): imports for path in project_modules() if (imports := late_project_imports(path))
    }

    assert {path: imports for path, imports in late.items() if path not in KNOWN} == {}
    # An exception that is gone leaves the list too, so the list cannot hide a new one.
    assert set(KNOWN) <= set(late)
