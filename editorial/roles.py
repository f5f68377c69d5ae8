"""The editorial team's roles, as Wagtail permissions.

* Editors write the Polish source: they add and edit Polish pages and submit them for review, and they manage
  every snippet (partners, documents, newsletter issues, …) in Polish, images and documents. They also send
  newsletter issues, in either language (sending writes nothing); subscribers' personal data stays out of reach.
* Translators write the English version: they edit English pages and English snippets, and create and update
  translations through wagtail-localize. They never touch the Polish source.
* Moderators approve or reject what is submitted, in the "Akceptacja sekretarza" workflow (see workflow.py: pages
  and partners), and publish translatable snippets, in both languages.
* The Sekretariat (the partnership's secretary) reads and decides membership applications; nothing else. A secretary
  who also approves content is in Moderators as well.

Editors and Translators hold no "publish" on pages, and Translators none on snippets either: their work is
published by the workflow (pages, partners) or by a publisher (other snippets), never by themselves. Page
rights are granted on each language's home page, so they cover that language's subtree only; snippet rights
follow the same languages through ``editorial.permissions.LanguageScopedPermissionPolicy``.

``setup_roles`` takes an app registry so that the data migration (historical models) and ``load_content``
(live models, once the home pages exist) share it. It only adds what is missing, except with ``reset=True``
(the first migration), which also removes the rights Wagtail's own migrations gave its stock "Editors" and
"Moderators" groups on the root page — rights that span both languages.
"""

from dataclasses import dataclass, field

from django.contrib.auth import get_permission_codename

EDITORS = "Editors"
TRANSLATORS = "Translators"
MODERATORS = "Moderators"
SECRETARIAT = "Sekretariat"


@dataclass(frozen=True)
class Role:
    name: str
    # Page permission types ("add", "change", …) granted on the home page of each language code.
    page_permissions: dict = field(default_factory=dict)
    # (app_label, codename) pairs granted on the root collection (images, documents).
    collection_permissions: tuple = ()
    # (app_label, codename) pairs of global permissions.
    permissions: tuple = ()
    # Actions granted on snippet models: on every snippet, or on translatable snippets only.
    snippet_actions: tuple = ()
    translatable_snippets_only: bool = False
    # Only on snippets with drafts (that can be published): e.g. not newsletter issues.
    draftable_snippets_only: bool = False
    # (app_label, model_name, action) for a model's own permissions beyond the snippet actions, e.g. sending.
    model_actions: tuple = ()


# Snippets holding people's personal data: no role is given rights on them here (superusers manage them).
PERSONAL_DATA_SNIPPETS = {"newsletter.subscriber"}

ADMIN_ACCESS = ("wagtailadmin", "access_admin")
CHOOSE_MEDIA = (("wagtailimages", "choose_image"), ("wagtaildocs", "choose_document"))
MANAGE_MEDIA = (
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
)

ROLES = (
    Role(
        EDITORS,
        page_permissions={"pl": ("add", "change", "lock")},
        collection_permissions=MANAGE_MEDIA,
        permissions=(ADMIN_ACCESS,),
        snippet_actions=("add", "change", "delete", "view", "publish", "lock", "unlock"),
        model_actions=(("newsletter", "newsletterissue", "send"),),
    ),
    Role(
        TRANSLATORS,
        page_permissions={"en": ("change", "lock")},
        collection_permissions=CHOOSE_MEDIA,
        permissions=(ADMIN_ACCESS, ("wagtail_localize", "submit_translation")),
        # No "publish": a Translator's snippet edits stay drafts until a publisher puts them live.
        snippet_actions=("change", "view"),
        translatable_snippets_only=True,
    ),
    # Wagtail publishes with the approver's rights when the last task is approved, so approvers hold "publish".
    # Snippets without a workflow: Moderators publish the drafts Translators leave on translatable snippets.
    Role(
        MODERATORS,
        page_permissions={"pl": ("publish", "unlock"), "en": ("publish", "unlock")},
        permissions=(ADMIN_ACCESS,),
        snippet_actions=("change", "view", "publish"),
        translatable_snippets_only=True,
        draftable_snippets_only=True,
    ),
    # Applications hold the contact person's personal data: only this role sees them ("change" = decide).
    Role(
        SECRETARIAT,
        permissions=(ADMIN_ACCESS,),
        model_actions=(
            ("membership", "membershipapplication", "view"),
            ("membership", "membershipapplication", "change"),
        ),
    ),
)


@dataclass(frozen=True)
class SnippetType:
    app_label: str
    model_name: str
    translatable: bool
    # Actions Wagtail adds to snippets with DraftStateMixin / LockableMixin (their permissions come from a signal).
    extra_actions: tuple


def snippet_types():
    """The registered snippet models, described from the live registry (historical models lack the mixins)."""
    from wagtail.models import DraftStateMixin, LockableMixin, TranslatableMixin
    from wagtail.snippets.models import get_snippet_models

    return [
        SnippetType(
            model._meta.app_label,
            model._meta.model_name,
            issubclass(model, TranslatableMixin),
            (("publish",) if issubclass(model, DraftStateMixin) else ())
            + (("lock", "unlock") if issubclass(model, LockableMixin) else ()),
        )
        for model in get_snippet_models()
    ]


def home_pages(apps):
    """The default site's home page and its translations: one per language, the roots of their subtrees."""
    Site = apps.get_model("wagtailcore", "Site")
    Page = apps.get_model("wagtailcore", "Page")
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None or site.root_page.depth < 2:
        return Page.objects.none()
    return Page.objects.filter(translation_key=site.root_page.translation_key, depth=site.root_page.depth)


class PermissionFinder:
    """Finds ``Permission`` rows, creating those Django has not made yet (it makes them after the last migration)."""

    def __init__(self, apps):
        self.apps = apps
        self.ContentType = apps.get_model("contenttypes", "ContentType")
        self.Permission = apps.get_model("auth", "Permission")

    def get(self, app_label, model_name, codename, name=None):
        content_type, _ = self.ContentType.objects.get_or_create(app_label=app_label, model=model_name)
        permission, _ = self.Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": (name or codename)[:255]}
        )
        return permission

    def by_codename(self, app_label, codename):
        """A global permission known only by its app and codename (e.g. wagtailadmin.access_admin)."""
        permission = self.Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
        if permission is None:
            raise LookupError(f"Permission {app_label}.{codename} does not exist")
        return permission

    def for_model(self, model, actions, extra_actions=()):
        """The model's permissions for ``actions`` that the model has (e.g. "publish" only on draftable models)."""
        opts = model._meta
        declared = {
            get_permission_codename(action, opts): f"Can {action} {opts.verbose_name_raw}"
            for action in (*opts.default_permissions, *extra_actions)
        }
        declared.update(dict(opts.permissions))
        wanted = [get_permission_codename(action, opts) for action in actions]
        return [
            self.get(opts.app_label, opts.model_name, codename, declared[codename])
            for codename in wanted
            if codename in declared
        ]


def model_permissions(role, apps, finder, snippets, only=None):
    """The permissions ``role`` holds on snippet models and through its ``model_actions``; ``only`` narrows them
    to one model, given as ``(app_label, model_name)``."""
    wanted = []
    for snippet in snippets:
        if f"{snippet.app_label}.{snippet.model_name}" in PERSONAL_DATA_SNIPPETS:
            continue
        if role.translatable_snippets_only and not snippet.translatable:
            continue
        if role.draftable_snippets_only and "publish" not in snippet.extra_actions:
            continue
        if only and (snippet.app_label, snippet.model_name) != only:
            continue
        try:
            model = apps.get_model(snippet.app_label, snippet.model_name)
        except LookupError:  # an app the migration does not know yet: load_content grants it later
            continue
        wanted += finder.for_model(model, role.snippet_actions, snippet.extra_actions)
    for app_label, model_name, action in role.model_actions:
        if only and (app_label, model_name) != only:
            continue
        try:
            model = apps.get_model(app_label, model_name)
        except LookupError:  # as above
            continue
        wanted += finder.for_model(model, (action,))
    return wanted


def _add_missing(group, permissions):
    existing = set(group.permissions.values_list("pk", flat=True))
    missing = [permission for permission in permissions if permission.pk not in existing]
    group.permissions.add(*missing)
    return len(missing)


def grant_model_rights(apps, app_label, model_name):
    """Give the existing role groups what they hold on one model, and nothing else: for a data migration when a
    role gains rights on a model. Returns the number of rights added."""
    Group = apps.get_model("auth", "Group")
    finder = PermissionFinder(apps)
    snippets = snippet_types()
    added = 0
    for role in ROLES:
        group = Group.objects.filter(name=role.name).first()
        if group is not None:
            added += _add_missing(group, model_permissions(role, apps, finder, snippets, only=(app_label, model_name)))
    return added


def setup_roles(apps, reset=False):
    """Create the groups and give them their rights; returns the number of rights added."""
    Group = apps.get_model("auth", "Group")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    finder = PermissionFinder(apps)
    root_collection = Collection.objects.filter(depth=1).first()
    homes = {page.locale.language_code: page for page in home_pages(apps).select_related("locale")}
    snippets = snippet_types()
    added = 0

    for role in ROLES:
        group, _ = Group.objects.get_or_create(name=role.name)
        if reset:
            group.permissions.clear()
            GroupPagePermission.objects.filter(group=group).delete()
            GroupCollectionPermission.objects.filter(group=group).delete()

        wanted = [finder.by_codename(app_label, codename) for app_label, codename in role.permissions]
        wanted += model_permissions(role, apps, finder, snippets)
        added += _add_missing(group, wanted)

        for language_code, permission_types in role.page_permissions.items():
            page = homes.get(language_code)
            if page is None:  # before load_content has made the site's pages
                continue
            for permission_type in permission_types:
                permission = finder.get("wagtailcore", "page", f"{permission_type}_page")
                _, created = GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)
                added += created

        if root_collection is not None:
            for app_label, codename in role.collection_permissions:
                model_name = codename.split("_", 1)[1]
                permission = finder.get(app_label, model_name, codename)
                _, created = GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=permission
                )
                added += created
    return added


def withdraw_model_rights(apps, group_name, codename_prefix, translatable_only=True):
    """Take from one role's group its ``<prefix>_<model>`` rights on snippet models (translatable ones only by
    default): for a data migration when a role loses a right. Returns the number of rights removed."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=group_name).first()
    if group is None:
        return 0
    codenames = {
        (snippet.app_label, f"{codename_prefix}_{snippet.model_name}")
        for snippet in snippet_types()
        if snippet.translatable or not translatable_only
    }
    removed = [
        permission
        for permission in Permission.objects.filter(group=group).select_related("content_type")
        if (permission.content_type.app_label, permission.codename) in codenames
    ]
    group.permissions.remove(*removed)
    return len(removed)
