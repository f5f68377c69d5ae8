"""Newsletter: subscribers with a provable consent, the consent texts they agreed to, issues and deliveries."""

import hashlib
import secrets

from typing_extensions import TypedDict

from django.conf import settings
from django.db import models, transaction
from django.db.models import Count, Max, Q
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import PreviewableMixin, TranslatableMixin
from wagtail_localize.fields import TranslatableField

from home.content_events import private_data, public_content
from home.models import ContentPage

from .rendering import issue_context

ISSUE_BODY_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


def normalise_email(address):
    """The form every address is stored and compared in: no surrounding blanks, lower case."""
    return address.strip().lower()


def sha256(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class ConsentSnapshot(TypedDict):
    """A consent text as the API gives it beside a signup form."""

    version: int
    text: str


@public_content
class ConsentText(models.Model):
    """What a visitor agrees to when signing up, in one language. A saved version never changes."""

    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    version = models.PositiveIntegerField(_("version"), editable=False)
    text = models.TextField(
        _("text"),
        help_text=_(
            "Shown beside the consent checkbox. Saving a change stores it as a new version; "
            "subscribers keep the version they agreed to."
        ),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    panels = [FieldPanel("language"), FieldPanel("text")]

    class Meta:
        verbose_name = _("consent text")
        verbose_name_plural = _("consent texts")
        ordering = ["language", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["language", "version"], name="newsletter_consent_text_unique_version"),
        ]

    def __str__(self):
        return _("%(language)s, version %(version)s") % {"language": self.language, "version": self.version}

    def save(self, *args, **kwargs):
        # A stored version is evidence of what someone agreed to: an edit becomes the next version instead.
        if self.pk is not None:
            stored = ConsentText.objects.filter(pk=self.pk).values("language", "text").first()
            if stored == {"language": self.language, "text": self.text}:
                return
            self.pk = None
            self._state.adding = True
        with transaction.atomic():
            last = ConsentText.objects.filter(language=self.language).aggregate(last=Max("version"))["last"]
            self.version = (last or 0) + 1
            super().save(*args, **kwargs)

    @property
    def sha256(self):
        return sha256(self.text)

    @classmethod
    def current(cls, language):
        return cls.objects.filter(language=language).order_by("-version").first()


def random_key():
    """A secret that names a row in links without revealing its id, its time or its address."""
    return secrets.token_urlsafe(24)


@private_data
class Subscriber(models.Model):
    """One e-mail address, its language and where it stands. ``status`` is the current state, kept as a cache
    of the consent history (``consent_events``), which is the evidence and is never rewritten."""

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for confirmation")
        CONFIRMED = "confirmed", _("confirmed")
        UNSUBSCRIBED = "unsubscribed", _("unsubscribed")

    email = models.EmailField(_("e-mail"), unique=True, help_text=_("Stored in lower case."))
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PENDING)
    # Signed into the unsubscribe link: the link names nobody by id or address.
    key = models.CharField(max_length=64, unique=True, default=random_key, editable=False)
    confirmation_sent_at = models.DateTimeField(_("confirmation e-mail sent at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["language", "status"], name="newsletter_subscriber_audience")]

    def __str__(self):
        return self.email

    def save(self, *args, **kwargs):
        self.email = normalise_email(self.email)
        super().save(*args, **kwargs)

    def withdraw(self, source=""):
        """Unsubscribe: the state changes once, and the withdrawal is added to the history."""
        with transaction.atomic():
            changed = (
                Subscriber.objects.filter(pk=self.pk)
                .exclude(status=self.Status.UNSUBSCRIBED)
                # No link is outstanding any more: a later signup is mailed one at once.
                .update(status=self.Status.UNSUBSCRIBED, confirmation_sent_at=None)
            )
            if changed:
                ConsentEvent.objects.create(
                    subscriber=self, kind=ConsentEvent.Kind.UNSUBSCRIBED, language=self.language, source=source[:500]
                )
        self.refresh_from_db()


@private_data
class ConsentEvent(models.Model):
    """One step of a subscriber's consent history: a signup request, its confirmation, an unsubscription or a
    re-subscription. Rows are only ever added (``save`` refuses an update); they go only with the subscriber's
    erasure or, for a request never confirmed, after NEWSLETTER_UNCONFIRMED_RETENTION_DAYS."""

    class Kind(models.TextChoices):
        REQUESTED = "requested", _("signup request")
        CONFIRMED = "confirmed", _("confirmation")
        UNSUBSCRIBED = "unsubscribed", _("unsubscription")
        RESUBSCRIBED = "resubscribed", _("re-subscription")

    subscriber = models.ForeignKey(
        Subscriber, verbose_name=_("subscriber"), on_delete=models.CASCADE, related_name="consent_events"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    created_at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    consent_text = models.ForeignKey(
        ConsentText,
        verbose_name=_("consent text"),
        on_delete=models.PROTECT,
        related_name="consent_events",
        null=True,
        blank=True,
    )
    consent_text_sha256 = models.CharField(_("SHA-256 of the consent text"), max_length=64, blank=True)
    source = models.CharField(_("source"), max_length=500, blank=True)
    ip = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    user_agent = models.CharField(_("browser"), max_length=500, blank=True)
    # A confirmation or re-subscription names the request it confirmed.
    request = models.ForeignKey(
        "self",
        verbose_name=_("confirmed request"),
        on_delete=models.CASCADE,
        related_name="confirmations",
        null=True,
        blank=True,
    )
    # A request's secret, signed into its confirmation link.
    key = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("consent history entry")
        verbose_name_plural = _("consent history")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["subscriber", "kind", "created_at"], name="newsletter_consent_history")]

    def __str__(self):
        details = [self.get_kind_display()]
        if self.consent_text_id:
            details.append(_("consent text version %(version)s") % {"version": self.consent_text.version})
        details += [value for value in (self.source, self.ip, self.user_agent) if value]
        return f"{timezone.localtime(self.created_at):%Y-%m-%d %H:%M:%S} — " + ", ".join(str(d) for d in details)

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("The consent history is append-only: an entry is never changed.")
        super().save(*args, **kwargs)

    @property
    def consent_version(self):
        return self.consent_text.version if self.consent_text_id else None


def address_digest(address, secret=None):
    """HMAC-SHA256 of a normalised address, keyed by the SECRET_KEY: equal for equal addresses, and no list of
    guessed addresses can be checked against it without the key."""
    return salted_hmac(
        "newsletter.erased-address", normalise_email(address), secret=secret, algorithm="sha256"
    ).hexdigest()


@private_data
class ErasedAddress(models.Model):
    """The proof that an address was erased at its owner's request, kept as a keyed hash: the partnership must
    not mail it again on the strength of the erased consent. It is not a ban: a later signup is a new consent,
    confirmed by a new double opt-in."""

    address_hmac = models.CharField(_("address (HMAC)"), max_length=64, unique=True)
    erased_at = models.DateTimeField(_("erased at"), default=timezone.now)

    class Meta:
        verbose_name = _("erased address")
        verbose_name_plural = _("erased addresses")

    def __str__(self):
        return self.address_hmac

    @classmethod
    def covers(cls, address):
        """Whether ``address`` was erased (under the current SECRET_KEY or one of its fallbacks)."""
        secrets_in_use = [settings.SECRET_KEY, *settings.SECRET_KEY_FALLBACKS]
        return cls.objects.filter(address_hmac__in=[address_digest(address, key) for key in secrets_in_use]).exists()


@private_data  # sent by e-mail; the site shows no archive of issues
class NewsletterIssue(TranslatableMixin, PreviewableMixin, models.Model):
    """One issue of the newsletter in one language; sending it mails that language's confirmed subscribers."""

    subject = models.CharField(_("subject"), max_length=200)
    body = RichTextField(_("body"), features=ISSUE_BODY_FEATURES)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    send_requested_at = models.DateTimeField(_("sending requested at"), null=True, blank=True, editable=False)
    send_finished_at = models.DateTimeField(_("sending finished at"), null=True, blank=True, editable=False)
    # The background task of the last sending run, whose state (queued, running, failed) the send page shows.
    send_task_id = models.CharField(_("sending task"), max_length=64, blank=True, editable=False)

    translatable_fields = [TranslatableField("subject"), TranslatableField("body")]
    # A translation starts unsent: it has its own audience and its own sending runs.
    exclude_fields_in_copy = ["send_requested_at", "send_finished_at", "send_task_id"]
    panels = [FieldPanel("subject"), FieldPanel("body")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("newsletter issue")
        verbose_name_plural = _("newsletter issues")
        ordering = ["-created_at", "-pk"]
        permissions = [("send_newsletterissue", _("Can send newsletter issues"))]

    def __str__(self):
        return self.subject

    @property
    def language(self):
        return self.locale.language_code

    def recipients(self):
        return Subscriber.objects.filter(status=Subscriber.Status.CONFIRMED, language=self.language)

    def progress(self):
        """Counts of this issue's deliveries: sent, failed, skipped (left before their turn), waiting, total."""
        Status = NewsletterDelivery.Status
        return self.deliveries.aggregate(
            total=Count("pk"),
            sent=Count("pk", filter=Q(status=Status.SENT)),
            failed=Count("pk", filter=Q(status=Status.FAILED)),
            skipped=Count("pk", filter=Q(status=Status.SKIPPED)),
            waiting=Count("pk", filter=Q(status__in=[Status.PENDING, Status.SENDING])),
        )

    def get_preview_template(self, request, mode_name):
        return "newsletter/email/issue.html"

    def get_preview_context(self, request, mode_name):
        return {**super().get_preview_context(request, mode_name), **issue_context(self, unsubscribe_url="#")}


@private_data
class NewsletterDelivery(models.Model):
    """One issue to one subscriber. Unique per pair, and claimed before sending, so nobody is mailed twice."""

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting")
        SENDING = "sending", _("being sent")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")
        SKIPPED = "skipped", _("skipped (no longer subscribed)")

    issue = models.ForeignKey(NewsletterIssue, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="deliveries")
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PENDING)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(fields=["issue", "subscriber"], name="newsletter_one_delivery_per_subscriber"),
        ]
        indexes = [models.Index(fields=["issue", "status"], name="newsletter_delivery_progress")]

    def __str__(self):
        return f"{self.issue} → {self.subscriber}"


class NewsletterPage(ContentPage):
    """The newsletter's own page: the partnership's invitation and the signup form."""

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "newsletter/newsletter_page.html"

    api_fields = ContentPage.api_fields + [APIField("consent")]

    class Meta:
        verbose_name = _("newsletter page")
        verbose_name_plural = _("newsletter pages")

    @property
    def consent(self) -> ConsentSnapshot | None:
        """The consent text a signup on this page agrees to (partner portals show it and send its version)."""
        text = ConsentText.current(self.locale.language_code)
        return {"version": text.version, "text": text.text} if text else None
