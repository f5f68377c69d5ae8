"""Serializer fields every app's API shares: rich text with absolute links, images as renditions.

Kept apart from ``home.api`` (which imports the models) so that any app's ``models.py`` can use them in its
``api_fields``, e.g.
``APIField("logo_rendition", serializer=AbsoluteImageRenditionField("max-400x400", source="logo"))``.
"""

import re

from wagtail import blocks
from wagtail.api.rich_text import APIRichText
from wagtail.api.v2.serializers import RichTextFieldSerializer, StreamField
from wagtail.api.v2.utils import get_full_url

from home.api_images import AbsoluteImageRenditionField

_HTML_LINK = re.compile(r"""(\s(?:href|src)=")(/(?!/)[^"]*)(")""")
_MARKDOWN_LINK = re.compile(r"(\]\()(/(?!/)[^)\s]*)(\))")


def absolute_links(text, request, rich_text_format):
    """``text`` with every site-relative link or image source made absolute (``WAGTAILAPI_BASE_URL``)."""
    if not text or request is None:
        return text
    pattern = _MARKDOWN_LINK if rich_text_format in ("markdown", "db_markdown") else _HTML_LINK
    return pattern.sub(lambda m: m.group(1) + get_full_url(request, m.group(2)) + m.group(3), text)


def _rich_text_format(context):
    rich_text_format = context.get("_wagtail_rich_text_format")
    if rich_text_format is None:
        request = context.get("request")
        rich_text_format = APIRichText.resolve_format(request.GET.get("rich_text_format") if request else None)
    return rich_text_format


def absolute_block_links(block, data, request, rich_text_format):
    """Walk a block's API representation beside its definition and make rich text links absolute."""
    if isinstance(block, blocks.RichTextBlock) and isinstance(data, str):
        return absolute_links(data, request, rich_text_format)
    if isinstance(block, blocks.BaseStreamBlock) and isinstance(data, list):
        for item in data:
            child = block.child_blocks.get(item.get("type")) if isinstance(item, dict) else None
            if child is not None:
                item["value"] = absolute_block_links(child, item.get("value"), request, rich_text_format)
        return data
    if isinstance(block, blocks.BaseStructBlock) and isinstance(data, dict):
        for name, child in block.child_blocks.items():
            if name in data:
                data[name] = absolute_block_links(child, data[name], request, rich_text_format)
        return data
    if isinstance(block, blocks.ListBlock) and isinstance(data, list):
        return [absolute_block_links(block.child_block, item, request, rich_text_format) for item in data]
    return data


class AbsoluteLinksStreamField(StreamField):
    """A StreamField whose rich text blocks link with absolute URLs."""

    def to_representation(self, value):
        data = super().to_representation(value)
        return absolute_block_links(
            value.stream_block, data, self.context.get("request"), _rich_text_format(self.context)
        )


class AbsoluteLinksRichTextField(RichTextFieldSerializer):
    """A RichTextField whose links are absolute URLs."""

    def to_representation(self, value):
        data = super().to_representation(value)
        return absolute_links(data, self.context.get("request"), _rich_text_format(self.context))


__all__ = [
    "AbsoluteImageRenditionField",
    "AbsoluteLinksRichTextField",
    "AbsoluteLinksStreamField",
    "absolute_block_links",
    "absolute_links",
]
