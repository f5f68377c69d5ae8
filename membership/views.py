"""The online accession declaration: form, thank-you page, the filled-in declaration as a PDF, and the link that
confirms the applicant's address before the copy of the declaration is mailed to it.

Served through ``AccessionPage``'s routes, so each language's page answers in that language.
"""

import uuid

from django.conf import settings
from django.db import IntegrityError, transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from home.models import ContactDetails
from home.ratelimit import retry_after
from home.site_address import absolute_url

from . import confirmation
from .applications import MembershipApplication
from .consent import CONSENT_VERSION, consent_text
from .forms import AccessionForm
from .notifications import notify_secretary, request_address_confirmation, send_applicant_copy
from .pdf import filled_declaration_filename, filled_declaration_pdf

SESSION_KEY = "accession_applications"


def partnership_name():
    details = ContactDetails.for_locale()
    return details.organisation_name if details else settings.WAGTAIL_SITE_NAME


def remember(request, application):
    tokens = request.session.get(SESSION_KEY, [])
    token = str(application.submission_token)
    if token not in tokens:
        request.session[SESSION_KEY] = [*tokens, token][-5:]
    request.session["accession_last"] = token


def render_form(request, page, form, status=200):
    return TemplateResponse(
        request,
        "membership/accession_page.html",
        {"page": page, "self": page, "form": form, "documents_page": page.get_documents_page(request)},
        status=status,
    )


def application_form(request, page):
    consent = consent_text(partnership_name())
    if request.method != "POST":
        form = AccessionForm(initial={"submission_token": uuid.uuid4()}, consent_text=consent)
        return render_form(request, page, form)

    form = AccessionForm(request.POST, consent_text=consent)
    if form.is_bot:
        return TemplateResponse(request, "membership/accession_thank_you.html", {"page": page, "self": page})
    seconds = retry_after(request, "accession.submit", settings.ACCESSION_RATE_LIMIT)
    if seconds:
        form.is_valid()
        form.add_error(None, _("Too many submissions from your address. Please try again in an hour."))
        response = render_form(request, page, form, status=429)
        response["Retry-After"] = str(seconds)
        return response

    token = form.data.get("submission_token")
    already = _existing_application(token)
    if already is not None:
        remember(request, already)
        return redirect(page.url + page.reverse_subpage("thank_you"))
    if not form.is_valid():
        return render_form(request, page, form, status=400)

    application = form.save(commit=False)
    application.submission_token = form.cleaned_data["submission_token"]
    application.language = page.locale.language_code
    application.consent_version = CONSENT_VERSION
    application.consent_text = consent
    application.consent_given_at = timezone.now()
    try:
        with transaction.atomic():
            application.save()
    except IntegrityError:
        # The same form was submitted twice at once: the other request stored it.
        application = MembershipApplication.objects.get(submission_token=application.submission_token)
    else:
        notify_secretary(application)
        request_address_confirmation(application, confirm_address_url(request, page, application))
    remember(request, application)
    return redirect(page.url + page.reverse_subpage("thank_you"))


def _existing_application(token):
    try:
        token = uuid.UUID(str(token))
    except ValueError:
        return None
    return MembershipApplication.objects.filter(submission_token=token).first()


def _session_application(request, token):
    if token is None or str(token) not in request.session.get(SESSION_KEY, []):
        return None
    return MembershipApplication.objects.filter(submission_token=token).first()


def thank_you(request, page):
    application = _session_application(request, request.session.get("accession_last"))
    if application is None:
        return redirect(page.url)
    pdf_url = page.url + page.reverse_subpage("filled_declaration", kwargs={"token": application.submission_token})
    return TemplateResponse(
        request,
        "membership/accession_thank_you.html",
        {"page": page, "self": page, "application": application, "pdf_url": pdf_url},
    )


def filled_declaration(request, page, token):
    """The applicant's declaration filled in, to print and sign; only for the session that submitted it."""
    application = _session_application(request, token)
    if application is None:
        raise Http404(_("No such declaration in this browser session."))
    response = HttpResponse(filled_declaration_pdf(application, partnership_name()), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filled_declaration_filename(application)}"'
    response["Cache-Control"] = "private, no-store"
    return response


def confirm_address_url(request, page, application):
    path = page.url + page.reverse_subpage(
        "confirm_address",
        kwargs={"token": application.submission_token, "signature": confirmation.signature(application)},
    )
    # The e-mailed link names the site's address, not the host the form happened to be sent to.
    return absolute_url(path, request, page)


@require_http_methods(["GET", "POST"])
def confirm_address(request, page, token, signature):
    """The link from the confirmation request: a button (mail scanners follow links), whose POST sends the copy."""
    application = MembershipApplication.objects.filter(submission_token=token).first()
    if application is None or not confirmation.is_valid(application, signature):
        raise Http404(_("This confirmation link is not valid or has expired."))
    context = {"page": page, "self": page, "application": application}
    if request.method == "POST" and application.address_confirmed_at is None:
        # Claimed in one statement, so that two clicks at once send one copy.
        claimed = MembershipApplication.objects.filter(pk=application.pk, address_confirmed_at__isnull=True).update(
            address_confirmed_at=timezone.now()
        )
        if claimed:
            send_applicant_copy(application)
        context["just_confirmed"] = True
    response = TemplateResponse(request, "membership/address_confirmation.html", context)
    response["Cache-Control"] = "private, no-store"
    return response
