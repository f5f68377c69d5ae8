from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchEntry(models.Model):
    """One indexed object (a page, a partner, a file…) as search sees it: its text; its keys are ``SearchKey`` rows.

    Two kinds of entry, one per object at most (see ``search.indexing`` and docs/ARCHITECTURE.md):
    - *public* entries hold the live text of what visitors may see; only ``public_content_changed`` writes them,
      so drafts never get here; private pages are filtered out again when searching, so a view restriction
      added later hides a page at once;
    - *editors'* entries (``public=False``) hold the stored row of an object visitors cannot see (a page never
      published or unpublished, a draft partner), written by Wagtail's own index updates so that the admin's
      search finds it. Public searches read public entries only; the admin's searches are limited by their
      querysets.
    An object shown on a page (a file on a documents page) has that page in ``page`` and is hidden with it; one
    whose file sits in a collection has that collection in ``collection`` and is hidden while the collection
    (or one above it) is view-restricted.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    # Every indexed model has an integer key: an integer column joins the searched queryset without a cast.
    object_id = models.PositiveBigIntegerField()
    public = models.BooleanField(default=True, help_text="False: an entry for the admin's search only.")
    page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="search_entries",
        help_text="The page itself, or the page that shows the object.",
    )
    collection = models.ForeignKey(
        "wagtailcore.Collection",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="The collection of the object's file, if it has one.",
    )
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    title = models.CharField(max_length=255)
    text = models.TextField(blank=True)
    url = models.CharField(max_length=500, blank=True, help_text="For objects other than pages.")
    link_language = models.CharField(
        max_length=7, blank=True, help_text="The language of what ``url`` links to, when not the entry's own."
    )
    date = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id"], name="search_entry_unique_object"),
        ]
        indexes = [
            models.Index(fields=["locale", "-date"], name="search_entry_locale_date_idx"),
            # Everything a query filters and sorts its matches by, so that SQLite finds it in this index: in the
            # table it sits after the text, which SQLite reads through page after page of a long text.
            models.Index(
                fields=["locale", "id", "public", "page", "collection", "content_type", "date"],
                name="search_entry_match_idx",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def model_class(self):
        return ContentType.objects.get_for_id(self.content_type_id).model_class()

    @property
    def kind(self):
        """What the result is ("news item", "event", "partner", "document"…), from the model's verbose name."""
        model = self.model_class
        return model._meta.verbose_name if model else ""

    @property
    def link_note(self):
        """What the result says of a link in another language, in its model's words ("File in Polish only")."""
        describe = getattr(self.model_class, "describe_link_language", None)
        return describe(self.link_language) if self.link_language and describe else ""

    def get_url(self, request=None):
        if self.url:
            return self.url
        return self.page.get_url(request) if self.page_id else ""


class SearchKey(models.Model):
    """One key of one entry's title, headings and text (see ``search.analysis``; ``in_title``: in the title or a
    heading): the inverted index a query looks its words
    up in, by B-tree, on SQLite and PostgreSQL alike. Written with the entry, in the same transaction."""

    #: Longer keys are not stored: a query has at most 200 characters; only folding (ß → ss) makes a key longer.
    MAX_LENGTH = 255

    entry = models.ForeignKey(
        SearchEntry,
        on_delete=models.CASCADE,
        related_name="search_keys",
        db_index=False,  # the unique (entry, key) index serves look-ups by entry
    )
    key = models.CharField(max_length=MAX_LENGTH)
    in_title = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("search key")
        verbose_name_plural = _("search keys")
        constraints = [models.UniqueConstraint(fields=["entry", "key"], name="search_key_unique_entry_key")]
        # Covers both look-ups of a query: entries with a key, entries with a key in their title.
        indexes = [models.Index(fields=["key", "in_title", "entry"], name="search_key_lookup_idx")]

    def __str__(self):
        return self.key
