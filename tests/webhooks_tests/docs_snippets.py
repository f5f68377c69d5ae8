"""The signature-checking code docs/API.md gives portal developers, read from the document itself, so the tests
run exactly what the documentation shows."""

import re
from pathlib import Path

API_DOC = Path(__file__).resolve().parents[2] / "docs" / "API.md"


def snippet(heading, language):
    """The first ``language`` code block after ``heading`` in docs/API.md."""
    text = API_DOC.read_text()
    after = text[text.index(heading) :]
    return re.search(rf"```{language}\n(.*?)```", after, re.DOTALL).group(1)


def python_verify_signature():
    namespace = {}
    exec(snippet("#### Verifying a signature in Python", "python"), namespace)  # noqa: S102  (our own document)
    return namespace["verify_signature"]


def javascript_verifier():
    return snippet("#### Verifying a signature in JavaScript (Node.js)", "js")
