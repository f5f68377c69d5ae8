import pytest

from wagtail.models import Locale

from documents.models import DocumentIndexPage
from home.seeding import translation_key_for


def response_bytes(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.fixture
def documents_page(db):
    return lambda code: DocumentIndexPage.objects.get(
        translation_key=translation_key_for("documents"), locale=Locale.objects.get(language_code=code)
    )
