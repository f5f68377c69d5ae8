"""The review workflow in a real browser: a Translator translates an English page and can only submit it for
review, a Moderator approves it from the page's own editor and it goes live, and a live translation whose Polish
source changed carries a warning in its editor."""

import re

from wagtail.models import Locale
from wagtail_localize.models import TranslationSource

from home.models import StandardPage

from ..factories.editorial import ModeratorFactory, TranslatorFactory
from .conftest import DESKTOP, close_tab, new_tab, start_session

NEW_TITLE = "About the Lublin Partnership"


def about_pages():
    polish = StandardPage.objects.get(locale__language_code="pl", slug="o-partnerstwie")
    return polish, polish.get_translation(Locale.objects.get(language_code="en"))


def test_a_translator_submits_and_a_moderator_approves_from_the_editor(site_url, page, browser):
    polish, english = about_pages()
    translator, moderator = TranslatorFactory(), ModeratorFactory()
    start_session(page, site_url, translator)

    # The sync screen offers no "Publish immediately" to a Translator.
    source = TranslationSource.objects.get(object_id=polish.translation_key, locale=polish.locale)
    page.goto(f"{site_url}/admin/localize/update/{source.pk}/")
    assert page.get_by_label("Publish immediately").count() == 0

    page.goto(f"{site_url}/admin/pages/{english.pk}/edit/")
    # The seeded title is translated already: its row offers "Edit".
    title_row = page.locator("li").filter(has_text="O Partnerstwie").filter(has=page.get_by_role("button", name="Edit"))
    title_row.last.get_by_role("button", name="Edit").click()
    row = page.locator("li").filter(has_text="O Partnerstwie").filter(has=page.locator("textarea")).last
    row.locator("textarea").fill(NEW_TITLE)
    row.get_by_role("button", name="Save").click()
    page.locator("li").filter(has_text=NEW_TITLE).last.get_by_role("button", name="Edit").wait_for()

    # No way to publish, stop the sync or convert to an alias; the main button submits for review.
    assert page.get_by_role("button", name=re.compile("Publish")).filter(visible=True).count() == 0
    assert page.get_by_text("Stop Synced translation").filter(visible=True).count() == 0
    assert page.get_by_text("Convert to alias page").filter(visible=True).count() == 0
    page.get_by_role("button", name="Submit for review").click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/"))
    assert "submitted for review" in page.content()
    assert NEW_TITLE not in page.goto(f"{site_url}/en/about/").text()  # not live before the review

    moderator_tab = new_tab(browser, DESKTOP)
    try:
        start_session(moderator_tab, site_url, moderator)
        moderator_tab.goto(f"{site_url}/admin/pages/{english.pk}/edit/")
        footer = moderator_tab.locator("footer")
        assert footer.get_by_role("button", name="Publish", exact=True).count() == 0
        assert "Publish in English" not in moderator_tab.content()
        footer.get_by_role("button", name=re.compile("Approve")).first.click()
        moderator_tab.wait_for_load_state()
        assert NEW_TITLE in moderator_tab.goto(f"{site_url}/en/about/").text()
    finally:
        close_tab(moderator_tab)


def test_a_stale_live_translation_shows_a_warning_in_its_editor(site_url, page):
    polish, english = about_pages()
    polish.intro = "Nowe wprowadzenie, którego angielska wersja jeszcze nie ma."
    polish.save_revision().publish()
    start_session(page, site_url, TranslatorFactory())

    page.goto(f"{site_url}/admin/pages/{english.pk}/edit/")

    warning = page.locator("[data-editorial-translation-warning]")
    assert warning.is_visible()
    assert "Out of date" in warning.inner_text()
    assert "1 segment untranslated" in warning.inner_text()
