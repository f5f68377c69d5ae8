"""RSS 2.0 and Atom feeds of one language's news, served by that language's news index page."""

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.utils import timezone, translation
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

FEED_LENGTH = 20


class NewsRssFeed(Feed):
    feed_type = Rss201rev2Feed
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
        return self.index_page.get_url()

    def description(self):
        return self.index_page.search_description or self.index_page.intro

    def feed_url(self):
        return self.index_page.get_url() + self.index_page.reverse_subpage(self.route_name)

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
        return item.get_url()

    def item_guid(self, item):
        return item.get_full_url()

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
    feed_type = Atom1Feed
    route_name = "atom"

    def subtitle(self):
        return self.description()
