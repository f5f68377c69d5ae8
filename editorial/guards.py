"""No path around review: wagtail-localize's shortcuts that put content live, guarded by Wagtail's permissions.

wagtail-localize lets anyone who may edit a translation (or holds "submit translation") publish through three
side doors: "Publish immediately" on its sync screen publishes every synced translation, "Convert to alias page"
replaces a translation with the live Polish page, and "Stop Synced translation" turns its editor back into
Wagtail's (a step that only makes sense before a manual edit that a publisher signs off). Those views ask only
``can_edit()``, so they are re-registered here, at the same addresses and ahead of wagtail-localize's, asking
first whether the user may *publish* what they would change — the right Wagtail gives publishers, never
Translators (see roles.py) — and then handing over to wagtail-localize's own view.
"""

from django.contrib.admin.utils import quote
from django.shortcuts import get_object_or_404
from django.urls import path, reverse

from wagtail.admin.auth import permission_denied
from wagtail.models import DraftStateMixin, Page
from wagtail.permissions import policy_registry
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.views import convert, edit_translation, update_translations


def user_can_publish(user, instance):
    """Whether ``user`` may put ``instance`` live: Wagtail's page permission tester for pages, the model's
    permission policy (per language, editorial.permissions) for snippets; a snippet without drafts is live as
    soon as it is saved, so for it publishing is changing."""
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_publish()
    action = "publish" if isinstance(instance, DraftStateMixin) else "change"
    return policy_registry.get_by_type(type(instance)).user_has_permission_for_instance(user, action, instance)


def user_can_publish_translations(user, source):
    """Whether ``user`` may publish every translation kept in sync with ``source`` (a TranslationSource)."""
    translations = source.translations.filter(enabled=True).select_related("target_locale")
    return all(user_can_publish(user, translation.get_target_instance()) for translation in translations)


def edit_url(instance):
    if isinstance(instance, Page):
        return reverse("wagtailadmin_pages:edit", args=[instance.pk])
    return reverse(instance.snippet_viewset.get_url_name("edit"), args=[quote(instance.pk)])


def user_can_edit(user, instance):
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_edit()
    return policy_registry.get_by_type(type(instance)).user_has_permission_for_instance(user, "change", instance)


class ReviewedUpdateTranslationsView(update_translations.UpdateTranslationsView):
    """wagtail-localize's sync screen without "Publish immediately" for users who may not publish every
    translation (the synced changes then wait in the translations, to be submitted for review), who land on a
    screen they may open afterwards."""

    def dispatch(self, request, *args, **kwargs):
        source = get_object_or_404(TranslationSource, id=kwargs["translation_source_id"])
        self.may_publish = user_can_publish_translations(request.user, source)
        if request.method == "POST" and request.POST.get("publish_translations") and not self.may_publish:
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_form(self):
        form = super().get_form()
        if not self.may_publish:
            del form.fields["publish_translations"]
        return form

    def form_valid(self, form):
        form.cleaned_data.setdefault("publish_translations", False)
        return super().form_valid(form)

    def get_default_success_url(self):
        source_instance = self.object.get_source_instance()
        if user_can_edit(self.request.user, source_instance):
            return super().get_default_success_url()
        # A Translator may not open the Polish source: show them the translation they may edit.
        for translation in self.object.translations.filter(enabled=True).select_related("target_locale"):
            target = translation.get_target_instance()
            if user_can_edit(self.request.user, target):
                return edit_url(target)
        return reverse("editorial:translation_board")


def reviewed_convert_to_alias(request, page_id):
    """Converting a translation to an alias puts the Polish page live in its place: publishers only."""
    page = get_object_or_404(Page, id=page_id, alias_of_id__isnull=True)
    if not user_can_publish(request.user, page.specific):
        return permission_denied(request)
    return convert.convert_to_alias(request, page_id)


def reviewed_stop_translation(request, translation_id):
    """Stopping the sync hands the translation to Wagtail's editor for a manual rewrite: publishers only."""
    translation = get_object_or_404(Translation, id=translation_id)
    if not user_can_publish(request.user, translation.get_target_instance()):
        return permission_denied(request)
    return edit_translation.stop_translation(request, translation_id)


def guarded_localize_urls():
    """Same addresses as wagtail-localize's views; registered ahead of them (see wagtail_hooks.py)."""
    return [
        path(
            "localize/update/<int:translation_source_id>/",
            ReviewedUpdateTranslationsView.as_view(),
            name="editorial_update_translations",
        ),
        path(
            "localize/page/<int:page_id>/convert_to_alias/",
            reviewed_convert_to_alias,
            name="editorial_convert_to_alias",
        ),
        path(
            "localize/translate/<int:translation_id>/disable/",
            reviewed_stop_translation,
            name="editorial_stop_translation",
        ),
    ]
