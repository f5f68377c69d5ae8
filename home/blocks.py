"""StreamField blocks shared by every page type."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.api.utils import get_full_url
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from .document_links import document_link

RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Text"), max_length=255)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Heading 2")), ("h3", _("Heading 3"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "home/blocks/heading_block.html"


class QuoteBlock(blocks.StructBlock):
    """A quoted passage with its author and the work it comes from."""

    text = blocks.TextBlock(label=_("Quoted text"))
    attribution = blocks.CharBlock(label=_("Attribution"), max_length=255)
    source = blocks.CharBlock(
        label=_("Source"),
        max_length=500,
        required=False,
        help_text=_("Title of the work, pages. A translation of the title goes in square brackets after it."),
    )
    source_language = blocks.ChoiceBlock(
        label=_("Language of the source's title"),
        choices=settings.LANGUAGES,
        required=False,
        help_text=_("Set it when the title is in a language other than the page's, so screen readers say it right."),
    )

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "home/blocks/quote_block.html"

    def get_context(self, value, parent_context=None):
        """Split the source into its title and the rest (a bracketed translation, pages) for the ``lang`` mark."""
        context = super().get_context(value, parent_context=parent_context)
        source = value.get("source") or ""
        title, bracket, rest = source.partition(" [")
        context["source_title"] = title
        context["source_rest"] = bracket + rest
        return context


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=255,
        help_text=_("What the image shows, for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), max_length=255, required=False)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "home/blocks/image_block.html"

    def get_api_representation(self, value, context=None):
        image = value["image"]
        rendition = image.get_rendition("max-1200x1200|format-webp") if image else None
        request = (context or {}).get("request")
        url = rendition.url if rendition else None
        if url and request and url.startswith("/"):
            # The API's configured address (WAGTAILAPI_BASE_URL), never the request's Host header.
            url = get_full_url(request, url)
        return {
            "image": image.pk if image else None,
            "alt_text": value["alt_text"],
            "caption": value["caption"],
            "rendition": {"url": url, "width": rendition.width, "height": rendition.height} if rendition else None,
        }


class CallToActionBlock(blocks.StructBlock):
    """A prominent link to a page or a document: exactly one of the two."""

    text = blocks.CharBlock(label=_("Link text"), max_length=120)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    document = DocumentChooserBlock(label=_("Document"), required=False)

    class Meta:
        icon = "link"
        label = _("Call to action")
        template = "home/blocks/call_to_action_block.html"

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("document")):
            message = _("Choose either a page or a document.")
            raise blocks.StructBlockValidationError(
                block_errors={"page": ValidationError(message), "document": ValidationError(message)}
            )
        return value

    def get_api_representation(self, value, context=None):
        page, document = value.get("page"), value.get("document")
        if page:
            page = page.localized
        if document:
            document = {"id": document.pk, "title": document.title, "url": document_link(document)}
        return {
            "text": value["text"],
            "page": {"id": page.pk, "title": page.title, "url": page.full_url} if page else None,
            "document": document,
        }


class HeroLinkBlock(blocks.StructBlock):
    """A call to action on the home page's first screen: a page of the site, in the visitor's language."""

    text = blocks.CharBlock(label=_("Link text"), max_length=60)
    page = blocks.PageChooserBlock(label=_("Page"))

    class Meta:
        icon = "link"
        label = _("Call to action")

    def get_api_representation(self, value, context=None):
        page = value["page"].localized if value.get("page") else None
        return {
            "text": value["text"],
            "page": {"id": page.pk, "title": page.title, "url": page.full_url} if page else None,
        }


class BodyStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Rich text"), features=RICH_TEXT_FEATURES, template="home/blocks/paragraph_block.html"
    )
    quote = QuoteBlock()
    image = ImageBlock()
    call_to_action = CallToActionBlock()


class HeroLinksBlock(blocks.StreamBlock):
    """The home page's calls to action (a named block: the API's schema names its shape after it)."""

    link = HeroLinkBlock()


class PullQuoteBlock(blocks.StreamBlock):
    """The home page's pull quote."""

    quote = QuoteBlock()
