"""Every way public content changes sends the one ``public_content_changed`` event, with the stored live row;
drafts and private data send nothing."""

import pytest
import wagtail_factories

from django.contrib.auth import get_user_model

from wagtail.models import Collection, CollectionViewRestriction, Page
from wagtail_localize.models import Translation

from editorial.review import save_translation_draft
from home.content_events import CHANGED, DELETED, MOVED, PUBLISHED, UNPUBLISHED
from home.factories import StandardPageFactory
from home.models import ContactDetails, HomePage, StandardPage
from newsletter.models import ConsentText, Subscriber
from partners.factories import PartnerFactory
from partners.models import Partner

pytestmark = pytest.mark.django_db


@pytest.fixture
def home_pl(locale_pl):
    return HomePage.objects.get(locale=locale_pl)


@pytest.fixture
def published_page(home_pl):
    page = StandardPageFactory(parent=home_pl, title="Opublikowana", slug="opublikowana")
    page.save_revision().publish()
    return StandardPage.objects.get(pk=page.pk)


@pytest.fixture
def published_partner(db):
    partner = PartnerFactory(name="Fundacja Opublikowana", city="Lublin")
    partner.save_revision().publish()
    return Partner.objects.get(pk=partner.pk)


def test_publishing_a_page_sends_published_with_the_published_values(published_page, content_events):
    published_page.title = "Nowy tytuł"
    published_page.save_revision().publish()

    assert content_events.actions() == [("StandardPage", PUBLISHED)]
    assert content_events[0][1].title == "Nowy tytuł"


def test_saving_a_page_draft_sends_nothing(published_page, content_events):
    published_page.title = "Szkic"
    published_page.save_revision()

    assert content_events == []


def test_creating_a_page_as_a_draft_sends_nothing(home_pl, content_events):
    home_pl.add_child(instance=StandardPage(title="Szkic", slug="szkic", live=False)).save_revision()

    assert content_events == []


def test_unpublishing_moving_and_deleting_a_page_each_send_their_action(published_page, home_pl, content_events):
    other_parent = StandardPageFactory(parent=home_pl, title="Rodzic", slug="rodzic")
    content_events.clear()

    published_page.move(other_parent, pos="last-child")
    moved = content_events[-1]
    published_page = StandardPage.objects.get(pk=published_page.pk)
    published_page.unpublish()
    unpublished = content_events[-1]
    content_events.clear()
    Page.objects.get(pk=published_page.pk).delete()

    assert (moved[0], moved[2]) == (StandardPage, MOVED)
    assert moved[1].url_path.startswith(other_parent.url_path)
    assert (unpublished[0], unpublished[2]) == (StandardPage, UNPUBLISHED)
    assert content_events.actions() == [("StandardPage", DELETED)]


def test_deleting_a_live_page_unpublishes_it_first(published_page, content_events):
    published_page.delete()

    assert content_events.actions() == [("StandardPage", UNPUBLISHED), ("StandardPage", DELETED)]


def test_deleting_a_page_that_was_never_published_sends_nothing(home_pl, content_events):
    draft = home_pl.add_child(instance=StandardPage(title="Szkic", slug="szkic", live=False))
    draft.delete()

    assert content_events == []


def test_a_partner_draft_sends_nothing_and_publishing_it_sends_the_published_row(published_partner, content_events):
    published_partner.name = "Szkic nazwy"
    published_partner.save_revision()
    assert content_events == []

    Partner.objects.get(pk=published_partner.pk).latest_revision.publish()

    assert content_events.actions() == [("Partner", PUBLISHED)]
    assert content_events[0][1].name == "Szkic nazwy"


def test_unpublishing_and_deleting_a_partner(published_partner, content_events):
    published_partner.unpublish()
    published_partner.delete()

    assert content_events.actions() == [("Partner", UNPUBLISHED)]


def test_deleting_a_live_partner_sends_deleted(published_partner, content_events):
    published_partner.delete()

    assert content_events.actions() == [("Partner", DELETED)]


def test_a_live_partner_created_by_code_is_announced_and_a_draft_one_is_not(db, content_events):
    PartnerFactory(name="Na żywo")
    PartnerFactory(name="Szkic", live=False)

    assert content_events.actions() == [("Partner", CHANGED)]


def test_a_translation_draft_sends_nothing(locale_en, content_events, django_capture_on_commit_callbacks):
    page = StandardPage.objects.get(locale__language_code="pl", slug="o-partnerstwie")
    translation = Translation.objects.get(source__object_id=page.translation_key, target_locale=locale_en)
    po = translation.export_po()
    for entry in po:
        entry.msgstr = entry.msgid if entry.msgctxt == "slug" else "Draft " + entry.msgid
    translation.import_po(po)
    editor = get_user_model().objects.create_superuser("editor", "editor@example.org", "x")

    with django_capture_on_commit_callbacks(execute=True):
        save_translation_draft(translation, editor)

    assert content_events == []


def test_contact_details_and_consent_texts_are_public_content(content_events):
    details = ContactDetails.objects.first()
    details.phone = "81 111 11 11"
    details.save()
    ConsentText.objects.create(language="pl", text="Zgadzam się na nową treść.")

    assert content_events.actions() == [("ContactDetails", CHANGED), ("ConsentText", CHANGED)]
    assert content_events[0][1].phone == "81 111 11 11"


def test_images_collections_and_their_restrictions_are_public_and_renditions_are_not(db, content_events):
    collection = Collection.get_first_root_node().add_child(name="Zdjęcia")
    image = wagtail_factories.ImageFactory(collection=collection)
    image.get_rendition("width-10")
    CollectionViewRestriction.objects.create(collection=collection, restriction_type="login")

    assert content_events.actions() == [
        ("Collection", CHANGED),
        ("Image", CHANGED),
        ("CollectionViewRestriction", CHANGED),
    ]


def test_private_data_sends_nothing(db, content_events):
    Subscriber.objects.create(email="czytelnik@example.org", language="pl")

    assert content_events == []
