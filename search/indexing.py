"""Keeping ``SearchEntry`` in step with what visitors may see.

Pages are indexed when published and dropped when unpublished or deleted. Other models join the search by being
listed in ``settings.SEARCH_MODELS`` (e.g. ``"partners.Partner"``); such a model is a wagtail-localize
``TranslatableMixin`` model with Wagtail ``search_fields`` and offers ``is_searchable()`` (may the public see it)
and ``get_url(request=None)``; it is reindexed on every save and dropped when deleted. It may also offer:

- ``search_entry_fields()``: more of its ``SearchEntry``'s fields: ``page`` (the page that shows it: the result
  is hidden while that page is unpublished or private, and goes when the page is unpublished or deleted),
  ``collection`` (of its file: hidden while that collection is view-restricted), ``link_language``, ``date``;
- ``search_dependencies()`` (a classmethod): ``[(model, objects, fields)]``, where ``objects(instance)`` gives
  the objects of this model to reindex when an instance of ``model`` is saved or deleted (a file is replaced,
  or the source entry a translation is compared with changes); a save that names its ``update_fields`` counts
  only if it names one of ``fields`` (``None``: any save);
- ``describe_link_language(language)`` (a classmethod): what its results say of a link in another language.
"""

from datetime import datetime, time

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from django.utils.html import strip_tags

from wagtail.models import CollectionViewRestriction, Page, PageViewRestriction
from wagtail.search import index
from wagtail.signals import page_published, page_unpublished

from .analysis import text_keys
from .models import SearchEntry, SearchKey

MAX_TEXT_LENGTH = 50_000


def _flatten(value):
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        value = value.values()
    if isinstance(value, list | tuple | set) or hasattr(value, "__iter__"):
        return [text for item in value for text in _flatten(item)]
    return [str(value)]


def searchable_text(obj, exclude=("title",)):
    """The text of ``obj``'s Wagtail ``search_fields`` (stream and rich text as plain text), title excluded."""
    parts = []
    for field in obj.get_search_fields():
        if isinstance(field, index.SearchField) and field.field_name not in exclude:
            parts.extend(_flatten(field.get_value(obj)))
    text = " ".join(" ".join(strip_tags(part).split()) for part in parts if part)
    return text[:MAX_TEXT_LENGTH]


def _language(obj):
    return obj.locale.language_code


def _save_entry(obj, *, title, text, date, page=None, url="", collection=None, link_language=""):
    with transaction.atomic():
        entry, created = SearchEntry.objects.update_or_create(
            content_type=ContentType.objects.get_for_model(obj),
            object_id=str(obj.pk),
            defaults={
                "page": page,
                "collection": collection,
                "locale_id": obj.locale_id,
                "title": title[:255],
                "text": text,
                "url": url[:500],
                "link_language": link_language,
                "date": as_datetime(date),
            },
        )
        if not created:
            SearchKey.objects.filter(entry=entry).delete()
        SearchKey.objects.bulk_create(_key_rows(entry, title, text, _language(obj)))


def _key_rows(entry, title, text, language):
    """The inverted index rows of an entry: each key of its title and text once, flagged when in the title."""
    title_keys = text_keys(title, language)
    return [
        SearchKey(entry=entry, key=key, in_title=key in title_keys)
        for key in sorted(title_keys | text_keys(text, language))
        if len(key) <= SearchKey.MAX_LENGTH
    ]


def as_datetime(value):
    """A date as noon of that day (aware), so that dated and timed results sort together."""
    if value is None or isinstance(value, datetime):
        return value
    return timezone.make_aware(datetime.combine(value, time(12, 0)))


def _search_date(page):
    """News by their date, events by their start, other pages by their last publication."""
    for name in ("date", "start"):
        value = getattr(page, name, None)
        if value is not None and hasattr(value, "year"):
            return as_datetime(value)
    return page.last_published_at


def index_page(page):
    page = page.specific
    if not page.live or page.is_root() or page.depth < 2:
        return remove_page(page)
    text = searchable_text(page, exclude=("title",))
    if page.search_description and page.search_description not in text:
        text = f"{page.search_description} {text}".strip()
    _save_entry(page, title=page.title, text=text, date=_search_date(page), page=page)


def remove_page(page):
    SearchEntry.objects.filter(page_id=page.pk).delete()


def index_object(obj):
    if not obj.is_searchable():
        return remove_object(obj)
    fields = {"title": str(obj), "text": searchable_text(obj), "date": None, "url": obj.get_url() or ""}
    if hasattr(obj, "search_entry_fields"):
        fields.update(obj.search_entry_fields())
    _save_entry(obj, **fields)


def remove_object(obj):
    SearchEntry.objects.filter(content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk)).delete()


def searchable_models():
    return [apps.get_model(label) for label in settings.SEARCH_MODELS]


def public_pages():
    """Live pages outside every view restriction, all languages."""
    return Page.objects.live().public().filter(depth__gt=1)


def rebuild(progress=None):
    """Index every live public page and searchable object again; drop entries nothing backs any more."""
    SearchKey.objects.all().delete()
    SearchEntry.objects.all().delete()
    count = 0
    pages = public_pages().specific().iterator(chunk_size=200)
    for page in pages:
        index_page(page)
        count += 1
        if progress:
            progress(count)
    for model in searchable_models():
        for obj in model.objects.all().iterator(chunk_size=200):
            index_object(obj)
            count += 1
            if progress:
                progress(count)
    return SearchEntry.objects.count()


def restricted_paths():
    """Tree paths of pages whose view is restricted (password, login, groups): everything under them is private."""
    return list(PageViewRestriction.objects.values_list("page__path", flat=True))


def restricted_collection_paths():
    """Tree paths of view-restricted collections: every file in them or in collections under them is private."""
    return list(CollectionViewRestriction.objects.values_list("collection__path", flat=True))


# --- signal receivers ------------------------------------------------------------------------------------------
def _on_page_published(sender, instance, **kwargs):
    index_page(instance)


def _on_page_unpublished(sender, instance, **kwargs):
    remove_page(instance)


def _on_object_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        index_object(instance)


def _on_object_deleted(sender, instance, **kwargs):
    remove_object(instance)


def _reindexer(objects, fields):
    def reindex(sender, instance, raw=False, update_fields=None, **kwargs):
        if raw or (fields is not None and update_fields is not None and not set(fields) & set(update_fields)):
            return
        for obj in objects(instance):
            index_object(obj)

    return reindex


def connect_signals():
    page_published.connect(_on_page_published, dispatch_uid="search_page_published")
    page_unpublished.connect(_on_page_unpublished, dispatch_uid="search_page_unpublished")
    for model in searchable_models():
        label = model._meta.label
        post_save.connect(_on_object_saved, sender=model, dispatch_uid=f"search_saved_{label}")
        post_delete.connect(_on_object_deleted, sender=model, dispatch_uid=f"search_deleted_{label}")
        dependencies = model.search_dependencies() if hasattr(model, "search_dependencies") else []
        for other, objects, fields in dependencies:
            # Connected weakly by default: the receiver is a closure, so it must be held strongly here.
            receiver = _reindexer(objects, fields)
            uid = f"search_{label}_after_{other._meta.label}"
            post_save.connect(receiver, sender=other, weak=False, dispatch_uid=f"{uid}_saved")
            post_delete.connect(receiver, sender=other, weak=False, dispatch_uid=f"{uid}_deleted")
