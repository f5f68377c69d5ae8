"""Accepting an application used to copy the contact person's e-mail and phone into the partner, which is
published (site, API, JSON-LD). Where a partner (in any language) still holds exactly what its application gave,
the value is cleared, in the partner, its revisions and its translation sources: a person's contact was given to
consider the declaration, not to be published. The application keeps it. Other values (typed by an editor, or
the seeded partners') stay.
"""

import json

from django.db import migrations

CONTACT_KEYS = ("public_email", "public_phone")


def without_copied_contact(data, personal):
    cleared = {}
    for key in CONTACT_KEYS:
        value = data.get(key)
        if isinstance(value, str) and value.strip().lower() in personal:
            cleared[key] = ""
    return {**data, **cleared}, bool(cleared)


def clear_copied_contacts(apps, schema_editor):
    MembershipApplication = apps.get_model("membership", "MembershipApplication")
    Partner = apps.get_model("partners", "Partner")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    TranslationSource = apps.get_model("wagtail_localize", "TranslationSource")
    partner_type = ContentType.objects.filter(app_label="partners", model="partner").first()
    applications = MembershipApplication.objects.filter(partner__isnull=False).select_related("partner")
    for application in applications.iterator():
        personal = {value.strip().lower() for value in (application.email, application.phone) if value.strip()}
        partners = Partner.objects.filter(translation_key=application.partner.translation_key)
        for partner in partners:
            data, changed = without_copied_contact(
                {key: getattr(partner, key) for key in CONTACT_KEYS}, personal
            )
            if changed:
                Partner.objects.filter(pk=partner.pk).update(**data)
            if partner_type is None:
                continue
            for revision in Revision.objects.filter(base_content_type=partner_type, object_id=str(partner.pk)):
                revision.content, changed = without_copied_contact(revision.content, personal)
                if changed:
                    revision.save(update_fields=["content"])
            for source in TranslationSource.objects.filter(
                specific_content_type=partner_type, object_id=partner.translation_key
            ):
                content, changed = without_copied_contact(json.loads(source.content_json), personal)
                if changed:
                    source.content_json = json.dumps(content)
                    source.save(update_fields=["content_json"])


class Migration(migrations.Migration):

    dependencies = [
        ("membership", "0002_application_address_confirmation"),
        ("partners", "0004_partner_public_contact"),
    ]

    operations = [migrations.RunPython(clear_copied_contacts, migrations.RunPython.noop)]
