from django.conf import settings
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.api import APIField
from wagtail.documents import get_document_model, get_document_model_string
from wagtail.models import Locale, Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.content_events import private_data, public_content
from home.document_links import restricted_collection_ids
from home.models import ContentPage

from .serializers import DocumentEntrySerializer

# How each language is named after "in": the English page says a file is "in Polish".
FILE_LANGUAGE_PHRASES = {"pl": _("in Polish"), "en": _("in English")}


@public_content
class DocumentEntry(TranslatableMixin, Orderable, index.Indexed):
    """One downloadable file on a documents page.

    The file is synchronised into translations but overridable: a translator can point the English entry at
    an English file. ``language`` is the language of the file chosen on the source page; see ``file_language``.

    The site search lists each entry of a live documents page as that page lists it (``settings.SEARCH_MODELS``);
    the search hides it again while its page is unpublished or private, or its file's collection is restricted.
    """

    page = ParentalKey("documents.DocumentIndexPage", on_delete=models.CASCADE, related_name="entries")
    title = models.CharField(_("title"), max_length=255)
    description = models.CharField(_("short description"), max_length=500, blank=True)
    document = models.ForeignKey(
        get_document_model_string(), verbose_name=_("file"), on_delete=models.PROTECT, related_name="+"
    )
    language = models.CharField(
        _("language of the file"), max_length=7, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    date = models.DateField(_("date"), null=True, blank=True, help_text=_("The date of the document, if it has one."))

    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("description"),
        SynchronizedField("document", overridable=True),
    ]

    panels = [
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("document"),
        FieldPanel("language"),
        FieldPanel("date"),
    ]

    search_fields = [index.SearchField("title"), index.SearchField("description")]
    # The site search keeps its own index (search.indexing); Wagtail's backend has no use for the entries.
    search_auto_update = False

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self):
        return self.title

    # --- the site search (search.indexing) ---------------------------------------------------------------------
    def is_searchable(self):
        """Only entries of a live page; the search checks the page's privacy and the file's collection itself."""
        # Asked of the database: the page object held in memory may be older than an unpublishing.
        return DocumentIndexPage.objects.filter(pk=self.page_id, live=True).exists()

    def get_url(self, request=None):
        """What the documents page links to: the file."""
        return self.download_url

    def search_entry_fields(self):
        self.page._set_file_languages([self])
        return {
            "page": self.page,
            "collection": self.document.collection,
            "link_language": "" if self.is_in_page_language else self.file_language,
            "date": self.date or self.page.last_published_at,
        }

    @classmethod
    def search_dependencies(cls):
        """Its page published or changed, its file replaced or moved to another collection, and the source entry a
        translated entry's file is compared with."""
        return [
            (DocumentIndexPage, lambda page: cls.objects.filter(page_id=page.pk)),
            (get_document_model(), lambda document: cls.objects.filter(document=document)),
            (cls, lambda entry: entry.translations_to_compare()),
        ]

    def translations_to_compare(self):
        """The entries whose ``file_language`` is worked out from this one (the translations of a source entry)."""
        if self.locale_id != Locale.get_default().pk:
            return self.__class__.objects.none()
        return self.__class__.objects.filter(translation_key=self.translation_key).exclude(pk=self.pk)

    @classmethod
    def describe_link_language(cls, language):
        phrase = FILE_LANGUAGE_PHRASES.get(language)
        return _("File %(language)s only") % {"language": phrase} if phrase else ""

    @property
    def file_type(self):
        return self.document.file_extension.upper()

    @property
    def file_size(self):
        return self.document.get_file_size()

    @property
    def file_size_display(self):
        size = self.file_size
        return filesizeformat(size) if size is not None else ""

    @property
    def download_url(self):
        return self.document.url

    @property
    def file_language_phrase(self):
        return FILE_LANGUAGE_PHRASES.get(self.file_language, "")


class DocumentIndexPage(ContentPage):
    """ "Dokumenty do pobrania" / "Documents": the partnership's files, each in the page's language or marked."""

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    translatable_fields = ContentPage.translatable_fields + [TranslatableField("entries")]
    content_panels = ContentPage.content_panels + [InlinePanel("entries", label=_("Documents"))]
    api_fields = ContentPage.api_fields + [
        APIField("documents", serializer=DocumentEntrySerializer(many=True, source="visible_entries")),
    ]

    class Meta:
        verbose_name = _("documents page")
        verbose_name_plural = _("documents pages")

    @property
    def visible_entries(self):
        """The entries visitors see, each with ``file_language`` set; the same few queries for any number."""
        if hasattr(self, "_visible_entries"):
            return self._visible_entries
        hidden = restricted_collection_ids()
        entries = [
            entry
            for entry in self.entries.select_related("document").order_by("sort_order")
            if entry.document.collection_id not in hidden
        ]
        self._set_file_languages(entries)
        self._visible_entries = entries
        return entries

    def _set_file_languages(self, entries):
        """A translated entry whose file differs from its source entry's was given a file in the page's language.

        The source is the entry in the default language with the same translation key; on the source page
        every entry is its own source.
        """
        default = Locale.get_default()
        sources = {}
        if self.locale_id != default.pk:
            sources = {
                source.translation_key: source
                for source in DocumentEntry.objects.filter(
                    locale=default, translation_key__in=[entry.translation_key for entry in entries]
                ).only("translation_key", "document_id", "language")
            }
        page_language = self.locale.language_code
        for entry in entries:
            source = sources.get(entry.translation_key, entry)
            entry.file_language = source.language if entry.document_id == source.document_id else page_language
            entry.is_in_page_language = entry.file_language == page_language

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Lazy: the template lists them inside a fragment cache, so only a miss looks them up.
        context["entries"] = SimpleLazyObject(lambda: self.visible_entries)
        return context


@private_data
class FormerDocumentFile(models.Model):
    """A file name a document had before its file was replaced: its old address (``/documents/<id>/<name>``) leads
    to the current file (``documents.views.serve``), so links and bookmarks to a replaced declaration keep working.
    Only names the document really had are redirected: the current name of any other document is never told."""

    document = models.ForeignKey(
        get_document_model_string(), verbose_name=_("document"), on_delete=models.CASCADE, related_name="+"
    )
    filename = models.CharField(_("former file name"), max_length=255)
    replaced_at = models.DateTimeField(_("replaced at"), default=timezone.now)

    class Meta:
        verbose_name = _("former file of a document")
        verbose_name_plural = _("former files of documents")
        constraints = [
            models.UniqueConstraint(fields=["document", "filename"], name="documents_former_file_unique"),
        ]

    def __str__(self):
        return self.filename


@private_data
class PlaceholderFile(models.Model):
    """A PDF the site generated in place of a document whose text it does not have (``documents.content``).

    The document counts as a placeholder while its file is still this one (the same hash): the admin's documents
    list marks it until an editor uploads the original."""

    document = models.OneToOneField(
        get_document_model_string(), verbose_name=_("document"), on_delete=models.CASCADE, related_name="+"
    )
    file_hash = models.CharField(_("hash of the generated file"), max_length=40)

    class Meta:
        verbose_name = _("placeholder file")
        verbose_name_plural = _("placeholder files")

    def __str__(self):
        return str(self.document)

    @classmethod
    def placeholders_among(cls, documents):
        """The ones of ``documents`` still holding their generated placeholder file (one query)."""
        documents = list(documents)
        marked = {
            (document_id, file_hash)
            for document_id, file_hash in cls.objects.filter(document__in=documents).values_list(
                "document_id", "file_hash"
            )
        }
        return [document for document in documents if (document.pk, document.file_hash) in marked]
