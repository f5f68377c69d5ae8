"""Submitting a translation for review.

wagtail-localize replaces the page editor of a synced translation with its own translation editor, which saves
each string as it is typed and can only publish: it cannot start a workflow, and its draft save
(``Translation.save_target(publish=False)``) writes the translated fields onto the live page row. Translators
hold no publish permission, so this view is how their work reaches the Moderators: it turns the current string
translations into a new draft revision (leaving the live page alone) and starts the page's workflow.

The rule is Wagtail's: whoever may edit the page and may submit it for moderation (it has a workflow, none in
progress, and it is not locked) may submit it.
"""

from django.contrib import messages
from django.db import transaction
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
from wagtail.models import Page
from wagtail.snippets.action_menu import WorkflowMenuItem as SnippetWorkflowMenuItem
from wagtail_localize.models import Translation

WORKFLOW_MENU_ITEMS = (WorkflowMenuItem, SnippetWorkflowMenuItem)


def can_submit_for_review(page, user):
    permissions = page.permissions_for_user(user)
    return permissions.can_edit() and permissions.can_submit_for_moderation()


def synced_translation(page):
    """The wagtail-localize translation that ``page`` is the target of, if it is kept in sync with its source."""
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .select_related("source", "target_locale")
        .first()
    )


def save_translation_draft(translation, user):
    """A draft revision of the target page with the current string translations (source text where a string is
    not translated yet); unlike wagtail-localize's own draft save, the live page is not touched."""
    draft = translation.source.get_ephemeral_translated_instance(translation.target_locale, fallback=True)
    return draft.save_revision(user=user)


class SubmitForReviewView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "editorial/submit_for_review.html"
    page_title = _("Submit for review")
    header_icon = "tasks"

    def dispatch(self, request, page_id):
        self.page = get_object_or_404(Page, pk=page_id).specific
        if not can_submit_for_review(self.page, request.user):
            return permission_denied(request)
        self.translation = synced_translation(self.page)
        if self.translation is None and not self.page.has_unpublished_changes:
            messages.error(request, _("There are no changes to submit for review."))
            return redirect(self.get_success_url())
        return super().dispatch(request, page_id)

    def get_page_subtitle(self):
        return self.page.get_admin_display_title()

    def get_success_url(self):
        next_url = self.request.POST.get("next") or self.request.GET.get("next")
        if next_url and url_has_allowed_host_and_scheme(next_url, allowed_hosts={self.request.get_host()}):
            return next_url
        return reverse("wagtailadmin_explore", args=[self.page.get_parent().pk])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page"] = self.page
        context["workflow"] = self.page.get_workflow()
        context["next_url"] = self.get_success_url()
        return context

    def post(self, request, page_id):
        with transaction.atomic():
            if self.translation is not None:
                save_translation_draft(self.translation, request.user)
                self.page = self.page.specific_class.objects.get(pk=self.page.pk)
            self.page.get_workflow().start(self.page, request.user)
        messages.success(
            request,
            _("“%(title)s” was submitted for review.") % {"title": self.page.get_admin_display_title()},
        )
        return redirect(self.get_success_url())


def submit_for_review_buttons(page, user, view_name=None, next_url=None):
    if can_submit_for_review(page, user) and synced_translation(page) is not None:
        url = reverse("editorial:submit_for_review", args=[page.pk])
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
