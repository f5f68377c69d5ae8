"""Every model states its role (public content or private data) beside its definition."""

from pathlib import Path

from django.apps import apps
from django.conf import settings

from home.content_events import PRIVATE_DATA, PUBLIC_CONTENT, content_role

#: Wagtail's apps whose models editors change as content: images, documents, collections.
WAGTAIL_CONTENT_MODELS = [
    *apps.get_app_config("wagtailimages").get_models(),
    *apps.get_app_config("wagtaildocs").get_models(),
    *(model for model in apps.get_app_config("wagtailcore").get_models() if "collection" in model._meta.model_name),
]


def project_models():
    """Concrete models of every app that lives in this repository (a new app is included by itself)."""
    return [
        model
        for config in apps.get_app_configs()
        if Path(config.path).is_relative_to(settings.BASE_DIR) and ".venv" not in Path(config.path).parts
        for model in config.get_models()
    ]


def test_the_project_apps_are_all_found():
    labels = {model._meta.app_label for model in project_models()}

    assert {"home", "documents", "partners", "news", "newsletter", "apidocs", "search"} <= labels


def test_every_model_of_the_project_and_of_wagtails_content_apps_declares_a_role():
    models = project_models() + WAGTAIL_CONTENT_MODELS
    undeclared = sorted(model._meta.label for model in models if content_role(model) is None)

    assert undeclared == []
    assert len(models) > 20


def test_what_visitors_see_is_public_content_and_what_they_never_see_is_private_data():
    role = {model._meta.label: content_role(model) for model in project_models() + WAGTAIL_CONTENT_MODELS}

    public = ["home.HomePage", "home.ContactDetails", "partners.Partner", "documents.DocumentEntry"]
    public += ["news.NewsPage", "newsletter.ConsentText", "wagtailimages.Image", "wagtaildocs.Document"]
    public += ["wagtailcore.Collection", "wagtailcore.CollectionViewRestriction"]
    private = ["newsletter.Subscriber", "newsletter.NewsletterDelivery", "documents.MembershipApplication"]
    private += ["search.SearchEntry", "wagtailimages.Rendition"]
    assert {label: role[label] for label in public} == dict.fromkeys(public, PUBLIC_CONTENT)
    assert {label: role[label] for label in private} == dict.fromkeys(private, PRIVATE_DATA)
