"""What the site does with personal data, declared once: each purpose with its legal basis, recipients and
retention. The privacy page renders its table from here ({% processing_purposes %}) and each form's clause names
its basis from here, so the page and the forms cannot disagree; the periods come from the same settings that
``manage.py purge_personal_data`` applies.

Legal bases, chosen per form:
- the newsletter is sent only to those who asked for it: consent, art. 6(1)(a) GDPR, withdrawn by unsubscribing;
- the accession declaration is made by an institution; the people it names (its representative, its contact)
  are not parties to any agreement, so 6(1)(b) does not fit them: the partnership's legitimate interest in
  considering the declaration and working with its members, art. 6(1)(f) — hence the form asks no consent, it
  informs (a consent would be withdrawable and would misstate the basis);
- correspondence and the login records of the editors' panel: legitimate interest, art. 6(1)(f).
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

CONSENT = "consent"
LEGITIMATE_INTEREST = "legitimate_interest"
LEGAL_OBLIGATION_PROOF_OF_CONSENT = "proof_of_consent"

#: Each legal basis in words, with its article.
LEGAL_BASES = {
    CONSENT: _("consent (Article 6(1)(a) GDPR)"),
    LEGITIMATE_INTEREST: _("the Partnership’s legitimate interest (Article 6(1)(f) GDPR)"),
    LEGAL_OBLIGATION_PROOF_OF_CONSENT: _(
        "the obligation to be able to show that consent was given (Article 6(1)(c) in conjunction with "
        "Article 7(1) GDPR)"
    ),
}

#: Who may receive the data: the same for every purpose (the privacy notice's own words).
TECHNICAL_SERVICE_PROVIDERS = _(
    "only those who provide technical services to the Partnership: hosting the website and handling e-mail"
)


def days(setting_name):
    """A retention period from its setting, read at call time (tests and deployments may change it)."""
    count = getattr(settings, setting_name)
    return ngettext("%(count)d day", "%(count)d days", count) % {"count": count}


@dataclass(frozen=True)
class Purpose:
    key: str
    name: str
    data: str
    bases: tuple
    #: Text with ``%(…)s`` placeholders, each filled by ``days(setting)`` from ``retention_settings``.
    retention: str
    retention_settings: dict
    recipients: str = TECHNICAL_SERVICE_PROVIDERS

    @property
    def legal_bases(self):
        return [LEGAL_BASES[basis] for basis in self.bases]

    @property
    def retention_text(self):
        return self.retention % {name: days(setting) for name, setting in self.retention_settings.items()}


NEWSLETTER = Purpose(
    key="newsletter",
    name=_("Newsletter"),
    data=_(
        "Your e-mail address, and as proof of consent: its wording, the time, your IP address, your browser and "
        "the page you signed up from."
    ),
    bases=(CONSENT, LEGAL_OBLIGATION_PROOF_OF_CONSENT),
    retention=_(
        "Until you unsubscribe; a sign-up never confirmed by its link is deleted after %(unconfirmed)s. The proof "
        "of consent is kept until any claims become time-barred."
    ),
    retention_settings={"unconfirmed": "NEWSLETTER_UNCONFIRMED_RETENTION_DAYS"},
)

ACCESSION = Purpose(
    key="accession",
    name=_("Declaration of accession to the Partnership"),
    data=_(
        "The institution’s details and the names and contact details of the people who represent it or are "
        "named as its contacts, to consider the declaration and to work together within the Partnership."
    ),
    bases=(LEGITIMATE_INTEREST,),
    retention=_(
        "As long as the institution is a member of the Partnership; a declaration that is not accepted is deleted "
        "%(rejected)s after the decision."
    ),
    retention_settings={"rejected": "MEMBERSHIP_REJECTED_RETENTION_DAYS"},
)

CORRESPONDENCE = Purpose(
    key="correspondence",
    name=_("Contact form and correspondence"),
    data=_("The details given in your message, in order to reply to it."),
    bases=(LEGITIMATE_INTEREST,),
    retention=_(
        "As long as it takes to deal with the matter; a message sent through the contact form is deleted "
        "%(contact)s after it was sent."
    ),
    retention_settings={"contact": "CONTACT_MESSAGES_RETENTION_DAYS"},
)

EDITORS_LOGIN = Purpose(
    key="editors_login",
    name=_("Logging in to the editors’ panel"),
    data=_("The user name, IP address and browser of each login attempt, to protect the panel against break-ins."),
    bases=(LEGITIMATE_INTEREST,),
    retention=_("%(axes)s from the attempt."),
    retention_settings={"axes": "AXES_RETENTION_DAYS"},
)

#: In the order the privacy page lists them.
PURPOSES = (NEWSLETTER, ACCESSION, CORRESPONDENCE, EDITORS_LOGIN)


def purpose(key):
    return next(item for item in PURPOSES if item.key == key)
