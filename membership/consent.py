"""The data-protection clause shown on the online accession declaration.

The people a declaration names act for their institution, so the data are processed on the partnership's
legitimate interest (home.privacy.ACCESSION, the same basis the privacy page shows), not on consent: the clause
informs and the applicant confirms having read it. The exact wording shown is stored with each application, with
this version. Change the wording → raise the version, so that every stored clause names the text shown.
"""

from django.utils.translation import gettext as _

from home.privacy import ACCESSION

CONSENT_VERSION = "2026-12-v2"


def consent_text(partnership_name):
    return _(
        "I have read the information on the processing of personal data: the %(partnership)s processes the data "
        "given in this form in order to consider this accession declaration and to contact the institution about "
        "it. Legal basis: %(basis)s. Giving the data is voluntary but necessary to consider the declaration. "
        "The people named in the declaration have been told that their data is given to the Partnership."
    ) % {"partnership": partnership_name, "basis": ACCESSION.legal_bases[0]}
