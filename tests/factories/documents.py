import factory
import wagtail_factories

from documents.models import DocumentEntry, DocumentIndexPage


class PDFDocumentFactory(wagtail_factories.DocumentFactory):
    title = factory.Sequence(lambda n: f"Dokument {n}")
    file = factory.django.FileField(filename="dokument.pdf", data=b"%PDF-1.4\n%%EOF\n")


class DocumentIndexPageFactory(wagtail_factories.PageFactory):
    title = "Dokumenty do pobrania"
    slug = factory.Sequence(lambda n: f"dokumenty-{n}")

    class Meta:
        model = DocumentIndexPage


class DocumentEntryFactory(factory.django.DjangoModelFactory):
    page = factory.SubFactory(DocumentIndexPageFactory)
    title = factory.Sequence(lambda n: f"Deklaracja {n}")
    description = "Opis dokumentu"
    document = factory.SubFactory(PDFDocumentFactory)
    language = "pl"
    locale = factory.LazyAttribute(lambda entry: entry.page.locale)

    class Meta:
        model = DocumentEntry
