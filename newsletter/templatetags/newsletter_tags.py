from django import template
from django.utils import translation

from home.site_pages import site_page

from ..forms import WebSubscriptionForm
from ..models import ConsentText, NewsletterPage

register = template.Library()


@register.inclusion_tag("newsletter/includes/signup_form.html", takes_context=True)
def newsletter_signup(context, placement="footer"):
    """The signup form with the current consent text of the active language; the footer leaves it to the
    newsletter page when that page shows it already."""
    request = context.get("request")
    if request is None or (placement == "footer" and isinstance(context.get("page"), NewsletterPage)):
        return {"show": False}
    language = translation.get_language()
    # The layout keeps the footer's form as a fragment (templates/base.html): read on a miss only.
    consent_text = ConsentText.current(language)
    if consent_text is None:
        return {"show": False}
    form = context.get("newsletter_form") if placement != "footer" else None
    if form is None:
        form = WebSubscriptionForm(
            language=language,
            initial={"source": request.path, "consent_version": consent_text.version},
        )
    form.auto_id = f"newsletter-{placement}-%s"
    return {
        "show": True,
        "form": form,
        "consent_text": form.consent_text or consent_text,
        "placement": placement,
        "request": request,
        # The footer shows a one-line consent note with a link to the full text beside the newsletter page's form.
        "full_text_url": _full_consent_text_url(request, language) if placement == "footer" else "",
    }


def _full_consent_text_url(request, language):
    page = site_page(request, NewsletterPage, language)
    return f"{page.get_url(request)}#newsletter-page-consent" if page else ""


@register.inclusion_tag("newsletter/includes/footer_link.html", takes_context=True)
def newsletter_page_link(context):
    """The footer's link to the newsletter page of the active language, where it is published (kept inside the
    layout's cached footer fragment)."""
    request = context.get("request")
    page = site_page(request, NewsletterPage)
    return {"url": page.get_url(request) if page else ""}
