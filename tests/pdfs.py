"""Reading generated PDFs in tests."""

import io

import pypdf


def pdf_text(content):
    """The text of every page of a PDF, as a reader extracts it."""
    reader = pypdf.PdfReader(io.BytesIO(content))
    return "\n".join(page.extract_text() for page in reader.pages)
