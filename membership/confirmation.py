"""The link that confirms an applicant's e-mail address: opaque, and valid only for its application.

An HMAC of the application's random submission token keyed by ``SECRET_KEY``, with no id or time to read; how
long a link stays valid is decided from the time the request was mailed, stored with the application.
"""

from django.conf import settings
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac

SALT = "membership.address-confirmation"


def signature(application):
    return salted_hmac(SALT, str(application.submission_token), algorithm="sha256").hexdigest()


def is_valid(application, candidate, now=None):
    """Whether ``candidate`` is the application's signature and its confirmation request is still recent enough."""
    sent_at = application.address_confirmation_sent_at
    if sent_at is None or not constant_time_compare(signature(application), candidate or ""):
        return False
    return (now or timezone.now()) - sent_at <= settings.MEMBERSHIP_ADDRESS_CONFIRMATION_MAX_AGE
