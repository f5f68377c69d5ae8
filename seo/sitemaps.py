"""/sitemap.xml: every live, public page of every language, each paired with its translations (hreflang)."""

from collections import defaultdict
from functools import reduce
from operator import or_

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Q

from wagtail.models import Page, Site


class PageSitemap(Sitemap):
    def items(self):
        roots = [
            translation
            for site in Site.objects.select_related("root_page")
            for translation in site.root_page.get_translations(inclusive=True)
        ]
        if not roots:
            return []
        in_a_site = reduce(or_, (Q(path__startswith=root.path) for root in roots))
        return list(
            Page.objects.live().public().filter(in_a_site).select_related("locale").order_by("path", "locale_id")
        )

    def location(self, item):
        return item.get_url_parts()[2]

    def lastmod(self, item):
        return item.last_published_at

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        versions = defaultdict(dict)
        for url in urls:
            versions[url["item"].translation_key][url["item"].locale.language_code] = url["location"]
        for url in urls:
            languages = versions[url["item"].translation_key]
            url["alternates"] = [
                {"lang_code": code, "location": languages[code]}
                for code, _name in settings.LANGUAGES
                if code in languages
            ]
            if settings.LANGUAGE_CODE in languages:
                url["alternates"].append({"lang_code": "x-default", "location": languages[settings.LANGUAGE_CODE]})
        return urls


SITEMAPS = {"pages": PageSitemap}
