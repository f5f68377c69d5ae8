"""News items and events, each in an index page per language.

Translation rules follow ``home.models.BasePage``: text is translated, dates, places' addresses and links are
synchronised from the Polish source. Tags are not handled by wagtail-localize (it does not sync many-to-many
relations): a translation starts with the source's tags and editors keep each language's tags themselves.
"""

import time

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.blocks import BodyStreamBlock
from home.content_events import cached_for_content, public_content
from home.models import BasePage

from .calendar import CALENDAR_TIME_ZONE, calendar_response
from .feeds import NewsAtomFeed, NewsRssFeed

PAGE_SIZE = 10


class CountedPaginator(Paginator):
    """Pages of ``make_queryset()``, whose ``count`` is known beforehand (kept per content version): a page's
    number, the page links and the count cost no query, and the queryset is built and read only when the
    page's items are (a fragment cache miss). ``?page=`` is validated as ``Paginator.get_page`` does."""

    def __init__(self, make_queryset, count, per_page=PAGE_SIZE):
        super().__init__((), per_page)
        self.make_queryset = make_queryset
        self.count = count

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        return self._get_page(
            SimpleLazyObject(lambda: list(self.make_queryset()[bottom : bottom + self.per_page])), number, self
        )


def paginate_counted(request, name, parts, make_queryset):
    """One page of ``make_queryset()``; a missing, malformed or too large ?page= gives the nearest real page. Its
    count is kept per content version under ``name`` and ``parts`` (``home.content_events.cached_for_content``)."""
    count = cached_for_content(request, name, parts, lambda: make_queryset().count())
    return CountedPaginator(make_queryset, count).get_page(request.GET.get("page"))


class IntroIndexPage(RoutablePageMixin, BasePage):
    """A listing page with an introduction: what the news and the events index pages share."""

    intro = models.TextField(_("introduction"), blank=True)

    translatable_fields = BasePage.translatable_fields + [TranslatableField("intro")]
    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    api_fields = BasePage.api_fields + [APIField("intro")]

    class Meta:
        abstract = True


class NewsIndexPage(IntroIndexPage):
    """ "Aktualności" / "News": the news items of one language, newest first, with RSS and Atom feeds."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("news index page")
        verbose_name_plural = _("news index pages")

    def news(self):
        """Live, public news items of this index, newest first."""
        return self.live_news().public()

    def live_news(self):
        """Live news items of this index, newest first, view-restricted ones included (``news()`` leaves them out)."""
        return (
            NewsPage.objects.child_of(self)
            .live()
            .select_related("image", "locale")
            .order_by("-date", "-first_published_at", "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        news_items = paginate_counted(
            request, "news-count", (self.pk,), lambda: self.news().prefetch_related("image__renditions")
        )
        context.update(news_items=news_items, page_obj=news_items)
        return context

    @path("rss/", name="rss")
    def rss_feed(self, request):
        return NewsRssFeed(self)(request)

    @path("atom/", name="atom")
    def atom_feed(self, request):
        return NewsAtomFeed(self)(request)

    def feed_urls(self, request=None):
        base = self.get_url(request)
        return {"rss": base + self.reverse_subpage("rss"), "atom": base + self.reverse_subpage("atom")}


@public_content
class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey("news.NewsPage", related_name="tagged_items", on_delete=models.CASCADE)


class NewsPage(BasePage):
    # Indexed: the newest items (the home page, the news list, feeds) are read in date order out of thousands.
    date = models.DateField(_("date"), default=timezone.localdate, db_index=True)
    lead = models.TextField(_("lead"), help_text=_("One or two sentences shown in lists, feeds and search results."))
    body = StreamField(BodyStreamBlock(), verbose_name=_("body"), blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    tags = ClusterTaggableManager(verbose_name=_("tags"), through=NewsPageTag, blank=True)
    is_demo = models.BooleanField(_("demo item"), default=False, editable=False)

    translatable_fields = BasePage.translatable_fields + [
        SynchronizedField("date"),
        TranslatableField("lead"),
        TranslatableField("body"),
        SynchronizedField("image"),
    ]
    content_panels = BasePage.content_panels + [
        FieldPanel("date"),
        FieldPanel("lead"),
        FieldPanel("image"),
        FieldPanel("body"),
        FieldPanel("tags"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("lead"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    api_fields = BasePage.api_fields + [
        APIField("date"),
        APIField("lead"),
        APIField("body"),
        APIField("image"),
        APIField("image_rendition", serializer=ImageRenditionField("fill-1200x630|format-webp", source="image")),
        APIField("tag_names"),
    ]

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")

    @property
    def tag_names(self) -> list[str]:
        return [tag.name for tag in self.tags.all()]

    @property
    def description(self):
        return self.search_description or self.lead

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["news_index"] = self.get_parent().specific
        return context


class EventIndexPage(IntroIndexPage):
    """ "Wydarzenia" / "Events": upcoming events first, an archive of past ones, and an iCalendar feed."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("event index page")
        verbose_name_plural = _("event index pages")

    def events(self):
        return self.live_events().public()

    def live_events(self):
        """Live events of this index, view-restricted ones included (``events()`` leaves them out)."""
        return EventPage.objects.child_of(self).live().select_related("locale")

    def upcoming_events(self):
        return EventPage.upcoming(self.events())

    def past_events(self):
        return EventPage.past(self.events())

    def archive_url(self, request=None, full=False):
        base = self.get_full_url(request) if full else self.get_url(request)
        return base + self.reverse_subpage("archive") if base else None

    def get_sitemap_urls(self, request=None):
        """The page itself and its archive of past events (the archives of the languages pair up)."""
        urls = super().get_sitemap_urls(request)
        archive = self.archive_url(request, full=True)
        if archive:
            entry = {"location": archive, "translation_key": f"{self.translation_key}:archive"}
            latest = self.past_events().order_by("-last_published_at").values_list("last_published_at", flat=True)
            # Every entry has a date, so that the sitemap answers with Last-Modified.
            entry["lastmod"] = latest.first() or urls[0]["lastmod"]
            urls.append(entry)
        return urls

    def get_context(self, request, *args, archive=False, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        events = self.past_events if archive else self.upcoming_events
        base_url = self.get_url(request)
        context.update(
            # Which events are upcoming changes with the clock: the count is kept for the minute at most.
            events=paginate_counted(request, "event-count", (self.pk, archive, int(time.time() // 60)), events),
            is_archive=archive,
            archive_url=base_url + self.reverse_subpage("archive"),
            calendar_url=base_url + self.reverse_subpage("calendar"),
        )
        context["page_obj"] = context["events"]
        if archive:
            context.update(self.archive_context(request))
        return context

    def archive_context(self, request):
        """What the archive tells search engines and the language links: itself, not the upcoming events."""
        title = _("Past events")
        return {
            "seo": {
                "title": title,
                "description": _("Past events of the Lublin Partnership for the Development of the Social Economy."),
                "canonical": self.archive_url(request, full=True),
            },
            # The archive in each language it is live in: the language switcher and hreflang links pair archives.
            "alternates": [
                (translation.locale.language_code, translation.archive_url(request, full=True))
                for translation in self.get_translations(inclusive=True).live().public().select_related("locale")
            ],
        }

    @path("archive/", name="archive")
    def archive(self, request):
        return self.render(request, archive=True)

    @path("ical/", name="calendar")
    def calendar(self, request):
        return calendar_response(self.upcoming_events(), filename=f"{self.slug}.ics")


class EventPage(RoutablePageMixin, BasePage):
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"), null=True, blank=True, help_text=_("Leave empty if it is not known."))
    place = models.CharField(_("place"), max_length=255, blank=True, help_text=_("e.g. the name of the building"))
    address = models.CharField(_("address"), max_length=255, blank=True)
    online_url = models.URLField(_("online link"), blank=True, help_text=_("Where to join the event online."))
    registration_url = models.URLField(_("registration link"), blank=True)
    lead = models.TextField(_("lead"), blank=True, help_text=_("One or two sentences shown in lists and feeds."))
    body = StreamField(BodyStreamBlock(), verbose_name=_("body"), blank=True)
    is_demo = models.BooleanField(_("demo event"), default=False, editable=False)

    translatable_fields = BasePage.translatable_fields + [
        SynchronizedField("start"),
        SynchronizedField("end"),
        TranslatableField("place"),
        SynchronizedField("address"),
        SynchronizedField("online_url"),
        SynchronizedField("registration_url"),
        TranslatableField("lead"),
        TranslatableField("body"),
    ]
    content_panels = BasePage.content_panels + [
        MultiFieldPanel([FieldRowPanel([FieldPanel("start"), FieldPanel("end")])], heading=_("When")),
        MultiFieldPanel(
            [FieldPanel("place"), FieldPanel("address"), FieldPanel("online_url"), FieldPanel("registration_url")],
            heading=_("Where"),
        ),
        FieldPanel("lead"),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("place"),
        index.SearchField("address"),
        index.SearchField("lead"),
        index.SearchField("body"),
        index.FilterField("start"),
    ]
    api_fields = BasePage.api_fields + [
        APIField("start"),
        APIField("end"),
        APIField("place"),
        APIField("address"),
        APIField("online_url"),
        APIField("registration_url"),
        APIField("lead"),
        APIField("body"),
    ]

    parent_page_types = ["news.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The event cannot end before it starts.")})

    @staticmethod
    def _still_on(now):
        return Q(end__gte=now) | Q(end__isnull=True, start__gte=now)

    @classmethod
    def upcoming(cls, queryset, now=None):
        """Events not yet over, the soonest first."""
        return queryset.filter(cls._still_on(now or timezone.now())).order_by("start", "pk")

    @classmethod
    def past(cls, queryset, now=None):
        """Events that are over, the most recent first."""
        return queryset.exclude(cls._still_on(now or timezone.now())).order_by("-start", "-pk")

    @property
    def description(self):
        return self.search_description or self.lead

    @property
    def is_past(self):
        return (self.end or self.start) < timezone.now()

    @property
    def local_start(self):
        return timezone.localtime(self.start, CALENDAR_TIME_ZONE)

    @property
    def local_end(self):
        return timezone.localtime(self.end, CALENDAR_TIME_ZONE) if self.end else None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["calendar_url"] = self.get_url(request) + self.reverse_subpage("calendar")
        context["event_index"] = self.get_parent().specific
        return context

    @path("ical/", name="calendar")
    def calendar(self, request):
        return calendar_response([self], filename=f"{self.slug}.ics")
