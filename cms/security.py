"""Page and collection passwords: Wagtail's own views, with guessing throttled per visitor and per restriction.

django-axes watches only Django logins, so without this a password-protected page or collection could be
guessed at the speed of the server. Every POST counts (a visitor who knows the password needs one or two),
per visitor address and per page or collection restriction, against ``PASSWORD_RATE_LIMIT``.
"""

from django.conf import settings
from django.utils.translation import gettext as _

from wagtail import views as page_views
from wagtail.documents.views import serve as document_views

from home.ratelimit import retry_after, too_many_requests


def _throttled(request, group, view, *args):
    if request.method == "POST":
        seconds = retry_after(request, group, settings.PASSWORD_RATE_LIMIT)
        if seconds:
            return too_many_requests(request, seconds, _("Too many password attempts. Please try again later."))
    return view(request, *args)


def page_password(request, page_view_restriction_id, page_id):
    """Wagtail's ``wagtailcore_authenticate_with_password``, throttled per visitor and page."""
    return _throttled(
        request,
        f"password.page.{page_id}",
        page_views.authenticate_with_password,
        page_view_restriction_id,
        page_id,
    )


def collection_password(request, restriction_id):
    """Wagtail's ``wagtaildocs_authenticate_with_password``, throttled per visitor and collection restriction."""
    return _throttled(
        request, f"password.collection.{restriction_id}", document_views.authenticate_with_password, restriction_id
    )
