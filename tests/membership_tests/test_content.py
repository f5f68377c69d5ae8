import io

import pytest

from django.core.management import call_command

from home.models import StandardPage
from membership.models import AccessionPage

pytestmark = pytest.mark.django_db


def test_the_online_declaration_exists_in_both_languages_under_how_to_join(accession_page):
    for code in ("pl", "en"):
        accession = accession_page(code)
        assert accession.live
        assert isinstance(accession.get_parent().specific, StandardPage)
    assert accession_page("pl").title == "Deklaracja przystąpienia online"
    assert accession_page("en").title == "Online accession declaration"


def test_loading_the_content_again_makes_no_second_accession_page(django_capture_on_commit_callbacks):
    before = list(AccessionPage.objects.order_by("pk").values_list("pk", "path", "locale__language_code"))

    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_content", stdout=io.StringIO())

    assert list(AccessionPage.objects.order_by("pk").values_list("pk", "path", "locale__language_code")) == before


def test_the_page_type_declares_where_it_lives():
    assert AccessionPage.parent_page_types == ["home.StandardPage"]
    assert AccessionPage.subpage_types == []
    assert AccessionPage in StandardPage.allowed_subpage_models()
