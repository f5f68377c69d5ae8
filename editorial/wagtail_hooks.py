from django.core.exceptions import PermissionDenied
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.models import Locale, TranslatableMixin
from wagtail.permissions import policy_registry

from .board import TranslationBoard
from .review import SubmitForReviewView, submit_for_review_buttons
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
    ]
    return [path("editorial/", include((urls, "editorial"), namespace="editorial"))]


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
