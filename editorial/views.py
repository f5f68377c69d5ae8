from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail.admin.ui.tables import Column, DateColumn, NumberColumn, StatusTagColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page
from wagtail.permissions import policy_registry

from home.spreadsheets import FormulaSafeExportMixin

from .board import STATES, UP_TO_DATE, TranslationBoard

# Who may see the board: whoever writes pages in some language (Editors, Translators) — Wagtail's own rule for
# the page reports.
BOARD_PAGE_ACTIONS = ["add", "change", "publish"]


def user_can_see_translation_board(user):
    return policy_registry.get_by_type(Page).user_has_any_permission(user, BOARD_PAGE_ACTIONS)


class TranslationBoardView(FormulaSafeExportMixin, ReportView):
    """Every page and translatable snippet with its translation state, narrowed by ``?state=``, ``?kind=``
    (``app_label.model_name``), ``?language=`` (language code) and ``?q=`` (words of the title)."""

    page_title = _("Translation status")
    header_icon = "wagtail-localize-language"
    index_url_name = "editorial:translation_board"
    index_results_url_name = "editorial:translation_board_results"
    results_template_name = "editorial/translation_board_results.html"
    any_permission_required = BOARD_PAGE_ACTIONS
    paginate_by = 100
    export_filename = "translation-status"
    list_export = [
        "title",
        "kind",
        "language_code",
        "state",
        "source_changed_at",
        "synced_at",
        "segments_to_translate",
        "action_url",
    ]
    export_headings = {
        "title": pgettext_lazy("translation board", "Title"),
        "kind": pgettext_lazy("translation board", "Type"),
        "language_code": pgettext_lazy("translation board", "Language"),
        "state": pgettext_lazy("translation board", "State"),
        "source_changed_at": _("Source published"),
        "synced_at": _("Last synced"),
        "segments_to_translate": _("Segments to translate"),
        "action_url": pgettext_lazy("translation board", "Link"),
    }

    @cached_property
    def permission_policy(self):
        return policy_registry.get_by_type(Page)

    @cached_property
    def columns(self):
        return [
            TitleColumn("title", label=pgettext_lazy("translation board", "Title"), get_url=lambda row: row.action_url),
            Column("kind", label=pgettext_lazy("translation board", "Type")),
            Column("language", label=pgettext_lazy("translation board", "Language")),
            StatusTagColumn(
                "state_label",
                label=pgettext_lazy("translation board", "State"),
                primary=lambda row: row.state != UP_TO_DATE,
            ),
            DateColumn("source_changed_at", label=_("Source published")),
            DateColumn("synced_at", label=_("Last synced")),
            NumberColumn("segments_to_translate", label=_("Segments to translate")),
            TitleColumn(
                "action_label", label=pgettext_lazy("translation board", "Action"), get_url=lambda row: row.action_url
            ),
        ]

    @cached_property
    def board(self):
        return TranslationBoard()

    @cached_property
    def selected_state(self):
        state = self.request.GET.get("state")
        return state if state in STATES else None

    @cached_property
    def selected_kind(self):
        kind = self.request.GET.get("kind")
        return kind if kind in dict(self.board.kinds) else None

    @cached_property
    def selected_language(self):
        code = self.request.GET.get("language")
        codes = {locale.language_code for locale in self.board.target_locales}
        return code if code in codes else None

    @cached_property
    def search_words(self):
        return self.request.GET.get("q", "").strip()[:200]

    def get_queryset(self):
        rows = self.board.rows
        if self.selected_state:
            rows = [row for row in rows if row.state == self.selected_state]
        if self.selected_kind:
            rows = [row for row in rows if row.kind_key == self.selected_kind]
        if self.selected_language:
            rows = [row for row in rows if row.language_code == self.selected_language]
        if self.search_words:
            words = self.search_words.casefold().split()
            rows = [row for row in rows if all(word in str(row.title).casefold() for word in words)]
        return rows

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["counts"] = self.board.counts
        context["selected_state"] = self.selected_state
        context["kinds"] = self.board.kinds
        context["selected_kind"] = self.selected_kind
        context["languages"] = [
            (locale.language_code, locale.get_display_name()) for locale in self.board.target_locales
        ]
        context["selected_language"] = self.selected_language
        context["search_words"] = self.search_words
        return context
