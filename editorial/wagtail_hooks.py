from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.urls import include, path, reverse
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.widgets import ListingButton
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.permissions import policy_registry

from .board import OUTDATED, TranslationBoard
from .guards import guarded_localize_urls
from .review import (
    SubmitForReviewView,
    open_reviews_in_wagtails_editor,
    open_snippet_reviews_in_wagtails_editor,
    put_the_main_action_first,
    submit_for_review_buttons,
    synced_translation,
)
from .status import status_messages
from .views import TranslationBoardView, user_can_see_translation_board

DASHBOARD_ROWS = 10


@hooks.register("register_admin_urls")
def register_translation_board_urls():
    urls = [
        path("translation-status/", TranslationBoardView.as_view(), name="translation_board"),
        path(
            "translation-status/results/",
            TranslationBoardView.as_view(results_only=True),
            name="translation_board_results",
        ),
        path("submit-for-review/<int:page_id>/", SubmitForReviewView.as_view(), name="submit_for_review"),
        path(
            "submit-for-review/<slug:app_label>/<slug:model_name>/<str:pk>/",
            SubmitForReviewView.as_view(),
            name="submit_snippet_for_review",
        ),
    ]
    return [path("editorial/", include((urls, "editorial"), namespace="editorial"))]


# Ahead of wagtail-localize's own URLs (order 0), at the same addresses: see guards.py.
hooks.register("register_admin_urls", guarded_localize_urls, order=-1)

hooks.register("register_page_header_buttons", submit_for_review_buttons)
hooks.register("register_page_listing_more_buttons", submit_for_review_buttons)


class TranslationBoardMenuItem(MenuItem):
    def is_shown(self, request):
        return user_can_see_translation_board(request.user)


@hooks.register("register_reports_menu_item")
def register_translation_board_menu_item():
    return TranslationBoardMenuItem(
        _("Translation status"),
        reverse("editorial:translation_board"),
        name="translation-status",
        icon_name="wagtail-localize-language",
        order=1000,
    )


class TranslationBoardPanel(Component):
    """Dashboard summary of the board: counts per state and the first items that need work."""

    name = "translation_status"
    template_name = "editorial/translation_board_panel.html"
    order = 250

    def get_context_data(self, parent_context):
        board = TranslationBoard()
        return {
            "counts": board.counts,
            "rows": board.rows_needing_work[:DASHBOARD_ROWS],
            "board_url": reverse("editorial:translation_board"),
        }


@hooks.register("construct_homepage_panels")
def add_translation_board_panel(request, panels):
    if user_can_see_translation_board(request.user):
        panels.append(TranslationBoardPanel())


# Wagtail's snippet views check model permissions only; these hooks ask the model's permission policy about the
# instance, so the per-language policy (editorial.permissions) decides. They run before wagtail-localize's own
# before_edit_snippet hook, which would otherwise open its translation editor first.
@hooks.register("before_edit_snippet", order=-100)
def refuse_editing_snippets_outside_own_languages(request, instance):
    if not policy_registry.get_by_type(type(instance)).user_has_permission_for_instance(
        request.user, "change", instance
    ):
        raise PermissionDenied


@hooks.register("before_create_snippet", order=-100)
def refuse_creating_snippets_outside_own_languages(request, model):
    if not issubclass(model, TranslatableMixin):
        return
    code = request.GET.get("locale")
    locale = Locale.objects.filter(language_code=code).first() if code else Locale.get_default()
    if locale is None:
        return
    if not policy_registry.get_by_type(model).user_has_permission_for_instance(
        request.user, "add", model(locale=locale)
    ):
        raise PermissionDenied


hooks.register("construct_page_action_menu", put_the_main_action_first)
hooks.register("construct_snippet_action_menu", put_the_main_action_first)
# Before wagtail-localize's hook (order 0), which would open its translation editor for every synced translation.
hooks.register("before_edit_page", open_reviews_in_wagtails_editor, order=-50)
hooks.register("before_edit_snippet", open_snippet_reviews_in_wagtails_editor, order=-50)


@hooks.register("before_edit_page", order=-40)
def warn_about_an_unfinished_live_translation(request, page):
    """Wagtail's own editor (a translation not kept in sync, or one in review) shows the same warning as the
    translation editor (templates/wagtail_localize/admin/edit_translation.html) through the admin's messages."""
    if request.method != "GET" or page.locale_id == default_locale_id(request.user):
        return
    if synced_translation(page) is not None:  # the translation editor shows it itself
        return
    for warning in status_messages(flagged_translations(request.user).get((page.translation_key, page.locale_id))):
        messages.warning(request, warning)


def flagged_translations(user):
    """(translation key, locale id) -> board row of every live translation that is out of date or incomplete,
    read once per request (the user object lives as long as the request) for the page explorer's rows."""
    if not hasattr(user, "_editorial_flagged_translations"):
        user._editorial_flagged_translations = {
            (row.source.translation_key, row.target_locale.pk): row
            for row in TranslationBoard().rows
            if row.is_flagged and isinstance(row.translation, Page)
        }
    return user._editorial_flagged_translations


@hooks.register("register_page_listing_buttons")
def flag_unfinished_live_translations(page, user, next_url=None):
    """A status button in the page explorer on a live translation that is out of date or incomplete."""
    if page.locale_id == default_locale_id(user):
        return
    row = flagged_translations(user).get((page.translation_key, page.locale_id))
    if row is None:
        return
    yield ListingButton(
        " · ".join(status_labels(row)),
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        icon_name="warning",
        attrs={"data-editorial-translation-flag": row.state, "title": " ".join(status_messages(row))},
        priority=5,
    )


def default_locale_id(user):
    if not hasattr(user, "_editorial_default_locale_id"):
        user._editorial_default_locale_id = Locale.get_default().pk
    return user._editorial_default_locale_id


def status_labels(row):
    labels = []
    if row.state == OUTDATED:
        labels.append(gettext("out of date"))
    if row.segments_to_translate:
        labels.append(
            ngettext("%(count)s segment untranslated", "%(count)s segments untranslated", row.segments_to_translate)
            % {"count": row.segments_to_translate}
        )
    return labels
