"""The visitor's side: signing up from any page, confirming by e-mail, and leaving with one click."""

from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from home.clients import client_ip
from home.ratelimit import too_many_requests

from . import signup
from .forms import WebSubscriptionForm
from .models import Subscriber
from .tokens import ExpiredToken, InvalidToken, subscriber_for_confirmation, subscriber_for_unsubscribe


# No CSRF token: a forged signup only mails a confirmation link to that address (double opt-in, rate-limited),
# and a per-visitor token in the footer form of every page would keep every page out of the page cache.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def subscribe(request):
    language = translation.get_language()
    if request.method == "GET":
        form = WebSubscriptionForm(language=language, initial={"source": request.GET.get("source", "")})
        return render(request, "newsletter/subscribe.html", {"newsletter_form": form})

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


def thanks(request):
    return render(request, "newsletter/thanks.html")


def _invalid_link(request, error, purpose):
    return render(
        request,
        "newsletter/invalid_link.html",
        {"expired": isinstance(error, ExpiredToken), "purpose": purpose},
        status=400,
    )


@require_http_methods(["GET", "POST"])
def confirm(request, token):
    try:
        subscriber = subscriber_for_confirmation(token)
    except InvalidToken as e:
        return _invalid_link(request, e, "confirm")
    if request.method == "POST":
        signup.confirm(subscriber, client_ip(request))
    if subscriber.status == Subscriber.Status.CONFIRMED:
        return render(request, "newsletter/confirmed.html", {"subscriber": subscriber})
    return render(request, "newsletter/confirm.html", {"subscriber": subscriber})


@csrf_exempt  # RFC 8058: mail clients POST here without a session; the signed token is the authority
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    try:
        subscriber = subscriber_for_unsubscribe(token)
    except InvalidToken as e:
        return _invalid_link(request, e, "unsubscribe")
    if request.method == "POST":
        subscriber.withdraw()
    if subscriber.status == Subscriber.Status.UNSUBSCRIBED:
        return render(request, "newsletter/unsubscribed.html", {"subscriber": subscriber})
    return render(request, "newsletter/unsubscribe.html", {"subscriber": subscriber})
