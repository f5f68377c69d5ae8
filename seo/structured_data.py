"""schema.org JSON-LD: the element that carries it, and what it says about a partner."""

import json

from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from home.site_address import absolute_url

# The characters that could end the <script> element or open an HTML comment, escaped as json_script does.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def json_ld_script(data):
    """A ``<script type="application/ld+json">`` element that no value can break out of."""
    payload = json.dumps(data, ensure_ascii=False, indent=None).translate(JSON_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')  # noqa: S308


def partner_json_ld(partner, request, url):
    """schema.org Organization for a partner, with its membership of the partnership as an OrganizationRole.

    ``url`` and the logo's URL are full URLs from the site's address (``home.site_address``), not the request's.
    """
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": partner.name,
        "url": url,
    }
    if partner.short_name:
        data["alternateName"] = partner.short_name
    if partner.description:
        data["description"] = strip_tags(partner.description).strip()
    if partner.website:
        data["sameAs"] = [partner.website]
    # Only the institution's public contact: a membership application's personal contact never reaches a Partner.
    if partner.public_email:
        data["email"] = partner.public_email
    if partner.public_phone:
        data["telephone"] = partner.public_phone
    address = {
        key: value
        for key, value in (
            ("streetAddress", partner.street),
            ("postalCode", partner.postcode),
            ("addressLocality", partner.city),
        )
        if value
    }
    if address:
        data["address"] = {"@type": "PostalAddress", **address, "addressCountry": "PL"}
    if partner.latitude is not None and partner.longitude is not None:
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(partner.latitude),
            "longitude": float(partner.longitude),
        }
    if partner.logo_id:
        data["logo"] = absolute_url(partner.logo.get_rendition("max-400x200").url, request)
    membership = {
        "@type": "OrganizationRole",
        "roleName": partner.role_label,
        "memberOf": {
            "@type": "Organization",
            "name": _("Lublin Partnership for the Development of the Social Economy"),
        },
    }
    if partner.member_since:
        membership["startDate"] = partner.member_since_iso
    data["memberOf"] = membership
    return data
