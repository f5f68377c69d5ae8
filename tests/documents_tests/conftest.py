import io

import pypdf
import pytest

from wagtail.models import Locale

from documents.models import AccessionPage, DocumentIndexPage
from home.seeding import translation_key_for


def pdf_text(content):
    """The text of every page of a PDF, as a reader extracts it."""
    reader = pypdf.PdfReader(io.BytesIO(content))
    return "\n".join(page.extract_text() for page in reader.pages)


def response_bytes(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def _page(model, key, code):
    return model.objects.get(translation_key=translation_key_for(key), locale=Locale.objects.get(language_code=code))


@pytest.fixture
def documents_page(db):
    return lambda code: _page(DocumentIndexPage, "documents", code)


@pytest.fixture
def accession_page(db):
    return lambda code: _page(AccessionPage, "accession", code)
