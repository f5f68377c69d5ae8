"""The layout's fragments ({% wagtailcache %} in templates/base.html and the page templates) are cached on the
content version: every way an editor changes what they show must reach the next answer, and nothing that
belongs to one visitor, one language or one page may reach another.

Pages are asked for with a query string, which the full-page cache never answers: what is cached here is
the fragments only.
"""

import re
from datetime import timedelta
from unittest import mock

import pytest

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone

from wagtail.blocks import StreamValue
from wagtail.models import Page

from home.models import ContactDetails, HomePage, PrivacyPage, StandardPage
from news.models import EventIndexPage, NewsIndexPage
from newsletter.models import ConsentText
from partners.models import PartnerIndexPage

from ..factories.home import StandardPageFactory
from ..factories.news import EventPageFactory, NewsPageFactory
from ..factories.partners import PartnerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fragments_on(settings):
    settings.PAGE_CACHE_SECONDS = 600


@pytest.fixture
def home_pl(locale_pl):
    return HomePage.objects.get(locale=locale_pl)


def html(client, path):
    response = client.get(path + "?fragments")
    assert response.status_code == 200
    return response.content.decode()


def menu(page_html):
    nav = re.search(r'<nav class="main-nav".*?</nav>', page_html, re.S).group(0)
    return re.findall(r">([^<>]+)</a>", nav)


def current_menu_item(page_html):
    nav = re.search(r'<nav class="main-nav".*?</nav>', page_html, re.S).group(0)
    return re.findall(r'aria-current="page">([^<>]+)</a>', nav)


def switcher_links(page_html):
    return {lang: url for url, lang in re.findall(r'<a href="([^"]+)" hreflang="(?:pl|en)" lang="(pl|en)"', page_html)}


def hreflang_links(page_html):
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', page_html))


def footer(page_html):
    return re.search(r'<footer class="site-footer">.*?</footer>', page_html, re.S).group(0)


def test_the_second_answer_takes_the_layout_from_the_cache_and_is_the_same(client, django_assert_max_num_queries):
    first = html(client, "/pl/o-partnerstwie/")
    with django_assert_max_num_queries(8):  # routing, view restrictions, the page's locale: no layout query
        second = html(client, "/pl/o-partnerstwie/")

    assert second == first
    assert "O Partnerstwie" in menu(second)


def test_publishing_a_new_menu_page_shows_it_in_every_cached_menu(client, home_pl):
    assert "Nowa w menu" not in menu(html(client, "/pl/o-partnerstwie/"))

    page = home_pl.add_child(instance=StandardPage(title="Nowa w menu", slug="nowa-w-menu", show_in_menus=True))
    page.save_revision().publish()

    assert "Nowa w menu" in menu(html(client, "/pl/o-partnerstwie/"))


def test_unpublishing_moving_and_deleting_menu_pages_take_them_out_of_cached_menus(client, home_pl):
    pages = {
        title: StandardPageFactory(parent=home_pl, title=title, slug=f"menu-{n}", show_in_menus=True)
        for n, title in enumerate(("Do wycofania", "Do przeniesienia", "Do usunięcia"))
    }
    assert set(pages) <= set(menu(html(client, "/pl/")))

    pages["Do wycofania"].unpublish()
    assert "Do wycofania" not in menu(html(client, "/pl/"))

    pages["Do przeniesienia"].move(Page.objects.get(pk=pages["Do usunięcia"].pk), pos="last-child")
    assert "Do przeniesienia" not in menu(html(client, "/pl/"))

    Page.objects.get(pk=pages["Do usunięcia"].pk).delete()
    assert not set(pages) & set(menu(html(client, "/pl/")))


def test_renaming_a_translation_updates_the_switcher_and_hreflang_links_of_its_original(client, locale_en):
    before = html(client, "/pl/o-partnerstwie/")
    assert switcher_links(before)["en"] == "/en/about/"

    english = HomePage.objects.get(locale=locale_en).get_children().get(slug="about").specific
    english.slug = "about-us"
    english.save_revision().publish()
    after = html(client, "/pl/o-partnerstwie/")

    assert switcher_links(after)["en"] == "/en/about-us/"
    assert hreflang_links(after)["en"] == "http://testserver/en/about-us/"


def test_editing_the_contact_details_updates_every_cached_footer(client):
    assert "ul. Nowa 1" not in footer(html(client, "/pl/o-partnerstwie/"))

    details = ContactDetails.for_locale()
    details.street = "ul. Nowa 1"
    details.save()

    assert "ul. Nowa 1" in footer(html(client, "/pl/o-partnerstwie/"))
    assert "ul. Nowa 1" in html(client, "/pl/kontakt/")  # the contact page's own copy of the details


def test_a_new_consent_text_version_reaches_the_footer_form_with_its_version(client):
    old = ConsentText.current("pl")
    html(client, "/pl/o-partnerstwie/")

    new = ConsentText.objects.create(language="pl", text="Zgadzam się na nową wersję warunków.")
    page_footer = footer(html(client, "/pl/o-partnerstwie/"))

    assert new.version > old.version
    assert f'name="consent_version" value="{new.version}"' in page_footer
    assert "Zgadzam się na nową wersję warunków." in html(client, "/pl/newsletter/")


def test_unpublishing_the_privacy_page_takes_its_footer_link_away(client, locale_pl):
    privacy = PrivacyPage.objects.get(locale=locale_pl)
    assert privacy.url in footer(html(client, "/pl/o-partnerstwie/"))

    privacy.unpublish()

    assert privacy.url not in footer(html(client, "/pl/o-partnerstwie/"))


def test_each_language_gets_its_own_layout(client):
    polish, english = html(client, "/pl/o-partnerstwie/"), html(client, "/en/about/")

    assert "O Partnerstwie" in menu(polish)
    assert "About the Partnership" in menu(english)
    assert "O Partnerstwie" not in menu(english)
    assert 'lang="pl"' in polish and '<html lang="en">' in english


def test_each_page_marks_itself_as_the_current_menu_item(client):
    assert current_menu_item(html(client, "/pl/o-partnerstwie/")) == ["O Partnerstwie"]
    assert current_menu_item(html(client, "/pl/kontakt/")) == ["Kontakt"]


def test_publishing_a_new_body_replaces_the_cached_one(client, home_pl):
    page = StandardPageFactory(parent=home_pl, title="Z treścią", slug="z-trescia")
    page.body = StreamValue(page.body.stream_block, [("heading", {"level": "h2", "text": "Pierwsza wersja"})])
    page.save_revision().publish()
    assert "Pierwsza wersja" in html(client, "/pl/z-trescia/")

    page.body = StreamValue(page.body.stream_block, [("heading", {"level": "h2", "text": "Druga wersja"})])
    page.save_revision().publish()

    assert "Druga wersja" in html(client, "/pl/z-trescia/")


def test_a_preview_of_a_draft_shows_the_draft_not_the_cached_live_page(client, home_pl):
    page = StandardPageFactory(parent=home_pl, title="Na żywo", slug="na-zywo", show_in_menus=True)
    page.body = StreamValue(page.body.stream_block, [("heading", {"level": "h2", "text": "Treść na żywo"})])
    page.save_revision().publish()
    assert "Treść na żywo" in html(client, "/pl/na-zywo/")

    draft = StandardPage.objects.get(pk=page.pk)
    draft.title = "Szkic"
    draft.body = StreamValue(draft.body.stream_block, [("heading", {"level": "h2", "text": "Treść szkicu"})])
    preview = draft.make_preview_request().content.decode()

    assert "Treść szkicu" in preview and "Treść na żywo" not in preview
    assert "<title>Szkic" in preview
    assert "Treść na żywo" in html(client, "/pl/na-zywo/")  # visitors still get the live page


def test_signed_in_editors_share_the_visitors_fragments_which_hold_nothing_of_theirs(client, home_pl):
    editor = get_user_model().objects.create_superuser("redaktor", "redaktor@example.org", "haslo-testowe")
    client.force_login(editor)
    StandardPageFactory(parent=home_pl, title="Nowa w menu", slug="nowa-w-menu", show_in_menus=True)
    as_editor = html(client, "/pl/")
    client.logout()

    as_visitor = html(client, "/pl/")

    assert "Nowa w menu" in menu(as_editor)
    assert menu(as_visitor) == menu(as_editor)
    assert "redaktor" not in as_visitor


def test_the_home_pages_upcoming_events_leave_the_cached_list_when_they_are_over(client, locale_pl):
    now = timezone.now()
    ending_soon = EventPageFactory(
        parent=EventIndexPage.objects.get(locale=locale_pl),
        title="Kończy się wkrótce",
        start=now - timedelta(hours=1),
        end=now + timedelta(minutes=2),  # over well before the fragment's usual lifetime (10 minutes)
    )
    assert "Kończy się wkrótce" in html(client, "/pl/")

    later = ending_soon.end + timedelta(minutes=1)
    with (
        mock.patch("django.utils.timezone.now", return_value=later),
        mock.patch("time.time", return_value=later.timestamp()),
    ):
        assert "Kończy się wkrótce" not in html(client, "/pl/")


def test_the_event_index_drops_an_event_from_its_cached_first_page_when_it_is_over(client, locale_pl):
    index = EventIndexPage.objects.get(locale=locale_pl)
    now = timezone.now()
    EventPageFactory(
        parent=index, title="Trwa jeszcze chwilę", start=now - timedelta(hours=1), end=now + timedelta(minutes=2)
    )
    EventPageFactory(
        parent=index, title="Za tydzień", start=now + timedelta(days=7), end=now + timedelta(days=7, hours=2)
    )
    assert "Trwa jeszcze chwilę" in html(client, index.url)

    later = now + timedelta(minutes=3)
    with (
        mock.patch("django.utils.timezone.now", return_value=later),
        mock.patch("time.time", return_value=later.timestamp()),
    ):
        page_html = html(client, index.url)

    assert "Za tydzień" in page_html
    assert "Trwa jeszcze chwilę" not in page_html


def test_publishing_a_news_item_puts_it_on_the_cached_first_page_of_the_news(client, locale_pl):
    index = NewsIndexPage.objects.get(locale=locale_pl)
    html(client, index.url)

    NewsPageFactory(parent=index, title="Świeża wiadomość")

    assert "Świeża wiadomość" in html(client, index.url)


def test_a_new_partner_joins_the_cached_partner_cards_and_name_searches_are_answered_afresh(client, locale_pl):
    index = PartnerIndexPage.objects.get(locale=locale_pl)
    html(client, index.url)

    PartnerFactory(name="Aaa Spółdzielnia Nowa", slug="aaa-spoldzielnia-nowa")

    assert "Aaa Spółdzielnia Nowa" in html(client, index.url)
    found = client.get(f"{index.url}?q=Nowa").content.decode()
    assert "Aaa Spółdzielnia Nowa" in found
    assert "Aaa Spółdzielnia Nowa" not in client.get(f"{index.url}?q=nikt-taki").content.decode()


def fragments_of_every_template():
    """{template path: [the source inside each {% wagtailcache %}, with the templates it includes]}."""
    roots = [settings.BASE_DIR / "templates", *sorted(settings.BASE_DIR.glob("*/templates"))]
    sources = {path: path.read_text() for root in roots for path in root.rglob("*.html")}
    by_name = {
        str(path.relative_to(root)): text
        for root in roots
        for path, text in sources.items()
        if path.is_relative_to(root)
    }
    found = {}
    for path, text in sources.items():
        for inside in re.findall(r"{% wagtailcache .*?%}(.*?){% endwagtailcache %}", text, re.S):
            included = re.findall(r'{% include "([^"]+)"', inside)
            found.setdefault(path, []).append(inside + "".join(by_name.get(name, "") for name in included))
    return found


def test_no_fragment_holds_a_csrf_token_or_the_visitor():
    fragments = fragments_of_every_template()

    assert len(fragments) >= 8
    for path, sources in fragments.items():
        for source in sources:
            assert "csrf_token" not in source, path
            assert "request.user" not in source and "messages" not in source, path


def test_making_a_collection_private_takes_its_files_off_the_cached_documents_page(client, locale_pl):
    from wagtail.models import Collection, CollectionViewRestriction

    from documents.models import DocumentIndexPage

    page = DocumentIndexPage.objects.get(locale=locale_pl)
    entry = page.entries.select_related("document").first()
    assert entry.title in html(client, page.url)
    private = Collection.get_first_root_node().add_child(name="Wewnętrzne")
    entry.document.collection = private
    entry.document.save()
    assert entry.title in html(client, page.url)  # moved, but the new collection is still public

    CollectionViewRestriction.objects.create(collection=private, restriction_type=CollectionViewRestriction.LOGIN)

    assert entry.title not in html(client, page.url)


def test_publishing_a_page_under_a_text_page_adds_it_to_the_cached_subpage_list(client, locale_pl):
    join = StandardPage.objects.get(locale=locale_pl, slug="jak-przystapic")
    assert "Nowa podstrona" not in html(client, join.url)

    StandardPageFactory(parent=join, title="Nowa podstrona")

    assert "Nowa podstrona" in html(client, join.url)
