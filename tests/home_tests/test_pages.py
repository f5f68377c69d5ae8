import pytest

from home.content import FORMATION, FOUNDING_STORY, INTRODUCTION

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["pl", "en"])
def test_home_page_shows_the_partnership_text_in_its_language(client, language):
    response = client.get(f"/{language}/")

    assert response.status_code == 200
    html = response.content.decode()
    for text in (INTRODUCTION, FOUNDING_STORY, FORMATION):
        assert getattr(text, language) in html
    assert f'<html lang="{language}">' in html
