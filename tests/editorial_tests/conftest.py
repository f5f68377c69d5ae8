import pytest

from wagtail.models import Page

from ..factories.editorial import EditorFactory, ModeratorFactory, TranslatorFactory


@pytest.fixture
def editor(db):
    return EditorFactory()


@pytest.fixture
def translator(db):
    return TranslatorFactory()


@pytest.fixture
def moderator(db):
    return ModeratorFactory()


@pytest.fixture
def polish_about(locale_pl):
    return Page.objects.get(locale=locale_pl, slug="o-partnerstwie").specific


@pytest.fixture
def english_about(polish_about, locale_en):
    return polish_about.get_translation(locale_en).specific
