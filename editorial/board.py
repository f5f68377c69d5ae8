"""The translation status board: every published Polish page and translatable snippet, and the state of its
translation in each other language, computed from live revisions and wagtail-localize's segment data.

States, checked in this order:

* missing — there is no translation at all;
* in review — the translation is in a workflow, waiting for the Moderators;
* out of date — the Polish source changed after the translation was last synced with wagtail-localize
  (pages and draftable snippets: published after the sync; other snippets: translated or synchronised fields
  differ from the sync), or after the live translation was last published (synced, but not live yet);
* draft — work that is not live and not submitted: the translation was never published, has unpublished changes,
  or has string translations saved after its latest revision;
* live but incomplete — live and in step, but some segments have no translation (the Polish text stands in), or
  the translation is an alias of the Polish page;
* up to date — live, in step, every segment translated.

``segments_to_translate`` counts the segments with no translation in that language, for every state: the
segments wagtail-localize holds for the source; for a source never submitted for translation, or changed since
its last sync, the segments of its live content, extracted on the fly. The board reads a fixed number of queries
for its sync data however many items it lists (extraction of rows needing it may read related content).

Left out: sources that were never published (nothing to translate yet), and records that are sent rather than
published (newsletter issues) once sent — they mark sending with a ``send_requested_at`` field.
"""

import json
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import datetime

from django.contrib.admin.utils import quote
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Count, Exists, Max, OuterRef
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from modelcluster.models import get_serializable_data_for_fields
from wagtail.models import DraftStateMixin, Locale, Page, RevisionMixin, TranslatableMixin, WorkflowState
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.fields import get_translatable_fields
from wagtail_localize.models import (
    SegmentOverride,
    String,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

MISSING = "missing"
IN_REVIEW = "in_review"
OUTDATED = "outdated"
DRAFT = "draft"
INCOMPLETE = "incomplete"
UP_TO_DATE = "up_to_date"
STATES = {
    MISSING: pgettext_lazy("translation state", "Missing"),
    IN_REVIEW: pgettext_lazy("translation state", "In review"),
    OUTDATED: pgettext_lazy("translation state", "Out of date"),
    DRAFT: pgettext_lazy("translation state", "Draft"),
    INCOMPLETE: pgettext_lazy("translation state", "Live but incomplete"),
    UP_TO_DATE: pgettext_lazy("translation state", "Up to date"),
}
# Live translations that still show the visitor something wrong or unfinished.
FLAGGED_LIVE_STATES = {OUTDATED, INCOMPLETE}
# A record with this field set has been sent (e.g. a newsletter issue): its translation is no longer wanted.
SENT_MARKER_FIELD = "send_requested_at"


@dataclass
class BoardRow:
    source: object
    target_locale: Locale
    translation: object | None
    state: str
    source_changed_at: datetime | None
    synced_at: datetime | None
    segments_to_translate: int
    action_url: str
    action_label: str

    @property
    def title(self):
        return self.source.title if isinstance(self.source, Page) else str(self.source)

    @property
    def kind(self):
        return self.model._meta.verbose_name if self.model else ""

    @property
    def model(self):
        return self.source.specific_class if isinstance(self.source, Page) else type(self.source)

    @property
    def kind_key(self):
        """``app_label.model_name`` of the source's type, for the type filter."""
        return self.model._meta.label_lower if self.model else ""

    @property
    def language(self):
        return self.target_locale.get_display_name()

    @property
    def language_code(self):
        return self.target_locale.language_code

    @property
    def state_label(self):
        return STATES[self.state]

    @property
    def is_flagged(self):
        """A live translation that is out of date or has untranslated segments."""
        return self.state in FLAGGED_LIVE_STATES and _is_live(self.translation)


def _snippet_content_changed(instance, source):
    """Whether a snippet's translated or synchronised fields differ from what was last synced. A snippet's row
    holds its live content (drafts live in revisions); revision bookkeeping fields are left out of the
    comparison, so publishing unchanged content does not count as a change."""
    fields = {field.field_name for field in get_translatable_fields(type(instance))}
    current = json.loads(json.dumps(get_serializable_data_for_fields(instance), cls=DjangoJSONEncoder))
    synced = json.loads(source.content_json)
    return any(current.get(name) != synced.get(name) for name in fields)


def _synchronized_fields_differ(source, translation, overridden):
    """Whether a snippet translation's synchronised fields (not overridden in its language) differ from the
    source's: a sync without publishing leaves the live translation with the old values."""
    for field in get_translatable_fields(type(source)):
        if field.is_synchronized(source) and field.field_name not in overridden:
            model_field = source._meta.get_field(field.field_name)
            if getattr(model_field, "attname", None) and model_field.concrete:
                if getattr(source, model_field.attname) != getattr(translation, model_field.attname):
                    return True
    return False


def _published_at(instance):
    if isinstance(instance, DraftStateMixin):
        return instance.last_published_at
    return None


def _is_live(instance):
    if instance is None:
        return False
    return instance.live if isinstance(instance, DraftStateMixin) else True


def _latest_revision_at(instance):
    if isinstance(instance, Page):
        return instance.latest_revision_created_at
    if isinstance(instance, RevisionMixin) and instance.latest_revision_id:
        return instance.latest_revision.created_at
    return None


def _has_unpublished_work(translation):
    if isinstance(translation, DraftStateMixin):
        return not translation.live or translation.has_unpublished_changes
    return False


def _base_content_type(instance):
    return ContentType.objects.get_for_model(Page if isinstance(instance, Page) else type(instance))


def _string_segments(instance):
    """The source text segments of ``instance`` as it is now (what a sync would store)."""
    return [segment for segment in extract_segments(instance) if isinstance(segment, StringSegmentValue)]


class TranslationBoard:
    """The board for ``target_locales`` (default: every language but the default one), optionally narrowed to
    the sources whose translation key is in ``translation_keys``."""

    def __init__(self, target_locales=None, translation_keys=None):
        self.source_locale = Locale.get_default()
        if target_locales is None:
            target_locales = Locale.objects.exclude(pk=self.source_locale.pk).order_by("language_code")
        self.target_locales = list(target_locales)
        self.translation_keys = translation_keys

    def _narrow(self, queryset):
        if self.translation_keys is not None:
            queryset = queryset.filter(translation_key__in=self.translation_keys)
        return queryset

    def _sources(self):
        pages = self._narrow(
            Page.objects.filter(locale=self.source_locale, depth__gt=1, last_published_at__isnull=False)
        )
        sources = list(pages.select_related("content_type").order_by("path"))
        for model in get_snippet_models():
            if not issubclass(model, TranslatableMixin):
                continue
            snippets = self._narrow(model.objects.filter(locale=self.source_locale))
            if issubclass(model, DraftStateMixin):
                snippets = snippets.filter(last_published_at__isnull=False)
            if any(field.name == SENT_MARKER_FIELD for field in model._meta.concrete_fields):
                snippets = snippets.filter(**{f"{SENT_MARKER_FIELD}__isnull": True})
            sources += list(snippets.order_by("pk"))
        return sources

    def _translations(self, sources):
        """translation key -> locale id -> the translated object."""
        translations = defaultdict(dict)
        page_keys = [item.translation_key for item in sources if isinstance(item, Page)]
        for page in Page.objects.filter(translation_key__in=page_keys, locale__in=self.target_locales).order_by():
            translations[page.translation_key][page.locale_id] = page
        by_model = defaultdict(list)
        for item in sources:
            if not isinstance(item, Page):
                by_model[type(item)].append(item.translation_key)
        for model, keys in by_model.items():
            queryset = model.objects.filter(translation_key__in=keys, locale__in=self.target_locales)
            if issubclass(model, RevisionMixin):
                queryset = queryset.select_related("latest_revision")
            for snippet in queryset:
                translations[snippet.translation_key][snippet.locale_id] = snippet
        return translations

    @cached_property
    def rows(self):
        sources = self._sources()
        translations = self._translations(sources)
        keys = [item.translation_key for item in sources]
        syncs = {
            source.object_id: source
            for source in TranslationSource.objects.filter(object_id__in=keys, locale=self.source_locale)
        }
        enabled = set(
            Translation.objects.filter(source__in=syncs.values(), enabled=True).values_list(
                "source_id", "target_locale_id"
            )
        )
        in_review = self._in_review(translations)
        segment_counts = self._segment_counts(syncs.values())
        untranslated = self._untranslated_segment_counts(syncs.values())
        last_string_edits = self._last_string_edits(keys)
        overrides = self._overridden_fields(keys)

        rows = []
        for item in sources:
            sync = syncs.get(item.translation_key)
            for locale in self.target_locales:
                translation = translations[item.translation_key].get(locale.pk)
                synced = sync is not None and (sync.pk, locale.pk) in enabled
                rows.append(
                    self._row(
                        item,
                        locale,
                        translation,
                        sync if synced else None,
                        in_review=translation is not None and (type(translation), translation.pk) in in_review,
                        strings_saved_at=last_string_edits.get((item.translation_key, locale.pk)),
                        overridden=overrides.get((item.translation_key, locale.pk), set()),
                    )
                )
        self._count_segments(rows, syncs, segment_counts, untranslated)
        return rows

    def _in_review(self, translations):
        """(model, pk) of the translations with a workflow in progress."""
        objects = [obj for by_locale in translations.values() for obj in by_locale.values()]
        if not objects:
            return set()
        in_progress = set(
            WorkflowState.objects.filter(
                status=WorkflowState.STATUS_IN_PROGRESS, object_id__in={str(obj.pk) for obj in objects}
            ).values_list("base_content_type_id", "object_id")
        )
        return {(type(obj), obj.pk) for obj in objects if (_base_content_type(obj).pk, str(obj.pk)) in in_progress}

    def _segment_counts(self, syncs):
        """source id -> how many string segments wagtail-localize holds for it."""
        rows = (
            StringSegment.objects.filter(source_id__in=[source.pk for source in syncs])
            .values("source_id")
            .annotate(count=Count("pk"))
            .order_by()
        )
        return {row["source_id"]: row["count"] for row in rows}

    def _untranslated_segment_counts(self, syncs):
        """(source id, locale id) -> how many of the source's segments have no translation in that locale."""
        counts = {}
        source_ids = [source.pk for source in syncs]
        for locale in self.target_locales:
            translated = StringTranslation.objects.filter(
                translation_of_id=OuterRef("string_id"), context_id=OuterRef("context_id"), locale=locale
            )
            rows = (
                StringSegment.objects.filter(source_id__in=source_ids)
                .exclude(Exists(translated))
                .values("source_id")
                .annotate(count=Count("pk"))
                .order_by()
            )
            counts.update({(row["source_id"], locale.pk): row["count"] for row in rows})
        return counts

    def _overridden_fields(self, keys):
        """(translation key, locale id) -> the field paths a translation overrides (e.g. its own logo)."""
        overridden = defaultdict(set)
        for key, locale_id, path in SegmentOverride.objects.filter(
            context__object_id__in=keys, locale__in=self.target_locales
        ).values_list("context__object_id", "locale_id", "context__path"):
            overridden[(key, locale_id)].add(path.split(".")[0])
        return overridden

    def _last_string_edits(self, keys):
        """(translation key, locale id) -> when a string translation of that object was last saved."""
        rows = (
            StringTranslation.objects.filter(context__object_id__in=keys, locale__in=self.target_locales)
            .values("context__object_id", "locale_id")
            .annotate(last=Max("updated_at"))
            .order_by()
        )
        return {(row["context__object_id"], row["locale_id"]): row["last"] for row in rows}

    def _row(self, item, locale, translation, sync, in_review, strings_saved_at, overridden):
        changed_at = _published_at(item)
        if translation is None:
            state = MISSING
        elif in_review:
            state = IN_REVIEW
        elif sync is not None and self._changed_since_sync(item, sync, changed_at):
            state = OUTDATED
        elif _has_unpublished_work(translation) or (
            sync is not None
            and strings_saved_at is not None
            and (_latest_revision_at(translation) is None or strings_saved_at > _latest_revision_at(translation))
            and isinstance(translation, RevisionMixin)
        ):
            state = DRAFT
        elif isinstance(item, Page) and (
            changed_at is not None and (_published_at(translation) is None or changed_at > _published_at(translation))
        ):
            # Synced (or never synced), but the live translation was published before the source's last change.
            state = OUTDATED
        elif not isinstance(item, Page) and _synchronized_fields_differ(item, translation, overridden):
            # Synced, but the live translation does not carry the source's shared values (a phone number, …).
            state = OUTDATED
        else:
            state = UP_TO_DATE  # INCOMPLETE is decided once segments are counted
        url, label = self._action(item, translation, state, sync)
        return BoardRow(
            source=item,
            target_locale=locale,
            translation=translation,
            state=state,
            source_changed_at=changed_at,
            synced_at=sync.last_updated_at if sync else None,
            segments_to_translate=0,
            action_url=url,
            action_label=label,
        )

    @staticmethod
    def _changed_since_sync(item, sync, changed_at):
        if isinstance(item, Page):
            return changed_at is not None and changed_at > sync.last_updated_at
        # Snippets are compared by content: re-publishing unchanged content is no change.
        return _snippet_content_changed(item, sync)

    def _count_segments(self, rows, syncs, segment_counts, untranslated):
        """Fill in ``segments_to_translate``; rows whose stored segments are not the source's current ones (never
        synced, or changed since the sync) are counted from the live source, against the strings translated in
        that language. Live rows with untranslated segments become "live but incomplete"."""
        to_extract = []
        for row in rows:
            sync = syncs.get(row.source.translation_key)
            stale = sync is None or self._changed_since_sync(row.source, sync, row.source_changed_at)
            alias = isinstance(row.translation, Page) and row.translation.alias_of_id is not None
            if stale:
                to_extract.append(row)
            elif row.translation is None or alias:
                row.segments_to_translate = segment_counts.get(sync.pk, 0)
            else:
                row.segments_to_translate = untranslated.get((sync.pk, row.target_locale.pk), 0)
            if alias:
                row.state = INCOMPLETE
        self._count_extracted(to_extract)
        for row in rows:
            if row.state == UP_TO_DATE and row.segments_to_translate:
                row.state = INCOMPLETE

    def _count_extracted(self, rows):
        if not rows:
            return
        pages = {row.source.pk for row in rows if isinstance(row.source, Page)}
        specific = {page.pk: page for page in Page.objects.filter(pk__in=pages).specific()} if pages else {}
        segments = {}
        for row in rows:
            key = (type(row.source), row.source.pk)
            if key not in segments:
                instance = specific.get(row.source.pk) if isinstance(row.source, Page) else row.source
                segments[key] = _string_segments(instance) if instance is not None else []
        hashes = {String._get_data_hash(segment.string.data) for values in segments.values() for segment in values}
        translated = defaultdict(set)  # locale id -> data hashes of source strings translated into it
        if hashes:
            for data_hash, locale_id in StringTranslation.objects.filter(
                translation_of__data_hash__in=hashes,
                translation_of__locale=self.source_locale,
                locale__in=self.target_locales,
            ).values_list("translation_of__data_hash", "locale_id"):
                translated[locale_id].add(data_hash)
        for row in rows:
            values = segments[(type(row.source), row.source.pk)]
            if row.translation is None:
                row.segments_to_translate = len(values)
            else:
                done = translated[row.target_locale.pk]
                row.segments_to_translate = sum(
                    1 for segment in values if String._get_data_hash(segment.string.data) not in done
                )

    @staticmethod
    def _action(item, translation, state, sync):
        if state == MISSING:
            if isinstance(item, Page):
                return reverse("wagtail_localize:submit_page_translation", args=[item.pk]), pgettext_lazy(
                    "translation board action", "Translate"
                )
            opts = item._meta
            url = reverse(
                "wagtail_localize:submit_snippet_translation", args=[opts.app_label, opts.model_name, quote(item.pk)]
            )
            return url, pgettext_lazy("translation board action", "Translate")
        if state == OUTDATED and sync is not None:
            return reverse("wagtail_localize:update_translations", args=[sync.pk]), _("Update translation")
        if isinstance(translation, Page):
            return reverse("wagtailadmin_pages:edit", args=[translation.pk]), _("Edit translation")
        edit_url_name = translation.snippet_viewset.get_url_name("edit")
        return reverse(edit_url_name, args=[quote(translation.pk)]), _("Edit translation")

    @cached_property
    def counts(self):
        counted = Counter(row.state for row in self.rows)
        return [(state, label, counted[state]) for state, label in STATES.items()]

    @cached_property
    def rows_needing_work(self):
        return [row for row in self.rows if row.state != UP_TO_DATE]

    @cached_property
    def kinds(self):
        """(kind key, label) of the types on the board, for the type filter."""
        seen = {}
        for row in self.rows:
            seen.setdefault(row.kind_key, row.kind)
        return sorted(seen.items(), key=lambda item: str(item[1]))


def translation_status(instance):
    """The board row of a translated page or snippet (``instance`` is the translation), or ``None`` for a source
    or an object the board does not list."""
    if not isinstance(instance, TranslatableMixin) or instance.locale_id == Locale.get_default().pk:
        return None
    board = TranslationBoard(target_locales=[instance.locale], translation_keys=[instance.translation_key])
    return next(iter(board.rows), None)
