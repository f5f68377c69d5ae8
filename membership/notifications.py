"""E-mails about an online accession declaration: to the secretary, and a confirmation to the applicant."""

import logging
import smtplib

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from wagtail.models import Locale

from home.models import ContactDetails

from .pdf import filled_declaration_filename, filled_declaration_pdf

logger = logging.getLogger(__name__)


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


def notify_applicant(application):
    """A confirmation in the applicant's language, with the filled-in declaration to print and sign."""
    with translation.override(application.language):
        details = ContactDetails.for_locale(Locale.objects.filter(language_code=application.language).first())
        partnership = details.organisation_name if details else settings.WAGTAIL_SITE_NAME
        subject = _("We have received your accession declaration")
        body = render_to_string(
            "membership/emails/applicant_confirmation.txt",
            {"application": application, "partnership": partnership, "contact": details},
        )
        pdf = filled_declaration_pdf(application, partnership)
        filename = filled_declaration_filename(application)
    reply_to = [details.email] if details and details.email else []
    message = EmailMessage(subject, body, to=[application.email], reply_to=reply_to)
    message.attach(filename, pdf, "application/pdf")
    return _send(message)
