"""RSS 2.0 and Atom feeds of one language's news, served by that language's news index page.

Every link is a full URL from the site's address (the pages' Wagtail site record), never from the request's
``Host`` header; entry ids are derived from the pages' translation keys, so they survive a change of host name,
a move of the page and a rebuilt database.
"""

import uuid
from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.utils import timezone, translation
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext

FEED_LENGTH = 20


class IndexPageDate:
    """An empty feed is as new as its index page: not "now", which would change at every request."""

    def latest_post_date(self):
        if not any(item["updateddate"] or item["pubdate"] for item in self.items) and self.feed.get("index_updated"):
            return self.feed["index_updated"]
        return super().latest_post_date()


class RssFeed(IndexPageDate, Rss201rev2Feed):
    pass


class AtomFeed(IndexPageDate, Atom1Feed):
    pass


def entry_id(page):
    """``urn:uuid:…``, one per news item and language: the same whatever the host, the slug or the run."""
    return f"urn:uuid:{uuid.uuid5(page.translation_key, page.locale.language_code)}"


class NewsRssFeed(Feed):
    feed_type = RssFeed
    route_name = "rss"

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page

    def __call__(self, request, *args, **kwargs):
        # Dates, titles and links in the feed's own language, whatever the request negotiated.
        with translation.override(self.index_page.locale.language_code):
            return super().__call__(request, *args, **kwargs)

    def title(self):
        return self.index_page.seo_title or self.index_page.title

    def link(self):
        return self.index_page.get_full_url()

    def description(self):
        """The index page's introduction, which editors write; its search description or a plain line if empty."""
        return (
            self.index_page.intro
            or self.index_page.search_description
            or gettext("News of the Lublin Partnership for the Development of the Social Economy.")
        )

    def feed_url(self):
        return self.index_page.get_full_url() + self.index_page.reverse_subpage(self.route_name)

    def feed_extra_kwargs(self, obj):
        return {"index_updated": self.index_page.last_published_at}

    def author_name(self):
        # RFC 4287 wants an author for the feed or for every entry: the partnership writes the news.
        return gettext("Lublin Partnership for the Development of the Social Economy")

    def author_link(self):
        return self.index_page.get_parent().get_full_url()

    @property
    def language(self):
        return self.index_page.locale.language_code

    def items(self):
        return self.index_page.news()[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_link(self, item):
        return item.get_full_url()

    item_guid_is_permalink = False

    def item_guid(self, item):
        return entry_id(item)

    def item_pubdate(self, item):
        # The news date is the editor's publication date; the time of day comes from the first publication.
        published = timezone.localtime(item.first_published_at) if item.first_published_at else None
        moment = published.timetz() if published and published.date() == item.date else time(9, 0)
        return datetime.combine(item.date, moment, tzinfo=moment.tzinfo or timezone.get_current_timezone())

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return item.tag_names


class NewsAtomFeed(NewsRssFeed):
    feed_type = AtomFeed
    route_name = "atom"

    def subtitle(self):
        return self.description()
