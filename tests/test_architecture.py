"""docs/ARCHITECTURE.md draws every import between the project's apps; the code must match the drawing."""

import ast
import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APPS = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["ruff"]["lint"]["isort"]["known-first-party"]


def imported_apps(app):
    """The other project apps that the modules of ``app`` (migrations aside) import."""
    found = set()
    for path in (ROOT / app).rglob("*.py"):
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            if isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
                modules = [node.module]
            else:
                continue
            found |= {module.split(".")[0] for module in modules} & set(APPS) - {app}
    return found


def code_graph():
    return {app: imported_apps(app) for app in APPS}


def drawn_graph():
    text = (ROOT / "docs" / "ARCHITECTURE.md").read_text()
    block = re.search(r"```mermaid\ngraph TD\n(.*?)```", text, re.S).group(1)
    graph = {}
    for line in block.splitlines():
        parts = [part.strip() for part in line.split("-->")]
        graph.setdefault(parts[0], set())
        if len(parts) == 2:
            graph[parts[0]].add(parts[1])
    return graph


def test_the_architecture_document_draws_every_import_between_the_apps_and_no_other():
    assert drawn_graph() == code_graph()


def test_home_imports_no_other_app():
    assert imported_apps("home") == set()


def test_the_imports_between_the_apps_form_no_cycle():
    graph, done, path = code_graph(), set(), []

    def visit(app):
        assert app not in path, f"import cycle: {' -> '.join([*path[path.index(app) :], app])}"
        if app in done:
            return
        path.append(app)
        for other in graph[app]:
            visit(other)
        path.pop()
        done.add(app)

    for app in graph:
        visit(app)
