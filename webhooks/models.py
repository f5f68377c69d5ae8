"""A portal's endpoint and the log of what was sent to it. Both are private data: only the admin sees them."""

import ipaddress
import uuid
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from home.content_events import private_data

from .signing import generate_secret


class ContentKind(models.TextChoices):
    """What an endpoint can follow: the kinds of object the API serves, by its endpoint (news and events are
    pages too, listed apart because portals usually follow just those)."""

    PAGES = "pages", _("Other pages")
    NEWS = "news", _("News")
    EVENTS = "events", _("Events")
    PARTNERS = "partners", _("Partners")
    DOCUMENTS = "documents", _("Documents")
    IMAGES = "images", _("Images")


LOOPBACK_NAMES = {"localhost"}


def is_loopback(host):
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def validate_endpoint_url(value):
    """https only; plain http only to this machine, and only where ``WEBHOOKS_ALLOW_HTTP_LOOPBACK`` is on."""
    parts = urlsplit(value)
    if parts.scheme == "https" and parts.hostname:
        return
    if parts.scheme == "http" and settings.WEBHOOKS_ALLOW_HTTP_LOOPBACK and is_loopback(parts.hostname or ""):
        return
    raise ValidationError(_("The address must start with https://."), code="insecure")


@private_data
class WebhookEndpoint(models.Model):
    name = models.CharField(_("name"), max_length=100, help_text=_("Whose portal this is, e.g. its owner."))
    url = models.URLField(
        _("URL"),
        max_length=500,
        validators=[validate_endpoint_url],
        help_text=_("The portal's address that receives the events (POST, JSON)."),
    )
    secret = models.CharField(_("secret"), max_length=64, default=generate_secret, editable=False)
    languages = models.JSONField(_("languages"), default=list)
    content_types = models.JSONField(_("content types"), default=list)
    is_active = models.BooleanField(_("active"), default=True, help_text=_("Only active endpoints receive events."))
    consecutive_failures = models.PositiveIntegerField(_("failed attempts in a row"), default=0, editable=False)
    disabled_at = models.DateTimeField(_("disabled after failures at"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("webhook endpoint")
        verbose_name_plural = _("webhook endpoints")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def follows(self, content_type, language):
        """Whether an event about ``content_type`` in ``language`` (None: an object with no language, a
        document or an image) is sent here."""
        return content_type in self.content_types and (language is None or language in self.languages)


@private_data
class WebhookDelivery(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        RETRYING = "retrying", _("Waiting to retry")
        DELIVERED = "delivered", _("Delivered")
        FAILED = "failed", _("Failed")
        CANCELLED = "cancelled", _("Not sent (endpoint disabled)")

    id = models.UUIDField(_("delivery id"), primary_key=True, default=uuid.uuid4, editable=False)
    endpoint = models.ForeignKey(
        WebhookEndpoint, on_delete=models.CASCADE, related_name="deliveries", verbose_name=_("endpoint")
    )
    event_type = models.CharField(_("event"), max_length=50)
    object_type = models.CharField(_("object type"), max_length=100)
    object_id = models.CharField(_("object id"), max_length=40)
    # The exact body sent, so that every attempt sends (and signs) the same bytes.
    body = models.TextField(_("body"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    response_status = models.PositiveSmallIntegerField(_("response code"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True, db_index=True)
    last_attempt_at = models.DateTimeField(_("last attempt at"), null=True, blank=True)
    last_duration_ms = models.PositiveIntegerField(_("last attempt took (ms)"), null=True, blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt at"), null=True, blank=True)
    delivered_at = models.DateTimeField(_("delivered at"), null=True, blank=True)

    class Meta:
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["object_type", "object_id", "endpoint"], name="webhooks_delivery_object_idx")]

    def __str__(self):
        return f"{self.event_type} → {self.endpoint}"
