"""Every public form guides the visitor the same way (home/templates/home/includes/form_errors.html, field.html):
the required-fields note before the form, a real prompt as a select's empty choice, capitalised labels and
options, and on errors a counted summary linking to each field, a counted title and valid aria-describedby."""

import re

import pytest

from django import forms
from django.utils import translation

from home.forms import EMPTY_CHOICE_LABEL, error_count_title, guide_choices
from newsletter.models import ConsentText

pytestmark = pytest.mark.django_db

ACCESSION = {"pl": "/pl/jak-przystapic/deklaracja-online/", "en": "/en/how-to-join/online-declaration/"}
NEWSLETTER_SUBSCRIBE = {"pl": "/pl/newsletter/subscribe/", "en": "/en/newsletter/subscribe/"}


class Choices(forms.Form):
    required = forms.ChoiceField(choices=[("", "---------"), ("ngo", "non-governmental sector")])
    optional = forms.ChoiceField(required=False, choices=[("a", "first"), ("b", "second")])
    radio = forms.ChoiceField(choices=[("a", "first")], widget=forms.RadioSelect)


def test_selects_get_a_prompt_as_their_empty_choice_and_capitalised_options():
    form = Choices()
    guide_choices(form)

    assert form.fields["required"].choices == [("", EMPTY_CHOICE_LABEL), ("ngo", "Non-governmental sector")]
    assert form.fields["optional"].choices == [("", EMPTY_CHOICE_LABEL), ("a", "First"), ("b", "Second")]
    assert form.fields["radio"].choices == [("a", "First")], "a radio group needs no empty choice"


@pytest.mark.parametrize(
    ("count", "language", "title"),
    [(1, "pl", "Błąd (1): "), (3, "pl", "Błędy (3): "), (5, "pl", "Błędów (5): "), (2, "en", "Errors (2): ")],
)
def test_the_title_counts_the_errors_in_the_visitors_language(count, language, title):
    with translation.override(language):
        assert error_count_title(count) == title


def assert_errors_are_tied_to_their_fields(html):
    ids = set(re.findall(r' id="([^"]+)"', html))
    described = [ref for value in re.findall(r'aria-describedby="([^"]*)"', html) for ref in value.split()]
    assert described, "no field is described"
    assert [ref for ref in described if ref not in ids] == []
    targets = re.findall(r'<li><a href="#([^"]+)">', html.split('class="error-summary"', 1)[1])
    assert targets and [target for target in targets if target not in ids] == []
    assert 'tabindex="-1"' in html.split('class="error-summary"', 1)[1].split(">", 1)[0]
    assert '<script src="/static/home/js/forms.js" defer></script>' in html


@pytest.mark.parametrize(
    ("language", "prompt", "label"), [("pl", "— wybierz —", "Sektor"), ("en", "— choose —", "Sector")]
)
def test_accession_form_prompts_for_a_choice_and_notes_required_fields_first(client, language, prompt, label):
    html = client.get(ACCESSION[language]).content.decode()

    assert "---------" not in html
    sector = re.search(r'<select name="sector".*?</select>', html, re.S).group(0)
    assert re.search(rf'<option value=""[^>]*>{prompt}</option>', sector)
    assert f'<label class="field__label" for="id_sector">{label} <span aria-hidden="true">*</span></label>' in html
    assert html.index('class="required-note"') < html.index('<form class="accession-form"')


@pytest.mark.parametrize(("language", "summary"), [("pl", "Formularz zawiera"), ("en", "The form contains")])
def test_accession_form_errors_are_summarised_counted_and_tied_to_their_fields(client, language, summary):
    response = client.post(ACCESSION[language], {"submission_token": "3f2b8a54-6c1d-4e1f-9a0b-2c3d4e5f6a7b"})

    html = response.content.decode()
    count = len(re.findall(r"<li>", html.split('class="error-summary__list"', 1)[1].split("</ul>", 1)[0]))
    assert re.search(rf"<title>[^<]*\({count}\): ", html)
    assert f"{summary} {count} " in html
    assert_errors_are_tied_to_their_fields(html)


@pytest.mark.parametrize(("language", "title"), [("pl", "Błędy (2): Newsletter"), ("en", "Errors (2): Newsletter")])
def test_newsletter_page_form_errors_are_summarised_counted_and_tied_to_their_fields(client, language, title):
    version = ConsentText.current(language).version
    response = client.post(NEWSLETTER_SUBSCRIBE[language], {"email": "not-an-address", "consent_version": version})

    html = response.content.decode()
    assert re.search(r"<title>(.*?)</title>", html).group(1).startswith(title)
    assert_errors_are_tied_to_their_fields(html)
    assert html.index('class="required-note"') < html.index(f'action="/{language}/newsletter/subscribe/"')
