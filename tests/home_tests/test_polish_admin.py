"""The admin speaks Polish to a Polish team: the main screens, rendered for users whose admin language is Polish,
show none of the English that Wagtail and wagtail-localize leave untranslated (the project's catalogue in locale/
supplies it) and no ungrammatical Polish built from a model's name; and no screen asks Gravatar for an avatar."""

import re
from html.parser import HTMLParser

import pytest

from django.contrib.auth import get_user_model

from wagtail.models import Page
from wagtail.users.models import UserProfile

from membership.models import MembershipApplication
from newsletter.models import NewsletterIssue
from partners.models import Partner
from tests.factories.editorial import EditorFactory, SecretaryFactory
from tests.factories.membership import MembershipApplicationFactory

pytestmark = pytest.mark.django_db

#: English (and ungrammatical Polish) that once showed in the Polish admin, as patterns of visible text.
ENGLISH = [
    r"Autosave is paused",
    r"There are no",
    r"Secretary's approval",
    r"Dodaj partner\b",  # Polish asks for the accusative: "Dodaj partnera"
    r"Wyślij do Akceptacja",
    r"\bReference\b",
    r"\bSubmit\b",
    r"Save draft",
    r"\bPublish\b",
    r"Toggle checks",
    r"This data explained",
    r"Correct the validation errors",
    r"To be created by",
    r"Usage count",
    r"Locked by",
    r"Is commenting action",
    r"created in",
    r"Show keyboard shortcuts",
    r"\d+-\d+ of \d+",
    r"Use server language",
]


class VisibleText(HTMLParser):
    """The text a user reads or hears: text outside scripts and styles, and labels, titles and tooltips."""

    HIDDEN = {"script", "style", "svg"}
    READ_ATTRIBUTES = {"title", "aria-label", "placeholder", "alt", "data-w-tooltip-content-value"}

    def __init__(self):
        super().__init__()
        self.parts, self.hidden = [], 0

    def handle_starttag(self, tag, attrs):
        self.hidden += tag in self.HIDDEN
        self.parts += [value for name, value in attrs if name in self.READ_ATTRIBUTES and value]

    def handle_endtag(self, tag):
        self.hidden -= tag in self.HIDDEN

    def handle_data(self, data):
        if not self.hidden and data.strip():
            self.parts.append(" ".join(data.split()))


def visible_text(html):
    parser = VisibleText()
    parser.feed(html)
    return "\n".join(parser.parts)


def polish(user):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "pl"
    profile.save()
    return user


def english_in(html):
    text = visible_text(html)
    return [found.group(0) for pattern in ENGLISH for found in [re.search(pattern, text)] if found]


@pytest.fixture
def editor(client):
    client.force_login(polish(EditorFactory()))
    return client


def one_page_of_each_type():
    pages = {}
    for page in Page.objects.filter(locale__language_code="pl", depth__gt=1).specific().order_by("path"):
        pages.setdefault(type(page), page)
    return list(pages.values())


def editor_screens(home):
    partner = Partner.objects.filter(locale__language_code="pl").first()
    return [
        "/admin/",
        f"/admin/pages/{home.pk}/",
        "/admin/pages/search/?q=partnerstwa",
        *[f"/admin/pages/{page.pk}/edit/" for page in one_page_of_each_type()],
        f"/admin/pages/add/home/standardpage/{home.pk}/",
        "/admin/snippets/partners/partner/",
        "/admin/snippets/partners/partner/add/?locale=pl",
        f"/admin/snippets/partners/partner/edit/{partner.pk}/",
        "/admin/snippets/newsletter/newsletterissue/",
        "/admin/snippets/newsletter/newsletterissue/add/?locale=pl",
        "/admin/documents/",
        "/admin/images/",
        "/admin/editorial/translation-status/",
        "/admin/account/",
    ]


def test_the_editors_screens_show_no_english_and_no_gravatar(editor):
    NewsletterIssue.objects.all().delete()  # the empty listing says so in Polish
    home = Page.objects.get(locale__language_code="pl", depth=2)
    screens = editor_screens(home)
    assert len(one_page_of_each_type()) >= 8  # every page type the site has, not just a few

    for url in screens:
        response = editor.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert english_in(html) == [], url
        assert "gravatar" not in html, url


def test_the_polish_admin_says_add_partner_and_names_the_workflow_in_polish(editor, locale_pl):
    listing = visible_text(editor.get("/admin/snippets/partners/partner/").content.decode())
    about = Page.objects.get(locale=locale_pl, slug="o-partnerstwie")
    edit = visible_text(editor.get(f"/admin/pages/{about.pk}/edit/").content.decode())
    empty = visible_text(editor.get("/admin/snippets/newsletter/newsletterissue/?q=xyzzy").content.decode())

    assert "Dodaj partnera" in listing
    assert "Wyślij do zatwierdzenia: Akceptacja sekretarza" in edit
    assert "There are no" not in empty


def test_the_secretarys_screens_show_no_english(client):
    client.force_login(polish(SecretaryFactory()))
    application = MembershipApplicationFactory()

    for url in (
        "/admin/",
        "/admin/membership_applications/",
        f"/admin/membership_applications/inspect/{application.pk}/",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert english_in(response.content.decode()) == [], url
    assert MembershipApplication.objects.count() >= 1


def test_the_workflow_screens_and_reports_show_no_english(client):
    admin = get_user_model().objects.create_superuser("kierownik", "kierownik@example.org", "haslo-testowe")
    client.force_login(polish(admin))

    for url in (
        "/admin/workflows/list/",
        "/admin/workflows/tasks/index/",
        "/admin/reports/locked/",
        "/admin/reports/site-history/",
        "/admin/reports/aging-pages/",
        "/admin/reports/workflow/",
        "/admin/reports/workflow_tasks/",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert english_in(html) == [], url
        assert "gravatar" not in html, url


def test_the_english_admin_stays_english(client):
    """The project's catalogue fills gaps in the Polish admin only: the English admin keeps Wagtail's wording."""
    user = EditorFactory()
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(user)
    about = Page.objects.get(locale__language_code="pl", slug="o-partnerstwie")

    edit = visible_text(client.get(f"/admin/pages/{about.pk}/edit/").content.decode())

    assert "Autosave is paused" in edit and "Submit to Akceptacja sekretarza" in edit
