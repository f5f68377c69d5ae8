import uuid

import factory

from django.utils import timezone

from membership.applications import MembershipApplication
from membership.consent import CONSENT_VERSION, consent_text
from partners.models import Sector


class MembershipApplicationFactory(factory.django.DjangoModelFactory):
    """A complete application with register numbers whose check digits are valid."""

    submission_token = factory.LazyFunction(uuid.uuid4)
    language = "pl"
    institution_name = factory.Sequence(lambda n: f"Spółdzielnia Socjalna Próbna {n}")
    sector = Sector.NGO
    legal_form = "stowarzyszenie"
    street = "ul. Przykładowa 1"
    postcode = "20-001"
    city = "Lublin"
    nip = "1234563218"
    regon = "123456785"
    representative_name = "Jan Kowalski"
    representative_role = "prezes zarządu"
    contact_name = "Anna Nowak"
    email = factory.Sequence(lambda n: f"biuro{n}@example.org")
    phone = "81 000 00 00"
    motivation = "Chcemy współpracować na rzecz ekonomii społecznej."
    supports_ideological_declaration = True
    consent_version = CONSENT_VERSION
    consent_text = factory.LazyFunction(lambda: consent_text("Lubelskie Partnerstwo"))
    consent_given_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = MembershipApplication
