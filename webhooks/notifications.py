"""Telling editors that an endpoint was disabled: an e-mail to everyone who may manage webhooks (the dashboard
panel of wagtail_hooks.py shows it too, until someone turns the endpoint back on)."""

from django.conf import settings
from django.core.mail import send_mass_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from wagtail.permission_policies import ModelPermissionPolicy

from .models import WebhookEndpoint

#: Who manages webhooks: whoever may change an endpoint (superusers included).
MANAGE_ACTION = "change"


def endpoint_managers():
    return ModelPermissionPolicy(WebhookEndpoint).users_with_permission(MANAGE_ACTION).exclude(email="")


def admin_edit_url(endpoint):
    path = reverse("webhook_endpoints:edit", args=[endpoint.pk])
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def tell_editors_endpoint_disabled(endpoint, delivery):
    """One e-mail to each manager of webhooks, in the admin's language."""
    with translation.override(settings.LANGUAGE_CODE):
        subject = gettext("Webhook endpoint “%(name)s” disabled") % {"name": endpoint.name}
        text = render_to_string(
            "webhooks/endpoint_disabled_email.txt",
            {
                "endpoint": endpoint,
                "delivery": delivery,
                "failures": endpoint.consecutive_failures,
                "edit_url": admin_edit_url(endpoint),
            },
        )
    messages = [(subject, text, None, [user.email]) for user in endpoint_managers()]
    send_mass_mail(messages, fail_silently=False)
    return len(messages)
