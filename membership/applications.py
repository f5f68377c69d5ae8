"""A membership application: an institution's online accession declaration, and the secretary's decision on it.

Kept apart from ``models.py`` because the accession page's views and forms use this model, and ``models.py``
(the page) uses those views: this way the imports run one way.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from home.content_events import private_data
from partners.models import Sector, SocialEconomyKind


class ApplicationStatus(models.TextChoices):
    NEW = "new", _("new")
    ACCEPTED = "accepted", _("accepted")
    REJECTED = "rejected", _("rejected")


@private_data
class MembershipApplication(models.Model):
    """An institution's online accession declaration, as submitted, and the secretary's decision on it."""

    submission_token = models.UUIDField(
        _("submission token"),
        unique=True,
        editable=False,
        help_text=_("Issued with the form; a second submission of the same form is recognised by it."),
    )
    status = models.CharField(_("status"), max_length=16, choices=ApplicationStatus.choices, default="new")
    language = models.CharField(_("language"), max_length=7, choices=settings.LANGUAGES)
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now, editable=False)

    institution_name = models.CharField(_("name of the institution"), max_length=255)
    sector = models.CharField(_("sector"), max_length=32, choices=Sector.choices)
    social_economy_kind = models.CharField(
        _("kind of social economy entity"), max_length=32, choices=SocialEconomyKind.choices, blank=True
    )
    legal_form = models.CharField(
        _("legal form"), max_length=255, help_text=_("For example: association, foundation, social cooperative.")
    )
    street = models.CharField(_("street and number"), max_length=255)
    postcode = models.CharField(_("postcode"), max_length=12)
    city = models.CharField(_("city"), max_length=100)
    nip = models.CharField(_("NIP"), max_length=10, blank=True)
    regon = models.CharField(_("REGON"), max_length=14, blank=True)
    krs = models.CharField(_("KRS"), max_length=10, blank=True)
    representative_name = models.CharField(_("representative"), max_length=255)
    representative_role = models.CharField(_("representative's role"), max_length=255)
    contact_name = models.CharField(_("contact person"), max_length=255)
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("phone"), max_length=50)
    website = models.URLField(_("website"), max_length=500, blank=True)
    motivation = models.TextField(_("motivation"), max_length=2000)
    supports_ideological_declaration = models.BooleanField(_("supports the Ideological Declaration"), default=False)
    consent_version = models.CharField(_("consent version"), max_length=32)
    consent_text = models.TextField(_("consent text"), help_text=_("Exactly as the applicant was shown it."))
    consent_given_at = models.DateTimeField(_("consent given at"))
    address_confirmation_sent_at = models.DateTimeField(
        _("address confirmation requested at"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("When the applicant's e-mail address was asked to confirm itself; empty if it was not mailed."),
    )
    address_confirmed_at = models.DateTimeField(
        _("address confirmed at"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("When the applicant confirmed the e-mail address and was sent the copy of the declaration."),
    )

    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True, editable=False)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    rejection_reason = models.TextField(_("reason for rejection"), blank=True, editable=False)
    partner = models.ForeignKey(
        "partners.Partner",
        verbose_name=_("partner entry"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="membership_applications",
        editable=False,
    )

    class Meta:
        verbose_name = _("membership application")
        verbose_name_plural = _("membership applications")
        ordering = ["-submitted_at", "-pk"]
        indexes = [models.Index(fields=["status", "-submitted_at"], name="membership_application_status")]

    def __str__(self):
        return f"{self.institution_name} ({self.submitted_at:%Y-%m-%d})"

    @property
    def reference(self):
        """A short reference for letters and e-mails: the start of the submission token."""
        return str(self.submission_token).split("-")[0].upper()

    @property
    def address(self):
        return f"{self.street}, {self.postcode} {self.city}"

    @property
    def is_decided(self):
        return self.status != ApplicationStatus.NEW
