import uuid

import pytest

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache

from wagtail.models import Locale

from home.seeding import translation_key_for
from membership.models import AccessionPage


@pytest.fixture(autouse=True)
def empty_cache():
    """The accession form's rate limit counts in the cache: each test starts from zero."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def accession_page(db):
    return lambda code: AccessionPage.objects.get(
        translation_key=translation_key_for("accession"), locale=Locale.objects.get(language_code=code)
    )


#: The institution and people of an application written into the schema from before a migration.
OLD_APPLICATION_ADDRESS = {
    "street": "ul. Zamkowa 1",
    "postcode": "20-117",
    "city": "Lublin",
    "krs": "0000123456",
    "representative_name": "Jan Kowalski",
    "representative_role": "prezes",
    "contact_name": "Anna Nowak",
}


def old_accepted_application(model, **fields):
    """An accepted application written into a schema from before a migration (``model`` from its ``apps``)."""
    from django.utils import timezone

    now = timezone.now()
    return model.objects.create(
        submission_token=uuid.uuid4(),
        status="accepted",
        language="pl",
        **OLD_APPLICATION_ADDRESS,
        motivation="Chcemy działać razem.",
        supports_ideological_declaration=True,
        consent_version="2026-11-v1",
        consent_text="Wyrażam zgodę.",
        consent_given_at=now,
        decided_at=now,
        **fields,
    )


def migrate(executor, targets):
    """Migrate to ``targets`` and forget the content types cached under the previous schema."""
    executor.loader.build_graph()
    executor.migrate(targets)
    ContentType.objects.clear_cache()
