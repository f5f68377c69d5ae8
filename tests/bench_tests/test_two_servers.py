"""The two-server run (bench/two_servers.py) posts Wagtail's editor forms without a browser: the inputs that the
block editor's JavaScript would write are written from the form state instead. Wagtail must read them back as
the very value the form was given, or the run would publish a different body than the one it checks for."""

import importlib.util
import json

import pytest
import wagtail_factories

from django.conf import settings
from django.http import QueryDict
from django.utils.http import urlencode

from wagtail.models import Page

from home.blocks import BodyStreamBlock

spec = importlib.util.spec_from_file_location("two_servers", settings.BASE_DIR / "bench" / "two_servers.py")
two_servers = importlib.util.module_from_spec(spec)
spec.loader.exec_module(two_servers)


def posted(fields):
    return QueryDict(urlencode(fields, doseq=True))


@pytest.fixture
def body(db):
    block = BodyStreamBlock()
    contact = Page.objects.get(slug="kontakt", locale__language_code="pl")
    image = wagtail_factories.ImageFactory(title="Spotkanie")
    document = wagtail_factories.DocumentFactory(title="Deklaracja")
    return block.to_python(
        [
            {"type": "heading", "value": {"text": "Cele", "level": "h3"}, "id": "h"},
            {
                "type": "paragraph",
                "value": '<p data-block-key="a1b2c">Zobacz <a href="https://example.org/">stronę</a>.</p>'
                '<ul><li data-block-key="d3e4f">jeden</li><li data-block-key="g5h6i">dwa</li></ul>',
                "id": "p",
            },
            {
                "type": "quote",
                "value": {"text": "Razem.", "attribution": "A. B.", "source": "Tytuł", "source_language": "en"},
                "id": "q",
            },
            {"type": "image", "value": {"image": image.pk, "alt_text": "Ludzie", "caption": ""}, "id": "i"},
            {"type": "call_to_action", "value": {"text": "Kontakt", "page": contact.pk, "document": None}, "id": "c1"},
            {"type": "call_to_action", "value": {"text": "Plik", "page": None, "document": document.pk}, "id": "c2"},
        ]
    )


def test_block_fields_post_every_kind_of_body_block_back_unchanged(body):
    block = BodyStreamBlock()
    # Through JSON, as the editor page carries it in data-w-block-arguments-value.
    state = json.loads(json.dumps(block.get_form_state(body)))

    value = block.value_from_datadict(posted(two_servers.block_fields("body", state)), {}, "body")

    assert block.get_prep_value(value) == block.get_prep_value(body)


def test_block_fields_post_an_added_paragraph_after_the_others(body):
    block = BodyStreamBlock()
    state = [*json.loads(json.dumps(block.get_form_state(body))), two_servers.paragraph("Nowy akapit.")]

    value = block.value_from_datadict(posted(two_servers.block_fields("body", state)), {}, "body")

    assert [child.block_type for child in value] == [child.block_type for child in body] + ["paragraph"]
    assert value[-1].value.source.endswith(">Nowy akapit.</p>")
    assert block.get_prep_value(value)[:-1] == block.get_prep_value(body)
