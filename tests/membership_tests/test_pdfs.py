import pytest

from django.utils import translation

from home.content import FULL_NAME
from membership.pdf import filled_declaration_pdf
from tests.pdfs import pdf_text

from ..factories.membership import MembershipApplicationFactory


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "title", "label"),
    [("pl", "Deklaracja Przystąpienia", "Pełna nazwa instytucji"), ("en", "Accession Declaration", "Full name")],
)
def test_the_filled_in_declaration_carries_the_application_in_the_applicants_language(language, title, label):
    application = MembershipApplicationFactory(institution_name="Fundacja Źródło Łąki", language=language)

    with translation.override(language):
        text = " ".join(pdf_text(filled_declaration_pdf(application, FULL_NAME.pl)).split())

    assert title in text
    assert label in text
    assert "Fundacja Źródło Łąki" in text
    assert "NIP 1234563218" in text
    assert application.reference in text
