from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView

from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from .admin_views import (
    AcceptView,
    ApplicationIndexView,
    ApplicationInspectView,
    ApplicationPermissionPolicy,
    RejectView,
)
from .applications import MembershipApplication
from .decisions import ACCEPT_ACTION, REJECT_ACTION

register_permission_policy(MembershipApplication, ApplicationPermissionPolicy(MembershipApplication), exact_class=True)


class MembershipApplicationViewSet(ModelViewSet):
    model = MembershipApplication
    index_view_class = ApplicationIndexView
    name = "membership_applications"
    icon = "form"
    menu_label = _("Membership applications")
    add_to_admin_menu = True
    menu_order = 300
    inspect_view_enabled = True
    inspect_view_class = ApplicationInspectView
    copy_view_enabled = False
    list_display = ["institution_name", "sector", "city", "status", "submitted_at"]
    list_filter = ["status", "sector", "language"]
    search_fields = ["institution_name", "city", "email", "contact_name", "representative_name", "nip", "regon", "krs"]
    search_backend_name = None
    ordering = ["-submitted_at"]
    list_export = [
        "institution_name",
        "sector",
        "legal_form",
        "nip",
        "regon",
        "krs",
        "city",
        "email",
        "phone",
        "status",
        "submitted_at",
    ]

    def get_urlpatterns(self):
        # Applications are created by the public form only, and decided rather than edited: no add/edit/copy.
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
            # Wagtail's history and usage screens link to "edit": for an application, that is its record.
            path("edit/<int:pk>/", RedirectView.as_view(pattern_name=f"{self.name}:inspect"), name="edit"),
            path("accept/<int:pk>/", AcceptView.as_view(), name="accept"),
            path("reject/<int:pk>/", RejectView.as_view(), name="reject"),
            path("history/<int:pk>/", self.history_view, name="history"),
            path("history-results/<int:pk>/", self.history_results_view, name="history_results"),
            path("usage/<int:pk>/", self.usage_view, name="usage"),
            path("delete/<int:pk>/", self.delete_view, name="delete"),
        ]


@hooks.register("register_admin_viewset")
def register_membership_applications():
    return MembershipApplicationViewSet()


@hooks.register("register_log_actions")
def register_application_log_actions(actions):
    actions.register_action(ACCEPT_ACTION, _("Accept application"), _("Application accepted; draft partner created"))
    actions.register_action(REJECT_ACTION, _("Reject application"), _("Application rejected"))
