"""The translation status board: every Polish page and translatable snippet, and the state of its translation
in each other language.

States, checked in this order:

* missing — there is no translation at all;
* outdated — the Polish source was published (pages) or its translated or synchronised fields changed (snippets)
  after the translation was last synced with wagtail-localize;
* draft — the translation is not live, or has changes that are not live yet (e.g. awaiting approval);
* live — the translation is published and in step with the source.

Beside the state, ``segments_to_translate`` counts the source's segments that have no translation in that
language — after a sync, exactly the segments whose Polish text changed (wagtail-localize keeps a translator's
work for unchanged text). The whole board is read in a fixed number of queries, however many items it lists.
"""

import json
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import datetime

from django.contrib.admin.utils import quote
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Count, Exists, OuterRef
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from modelcluster.models import get_serializable_data_for_fields
from wagtail.models import DraftStateMixin, Locale, Page, TranslatableMixin
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.fields import get_translatable_fields
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

MISSING = "missing"
OUTDATED = "outdated"
DRAFT = "draft"
LIVE = "live"
STATES = {
    MISSING: pgettext_lazy("translation state", "Missing"),
    OUTDATED: pgettext_lazy("translation state", "Out of date"),
    DRAFT: pgettext_lazy("translation state", "Draft"),
    LIVE: pgettext_lazy("translation state", "Live"),
}


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
        model = self.source.specific_class if isinstance(self.source, Page) else type(self.source)
        return model._meta.verbose_name if model else ""

    @property
    def language(self):
        return self.target_locale.get_display_name()

    @property
    def language_code(self):
        return self.target_locale.language_code

    @property
    def state_label(self):
        return STATES[self.state]


def _snippet_content_changed(instance, source):
    """Whether a snippet's translated or synchronised fields differ from what was last synced. A snippet's row
    holds its live content (drafts live in revisions); revision bookkeeping fields are left out of the
    comparison, so publishing unchanged content does not count as a change."""
    fields = {field.field_name for field in get_translatable_fields(type(instance))}
    current = json.loads(json.dumps(get_serializable_data_for_fields(instance), cls=DjangoJSONEncoder))
    synced = json.loads(source.content_json)
    return any(current.get(name) != synced.get(name) for name in fields)


def _source_changed_at(instance):
    if isinstance(instance, DraftStateMixin):
        return instance.last_published_at
    return None


def _is_draft(translation):
    if isinstance(translation, DraftStateMixin):
        return not translation.live or translation.has_unpublished_changes
    return False


class TranslationBoard:
    """The board for ``target_locales`` (default: every language but the default one)."""

    def __init__(self, target_locales=None):
        self.source_locale = Locale.get_default()
        if target_locales is None:
            target_locales = Locale.objects.exclude(pk=self.source_locale.pk).order_by("language_code")
        self.target_locales = list(target_locales)

    @cached_property
    def rows(self):
        sources = list(
            Page.objects.filter(locale=self.source_locale, depth__gt=1).select_related("content_type").order_by("path")
        )
        translations = defaultdict(dict)  # translation key -> locale id -> object
        keys = [page.translation_key for page in sources]
        for page in Page.objects.filter(translation_key__in=keys, locale__in=self.target_locales):
            translations[page.translation_key][page.locale_id] = page
        for model in get_snippet_models():
            if not issubclass(model, TranslatableMixin):
                continue
            snippets = list(model.objects.filter(locale=self.source_locale).order_by("pk"))
            sources += snippets
            keys = [snippet.translation_key for snippet in snippets]
            for snippet in model.objects.filter(translation_key__in=keys, locale__in=self.target_locales):
                translations[snippet.translation_key][snippet.locale_id] = snippet

        syncs = {
            source.object_id: source
            for source in TranslationSource.objects.filter(
                object_id__in=[item.translation_key for item in sources], locale=self.source_locale
            )
        }
        enabled = set(
            Translation.objects.filter(source__in=syncs.values(), enabled=True).values_list(
                "source_id", "target_locale_id"
            )
        )
        untranslated = self._untranslated_segment_counts(syncs.values())

        return [
            self._row(item, locale, translations[item.translation_key].get(locale.pk), syncs, enabled, untranslated)
            for item in sources
            for locale in self.target_locales
        ]

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

    def _row(self, item, locale, translation, syncs, enabled, untranslated):
        sync = syncs.get(item.translation_key)
        synced = sync is not None and (sync.pk, locale.pk) in enabled
        changed_at = _source_changed_at(item)
        if translation is None:
            state = MISSING
        elif synced and (
            (changed_at is not None and changed_at > sync.last_updated_at)
            if isinstance(item, Page)
            else _snippet_content_changed(item, sync)
        ):
            state = OUTDATED
        elif _is_draft(translation):
            state = DRAFT
        else:
            state = LIVE
        url, label = self._action(item, translation, state, sync if synced else None)
        return BoardRow(
            source=item,
            target_locale=locale,
            translation=translation,
            state=state,
            source_changed_at=changed_at,
            synced_at=sync.last_updated_at if synced else None,
            segments_to_translate=untranslated.get((sync.pk, locale.pk), 0) if synced and translation else 0,
            action_url=url,
            action_label=label,
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
        return [row for row in self.rows if row.state != LIVE or row.segments_to_translate]
