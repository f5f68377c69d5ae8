"""From ``public_content_changed`` to deliveries: which event an object's change is, and which endpoints get it.

Each matching endpoint gets a delivery row (its log entry) at once, inside the transaction that changed the
content, and one background task per delivery once that transaction commits: a rolled-back change sends nothing.
"""

import json
from datetime import UTC
from functools import partial

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction

from home.content_events import CHANGED, DELETED, MOVED, PUBLISHED, UNPUBLISHED

from .models import ContentKind, WebhookDelivery, WebhookEndpoint
from .tasks import deliver

#: The event each action is to a portal: saving a live object without a revision (a document, an image, a
#: page saved by code) or moving a page makes a new live version, as publishing does.
EVENT_ACTIONS = {
    PUBLISHED: "published",
    CHANGED: "published",
    MOVED: "published",
    UNPUBLISHED: "unpublished",
    DELETED: "deleted",
}

#: Actions announced as ``published``: only ever about a live object.
NEW_VERSION_ACTIONS = {action for action, event in EVENT_ACTIONS.items() if event == "published"}

#: Page types followed apart from the other pages, by ``app_label.modelname``.
PAGE_KINDS = {"news.newspage": ContentKind.NEWS, "news.eventpage": ContentKind.EVENTS}


def describe(instance):
    """``(object kind, followed content kind, model class, API endpoint name)`` of an object portals can follow,
    or None."""
    if isinstance(instance, Page):
        model = instance.specific_class or Page
        return "page", PAGE_KINDS.get(model._meta.label_lower, ContentKind.PAGES), model, "pages"
    model = type(instance)
    if model._meta.label_lower == "partners.partner":
        return "partner", ContentKind.PARTNERS, model, "partners"
    if model is get_document_model():
        return "document", ContentKind.DOCUMENTS, model, "documents"
    if model is get_image_model():
        return "image", ContentKind.IMAGES, model, "images"
    return None


def is_public(instance, action):
    """Whether the object is (or, unpublished or deleted, was) one that anybody may read in the API."""
    if action in NEW_VERSION_ACTIONS and not getattr(instance, "live", True):
        return False  # moving a draft page is not publishing it
    if isinstance(instance, Page):
        return instance.depth > 1 and not instance.get_view_restrictions().exists()
    collection = getattr(instance, "collection", None)
    return collection is None or not collection.get_view_restrictions().exists()


def told_about(endpoints, model, pk):
    """The endpoints that were sent an event about this object before. A deleted page's own view restriction is
    deleted before it, so whether it was private can no longer be seen: its deletion goes only to portals that
    were told it existed, which a private page's never were."""
    told = set(
        WebhookDelivery.objects.filter(
            object_type=model._meta.label, object_id=str(pk), endpoint__in=endpoints
        ).values_list("endpoint_id", flat=True)
    )
    return [endpoint for endpoint in endpoints if endpoint.pk in told]


def api_url(endpoint_name, pk):
    """The object's absolute address in the API, from the configured base URL (never a request's Host)."""
    path = reverse(f"wagtailapi:{endpoint_name}:detail", args=[pk])
    return settings.WAGTAILAPI_BASE_URL.rstrip("/") + path


def language_of(instance):
    locale_id = getattr(instance, "locale_id", None)
    return instance.locale.language_code if locale_id is not None else None


def event_body(delivery_id, event_type, model, pk, language, url, now):
    """The JSON body of one delivery, as the exact text that is sent and signed."""
    body = {
        "id": str(delivery_id),
        "type": event_type,
        "object": {"type": model._meta.label, "id": pk},
        "locale": language,
        "api_url": url,
        "time": now.astimezone(UTC).isoformat().replace("+00:00", "Z"),
    }
    return json.dumps(body, ensure_ascii=False, separators=(",", ":"))


def content_changed(sender, instance, action, **kwargs):
    """Receiver of ``public_content_changed``: a delivery to each active endpoint that follows the object."""
    if isinstance(instance, PageViewRestriction):
        # A live page made private: the portals that were told about it hear that it is no longer public.
        if action == CHANGED and instance.page.live:
            send_event(instance.page, UNPUBLISHED, told_only=True)
        return
    send_event(instance, action)


def send_event(instance, action, told_only=False):
    """Deliveries of the event ``action`` on ``instance`` to the endpoints that follow it (with ``told_only``,
    only to those that were sent an event about it before)."""
    event_action = EVENT_ACTIONS.get(action)
    described = describe(instance)
    if event_action is None or described is None:
        return
    kind, content_kind, model, endpoint_name = described
    endpoints = list(WebhookEndpoint.objects.filter(is_active=True))
    if not endpoints or not (told_only or is_public(instance, action)):
        return
    language = language_of(instance)
    endpoints = [endpoint for endpoint in endpoints if endpoint.follows(content_kind, language)]
    if endpoints and (told_only or (isinstance(instance, Page) and action == DELETED)):
        endpoints = told_about(endpoints, model, instance.pk)
    if not endpoints:
        return
    event_type = f"{kind}.{event_action}"
    url = api_url(endpoint_name, instance.pk)
    now = timezone.now()
    deliveries = []
    for endpoint in endpoints:
        delivery = WebhookDelivery(
            endpoint=endpoint, event_type=event_type, object_type=model._meta.label, object_id=str(instance.pk)
        )
        delivery.body = event_body(delivery.id, event_type, model, instance.pk, language, url, now)
        deliveries.append(delivery)
    WebhookDelivery.objects.bulk_create(deliveries)
    for delivery in deliveries:
        transaction.on_commit(partial(deliver.enqueue, str(delivery.pk)))
