"""An editor's round trip in the admin: edit a Polish page, publish it, bring its English translation up to date
with wagtail-localize and see the English text on the public site."""

from wagtail.models import Locale
from wagtail_localize.models import TranslationSource

from home.models import StandardPage

from .conftest import start_session

PASSWORD = "a-long-test-password-1"  # noqa: S105
NEW_INTRO = {
    "pl": "Partnerstwo łączy instytucje publiczne, rynkowe i pozarządowe.",
    "en": "The Partnership brings together public, market and non-governmental institutions.",
}


def log_in_as_superuser(page, site_url, django_user_model):
    user = django_user_model.objects.create_superuser("redaktor", "redaktor@example.org", PASSWORD)
    start_session(page, site_url, user)


def publish(page):
    footer = page.locator("footer")
    footer.get_by_role("button", name="More actions").click()
    footer.get_by_role("button", name="Publish").click()


def test_editor_publishes_a_polish_change_and_its_english_translation(site_url, page, django_user_model):
    polish = StandardPage.objects.get(locale__language_code="pl", slug="o-partnerstwie")
    english = polish.get_translation(Locale.objects.get(language_code="en"))
    log_in_as_superuser(page, site_url, django_user_model)

    page.goto(f"{site_url}/admin/pages/{polish.pk}/edit/")
    page.locator("#id_intro").fill(NEW_INTRO["pl"])
    publish(page)
    page.wait_for_url(f"{site_url}/admin/pages/{polish.get_parent().pk}/")

    assert NEW_INTRO["pl"] in page.goto(f"{site_url}/pl/o-partnerstwie/").text()

    source = TranslationSource.objects.get(object_id=polish.translation_key, locale=polish.locale)
    page.goto(f"{site_url}/admin/localize/update/{source.pk}/")
    page.get_by_label("Publish immediately").check()
    page.get_by_role("button", name="Submit").click()
    page.wait_for_load_state()

    page.goto(f"{site_url}/admin/pages/{english.pk}/edit/")
    # The translation editor lists each source string with a Translate button; the innermost <li> is its row.
    page.locator("li").filter(has_text=NEW_INTRO["pl"]).last.get_by_role("button", name="Translate").click()
    row = page.locator("li").filter(has_text=NEW_INTRO["pl"]).filter(has=page.locator("textarea")).last
    row.locator("textarea").fill(NEW_INTRO["en"])
    row.get_by_role("button", name="Save").click()
    page.locator("li").filter(has_text=NEW_INTRO["en"]).last.get_by_role("button", name="Edit").wait_for()
    page.get_by_role("button", name="Publish in English").click()
    page.wait_for_load_state()

    public = page.goto(f"{site_url}/en/about/").text()
    assert NEW_INTRO["en"] in public
    assert NEW_INTRO["pl"] not in public
