"""The secretary's decisions on a membership application; both are recorded in Wagtail's log."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.log_actions import log

from partners.models import Role
from partners.services import create_draft_partner

from .applications import ApplicationStatus, MembershipApplication

ACCEPT_ACTION = "membership.application.accept"
REJECT_ACTION = "membership.application.reject"


class DecisionError(Exception):
    """The decision cannot be taken; the message says why, in the active language."""


def _lock_new(application):
    locked = MembershipApplication.objects.select_for_update().get(pk=application.pk)
    if locked.status != ApplicationStatus.NEW:
        raise DecisionError(
            _("This application has already been decided: %(status)s.") % {"status": locked.get_status_display()}
        )
    return locked


def accept(application, user):
    """Accept the application: a draft Partner is created for an editor to review and publish.

    Only the institution's data goes into the partner, which is published: the contact person's e-mail and phone
    were given to consider the declaration, not to be shown; the partner's public contact starts empty.
    """
    with transaction.atomic():
        application = _lock_new(application)
        partner = create_draft_partner(
            user=user,
            name=application.institution_name,
            sector=application.sector,
            social_economy_kind=application.social_economy_kind,
            role=Role.MEMBER,
            website=application.website,
            street=application.street,
            postcode=application.postcode,
            city=application.city,
            is_active=True,
        )
        application.status = ApplicationStatus.ACCEPTED
        application.partner = partner
        application.decided_at = timezone.now()
        application.decided_by = user
        application.save(update_fields=["status", "partner", "decided_at", "decided_by"])
        log(
            instance=application,
            action=ACCEPT_ACTION,
            user=user,
            data={"partner_id": partner.pk, "partner_name": partner.name},
        )
    return application


def reject(application, user, reason):
    reason = (reason or "").strip()
    if not reason:
        raise DecisionError(_("Give the reason for rejecting the application."))
    with transaction.atomic():
        application = _lock_new(application)
        application.status = ApplicationStatus.REJECTED
        application.rejection_reason = reason
        application.decided_at = timezone.now()
        application.decided_by = user
        application.save(update_fields=["status", "rejection_reason", "decided_at", "decided_by"])
        log(instance=application, action=REJECT_ACTION, user=user, data={"reason": reason})
    return application
