"""Submitting a translation for review.

wagtail-localize replaces the page editor of a synced translation with its own translation editor, which saves
each string as it is typed and can only publish: it cannot start a workflow, and its draft save
(``Translation.save_target(publish=False)``) writes the translated fields onto the live page row. Translators
hold no publish permission, so this view is how their work reaches the Moderators: it turns the current string
translations into a new draft revision (leaving the live page alone) and starts the page's workflow.

The rule is Wagtail's: whoever may edit the page and may submit it for moderation (it has a workflow, none in
progress, and it is not locked) may submit it.
"""

from django.apps import apps as django_apps
from django.contrib import messages
from django.contrib.admin.utils import quote, unquote
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin.action_menu import WorkflowMenuItem
from wagtail.admin.auth import permission_denied
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.views.pages.edit import EditView
from wagtail.admin.widgets import ListingButton
from wagtail.models import Page, WorkflowMixin
from wagtail.permissions import policy_registry
from wagtail.snippets.action_menu import WorkflowMenuItem as SnippetWorkflowMenuItem
from wagtail_localize.models import Translation

WORKFLOW_MENU_ITEMS = (WorkflowMenuItem, SnippetWorkflowMenuItem)


def can_submit_for_review(obj, user):
    """Wagtail's rule: pages by their permission tester; snippets (those with a workflow) as Wagtail's
    "Submit for moderation" menu item decides, for whoever may edit them (their permission policy)."""
    if isinstance(obj, Page):
        permissions = obj.permissions_for_user(user)
        return permissions.can_edit() and permissions.can_submit_for_moderation()
    return (
        isinstance(obj, WorkflowMixin)
        and policy_registry.get_by_type(type(obj)).user_has_permission_for_instance(user, "change", obj)
        and obj.has_workflow
        and not obj.workflow_in_progress
    )


def submit_url(obj):
    if isinstance(obj, Page):
        return reverse("editorial:submit_for_review", args=[obj.pk])
    opts = obj._meta
    return reverse("editorial:submit_snippet_for_review", args=[opts.app_label, opts.model_name, quote(obj.pk)])


def synced_translation(page):
    """The wagtail-localize translation that ``page`` (or a translatable snippet) is the target of, if it is
    kept in sync with its source."""
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .select_related("source", "target_locale")
        .first()
    )


def save_translation_draft(translation, user):
    """A draft revision of the target page (or snippet) with the current string translations (source text where
    a string is not translated yet); unlike wagtail-localize's own draft save, the live page is not touched."""
    draft = translation.source.get_ephemeral_translated_instance(translation.target_locale, fallback=True)
    return draft.save_revision(user=user)


class SubmitForReviewView(WagtailAdminTemplateMixin, TemplateView):
    """Submits a page (``page_id``) or a snippet with a workflow (``app_label``, ``model_name``, ``pk``)."""

    template_name = "editorial/submit_for_review.html"
    page_title = _("Submit for review")
    header_icon = "tasks"

    def get_object(self):
        if "page_id" in self.kwargs:
            return get_object_or_404(Page, pk=self.kwargs["page_id"]).specific
        try:
            model = django_apps.get_model(self.kwargs["app_label"], self.kwargs["model_name"])
        except LookupError as error:
            raise Http404 from error
        if not issubclass(model, WorkflowMixin):
            raise Http404
        return get_object_or_404(model, pk=unquote(self.kwargs["pk"]))

    def dispatch(self, request, **kwargs):
        self.object = self.get_object()
        if not can_submit_for_review(self.object, request.user):
            return permission_denied(request)
        self.translation = synced_translation(self.object)
        if self.translation is None and not self.object.has_unpublished_changes:
            messages.error(request, _("There are no changes to submit for review."))
            return redirect(self.get_success_url())
        return super().dispatch(request, **kwargs)

    def get_page_subtitle(self):
        return self.title

    @property
    def title(self):
        if isinstance(self.object, Page):
            return self.object.get_admin_display_title()
        return str(self.object)

    def get_success_url(self):
        next_url = self.request.POST.get("next") or self.request.GET.get("next")
        if next_url and url_has_allowed_host_and_scheme(next_url, allowed_hosts={self.request.get_host()}):
            return next_url
        if isinstance(self.object, Page):
            return reverse("wagtailadmin_explore", args=[self.object.get_parent().pk])
        return reverse(self.object.snippet_viewset.get_url_name("edit"), args=[quote(self.object.pk)])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["title"] = self.title
        context["workflow"] = self.object.get_workflow()
        context["submit_url"] = submit_url(self.object)
        context["next_url"] = self.get_success_url()
        return context

    def post(self, request, **kwargs):
        with transaction.atomic():
            if self.translation is not None:
                save_translation_draft(self.translation, request.user)
                self.object = type(self.object)._default_manager.get(pk=self.object.pk)
            self.object.get_workflow().start(self.object, request.user)
        messages.success(request, _("“%(title)s” was submitted for review.") % {"title": self.title})
        return redirect(self.get_success_url())


def submit_for_review_buttons(page, user, view_name=None, next_url=None):
    if can_submit_for_review(page, user) and synced_translation(page) is not None:
        url = submit_url(page)
        yield ListingButton(_("Submit for review"), url, priority=65, icon_name="tasks")


class ReviewEditView(EditView):
    """Wagtail's own page editor, for a reviewer of a translation in review: wagtail-localize's translation
    editor (which every ``before_edit_page`` visit of a synced translation opens) offers only "Publish", never
    the workflow's approve / request changes. The page's edit permission (a reviewer's, during the review) is
    checked by the view as usual; only the hooks that would swap the editor are not run again."""

    def run_hook(self, hook_name, *args, **kwargs):
        if hook_name == "before_edit_page":
            return None
        return super().run_hook(hook_name, *args, **kwargs)


def reviewer_actions(page, user):
    task = page.current_workflow_task
    return task.get_actions(page, user) if task else []


def open_reviews_in_wagtails_editor(request, page):
    """``before_edit_page``: a synced translation in review opens in Wagtail's editor for its reviewers."""
    if reviewer_actions(page, request.user) and synced_translation(page) is not None:
        return ReviewEditView.as_view()(request, page_id=page.pk)
    return None


class SkipBeforeEditSnippetHooks:
    """For a snippet's edit view: the ``before_edit_snippet`` hooks already ran for this request (the language
    check among them); running them again would open wagtail-localize's translation editor once more."""

    def run_hook(self, hook_name, *args, **kwargs):
        if hook_name == "before_edit_snippet":
            return None
        return super().run_hook(hook_name, *args, **kwargs)


def open_snippet_reviews_in_wagtails_editor(request, instance):
    """``before_edit_snippet``: a synced translated snippet (a partner) in a workflow — in review, or sent back
    for changes — opens in Wagtail's snippet editor, as ``open_reviews_in_wagtails_editor`` does for pages: its
    reviewers get "Approve" as the main button, the submitter sees the review's status (and may resubmit).
    wagtail-localize's translation editor cannot show a snippet's workflow: its status panel lacks the workflow
    links Wagtail's snippet editor provides and fails to render. The view class is built on the snippet's own
    viewset's edit view, which may differ per model."""
    if not isinstance(instance, WorkflowMixin) or instance.current_workflow_state is None:
        return None
    if synced_translation(instance) is None:
        return None
    viewset = instance.snippet_viewset
    view_class = type("ReviewSnippetEditView", (SkipBeforeEditSnippetHooks, viewset.edit_view_class), {})
    return viewset.construct_view(view_class, **viewset.get_edit_view_kwargs())(request, pk=quote(instance.pk))


def put_the_main_action_first(menu_items, request, context):
    """``construct_page_action_menu`` / ``construct_snippet_action_menu``: the first item is the editor's main
    button. In review, the reviewer's is "Approve" (then the other workflow actions), and "Publish", which would
    skip the review, is not offered; otherwise, for someone who may not publish, "Submit for review"."""
    workflow_items = [item for item in menu_items if isinstance(item, WORKFLOW_MENU_ITEMS)]
    if workflow_items:
        workflow_items.sort(key=lambda item: (item.name != "approve", item.launch_modal))
        others = [item for item in menu_items if item not in workflow_items and item.name != "action-publish"]
        menu_items[:] = workflow_items + others
        return
    if any(item.name == "action-publish" for item in menu_items):
        return
    submit = [item for item in menu_items if item.name == "action-submit"]
    menu_items[:] = submit + [item for item in menu_items if item not in submit]
