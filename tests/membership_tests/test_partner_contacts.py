"""Accepting an application publishes nothing of the contact person (finding 7 of issue #18): the partner gets
the institution's data only; its public contact, empty until an editor fills it in with an institutional
address, is all the site, the API and the JSON-LD show."""

import json
import re

import pytest

from django.utils import translation

from membership.decisions import accept
from partners.models import Partner, PartnerIndexPage
from seo.structured_data import partner_json_ld

from ..factories.membership import MembershipApplicationFactory
from ..factories.partners import PartnerFactory

pytestmark = pytest.mark.django_db

PERSONAL = {"contact_name": "Anna Nowak", "email": "anna.nowak@prywatna.example.org", "phone": "600 100 200"}


@pytest.fixture
def published_partner(admin_user):
    application = MembershipApplicationFactory(
        institution_name="Fundacja Jawna", website="https://jawna.example.org", **PERSONAL
    )
    partner = accept(application, admin_user).partner
    partner.save_revision(user=admin_user).publish()
    return Partner.objects.get(pk=partner.pk)


def json_ld(html):
    (payload,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(payload)


def test_an_accepted_applications_contact_person_is_not_published_anywhere(client, published_partner):
    index = PartnerIndexPage.objects.live().get(locale__language_code="pl")

    page = client.get(f"{index.url}{published_partner.slug}/")
    api = client.get(f"/api/v2/partners/{published_partner.pk}/", {"fields": "*"})

    assert page.status_code == 200 and api.status_code == 200
    for text in (page.content.decode(), api.content.decode()):
        for value in PERSONAL.values():
            assert value not in text
    data = json_ld(page.content.decode())
    assert data["name"] == "Fundacja Jawna" and data["sameAs"] == ["https://jawna.example.org"]
    assert "email" not in data and "telephone" not in data
    assert (api.json()["public_email"], api.json()["public_phone"]) == ("", "")
    assert "email" not in api.json() and "phone" not in api.json()


def test_the_public_contact_an_editor_gives_is_what_the_api_and_json_ld_show(client, rf, published_partner):
    published_partner.public_email = "sekretariat@jawna.example.org"
    published_partner.public_phone = "81 700 00 00"
    published_partner.save_revision().publish()

    api = client.get(f"/api/v2/partners/{published_partner.pk}/", {"fields": "public_email,public_phone"}).json()
    data = partner_json_ld(Partner.objects.get(pk=published_partner.pk), rf.get("/"), "https://example.org/p/")

    assert (api["public_email"], api["public_phone"]) == ("sekretariat@jawna.example.org", "81 700 00 00")
    assert (data["email"], data["telephone"]) == ("sekretariat@jawna.example.org", "81 700 00 00")


def test_the_public_contact_fields_say_they_are_the_institutions_and_start_empty():
    partner = PartnerFactory()

    assert (partner.public_email, partner.public_phone) == ("", "")
    with translation.override("en"):
        for name in ("public_email", "public_phone"):
            field = Partner._meta.get_field(name)
            assert "institution" in str(field.verbose_name) and "not a person" in str(field.help_text)
