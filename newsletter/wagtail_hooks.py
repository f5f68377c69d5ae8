"""Admin: subscribers (read-only, filters, search, CSV export, counts per language), the versioned
consent texts, and newsletter issues with preview, sending and progress."""

import logging

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_POST

from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets import Button
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry, register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

from home.spreadsheets import FormulaSafeExportMixin

from .models import ConsentEvent, ConsentText, NewsletterDelivery, NewsletterIssue, Subscriber
from .rendering import issue_context
from .sending import send_test_copy
from .tasks import last_sending_run, request_sending


class SubscriberPermissionPolicy(ModelPermissionPolicy):
    """Subscribers come only from a signup with a consent: nobody adds or edits them by hand.
    Deleting stays possible, for a request to erase the data."""

    def user_has_permission(self, user, action):
        return action not in {"add", "change"} and super().user_has_permission(user, action)


class ConsentTextPermissionPolicy(ModelPermissionPolicy):
    """A consent text is the evidence of what subscribers agreed to: it is never deleted."""

    def user_has_permission(self, user, action):
        return action != "delete" and super().user_has_permission(user, action)


class ConsentHistoryPermissionPolicy(ModelPermissionPolicy):
    """The consent history is evidence: it is only read here, never added to, changed or deleted by hand."""

    def user_has_permission(self, user, action):
        return action not in {"add", "change", "delete"} and super().user_has_permission(user, action)


logger = logging.getLogger(__name__)

register_permission_policy(Subscriber, SubscriberPermissionPolicy(Subscriber))
register_permission_policy(ConsentText, ConsentTextPermissionPolicy(ConsentText))
register_permission_policy(ConsentEvent, ConsentHistoryPermissionPolicy(ConsentEvent))


def consent_in_force():
    """The subscriber's consent as the listing shows it, read from the history: the request its latest
    confirmation confirmed, else (not confirmed yet) its latest request."""
    Kind = ConsentEvent.Kind
    history = ConsentEvent.objects.filter(subscriber=OuterRef("pk")).order_by("-created_at", "-pk")
    confirmations = history.filter(kind__in=[Kind.CONFIRMED, Kind.RESUBSCRIBED])
    requests = history.filter(kind=Kind.REQUESTED)

    def latest(field):
        return Coalesce(Subquery(confirmations.values(f"request__{field}")[:1]), Subquery(requests.values(field)[:1]))

    return {
        "consented_at": latest("created_at"),
        "consent_source": latest("source"),
        "consent_version": latest("consent_text__version"),
        "confirmed_at": Subquery(confirmations.values("created_at")[:1]),
        "unsubscribed_at": Subquery(history.filter(kind=Kind.UNSUBSCRIBED).values("created_at")[:1]),
    }


class SubscriberIndexView(FormulaSafeExportMixin, IndexView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        Status = Subscriber.Status
        counts = {
            row["language"]: row
            for row in Subscriber.objects.values("language").annotate(
                confirmed=Count("pk", filter=Q(status=Status.CONFIRMED)),
                pending=Count("pk", filter=Q(status=Status.PENDING)),
                unsubscribed=Count("pk", filter=Q(status=Status.UNSUBSCRIBED)),
            )
        }
        empty = {"confirmed": 0, "pending": 0, "unsubscribed": 0}
        context["language_counts"] = [
            {"name": name, **{key: counts.get(code, empty)[key] for key in empty}} for code, name in settings.LANGUAGES
        ]
        return context


class SubscriberViewSet(SnippetViewSet):
    model = Subscriber
    icon = "user"
    menu_label = _("Subscribers")
    index_view_class = SubscriberIndexView
    index_template_name = "newsletter/admin/subscriber_index.html"
    list_display = [
        "email",
        "language",
        "status",
        Column("consented_at", label=_("consent given at")),
        Column("confirmed_at", label=_("confirmed at")),
        Column("unsubscribed_at", label=_("unsubscribed at")),
    ]
    list_filter = ["status", "language"]
    search_fields = ["email"]
    search_backend_name = None
    list_export = [
        "email",
        "language",
        "status",
        "consent_version",
        "consented_at",
        "consent_source",
        "confirmed_at",
        "unsubscribed_at",
    ]
    export_headings = {
        "consent_version": _("Consent text version"),
        "consented_at": _("consent given at"),
        "consent_source": _("consent given on"),
        "confirmed_at": _("confirmed at"),
        "unsubscribed_at": _("unsubscribed at"),
    }
    export_filename = "newsletter-subscribers"
    inspect_view_enabled = True
    inspect_view_fields = ["email", "language", "status", "created_at", "confirmation_sent_at", "consent_events"]
    copy_view_enabled = False

    def get_queryset(self, request):
        return Subscriber.objects.annotate(**consent_in_force())


class ConsentEventViewSet(SnippetViewSet):
    """Every signup request, confirmation, unsubscription and re-subscription, read-only."""

    model = ConsentEvent
    icon = "history"
    menu_label = _("Consent history")
    list_display = [
        "created_at",
        "subscriber",
        "kind",
        Column("consent_version", label=_("consent text version")),
        "source",
        "ip",
    ]
    list_filter = ["kind", "language"]
    search_fields = ["subscriber__email"]
    search_backend_name = None
    inspect_view_enabled = True
    copy_view_enabled = False

    def get_queryset(self, request):
        return ConsentEvent.objects.select_related("subscriber", "consent_text")


class ConsentTextViewSet(SnippetViewSet):
    model = ConsentText
    icon = "doc-full"
    menu_label = _("Consent texts")
    list_display = ["language", "version", "text", "created_at"]
    list_filter = ["language"]
    copy_view_enabled = False


def sending_run_notice(issue):
    """What the send page says about the last sending run while it is queued, running or failed, as
    ``(help block status, text)``."""
    run = last_sending_run(issue)
    if run is None:
        return None
    state, error = run
    if state == "queued":
        return "info", _(
            "Queued: the background worker will send this issue shortly. If it stays queued for more than a few "
            "minutes, tell the site administrator that the worker may be stopped; nothing is lost meanwhile."
        )
    if state == "running":
        return "info", _("Being sent by the background worker.")
    if state == "failed":
        return "warning", _(
            "The last sending run stopped with an error (%(error)s). Whoever was not mailed yet is still waiting: "
            "send again to retry."
        ) % {"error": error}
    return None


class NewsletterIssueViewSet(SnippetViewSet):
    model = NewsletterIssue
    icon = "mail"
    menu_label = _("Issues")
    list_display = [
        "subject",
        "locale",
        Column("sent_count", label=_("sent")),
        Column("failed_count", label=_("failed")),
        Column("delivery_count", label=_("total")),
        "send_requested_at",
    ]

    def get_queryset(self, request):
        Status = NewsletterDelivery.Status
        return NewsletterIssue.objects.select_related("locale").annotate(
            delivery_count=Count("deliveries"),
            sent_count=Count("deliveries", filter=Q(deliveries__status=Status.SENT)),
            failed_count=Count("deliveries", filter=Q(deliveries__status=Status.FAILED)),
        )

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("send/<int:pk>/", self.send_view, name="send"),
            path("send/<int:pk>/confirm/", self.confirm_send_view, name="confirm_send"),
            path("send/<int:pk>/test/", self.send_test_view, name="send_test"),
            path("preview-email/<int:pk>/", self.preview_email_view, name="preview_email"),
        ]

    def _issue_for(self, request, pk):
        """The issue, for a user who may edit or send issues (the send page, the test copy, the preview)."""
        issue = get_object_or_404(NewsletterIssue.objects.select_related("locale"), pk=pk)
        if not policy_registry.get_by_type(NewsletterIssue).user_has_any_permission(request.user, {"change", "send"}):
            raise PermissionDenied
        return issue

    def _can_send(self, user):
        return policy_registry.get_by_type(NewsletterIssue).user_has_permission(user, "send")

    @method_decorator(require_GET)
    def send_view(self, request, pk):
        """The issue's progress, its preview and test copy, and the way to sending (which asks for confirmation)."""
        issue = self._issue_for(request, pk)
        return render(
            request,
            "newsletter/admin/send_issue.html",
            {
                "issue": issue,
                "progress": issue.progress(),
                "run_notice": sending_run_notice(issue),
                "recipients": issue.recipients().count(),
                "can_send": self._can_send(request.user),
                "preview_url": reverse(self.get_url_name("preview_email"), args=[issue.pk]),
                "confirm_url": reverse(self.get_url_name("confirm_send"), args=[issue.pk]),
                "test_url": reverse(self.get_url_name("send_test"), args=[issue.pk]),
            },
        )

    def confirm_send_view(self, request, pk):
        """GET asks (naming the number of recipients); only the POST of that form sends."""
        issue = self._issue_for(request, pk)
        if not self._can_send(request.user):
            raise PermissionDenied
        send_url = reverse(self.get_url_name("send"), args=[issue.pk])
        if request.method == "POST":
            NewsletterIssue.objects.filter(pk=issue.pk).update(send_requested_at=timezone.now())
            # The worker starts once the request's changes are committed.
            transaction.on_commit(lambda: request_sending(issue))
            messages.success(request, _("Sending “%(subject)s” has started.") % {"subject": issue.subject})
            return redirect(send_url)
        return render(
            request,
            "newsletter/admin/confirm_send.html",
            {"issue": issue, "recipients": issue.recipients().count(), "cancel_url": send_url},
        )

    @method_decorator(require_POST)
    def send_test_view(self, request, pk):
        """The issue to the logged-in editor's own address, and to nobody else."""
        issue = self._issue_for(request, pk)
        address = request.user.email
        if not address:
            messages.error(request, _("Your account has no e-mail address: add one in your account settings."))
        else:
            try:
                send_test_copy(issue, address)
            except Exception as e:  # noqa: BLE001 - the mail server's answer is shown, not a server error
                logger.warning("Test copy of newsletter issue %s failed: %s", issue.pk, e)
                messages.error(request, _("The test copy could not be sent: %(error)s") % {"error": e})
            else:
                messages.success(request, _("A test copy was sent to %(address)s.") % {"address": address})
        return redirect(self.get_url_name("send"), pk=issue.pk)

    def preview_email_view(self, request, pk):
        issue = self._issue_for(request, pk)
        return render(request, "newsletter/email/issue.html", issue_context(issue, unsubscribe_url="#"))


class NewsletterViewSetGroup(SnippetViewSetGroup):
    items = (NewsletterIssueViewSet, SubscriberViewSet, ConsentEventViewSet, ConsentTextViewSet)
    menu_icon = "mail"
    menu_label = _("Newsletter")
    menu_order = 310


register_snippet(NewsletterViewSetGroup)


@hooks.register("register_snippet_listing_buttons")
def newsletter_issue_send_button(snippet, user, next_url=None):
    policy = policy_registry.get_by_type(NewsletterIssue)
    if isinstance(snippet, NewsletterIssue) and policy.user_has_any_permission(user, {"change", "send"}):
        yield Button(
            _("Send / progress"),
            url=reverse(NewsletterIssue.snippet_viewset.get_url_name("send"), args=[snippet.pk]),
            icon_name="mail",
            priority=15,
        )
