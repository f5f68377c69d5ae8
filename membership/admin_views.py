"""Admin screens for membership applications: the full record, and the accept / reject decisions."""

from datetime import datetime

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView

from wagtail.admin import messages
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import HeaderButton
from wagtail.permission_policies import ModelPermissionPolicy

from home.spreadsheets import FormulaSafeExportMixin

from . import decisions
from .applications import MembershipApplication

DECIDE_PERMISSION = "membership.change_membershipapplication"


class ApplicationPermissionPolicy(ModelPermissionPolicy):
    """An application is the record of what an institution submitted: nobody adds or edits it in the admin.

    Deciding on it needs the model's "change" permission, checked by the decision views.
    """

    def user_has_permission(self, user, action):
        if action in ("add", "change"):
            return False
        return super().user_has_permission(user, action)


class ApplicationIndexView(FormulaSafeExportMixin, IndexView):
    """The list of applications; its CSV export keeps what applicants typed as text."""


EMPTY_VALUE = "—"


class ApplicationInspectView(InspectView):
    """The whole application as the secretary reads it: times in the site's time zone (as the list shows them),
    yes/no in the admin's language, a dash for what the applicant left empty."""

    def get_fields(self):
        return [field for field in super().get_fields() if field != "submission_token"] + ["reference"]

    def get_field_label(self, field_name, field):
        if field_name == "reference":
            return _("Reference")
        return super().get_field_label(field_name, field)

    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        if value is None or value == "":
            return EMPTY_VALUE
        if isinstance(value, bool):
            return _("Yes") if value else _("No")
        if isinstance(value, datetime):
            return date_format(timezone.localtime(value), "DATETIME_FORMAT")
        return value

    def get_reference_display_value(self):
        return self.object.reference

    def get_partner_display_value(self):
        return self.object.partner

    @property
    def header_buttons(self):
        if self.object.partner_id:
            edit_url = AdminURLFinder(self.request.user).get_edit_url(self.object.partner)
            return [HeaderButton(_("Edit the partner"), url=edit_url, icon_name="group")] if edit_url else []
        if self.object.is_decided or not self.request.user.has_perm(DECIDE_PERMISSION):
            return []
        return [
            HeaderButton(
                _("Accept"), url=reverse("membership_applications:accept", args=[self.object.pk]), icon_name="check"
            ),
            HeaderButton(
                _("Reject"), url=reverse("membership_applications:reject", args=[self.object.pk]), icon_name="cross"
            ),
        ]


class RejectionForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason for rejection"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy("Stored with the application and shown in its history."),
    )


class AcceptanceForm(forms.Form):
    pass


class DecisionView(WagtailAdminTemplateMixin, FormView):
    template_name = "membership/admin/decision.html"
    header_icon = "form"

    def dispatch(self, request, pk):
        if not request.user.has_perm(DECIDE_PERMISSION):
            raise PermissionDenied
        self.object = get_object_or_404(MembershipApplication, pk=pk)
        if self.object.is_decided:
            messages.warning(request, _("This application has already been decided."))
            return redirect(self.inspect_url)
        return super().dispatch(request, pk)

    @property
    def inspect_url(self):
        return reverse("membership_applications:inspect", args=[self.object.pk])

    def get_page_subtitle(self):
        return str(self.object)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("membership_applications:index"), "label": MembershipApplication._meta.verbose_name_plural},
            {"url": self.inspect_url, "label": str(self.object)},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(object=self.object, cancel_url=self.inspect_url, submit_label=self.submit_label)
        return context

    def form_valid(self, form):
        try:
            self.decide(form)
        except decisions.DecisionError as e:
            form.add_error(None, ValidationError(str(e)))
            return self.form_invalid(form)
        return redirect(self.inspect_url)


class AcceptView(DecisionView):
    form_class = AcceptanceForm
    page_title = gettext_lazy("Accept the application")
    submit_label = gettext_lazy("Accept and create a draft partner")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["explanation"] = _(
            "Accepting creates an unpublished partner entry filled in from the application. Review it, "
            "add its translation and publish it when the institution has joined."
        )
        return context

    def decide(self, form):
        application = decisions.accept(self.object, self.request.user)
        partner = application.partner
        edit_url = self._partner_edit_url(partner)
        messages.success(
            self.request,
            _("Application accepted. The draft partner “%(name)s” is waiting for review.") % {"name": partner.name},
            buttons=[messages.button(edit_url, _("Edit the partner"))] if edit_url else None,
        )

    def _partner_edit_url(self, partner):
        return AdminURLFinder(self.request.user).get_edit_url(partner)


class RejectView(DecisionView):
    form_class = RejectionForm
    page_title = gettext_lazy("Reject the application")
    submit_label = gettext_lazy("Reject the application")

    def decide(self, form):
        decisions.reject(self.object, self.request.user, form.cleaned_data["reason"])
        messages.success(self.request, _("Application rejected; the reason is recorded."))
