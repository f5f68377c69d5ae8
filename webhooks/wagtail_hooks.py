"""The admin of webhooks: endpoints (editors register portals), the delivery log (read only), and a dashboard
panel naming the endpoints disabled after failures."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.components import Component
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from .forms import WebhookEndpointForm
from .models import WebhookDelivery, WebhookEndpoint
from .notifications import MANAGE_ACTION


class DeliveryLogPermissionPolicy(ModelPermissionPolicy):
    """The log records what happened: it may be looked at (``view``), never added to, edited or deleted."""

    READ_ONLY = {"view"}

    def user_has_permission(self, user, action):
        return action in self.READ_ONLY and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return super().user_has_any_permission(user, set(actions) & self.READ_ONLY)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission(set(actions) & self.READ_ONLY)


register_permission_policy(WebhookDelivery, DeliveryLogPermissionPolicy(WebhookDelivery))


class WebhookEndpointViewSet(ModelViewSet):
    model = WebhookEndpoint
    name = "webhook_endpoints"
    icon = "link-external"
    menu_label = _("Endpoints")
    copy_view_enabled = False
    list_display = ["name", "url", "is_active", "consecutive_failures", "created_at"]
    list_filter = ["is_active"]
    search_fields = ["name", "url"]
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("url"),
            FieldPanel("languages"),
            FieldPanel("content_types"),
            FieldPanel("is_active"),
            FieldPanel("signing_secret"),
            FieldPanel("regenerate_secret"),
        ],
        base_form_class=WebhookEndpointForm,
    )


class WebhookDeliveryViewSet(ModelViewSet):
    model = WebhookDelivery
    name = "webhook_deliveries"
    icon = "list-ul"
    menu_label = _("Delivery log")
    copy_view_enabled = False
    inspect_view_enabled = True
    # Never shown: the permission policy refuses adding and editing; ModelViewSet still wants a form declared.
    exclude_form_fields = []
    list_display = [
        "event_type",
        "object_type",
        "object_id",
        "endpoint",
        "status",
        "attempts",
        "response_status",
        "created_at",
        "last_attempt_at",
    ]
    list_filter = ["status", "endpoint", "event_type"]
    search_fields = ["object_type", "object_id", "event_type"]
    inspect_view_fields = [
        "id",
        "endpoint",
        "event_type",
        "object_type",
        "object_id",
        "status",
        "attempts",
        "response_status",
        "error",
        "created_at",
        "last_attempt_at",
        "last_duration_ms",
        "next_attempt_at",
        "delivered_at",
        "body",
    ]


class WebhooksViewSetGroup(ViewSetGroup):
    menu_label = _("Webhooks")
    menu_icon = "link-external"
    menu_order = 800
    items = (WebhookEndpointViewSet, WebhookDeliveryViewSet)


@hooks.register("register_admin_viewset")
def register_viewsets():
    return WebhooksViewSetGroup()


class DisabledEndpointsPanel(Component):
    """On the dashboard of whoever manages webhooks, while an endpoint stays disabled after failures."""

    name = "webhooks_disabled_endpoints"
    template_name = "webhooks/disabled_endpoints_panel.html"
    order = 50

    def __init__(self, endpoints):
        self.endpoints = endpoints

    def get_context_data(self, parent_context=None):
        return {"endpoints": self.endpoints}


@hooks.register("construct_homepage_panels")
def add_disabled_endpoints_panel(request, panels):
    if not ModelPermissionPolicy(WebhookEndpoint).user_has_permission(request.user, MANAGE_ACTION):
        return
    endpoints = list(WebhookEndpoint.objects.filter(is_active=False, disabled_at__isnull=False))
    if endpoints:
        panels.append(DisabledEndpointsPanel(endpoints))
