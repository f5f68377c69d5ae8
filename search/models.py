from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchEntry(models.Model):
    """One page (or other searchable object) as the site search sees it: its live text and that text's keys.

    Written when a page is published and removed when it is unpublished or deleted (see ``search.indexing``).
    Drafts never get here; private pages and unpublished pages are filtered out again when searching, so a
    view restriction added later hides a page at once.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.CharField(max_length=64)
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.CASCADE, related_name="search_entries"
    )
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    title = models.CharField(max_length=255)
    text = models.TextField(blank=True)
    url = models.CharField(max_length=500, blank=True, help_text="For objects other than pages.")
    date = models.DateTimeField(null=True, blank=True)
    title_keys = models.TextField(blank=True)
    keys = models.TextField(blank=True)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id"], name="search_entry_unique_object"),
        ]
        indexes = [models.Index(fields=["locale", "-date"], name="search_entry_locale_date_idx")]

    def __str__(self):
        return self.title

    @property
    def kind(self):
        """What the result is ("news item", "event", "partner"…), from the model's verbose name."""
        model = ContentType.objects.get_for_id(self.content_type_id).model_class()
        return model._meta.verbose_name if model else ""

    def get_url(self, request=None):
        return self.page.get_url(request) if self.page_id else self.url
