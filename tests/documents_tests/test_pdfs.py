import io
from pathlib import Path

import pypdf
import pytest

from documents.content import ACCESSION, DECLARATIONS, FOUNDING, IDEOLOGICAL, generated_pdf
from documents.pdf import FONT_DIR
from home.content import FULL_NAME
from tests.pdfs import pdf_text


@pytest.mark.parametrize("declaration", DECLARATIONS, ids=["ideological", "founding", "accession"])
def test_each_generated_declaration_shows_its_title_and_the_partnership_with_polish_letters(declaration):
    text = pdf_text(generated_pdf(declaration))

    assert declaration.pl in text
    assert FULL_NAME.pl in text  # "Społecznej": ł must survive
    assert "UWAGA DLA REDAKCJI" in text


def test_the_accession_declaration_title_keeps_its_polish_letters():
    text = pdf_text(generated_pdf(ACCESSION))

    assert "Deklaracja Przystąpienia" in text
    assert "Przyst?pienia" not in text


@pytest.mark.parametrize("declaration", [IDEOLOGICAL, FOUNDING], ids=["ideological", "founding"])
def test_declarations_without_a_text_tell_editors_to_replace_the_file_with_the_original(declaration):
    text = " ".join(pdf_text(generated_pdf(declaration)).split())

    assert "To NIE jest treść deklaracji" in text
    assert "wgraj skan podpisanej deklaracji" in text


def test_the_accession_declaration_is_a_form_to_fill_in_by_hand():
    text = " ".join(pdf_text(generated_pdf(ACCESSION)).split())

    for label in (
        "Pełna nazwa instytucji",
        "Adres siedziby",
        "Osoba reprezentująca (imię i nazwisko, funkcja)",
        "Miejscowość i data",
        "Podpis osoby reprezentującej i pieczęć instytucji",
    ):
        assert label in text


def test_generated_pdfs_embed_the_shipped_font_which_comes_with_its_licence():
    reader = pypdf.PdfReader(io.BytesIO(generated_pdf(IDEOLOGICAL)))
    fonts = {str(font["/BaseFont"]) for font in reader.pages[0]["/Resources"]["/Font"].values()}

    assert any("DejaVuSans" in name for name in fonts)
    licence = (FONT_DIR / "LICENSE").read_text()
    assert "Bitstream" in licence and "Permission is hereby granted" in licence
    assert Path(FONT_DIR / "DejaVuSans.ttf").exists()


def test_generated_pdfs_are_reproducible_so_the_loader_recognises_them():
    assert generated_pdf(FOUNDING) == generated_pdf(FOUNDING)
