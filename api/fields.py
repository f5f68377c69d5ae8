"""Serializer fields of the content API: rich text with absolute links, images as renditions with absolute URLs,
tags from a prefetch, and every object serialised in its own language.

Models declare their ``api_fields`` with Wagtail's own serializer fields (``ImageRenditionField`` for an image);
the endpoints serialise them through these, so every URL in an answer is absolute (``WAGTAILAPI_BASE_URL``).
"""

import re

from django.utils import translation

from wagtail import blocks
from wagtail import fields as wagtail_fields
from wagtail.api.rich_text import APIRichText
from wagtail.api.v2.serializers import RichTextFieldSerializer, StreamField, TagsField
from wagtail.api.v2.utils import get_full_url
from wagtail.images.api.fields import ImageRenditionField

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


class AbsoluteImageRenditionField(ImageRenditionField):
    """An image as a rendition: absolute ``url``, ``width``, ``height`` and ``alt``.

    Wagtail's own field gives a site-relative ``url``; a portal on another origin needs the absolute one.
    """

    @classmethod
    def replacing(cls, field):
        """This field in place of a model's ``ImageRenditionField`` (same filter and source)."""
        return cls(field.filter_spec, preserve_svg=field.preserve_svg, source=field.source)

    def to_representation(self, image):
        data = super().to_representation(image)
        if "url" in data:
            data["url"] = get_full_url(self.context["request"], data["url"])
            data["full_url"] = data["url"]
        return data


class PrefetchedTagsField(TagsField):
    """Tag names, read from ``prefetch_related("tags")`` when the view prefetched them (one query per listing)."""

    def to_representation(self, value):
        return sorted(tag.name for tag in value.all())


class LocalizedSerializerMixin:
    """Serialises a translatable object in its own language, so rich text links point to that language's pages.

    The stock serializers render in the request's active language: an English page linked to /pl/… pages.
    """

    def build_property_field(self, field_name, model_class):
        field_class, kwargs = super().build_property_field(field_name, model_class)
        return (PrefetchedTagsField if field_class is TagsField else field_class), kwargs

    def to_representation(self, instance):
        locale = getattr(instance, "locale", None)
        if locale is None:
            return super().to_representation(instance)
        with translation.override(locale.language_code):
            return super().to_representation(instance)


def localized_serializer(serializer_class):
    """``serializer_class`` rendering each object in its own language, rich text with absolute links."""

    # Wagtail builds a serializer class per model and field selection: this subclasses each one it builds.
    class LocalizedSerializer(LocalizedSerializerMixin, serializer_class):
        serializer_field_mapping = {
            **serializer_class.serializer_field_mapping,
            wagtail_fields.StreamField: AbsoluteLinksStreamField,
            wagtail_fields.RichTextField: AbsoluteLinksRichTextField,
        }

    LocalizedSerializer.__name__ = LocalizedSerializer.__qualname__ = serializer_class.__name__
    return LocalizedSerializer
