"""The documents page with the three declarations.

The project does not have the declarations' signed texts: it generates a PDF for each (title, the
partnership's name, a note asking editors to replace it with the original; the accession declaration is a
form to fill in by hand) and stores it as a Wagtail document. Generated files are byte-for-byte reproducible,
so a second run finds them by their hash instead of storing them again.
"""

from hashlib import sha1

from django.core.files.base import ContentFile
from django.utils import translation

from wagtail.documents import get_document_model
from wagtail.models import Collection

from home.content import DECLARATIONS, FULL_NAME, INVITATION
from home.seeding import PageSpec, Text, translation_key_for

from .models import DocumentEntry, DocumentIndexPage, PlaceholderFile
from .pdf import accession_declaration_pdf, declaration_pdf

IDEOLOGICAL, FOUNDING, ACCESSION = DECLARATIONS

FILENAMES = {
    IDEOLOGICAL: "deklaracja-ideowa.pdf",
    FOUNDING: "deklaracja-powolania.pdf",
    ACCESSION: "deklaracja-przystapienia.pdf",
}

ACCESSION_DESCRIPTION = Text(
    "Formularz do wypełnienia odręcznie i podpisania przez osobę reprezentującą instytucję.",
    "A form to fill in by hand and have signed by the institution's representative.",
)


def generated_pdf(declaration):
    """The Polish PDF of a declaration, as the loader stores it."""
    with translation.override("pl"):
        if declaration == ACCESSION:
            return accession_declaration_pdf(declaration.pl, FULL_NAME.pl)
        return declaration_pdf(declaration.pl, FULL_NAME.pl)


def ensure_document(loader, declaration):
    """The stored generated PDF of ``declaration``, created once."""
    Document = get_document_model()
    content = generated_pdf(declaration)
    document = Document(title=declaration.pl, collection=Collection.get_first_root_node())
    document.file = ContentFile(content, name=FILENAMES[declaration])
    document._set_document_file_metadata()
    existing = Document.objects.filter(file_hash=document.file_hash).first()
    if existing:
        loader.report(False, f"document “{existing.title}”")
        document = existing
    else:
        document.save()
        loader.report(True, f"document “{document.title}”")
    if is_placeholder(declaration):
        PlaceholderFile.objects.get_or_create(document=document, defaults={"file_hash": document.file_hash})
    return document


def is_placeholder(declaration):
    """The seed gives the declarations' titles but not their texts: only the accession form is complete."""
    return declaration != ACCESSION


def placeholder_hashes():
    """The hashes of the generated placeholder files (what ``Document.file_hash`` holds for them)."""
    return {
        sha1(generated_pdf(declaration), usedforsecurity=False).hexdigest()
        for declaration in DECLARATIONS
        if is_placeholder(declaration)
    }


def document_entries(loader):
    entries = []
    for position, declaration in enumerate(DECLARATIONS):
        description = ACCESSION_DESCRIPTION if declaration == ACCESSION else ""
        entries.append(
            DocumentEntry(
                title=loader.polish(declaration),
                description=loader.polish(description),
                document=ensure_document(loader, declaration),
                language="pl",
                sort_order=position,
                locale=loader.source_locale,
                translation_key=translation_key_for(f"documents:{FILENAMES[declaration]}"),
            )
        )
    return entries


def load(loader):
    documents_page_exists = DocumentIndexPage.objects.filter(
        translation_key=translation_key_for("documents"), locale=loader.source_locale
    ).exists()
    if documents_page_exists:
        # Entries are only set when the page is first made; afterwards they are the editors'.
        for declaration in DECLARATIONS:
            loader.polish(declaration)
        loader.polish(ACCESSION_DESCRIPTION)
        entries = []
    else:
        entries = document_entries(loader)
    loader.ensure_pages(
        [
            PageSpec(
                key="documents",
                parent="home",
                model=DocumentIndexPage,
                title=Text("Dokumenty do pobrania", "Documents"),
                slug=Text("dokumenty", "documents"),
                intro=INVITATION,
                # Its own search description: the "how to join" page's is the invitation (seo.W001).
                search_description=Text(
                    "Dokumenty Lubelskiego Partnerstwa na Rzecz Rozwoju Ekonomii Społecznej do pobrania: "
                    "deklaracje Partnerstwa.",
                    "Documents of the Lublin Partnership for the Development of the Social Economy to download: "
                    "the Partnership’s declarations.",
                ),
                show_in_menus=True,
                entries=entries,
            ),
        ]
    )
