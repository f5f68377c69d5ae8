"""Images in the API as renditions with absolute URLs.

Kept apart from ``home.api_fields`` so that models can use it: this module imports nothing from Wagtail's API
package, which loads models at import time.
"""

from wagtail.images.api.fields import ImageRenditionField


class AbsoluteImageRenditionField(ImageRenditionField):
    """An image as a rendition: absolute ``url``, ``width``, ``height`` and ``alt``.

    Wagtail's own field gives a site-relative ``url``; a portal on another origin needs the absolute one.
    """

    def to_representation(self, image):
        from wagtail.api.v2.utils import get_full_url

        data = super().to_representation(image)
        if "url" in data:
            data["url"] = get_full_url(self.context["request"], data["url"])
            data["full_url"] = data["url"]
        return data
