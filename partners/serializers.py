"""API fields for partners that are more than a column: the logo's renditions, facts with their precision."""

from rest_framework import serializers
from typing_extensions import TypedDict

from wagtail.api.utils import get_full_url
from wagtail.images.models import SourceImageIOError

# Logos are never cropped: each rendition fits inside the box.
LOGO_RENDITIONS = {"small": "max-200x100", "large": "max-400x200"}


def absolute_url(request, url):
    # The API's configured address (WAGTAILAPI_BASE_URL), as for every other URL in an answer; never the Host header.
    return get_full_url(request, url) if url.startswith("/") else url


class LogoRendition(TypedDict):
    url: str
    width: int
    height: int


class PartnerLogo(TypedDict):
    alt: str
    small: LogoRendition | None
    large: LogoRendition | None


class PartnerLogoField(serializers.Field):
    """``{"alt": …, "small": {url, width, height}, "large": {…}}`` with absolute URLs, or null."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, partner) -> PartnerLogo | None:
        if partner.logo is None:
            return None
        request = self.context.get("request")
        data = {"alt": partner.logo_alt}
        for name, spec in LOGO_RENDITIONS.items():
            try:
                rendition = partner.logo.get_rendition(spec)
            except SourceImageIOError:
                data[name] = None
                continue
            data[name] = {
                "url": absolute_url(request, rendition.url),
                "width": rendition.width,
                "height": rendition.height,
            }
        return data


class PartnerHtmlUrlField(serializers.Field):
    """The partner's page on the site, below the Partners page of its language (null if there is none)."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, partner) -> str | None:
        view = self.context.get("view")
        index_urls = view.partner_index_urls() if view is not None and hasattr(view, "partner_index_urls") else {}
        index_url = index_urls.get(partner.locale_id)
        return f"{index_url}{partner.slug}/" if index_url else None


class CoordinateField(serializers.DecimalField):
    """Latitude/longitude as JSON numbers, not the strings DRF gives decimals by default."""

    def __init__(self, **kwargs):
        super().__init__(max_digits=9, decimal_places=6, coerce_to_string=False, read_only=True, **kwargs)

    def to_representation(self, value):
        return float(value) if value is not None else None
