"""What the site stores about a person, found through the modules that know (settings.PERSONAL_DATA_HANDLERS).

Each handler module offers ``purge_expired(now) -> {label: rows removed}``, ``export(email) -> dict`` (JSON-ready)
and ``erase(email) -> {label: rows removed}``. This module runs them all, for ``manage.py purge_personal_data``,
its daily task and the admin's "Personal data" view, and adds django-axes' records of login attempts, which
belong to no app of ours.
"""

import hashlib
import hmac
from datetime import timedelta
from importlib import import_module

from axes.models import AccessAttempt, AccessFailureLog, AccessLog

from django.conf import settings

#: django-axes' records, each with its attempt_time, kept settings.AXES_RETENTION_DAYS days.
AXES_MODELS = (AccessAttempt, AccessFailureLog, AccessLog)


def handlers():
    """(dotted name, module) of every handler, in the order settings.PERSONAL_DATA_HANDLERS lists them."""
    return [(name, import_module(name)) for name in settings.PERSONAL_DATA_HANDLERS]


def purge_expired_axes_records(now):
    """Remove django-axes' login records older than settings.AXES_RETENTION_DAYS: {label: rows removed}."""
    cutoff = now - timedelta(days=settings.AXES_RETENTION_DAYS)
    removed = {}
    for model in AXES_MODELS:
        count, _by_model = model.objects.filter(attempt_time__lt=cutoff).delete()
        removed[f"axes.{model.__name__}"] = count
    return removed


def purge_expired(now, progress=None):
    """Run every handler's purge and the axes purge: {source: {label: rows removed}}.

    ``progress(source)`` is called before each source, so a command can say what it is doing.
    """
    results = {}
    for name, module in handlers():
        if progress:
            progress(name)
        results[name] = module.purge_expired(now)
    if progress:
        progress("axes")
    results["axes"] = purge_expired_axes_records(now)
    return results


def export(email):
    """Everything the handlers store about ``email``: {handler: its export}."""
    return {name: module.export(email) for name, module in handlers()}


def erase(email):
    """Erase ``email`` in every handler: {handler: {label: rows removed}}."""
    return {name: module.erase(email) for name, module in handlers()}


def email_digest(email):
    """A keyed hash of the address for the audit log: proves which request was carried out without keeping it."""
    normalised = email.strip().lower().encode()
    return hmac.new(settings.SECRET_KEY.encode(), normalised, hashlib.sha256).hexdigest()
