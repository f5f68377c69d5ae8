"""The consent to data processing shown on the online accession declaration.

The exact wording shown is stored with each application, with this version. Change the wording → raise the
version, so that every stored consent names the text the applicant agreed to.
"""

from django.utils.translation import gettext as _

CONSENT_VERSION = "2026-11-v1"


def consent_text(partnership_name):
    return _(
        "I consent to the processing of the personal data given in this form by the %(partnership)s for the "
        "purpose of considering this accession declaration and contacting the institution about it. Giving the "
        "data is voluntary but necessary to consider the declaration. I may withdraw my consent at any time by "
        "writing to the secretary of the Partnership; withdrawal does not affect processing carried out before it."
    ) % {"partnership": partnership_name}
