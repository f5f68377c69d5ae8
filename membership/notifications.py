"""E-mails about an online accession declaration: to the secretary at once; to the applicant a request to confirm
the address, then, once confirmed, the copy of the declaration."""

import datetime
import logging
import smtplib

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from wagtail.models import Locale

from home.models import ContactDetails

from .applications import MembershipApplication
from .pdf import filled_declaration_filename, filled_declaration_pdf

logger = logging.getLogger(__name__)

# An address typed into the form is sent at most one unconfirmed mail in this time.
ADDRESS_CONFIRMATION_INTERVAL = datetime.timedelta(days=1)


def _send(message):
    """A mail server that is down must not lose the stored application or show the visitor an error."""
    try:
        message.send()
    except (smtplib.SMTPException, OSError):
        logger.exception("Could not send the e-mail “%s” to %s", message.subject, message.to)
        return False
    return True


def notify_secretary(application):
    """The secretary reads Polish: the notice goes out in the site's default language."""
    details = ContactDetails.for_locale(Locale.get_default())
    if details is None or not details.email:
        logger.error("No contact details with an e-mail: application %s was not notified", application.pk)
        return False
    with translation.override(settings.LANGUAGE_CODE):
        admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
            "membership_applications:inspect", args=[application.pk]
        )
        # One line: a line break typed into the name must not reach the mail header.
        name = " ".join(application.institution_name.split())
        subject = _("New accession declaration: %(name)s") % {"name": name}
        body = render_to_string(
            "membership/emails/secretary_notification.txt", {"application": application, "admin_url": admin_url}
        )
    message = EmailMessage(subject, body, to=[details.email], reply_to=[application.email])
    return _send(message)


def _partnership_contact(language):
    details = ContactDetails.for_locale(Locale.objects.filter(language_code=language).first())
    partnership = details.organisation_name if details else settings.WAGTAIL_SITE_NAME
    reply_to = [details.email] if details and details.email else []
    return details, partnership, reply_to


def address_recently_asked(email, now=None):
    """Whether ``email`` was sent a confirmation request in the last day that nobody has confirmed yet."""
    since = (now or timezone.now()) - ADDRESS_CONFIRMATION_INTERVAL
    return MembershipApplication.objects.filter(
        email__iexact=email, address_confirmation_sent_at__gte=since, address_confirmed_at__isnull=True
    ).exists()


def request_address_confirmation(application, confirm_url):
    """Ask the typed address to confirm itself before anything the applicant wrote is sent to it.

    Anyone can type any address into the form: this first mail carries only the partnership's own words, the
    reference and the link, so the form cannot relay a stranger's text and PDF under the partnership's name;
    and an address gets at most one such unconfirmed mail a day. Returns whether the mail went out.
    """
    if address_recently_asked(application.email):
        logger.info("Application %s: its address was already asked to confirm today; not mailed", application.pk)
        return False
    with translation.override(application.language):
        details, partnership, reply_to = _partnership_contact(application.language)
        subject = _("Confirm your e-mail address for the accession declaration")
        body = render_to_string(
            "membership/emails/address_confirmation.txt",
            {"reference": application.reference, "partnership": partnership, "contact": details, "url": confirm_url},
        )
    sent = _send(EmailMessage(subject, body, to=[application.email], reply_to=reply_to))
    if sent:
        application.address_confirmation_sent_at = timezone.now()
        application.save(update_fields=["address_confirmation_sent_at"])
    return sent


def send_applicant_copy(application):
    """Once the address is confirmed: the copy in the applicant's language, with the declaration to print and sign."""
    with translation.override(application.language):
        details, partnership, reply_to = _partnership_contact(application.language)
        subject = _("We have received your accession declaration")
        body = render_to_string(
            "membership/emails/applicant_confirmation.txt",
            {"application": application, "partnership": partnership, "contact": details},
        )
        pdf = filled_declaration_pdf(application, partnership)
        filename = filled_declaration_filename(application)
    message = EmailMessage(subject, body, to=[application.email], reply_to=reply_to)
    message.attach(filename, pdf, "application/pdf")
    return _send(message)
