"""Building blocks for ``manage.py load_content``: content described in Polish and English, created once.

Every object the loader creates gets a translation key derived from its content key, so a second run finds
what the first one made (even after an editor renamed it) and creates or changes nothing. English versions
are real wagtail-localize translations: a translation source per object, English strings filled in from
the content module, the translation published.
"""

import uuid
from dataclasses import dataclass
from html import escape
from urllib.parse import urlsplit

from django.conf import settings
from django.core.management.base import CommandError
from django.db import transaction

from wagtail.models import Locale, Page, Site
from wagtail_localize.models import Translation, TranslationSource

from .languages import language_codes

KEY_NAMESPACE = uuid.UUID("6f1d2c1e-5b0a-4c55-9a57-0e4f2f4b1a10")


@dataclass(frozen=True)
class Text:
    """A piece of content in Polish (the source) and its English translation."""

    pl: str
    en: str


@dataclass(frozen=True)
class RichText:
    """Rich text made of paragraphs, or of list items when ``as_list`` is set."""

    parts: tuple
    as_list: bool = False

    def __init__(self, *parts, as_list=False):
        object.__setattr__(self, "parts", parts)
        object.__setattr__(self, "as_list", as_list)


@dataclass(frozen=True)
class PageRef:
    """A link to another page of the content, by its key."""

    key: str


@dataclass(frozen=True)
class Child:
    """A child object of a page (an inline panel's row, such as a form field): its model and fields."""

    model: type
    fields: dict

    def __init__(self, model, **fields):
        object.__setattr__(self, "model", model)
        object.__setattr__(self, "fields", fields)


class PageSpec:
    """A page of the content: ``key`` names it for links and re-runs, ``fields`` are the model's own."""

    def __init__(self, key, model, title, slug, parent=None, **fields):
        self.key = key
        self.model = model
        self.title = title
        self.slug = slug
        self.parent = parent
        self.fields = fields


def translation_key_for(key):
    return uuid.uuid5(KEY_NAMESPACE, key)


def contains_page_ref(value):
    if isinstance(value, PageRef):
        return True
    if isinstance(value, dict):
        return any(contains_page_ref(v) for v in value.values())
    if isinstance(value, list | tuple):
        return any(contains_page_ref(v) for v in value)
    return False


class ContentLoader:
    def __init__(self, stdout=None, style=None):
        self.stdout = stdout
        self.style = style
        self.created = 0
        self.existing = 0
        self.pages = {}
        self.strings = {}

    # --- reporting -------------------------------------------------------------------------------
    def report(self, created, label):
        if created:
            self.created += 1
        else:
            self.existing += 1
        if self.stdout:
            mark = "+" if created else "="
            line = f"  {mark} {label}"
            self.stdout.write(self.style.SUCCESS(line) if created and self.style else line)

    # --- values ----------------------------------------------------------------------------------
    def polish(self, value):
        """The Polish value of a content description; remembers every Polish→English pair."""
        if isinstance(value, Text):
            self.strings[value.pl] = value.en
            return value.pl
        if isinstance(value, RichText):
            items = [escape(self.polish(part), quote=False) for part in value.parts]
            if value.as_list:
                return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"
            return "".join(f"<p>{item}</p>" for item in items)
        if isinstance(value, PageRef):
            return self.pages[value.key]
        if isinstance(value, Child):
            return value.model(**{name: self.polish(v) for name, v in value.fields.items()})
        if isinstance(value, dict):
            return {k: self.polish(v) for k, v in value.items()}
        if isinstance(value, list):
            return [self.polish(v) for v in value]
        if isinstance(value, tuple):
            return tuple(self.polish(v) for v in value)
        return value

    # --- locales ---------------------------------------------------------------------------------
    @property
    def source_locale(self):
        return Locale.get_default()

    def ensure_locales(self):
        for code in language_codes():
            _locale, created = Locale.objects.get_or_create(language_code=code)
            self.report(created, f"locale {code}")

    def target_locales(self):
        return Locale.objects.exclude(pk=self.source_locale.pk).order_by("language_code")

    # --- pages -----------------------------------------------------------------------------------
    def ensure_pages(self, specs):
        """Create the Polish pages that are missing (parents first), then their translations."""
        new = []
        for spec in specs:
            page = spec.model.objects.filter(
                translation_key=translation_key_for(spec.key), locale=self.source_locale
            ).first()
            if page is None:
                page = self._create_page(spec)
                new.append((spec, page))
            else:
                self.report(False, f"page “{page.title}” ({page.locale.language_code})")
            self.pages[spec.key] = page
        # Links between pages can only be set once every page exists.
        for spec, page in new:
            linked = {name: v for name, v in spec.fields.items() if contains_page_ref(v)}
            if linked:
                for name, value in linked.items():
                    setattr(page, name, self.polish(value))
                page.save_revision().publish()
        for spec in specs:
            self.polish(spec.fields)
            self.polish(spec.title)
            self.polish(spec.slug)
            self.ensure_translations(self.pages[spec.key])

    def _create_page(self, spec):
        values = {name: self.polish(value) for name, value in spec.fields.items() if not contains_page_ref(value)}
        page = spec.model(
            title=self.polish(spec.title),
            slug=self.polish(spec.slug),
            locale=self.source_locale,
            translation_key=translation_key_for(spec.key),
            **values,
        )
        with transaction.atomic():
            if spec.parent:
                self.pages[spec.parent].add_child(instance=page)
            else:
                Page.get_first_root_node().add_child(instance=page)
                self._make_site_root(page)
            page.save_revision().publish()
        self.report(True, f"page “{page.title}” ({page.locale.language_code})")
        return page

    def _make_site_root(self, page):
        """Point the default site at ``page`` and remove Wagtail's stock welcome page, if still there."""
        base_url = urlsplit(settings.WAGTAILADMIN_BASE_URL)
        site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
        previous = site.root_page if site.pk else None
        site.root_page = page
        site.site_name = settings.WAGTAIL_SITE_NAME
        site.hostname = base_url.hostname or "localhost"
        site.port = base_url.port or (443 if base_url.scheme == "https" else 80)
        site.save()
        if previous is None:
            return
        if previous.specific_class is Page and previous.get_children_count() == 0:
            previous.delete()

    def find_page(self, key):
        """The page another content module created under ``key``, for links (``PageRef(key)``)."""
        if key not in self.pages:
            self.pages[key] = Page.objects.get(translation_key=translation_key_for(key), locale=self.source_locale)
        return self.pages[key]

    def ensure_page_fields(self, key, model, fields):
        """Fill in ``fields`` of the existing page ``key`` where they are still empty, then update its translations.

        For fields added to a page type after its page was loaded: a site loaded before gets the content once,
        and a field an editor has filled in is never touched.
        """
        page = model.objects.get(translation_key=translation_key_for(key), locale=self.source_locale)
        self.pages[key] = page
        empty = {name: value for name, value in fields.items() if self._is_empty(page, name)}
        for value in fields.values():
            self.polish(value)
        if not empty:
            self.report(False, f"page “{page.title}” ({page.locale.language_code}): {', '.join(fields)}")
            return page
        page = model.objects.get(pk=page.pk)  # the live values, not a draft
        for name, value in empty.items():
            polished = self.polish(value)
            if isinstance(polished, list) and polished and hasattr(polished[0], "_meta"):
                getattr(page, name).set(polished)
            else:
                setattr(page, name, polished)
        page.save_revision().publish()
        self.report(True, f"page “{page.title}” ({page.locale.language_code}): {', '.join(empty)}")
        for locale in self.target_locales():
            self.translate(page, locale)
            self.report(True, f"translation of “{page}” ({locale.language_code}): {', '.join(empty)}")
        return page

    @staticmethod
    def _is_empty(page, name):
        value = getattr(page, name)
        if hasattr(value, "all") and callable(value.all):
            return len(value.all()) == 0
        return value is None or value == "" or (hasattr(value, "__len__") and len(value) == 0)

    # --- snippets --------------------------------------------------------------------------------
    def ensure_snippet(self, model, key, fields):
        instance = model.objects.filter(translation_key=translation_key_for(key), locale=self.source_locale).first()
        if instance is None:
            instance = model(
                locale=self.source_locale,
                translation_key=translation_key_for(key),
                **{name: self.polish(value) for name, value in fields.items()},
            )
            instance.full_clean()
            instance.save()
            self.report(True, f"{model._meta.verbose_name} “{instance}”")
        else:
            self.polish(fields)
            self.report(False, f"{model._meta.verbose_name} “{instance}”")
        self.ensure_translations(instance)
        return instance

    # --- translations ----------------------------------------------------------------------------
    def ensure_translations(self, instance):
        for locale in self.target_locales():
            if instance.has_translation(locale):
                self.report(False, f"translation of “{instance}” ({locale.language_code})")
                continue
            self.translate(instance, locale)
            self.report(True, f"translation of “{instance}” ({locale.language_code})")

    def translate_with(self, instance, strings):
        """Translate ``instance`` with ``strings`` ({Polish: English}), for objects made outside a content module."""
        self.strings.update(strings)
        self.ensure_translations(instance)

    def translate(self, instance, locale):
        """Translate ``instance`` into ``locale`` through wagtail-localize, with the content's own strings."""
        # A freshly fetched object: wagtail-localize serialises what it is given, drafts included.
        fresh = type(instance).objects.get(pk=instance.pk)
        source, _created = TranslationSource.update_or_create_from_instance(fresh)
        translation, _created = Translation.objects.get_or_create(
            source=source, target_locale=locale, defaults={"enabled": True}
        )
        po = translation.export_po()
        for entry in po:
            if entry.msgid in self.strings:
                entry.msgstr = self.strings[entry.msgid]
            elif not entry.msgstr:
                # A text translated before (by an earlier run or an editor) keeps its translation.
                raise CommandError(f"The content has no {locale.language_code} text for {entry.msgid!r} ({instance}).")
        translation.import_po(po, tool_name="load_content")
        translation.save_target(publish=True)
