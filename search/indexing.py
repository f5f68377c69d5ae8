"""Keeping the one search index (``SearchEntry`` and its ``SearchKey`` rows) in step with the content.

The index holds pages, the models of ``settings.SEARCH_MODELS`` (listed on the site's results page beside pages)
and those of ``settings.SEARCH_INDEX_ONLY_MODELS`` (found only through ``.search()``: the API and the admin).

Public entries follow one event, ``home.content_events.public_content_changed``, and nothing else: what it
reports is read again from the database (the live row, never a draft held in memory) and indexed if visitors
may see it. Editors' entries (``public=False``) are written by the search backend's ``add()`` (Wagtail's own
index updates after a save) for objects visitors cannot see, so that the admin finds unpublished pages and
draft partners; they never reach a public search (see ``SearchEntry``).

A model of ``SEARCH_MODELS`` is a wagtail-localize ``TranslatableMixin`` model with Wagtail ``search_fields``; it
may offer ``is_searchable()`` (may the public see it; default yes) and ``get_url(request=None)``, and:

- ``search_entry_fields()``: more of its ``SearchEntry``'s fields: ``page`` (the page that shows it: the result
  is hidden while that page is unpublished or private, and goes when the page is deleted), ``collection`` (of
  its file: hidden while that collection is view-restricted), ``link_language``, ``date``;
- ``search_dependencies()`` (a classmethod): ``[(model, objects)]``, where ``objects(instance)`` gives the
  objects of this model to index again when the event reports an instance of ``model`` (its page is published,
  its file is replaced, the source entry a translation is compared with changes);
- ``describe_link_language(language)`` (a classmethod): what its results say of a link in another language.
"""

import re
from datetime import datetime, time
from time import time_ns

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django.utils.html import strip_tags

from wagtail.blocks import StreamValue
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    DraftStateMixin,
    Locale,
    Page,
    PageViewRestriction,
    TranslatableMixin,
)
from wagtail.rich_text import RichText
from wagtail.search import index

from home import content_events
from home.blocks import HeadingBlock
from home.database import refresh_planner_statistics

from .analysis import text_keys
from .models import SearchEntry, SearchKey

MAX_TEXT_LENGTH = 50_000
GENERATION_KEY = "search:generation"
HEADING_RE = re.compile(r"<h[1-6][^>]*>(.*?)</h[1-6]>", re.IGNORECASE | re.DOTALL)


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


def _plain(html):
    return " ".join(strip_tags(html).split())


def _headings(value):
    """The headings of a stream (heading blocks, and headings inside rich text) or of rich text."""
    if isinstance(value, StreamValue):
        found = []
        for child in value:
            if isinstance(child.block, HeadingBlock):
                found.append(child.value["text"])
            elif isinstance(child.value, RichText):
                found.extend(_headings(child.value))
        return found
    if isinstance(value, RichText | str):
        return [_plain(heading) for heading in HEADING_RE.findall(str(value))]
    return []


def searchable_text(obj, exclude=("title",)):
    """The text of ``obj``'s Wagtail ``search_fields`` (stream and rich text as plain text), title excluded, and the
    text of its headings (which rank like the title)."""
    parts, headings = [], []
    for field in obj.get_search_fields():
        if isinstance(field, index.SearchField) and field.field_name not in exclude:
            parts.extend(_flatten(field.get_value(obj)))
            headings.extend(_headings(getattr(obj, field.field_name, None)))
    text = " ".join(_plain(part) for part in parts if part)
    return text[:MAX_TEXT_LENGTH], " ".join(headings)


def _locale(obj):
    """The object's locale; a model that is not translated (images, files) is read as the default language."""
    return obj.locale if isinstance(obj, TranslatableMixin) else Locale.get_default()


def _save_entry(
    obj, *, public, title, text, headings="", date=None, page=None, url="", collection=None, link_language=""
):
    locale = _locale(obj)
    with transaction.atomic():
        entry, created = SearchEntry.objects.update_or_create(
            content_type=ContentType.objects.get_for_model(obj),
            object_id=obj.pk,
            defaults={
                "public": public,
                "page": page,
                "collection": collection,
                "locale_id": locale.pk,
                "title": title[:255],
                "text": text,
                "url": (url or "")[:500],
                "link_language": link_language,
                "date": as_datetime(date),
            },
        )
        if not created:
            SearchKey.objects.filter(entry=entry).delete()
        SearchKey.objects.bulk_create(key_rows(entry, f"{title} {headings}", text, locale.language_code))
    index_changed()


def key_rows(entry, title, text, language):
    """The inverted index rows of an entry: each key of its title (and headings) and text once, flagged when in the
    title or a heading."""
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


def searchable_models():
    """The models listed on the site's results page besides pages."""
    return [apps.get_model(label) for label in settings.SEARCH_MODELS]


def indexed_models():
    """Every model of the index apart from pages."""
    labels = [*settings.SEARCH_MODELS, *settings.SEARCH_INDEX_ONLY_MODELS]
    return [apps.get_model(label) for label in labels]


def is_indexed(model):
    return issubclass(model, Page) or any(issubclass(model, indexed) for indexed in indexed_models())


def is_public(obj):
    """Whether visitors may see ``obj`` (a page: live; private pages are filtered out when searching)."""
    if isinstance(obj, Page):
        return obj.live and not obj.is_root() and obj.depth > 1
    return obj.is_searchable() if hasattr(obj, "is_searchable") else True


def _entry_fields(obj):
    """The title, text and other fields of ``obj``'s entry."""
    if isinstance(obj, Page):
        text, headings = searchable_text(obj)
        if obj.search_description and obj.search_description not in text:
            text = f"{obj.search_description} {text}".strip()
        return {"title": obj.title, "text": text, "headings": headings, "date": _search_date(obj), "page": obj}
    text, headings = searchable_text(obj)
    fields = {"title": str(obj), "text": text, "headings": headings}
    if isinstance(getattr(obj, "collection", None), Collection):
        fields["collection"] = obj.collection
    if hasattr(obj, "get_url"):
        fields["url"] = obj.get_url() or ""
    if hasattr(obj, "search_entry_fields"):
        fields.update(obj.search_entry_fields())
    return fields


def index_public(obj):
    """Index ``obj``'s live row for everyone if visitors may see it; otherwise keep it for the admin only."""
    if isinstance(obj, Page):
        obj = obj.specific
    if not is_public(obj):
        return index_for_editors(obj)
    _save_entry(obj, public=True, **_entry_fields(obj))


def index_for_editors(obj):
    """Called by the backend's ``add()``: an object visitors cannot see gets an editors' entry of its latest
    version (a draft, for the admin's search only); a public object is left to ``index_public``."""
    if isinstance(obj, Page):
        obj = obj.specific
        if obj.is_root() or obj.depth < 2:
            return None
    if is_public(obj):
        if SearchEntry.objects.filter(**_object_lookup(obj), public=False).delete()[0]:
            index_changed()
        return None
    if not isinstance(obj, Page | DraftStateMixin):
        return remove(obj)  # no drafts to find: what visitors cannot see is nowhere
    latest = obj.get_latest_revision_as_object() if hasattr(obj, "get_latest_revision_as_object") else obj
    fields = _entry_fields(latest)
    fields.pop("url", None)  # nothing visitors can open
    return _save_entry(obj, public=False, **{**fields, "page": obj if isinstance(obj, Page) else fields.get("page")})


def _object_lookup(obj):
    return {"content_type": ContentType.objects.get_for_model(obj), "object_id": obj.pk}


def remove(obj):
    index_changed()
    if isinstance(obj, Page):
        SearchEntry.objects.filter(page_id=obj.pk).delete()  # and the entries of what it shows
    else:
        SearchEntry.objects.filter(**_object_lookup(obj)).delete()


def public_pages():
    """Live pages outside every view restriction, all languages."""
    return Page.objects.live().public().filter(depth__gt=1)


def rebuild(progress=None):
    """Index every page and object again: public entries for what visitors may see, editors' entries for the rest.

    ``progress(model, done)`` is called after each object."""
    SearchKey.objects.all().delete()
    SearchEntry.objects.all().delete()
    for page in Page.objects.filter(depth__gt=1).specific().iterator(chunk_size=200):
        index_public(page) if page.live else index_for_editors(page)
        if progress:
            progress(Page, page)
    for model in indexed_models():
        for obj in model.objects.all().iterator(chunk_size=200):
            index_public(obj)
            if progress:
                progress(model, obj)
    # The ranking's joins are planned from the new tables' figures (PostgreSQL's autovacuum comes later).
    refresh_planner_statistics(SearchEntry, SearchKey)
    index_changed()
    return SearchEntry.objects.filter(public=True).count(), SearchEntry.objects.filter(public=False).count()


def generation():
    """The number of the index's current state: a cached result is read only in the state it was found in."""
    return cache.get_or_set(GENERATION_KEY, 1, None)


def index_changed():
    """Called by every write to the index: results cached before are not read again."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not in the cache (evicted, or a cache that was down): any new value will do
        cache.set(GENERATION_KEY, time_ns(), None)


def restricted_paths():
    """Tree paths of pages whose view is restricted (password, login, groups): everything under them is private."""
    return list(PageViewRestriction.objects.values_list("page__path", flat=True))


def restricted_collection_paths():
    """Tree paths of view-restricted collections: every file in them or in collections under them is private."""
    return list(CollectionViewRestriction.objects.values_list("collection__path", flat=True))


# --- the one event -------------------------------------------------------------------------------------------
def on_public_content_changed(sender, instance, action, **kwargs):
    """Index what the event reports, read again from the database, and the objects that depend on it."""
    index_changed()  # a view restriction or collection changed: results are filtered again
    model = type(instance)
    if is_indexed(model):
        stored = model._default_manager.filter(pk=instance.pk).first()
        if action == content_events.DELETED or stored is None:
            remove(instance)
        else:
            index_public(stored)
    for dependent_model in indexed_models():
        for other, objects in getattr(dependent_model, "search_dependencies", list)():
            if isinstance(instance, other):
                for obj in objects(instance):
                    index_public(obj)


def connect_signals():
    content_events.public_content_changed.connect(on_public_content_changed, dispatch_uid="search_index")
