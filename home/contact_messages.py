"""What the contact form stores about a person, for ``purge_personal_data`` and the admin's data-subject requests
(``settings.PERSONAL_DATA_HANDLERS``): the messages sent through the contact page, kept
``CONTACT_MESSAGES_RETENTION_DAYS`` (home.privacy.CORRESPONDENCE), found by the e-mail address given in them.
"""

import datetime
import json

from django.conf import settings
from django.core import serializers
from django.db import transaction

from wagtail.contrib.forms.models import FormSubmission

from .models import ContactFormField, ContactPage

MESSAGES = f"{FormSubmission._meta.label} (contact form)"


def _messages():
    return FormSubmission.objects.filter(page__in=ContactPage.objects.all())


def _from_address(email):
    """The contact form's messages that give ``email`` in one of its e-mail fields (any language's page)."""
    email = (email or "").strip().lower()
    if not email:
        return FormSubmission.objects.none()
    names = set(ContactFormField.objects.filter(field_type="email").values_list("clean_name", flat=True))
    ids = [
        message.pk
        for message in _messages().only("pk", "form_data")
        if any(str(message.form_data.get(name, "")).strip().lower() == email for name in names)
    ]
    return FormSubmission.objects.filter(pk__in=ids)


@transaction.atomic
def purge_expired(now):
    """Remove the messages sent more than ``CONTACT_MESSAGES_RETENTION_DAYS`` before ``now``."""
    cutoff = now - datetime.timedelta(days=settings.CONTACT_MESSAGES_RETENTION_DAYS)
    removed, _by_model = _messages().filter(submit_time__lt=cutoff).delete()
    return {MESSAGES: removed}


def export(email):
    """Every message sent from ``email``, as JSON-ready data."""
    messages = _from_address(email).order_by("submit_time", "pk")
    return {MESSAGES: json.loads(serializers.serialize("json", messages))}


@transaction.atomic
def erase(email):
    """Remove every message sent from ``email``."""
    removed, _by_model = _from_address(email).delete()
    return {MESSAGES: removed}
