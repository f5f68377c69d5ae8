"""Per-language rights for translatable snippets, through Wagtail's permission policy registry.

Page rights are per language by construction: each language's pages form their own subtree, and a group's
page permissions are granted on that language's home page. Snippets have no tree, so their policy borrows the
same grant: a user may act on a snippet in a language only if one of their groups may edit or publish that
language's pages. The model permission (change, delete, …) is still required on top; superusers may do everything.
"""

from django.apps import apps
from django.db.models import Q

from wagtail.models import GroupPagePermission, Page, TranslatableMixin
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry, register_permission_policy

# Page permissions that make a language "one's own": being allowed to write or publish its pages.
LANGUAGE_GRANTING_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page")


def working_locale_ids(user):
    """The ids of the locales ``user`` may write in, or ``None`` for every locale (superusers, or a grant on the
    tree's root, which is above every language)."""
    if not user.is_active:
        return set()
    if user.is_superuser:
        return None
    if not hasattr(user, "_editorial_working_locale_ids"):
        grants = GroupPagePermission.objects.filter(
            group__user=user, permission__codename__in=LANGUAGE_GRANTING_PAGE_PERMISSIONS
        ).values_list("page__depth", "page__locale_id")
        locale_ids = set()
        for depth, locale_id in grants:
            if depth == 1:
                locale_ids = None
                break
            locale_ids.add(locale_id)
        user._editorial_working_locale_ids = locale_ids
    return user._editorial_working_locale_ids


def user_works_in(user, locale_id):
    locale_ids = working_locale_ids(user)
    return locale_ids is None or locale_id in locale_ids


class LanguageScopedPermissionPolicy(ModelPermissionPolicy):
    """Model permissions for a translatable model, narrowed to the languages the user works in."""

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and user_works_in(user, instance.locale_id)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return self.user_has_any_permission(user, actions) and user_works_in(user, instance.locale_id)

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        instances = self.model._default_manager.all()
        locale_ids = working_locale_ids(user)
        return instances if locale_ids is None else instances.filter(locale_id__in=locale_ids)

    def users_with_any_permission_for_instance(self, actions, instance):
        writers_of_the_language = Q(is_superuser=True) | Q(
            groups__page_permissions__permission__codename__in=LANGUAGE_GRANTING_PAGE_PERMISSIONS,
            groups__page_permissions__page__locale_id=instance.locale_id,
        )
        return self.users_with_any_permission(actions).filter(writers_of_the_language).distinct()


def register_language_scoped_policies():
    """Give every translatable model that is not a page (pages have their own tree-based policy) the
    language-scoped policy, unless its app registered a policy of its own."""
    for model in apps.get_models():
        if not issubclass(model, TranslatableMixin) or issubclass(model, Page):
            continue
        if policy_registry.get_by_type(model, fallback=False) is None:
            register_permission_policy(model, LanguageScopedPermissionPolicy(model), exact_class=True)
