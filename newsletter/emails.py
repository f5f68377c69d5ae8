"""The newsletter's e-mails, each in its subscriber's language, with a plain-text and an HTML part."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from .rendering import issue_context, site_root_url
from .tokens import confirmation_token, unsubscribe_token


def absolute_url(path):
    return site_root_url() + path


def confirmation_url(request):
    """The link confirming one signup request, in the language it was made in."""
    with translation.override(request.language):
        return absolute_url(reverse("newsletter:confirm", args=[confirmation_token(request)]))


def unsubscribe_url(subscriber):
    with translation.override(subscriber.language):
        return absolute_url(reverse("newsletter:unsubscribe", args=[unsubscribe_token(subscriber)]))


def confirmation_email(request):
    with translation.override(request.language):
        context = {
            "confirm_url": confirmation_url(request),
            "site_name": _("Lublin Partnership for the Development of the Social Economy"),
            "max_age_days": settings.NEWSLETTER_CONFIRMATION_MAX_AGE // 86400,
            "language": request.language,
        }
        message = EmailMultiAlternatives(
            subject=_("Confirm your newsletter subscription"),
            body=render_to_string("newsletter/email/confirmation.txt", context),
            to=[request.subscriber.email],
        )
        message.attach_alternative(render_to_string("newsletter/email/confirmation.html", context), "text/html")
    return message


def issue_email(issue, subscriber, connection=None):
    link = unsubscribe_url(subscriber)
    # RFC 8058: mail clients unsubscribe with one POST to this address, no login, no page.
    headers = {"List-Unsubscribe": f"<{link}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}
    return _issue_message(issue, subscriber.email, link, issue.subject, connection=connection, headers=headers)


def issue_email_for_editor(issue, address):
    """The issue as subscribers will get it, for an editor to check before sending: marked as a test in the subject,
    with the unsubscribe link as the admin's preview shows it (the editor is not a subscriber)."""
    with translation.override(issue.language):
        subject = _("[Test] %(subject)s") % {"subject": issue.subject}
    return _issue_message(issue, address, "#", subject)


def _issue_message(issue, address, link, subject, connection=None, headers=None):
    with translation.override(issue.language):
        context = issue_context(issue, link)
        message = EmailMultiAlternatives(
            subject=subject,
            body=render_to_string("newsletter/email/issue.txt", context),
            to=[address],
            connection=connection,
            headers=headers,
        )
        message.attach_alternative(render_to_string("newsletter/email/issue.html", context), "text/html")
    return message
