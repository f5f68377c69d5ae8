"""The visitor's side: signing up from any page, confirming by e-mail, and leaving with one click."""

from django.conf import settings
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from home.clients import client_ip
from home.ratelimit import retry_after, too_many_requests
from home.site_pages import site_page

from . import signup
from .forms import WebSubscriptionForm
from .models import NewsletterPage, Subscriber
from .tokens import ExpiredToken, InvalidToken, request_for_confirmation, subscriber_for_unsubscribe


# No CSRF token: a forged signup only mails a confirmation link to that address (double opt-in, rate-limited),
# and a per-visitor token in the footer form of every page would keep every page out of the page cache.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def subscribe(request):
    language = translation.get_language()
    if request.method == "GET":
        # The form's page is the newsletter page: no second, unindexed copy of it at this address.
        return redirect(newsletter_page_url(request, language))

    refusal = signup.refusal(request, request.POST.get("email"))
    if refusal:
        return too_many_requests(request, refusal[1], refusal[0])
    form = WebSubscriptionForm(request.POST, language=language)
    if not form.is_valid():
        return render(request, "newsletter/subscribe.html", {"newsletter_form": form})
    if not form.is_trap_filled():
        signup.subscribe(
            email=form.cleaned_data["email"],
            language=language,
            consent_text=form.consent_text,
            source=request.build_absolute_uri(form.cleaned_data["source"] or request.path),
            ip=client_ip(request),
            user_agent=request.headers.get("User-Agent", ""),
        )
    # The same answer for a new, pending, confirmed or unsubscribed address, and for a robot.
    return redirect(reverse("newsletter:thanks"), permanent=False)


def newsletter_page_url(request, language):
    """The newsletter page of ``language``, else that language's home page."""
    page = site_page(request, NewsletterPage, language)
    if page is not None:
        return page.get_url(request)
    with translation.override(language):
        return reverse("wagtail_serve", args=[""])


def thanks(request):
    return render(request, "newsletter/thanks.html")


def _invalid_link(request, error, purpose):
    return render(
        request,
        "newsletter/invalid_link.html",
        {"expired": isinstance(error, ExpiredToken), "purpose": purpose},
        status=400,
    )


GUESSING_GROUP = "newsletter.token"


def _guessing_refused(request, increment=False):
    """Seconds to wait for a visitor who tried too many invalid links (only failures count: mail providers
    post one-click unsubscribes for many readers from few addresses), else None."""
    return retry_after(request, GUESSING_GROUP, settings.NEWSLETTER_INVALID_LINK_LIMIT, increment=increment)


def _refusal(request, seconds):
    return too_many_requests(request, seconds, _("Too many invalid links from your network. Please try again later."))


def _token_view(request, lookup, token, purpose):
    """The row a link names, or the answer to give: 429 to a visitor guessing links, 400 to an invalid one."""
    seconds = _guessing_refused(request)
    if seconds:
        return None, _refusal(request, seconds)
    try:
        return lookup(token), None
    except InvalidToken as e:
        seconds = _guessing_refused(request, increment=True)
        return None, (_refusal(request, seconds) if seconds else _invalid_link(request, e, purpose))


@require_http_methods(["GET", "POST"])
def confirm(request, token):
    consent_request, refusal = _token_view(request, request_for_confirmation, token, "confirm")
    if refusal:
        return refusal
    subscriber = consent_request.subscriber
    if request.method == "POST":
        subscriber = signup.confirm(consent_request, client_ip(request), request.headers.get("User-Agent", ""))
    if subscriber.status == Subscriber.Status.CONFIRMED:
        return render(request, "newsletter/confirmed.html", {"subscriber": subscriber})
    return render(request, "newsletter/confirm.html", {"subscriber": subscriber})


@csrf_exempt  # RFC 8058: mail clients POST here without a session; the signed token is the authority
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    subscriber, refusal = _token_view(request, subscriber_for_unsubscribe, token, "unsubscribe")
    if refusal:
        return refusal
    if request.method == "POST":
        one_click = request.POST.get("List-Unsubscribe") == "One-Click"
        subscriber.withdraw(source="one-click (RFC 8058)" if one_click else request.build_absolute_uri(request.path))
    if subscriber.status == Subscriber.Status.UNSUBSCRIBED:
        return render(request, "newsletter/unsubscribed.html", {"subscriber": subscriber})
    return render(request, "newsletter/unsubscribe.html", {"subscriber": subscriber})
