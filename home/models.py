import logging
import smtplib

from rest_framework import serializers as drf_serializers

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import models
from django.template.defaultfilters import yesno
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.forms.models import AbstractFormField, EmailFormMixin, FormMixin
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .blocks import BodyStreamBlock, HeroLinksBlock, PullQuoteBlock
from .contact_form import HONEYPOT, ContactFormBuilder, submissions_view_class
from .content_events import public_content
from .privacy import CORRESPONDENCE
from .ratelimit import retry_after
from .site_address import absolute_url

logger = logging.getLogger(__name__)


class BasePage(Page):
    """What every page of the site shares, and the translation rules for those fields, stated once.

    A page type adds its own fields to ``translatable_fields`` and nothing else: whatever is not listed is
    left alone by wagtail-localize when it syncs a translation.
    """

    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        SynchronizedField("show_in_menus"),
    ]

    api_fields = [
        APIField("seo_title"),
        APIField("search_description"),
    ]

    class Meta:
        abstract = True


class ContentPage(BasePage):
    """A page made of an introduction and a body of blocks: the shape of every text page."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyStreamBlock(), verbose_name=_("body"), blank=True)

    translatable_fields = BasePage.translatable_fields + [
        TranslatableField("intro"),
        TranslatableField("body"),
    ]
    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    api_fields = BasePage.api_fields + [APIField("intro"), APIField("body")]

    class Meta:
        abstract = True


class HomePage(ContentPage):
    """The first screen says what the partnership does and for whom (``intro``) with its calls to action; then
    the founding quote, the next events, the latest news and the partners' logos (the last three from their apps).
    """

    hero_links = StreamField(
        HeroLinksBlock(),
        verbose_name=_("calls to action"),
        blank=True,
        max_num=3,
        help_text=_("Up to three links shown on the first screen under the introduction, the first one highlighted."),
    )
    pull_quote = StreamField(
        PullQuoteBlock(),
        verbose_name=_("pull quote"),
        blank=True,
        max_num=1,
        help_text=_("A short passage shown large, with its source."),
    )

    translatable_fields = ContentPage.translatable_fields + [
        TranslatableField("hero_links"),
        TranslatableField("pull_quote"),
    ]
    content_panels = BasePage.content_panels + [
        FieldPanel("intro", help_text=_("One sentence: what the Partnership does and for whom.")),
        FieldPanel("hero_links"),
        FieldPanel("pull_quote"),
        FieldPanel("body"),
    ]
    search_fields = ContentPage.search_fields + [index.SearchField("pull_quote")]
    api_fields = ContentPage.api_fields + [APIField("hero_links"), APIField("pull_quote")]

    def hero_actions(self, request=None):
        """[{"text", "url"}] of the calls to action whose page is live, each in this page's language.

        The chooser's pages come in one query, and the translations of those in another language (wagtail-localize
        keeps the source page's links in a translation) in one more.
        """
        links = [(block.value["text"], block.value.get("page")) for block in self.hero_links]
        foreign = {
            page.translation_key for _text, page in links if page is not None and page.locale_id != self.locale_id
        }
        translations = {}
        if foreign:
            found = Page.objects.filter(translation_key__in=foreign, locale_id=self.locale_id)
            translations = {page.translation_key: page for page in found}
        actions = []
        for text, target in links:
            if target is not None and target.locale_id != self.locale_id:
                target = translations.get(target.translation_key, target)
            if target is None or not target.live:
                continue
            actions.append({"text": text, "url": target.get_url(request)})
        return actions

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Lazy: only a miss of the template's fragment cache looks the linked pages up.
        context["hero_actions"] = SimpleLazyObject(lambda: self.hero_actions(request))
        return context

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.StandardPage",
        "home.ContactPage",
        "home.AccessibilityStatementPage",
        "home.PrivacyPage",
        "partners.PartnerIndexPage",
        "news.NewsIndexPage",
        "news.EventIndexPage",
        "documents.DocumentIndexPage",
        "newsletter.NewsletterPage",
        "apidocs.ApiDocsPage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")


class StandardPage(ContentPage):
    """A text page such as "O Partnerstwie" / "About the Partnership"."""

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage", "membership.AccessionPage"]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # "Jak przystąpić" leads on to the online accession declaration beneath it: visitors see the live,
        # public pages under a text page, in the tree's order.
        # Lazy: only a miss of the template's fragment cache looks them up (``.public()`` queries at once).
        context["subpages"] = SimpleLazyObject(lambda: list(self.get_children().live().public().order_by("path")))
        return context


@public_content
class ContactFormField(TranslatableMixin, AbstractFormField):
    """A field of the contact form; its label, help text and choices are translated, its name is shared."""

    page = ParentalKey("home.ContactPage", on_delete=models.CASCADE, related_name="form_fields")

    translatable_fields = [
        SynchronizedField("clean_name"),
        TranslatableField("label"),
        TranslatableField("help_text"),
        SynchronizedField("field_type"),
        SynchronizedField("required"),
        TranslatableField("choices"),
        TranslatableField("default_value"),
    ]

    class Meta(TranslatableMixin.Meta, AbstractFormField.Meta):
        verbose_name = _("form field")
        verbose_name_plural = _("form fields")


class ContactPage(EmailFormMixin, FormMixin, ContentPage):
    """The office's details (from ContactDetails, edited in one place), its hours, how to get there, a map link
    and the contact form (Wagtail's form builder): each message is stored in the admin and mailed to the secretary.
    """

    office_hours = models.TextField(
        _("office hours"),
        blank=True,
        help_text=_(
            "One line per day or group of days, e.g. “Monday–Friday 9:00–15:00”. Leave it empty while the hours "
            "are not known: the section is shown only when it is filled in."
        ),
    )
    directions = models.TextField(
        _("how to get there"),
        blank=True,
        help_text=_("Public transport, entrance, floor, accessibility. Shown above the map link."),
    )
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        help_text=_("Of the office, e.g. 51.24800."),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        help_text=_("Of the office, e.g. 22.56270."),
    )
    form_heading = models.CharField(_("form heading"), max_length=255, blank=True)
    thank_you_text = models.TextField(
        _("confirmation text"), blank=True, help_text=_("Shown once a message has been sent.")
    )

    form_builder = ContactFormBuilder
    landing_page_template = "home/contact_page_landing.html"

    translatable_fields = ContentPage.translatable_fields + [
        TranslatableField("office_hours"),
        TranslatableField("directions"),
        SynchronizedField("latitude"),
        SynchronizedField("longitude"),
        TranslatableField("form_heading"),
        TranslatableField("thank_you_text"),
        TranslatableField("form_fields"),
        SynchronizedField("to_address"),
        SynchronizedField("from_address"),
        TranslatableField("subject"),
    ]
    content_panels = ContentPage.content_panels + [
        FieldPanel("office_hours"),
        FieldPanel("directions"),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")], heading=_("Map")),
        MultiFieldPanel(
            [
                FieldPanel("form_heading"),
                InlinePanel("form_fields", label=_("Form fields")),
                FieldPanel("thank_you_text"),
            ],
            heading=_("Contact form"),
        ),
        MultiFieldPanel(
            [
                FieldPanel(
                    "to_address",
                    help_text=_(
                        "Where messages are sent, several separated by commas. Empty: the e-mail address of the "
                        "contact details."
                    ),
                ),
                FieldPanel("from_address"),
                FieldPanel("subject"),
            ],
            heading=_("E-mail"),
        ),
    ]
    search_fields = ContentPage.search_fields + [index.SearchField("directions")]
    api_fields = ContentPage.api_fields + [
        APIField("office_hours"),
        APIField("directions"),
        # Numbers in JSON, not strings: a portal hands them to its map as they are.
        APIField(
            "latitude", serializer=drf_serializers.DecimalField(max_digits=8, decimal_places=5, coerce_to_string=False)
        ),
        APIField(
            "longitude", serializer=drf_serializers.DecimalField(max_digits=8, decimal_places=5, coerce_to_string=False)
        ),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("contact page")
        verbose_name_plural = _("contact pages")

    @property
    def map_url(self):
        """The office on OpenStreetMap: a plain link, no third-party script or cookie on this site."""
        if self.latitude is None or self.longitude is None:
            return ""
        return (
            f"https://www.openstreetmap.org/?mlat={self.latitude}&mlon={self.longitude}"
            f"#map=18/{self.latitude}/{self.longitude}"
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Lazy: read on a miss of the template's fragment cache only.
        context["contact"] = SimpleLazyObject(lambda: ContactDetails.for_locale(self.locale))
        context["purpose"] = CORRESPONDENCE
        return context

    def get_submissions_list_view_class(self):
        return submissions_view_class()

    def render_form(self, request, form, status=200):
        context = self.get_context(request)
        context["form"] = form
        return TemplateResponse(request, self.get_template(request), context, status=status)

    def serve(self, request, *args, **kwargs):
        if request.method != "POST":
            return self.render_form(request, self.get_form(page=self, user=request.user))
        form = self.get_form(request.POST, page=self, user=request.user)
        if form.data.get(HONEYPOT):
            # A robot: thanked like a person, nothing stored or sent.
            return self.render_landing_page(request)
        seconds = retry_after(request, "contact.submit", settings.CONTACT_RATE_LIMIT)
        if seconds:
            form.is_valid()
            form.add_error(None, gettext("Too many messages from your address. Please try again in an hour."))
            response = self.render_form(request, form, status=429)
            response["Retry-After"] = str(seconds)
            return response
        if not form.is_valid():
            return self.render_form(request, form, status=400)
        submission = self.process_form_submission(form)
        return self.render_landing_page(request, submission)

    def process_form_submission(self, form):
        """Store the message (without the trap field) and mail it to the secretary."""
        data = {name: value for name, value in form.cleaned_data.items() if name != HONEYPOT}
        submission = self.get_submission_class().objects.create(form_data=data, page=self)
        self.send_mail(form)
        return submission

    def recipients(self):
        addresses = [address.strip() for address in self.to_address.split(",") if address.strip()]
        if addresses:
            return addresses
        details = ContactDetails.for_locale(Locale.get_default())
        return [details.email] if details else []

    def send_mail(self, form):
        """To the secretary, in the site's default language, answerable straight to the sender."""
        recipients = self.recipients()
        if not recipients:
            logger.error("The contact form of page %s has nowhere to send messages", self.pk)
            return
        reply_to = [value for name, value in form.cleaned_data.items() if name in form.email_fields and value]
        with translation.override(settings.LANGUAGE_CODE):
            subject = self.subject or gettext("Message from the contact form")
            body = self.render_email(form)
        message = EmailMessage(
            subject,
            body,
            self.from_address or settings.DEFAULT_FROM_EMAIL,
            recipients,
            reply_to=reply_to[:1],
        )
        try:
            message.send()
        except (smtplib.SMTPException, OSError):
            # The message is stored in the admin: a mail server that is down must not lose it or show an error.
            logger.exception("Could not mail the contact form message of page %s", self.pk)

    @staticmethod
    def _email_value(value):
        if isinstance(value, bool):
            return yesno(value)
        if isinstance(value, list):
            return ", ".join(str(item) for item in value)
        return value

    def render_email(self, form):
        lines = [
            f"{field.label}: {self._email_value(form.cleaned_data[field.name])}"
            for field in form
            if field.name in form.cleaned_data and field.name != HONEYPOT
        ]
        lines.append("")
        lines.append(f"{gettext('Language of the page')}: {self.locale.language_code}")
        return "\n".join(lines)


STATEMENT_FEATURES = ["h3", "bold", "italic", "ol", "ul", "link"]


class AccessibilityStatementPage(BasePage):
    """The accessibility statement (deklaracja dostępności) in the structure Polish rules require.

    The template lays out the required sections with the ids automated monitoring looks for
    (``a11y-wstep``, ``a11y-podmiot``, ``a11y-url``, …); editors fill in the dates, the status and the prose.
    The contact person, e-mail and phone come from ``ContactDetails``, so they are never out of date here.
    """

    class ComplianceStatus(models.TextChoices):
        FULL = "full", _("fully compliant")
        PARTIAL = "partial", _("partially compliant")
        NONE = "none", _("not compliant")

    publication_date = models.DateField(_("date the website was published"))
    last_update_date = models.DateField(_("date of the website's last significant update"))
    prepared_date = models.DateField(_("date the statement was prepared"))
    reviewed_date = models.DateField(_("date the statement was last reviewed"))
    compliance_status = models.CharField(
        _("compliance status"), max_length=10, choices=ComplianceStatus.choices, default=ComplianceStatus.PARTIAL
    )
    inaccessible_content = RichTextField(
        _("content that is not accessible"),
        features=STATEMENT_FEATURES,
        blank=True,
        help_text=_("What is not accessible, why, and how to get it in an accessible form."),
    )
    burden_assessment_url = models.URLField(
        _("disproportionate burden assessment"),
        blank=True,
        help_text=_("Link to the assessment, only if an exemption for disproportionate burden is claimed."),
    )
    preparation = RichTextField(
        _("how the statement was prepared"),
        features=STATEMENT_FEATURES,
        help_text=_("Self-assessment or audit: what was tested, with which tools, at which widths."),
    )
    keyboard_shortcuts = RichTextField(_("keyboard shortcuts"), features=STATEMENT_FEATURES, blank=True)
    feedback = RichTextField(
        _("feedback"),
        features=STATEMENT_FEATURES,
        blank=True,
        help_text=_("Shown under the contact details: how to report a problem or ask for accessible content."),
    )
    complaints_procedure = RichTextField(_("requests and complaints procedure"), features=STATEMENT_FEATURES)
    architectural_accessibility = RichTextField(_("architectural accessibility"), features=STATEMENT_FEATURES)
    mobile_apps = RichTextField(_("mobile applications"), features=STATEMENT_FEATURES)

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    translatable_fields = BasePage.translatable_fields + [
        SynchronizedField("publication_date"),
        SynchronizedField("last_update_date"),
        SynchronizedField("prepared_date"),
        SynchronizedField("reviewed_date"),
        SynchronizedField("compliance_status"),
        TranslatableField("inaccessible_content"),
        SynchronizedField("burden_assessment_url"),
        TranslatableField("preparation"),
        TranslatableField("keyboard_shortcuts"),
        TranslatableField("feedback"),
        TranslatableField("complaints_procedure"),
        TranslatableField("architectural_accessibility"),
        TranslatableField("mobile_apps"),
    ]
    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("publication_date"),
                FieldPanel("last_update_date"),
                FieldPanel("prepared_date"),
                FieldPanel("reviewed_date"),
            ],
            heading=_("Dates"),
        ),
        FieldPanel("compliance_status"),
        FieldPanel("inaccessible_content"),
        FieldPanel("burden_assessment_url"),
        FieldPanel("preparation"),
        FieldPanel("keyboard_shortcuts"),
        FieldPanel("feedback"),
        FieldPanel("complaints_procedure"),
        FieldPanel("architectural_accessibility"),
        FieldPanel("mobile_apps"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("inaccessible_content"),
        index.SearchField("preparation"),
    ]
    api_fields = BasePage.api_fields + [
        APIField("publication_date"),
        APIField("last_update_date"),
        APIField("prepared_date"),
        APIField("reviewed_date"),
        APIField("compliance_status"),
        APIField("inaccessible_content"),
        APIField("burden_assessment_url"),
        APIField("preparation"),
        APIField("keyboard_shortcuts"),
        APIField("feedback"),
        APIField("complaints_procedure"),
        APIField("architectural_accessibility"),
        APIField("mobile_apps"),
    ]

    class Meta:
        verbose_name = _("accessibility statement")
        verbose_name_plural = _("accessibility statements")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["contact"] = ContactDetails.for_locale(self.locale)
        site = self.get_site()
        home = site.root_page.localized if site else None
        context["site_home"] = home
        context["site_url"] = home.get_full_url(request) if home else absolute_url("/", request)
        return context


class PrivacyPage(ContentPage):
    """The privacy notice (RODO information clause); every form's consent text links here."""

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("privacy page")
        verbose_name_plural = _("privacy pages")


@public_content
class ContactDetails(TranslatableMixin, models.Model):
    """The partnership's secretary and office: one record per language, shown in every footer."""

    organisation_name = models.CharField(_("organisation name"), max_length=255)
    secretary_title = models.CharField(_("secretary's title"), max_length=255)
    secretary_name = models.CharField(_("secretary's name"), max_length=255)
    office_title = models.CharField(_("office's title"), max_length=255)
    office_name = models.CharField(_("office name"), max_length=255)
    street = models.CharField(_("street"), max_length=255)
    postcode = models.CharField(_("postcode"), max_length=12)
    city = models.CharField(_("city"), max_length=100)
    building_note = models.CharField(_("building note"), max_length=255, blank=True)
    phone = models.CharField(_("phone"), max_length=50)
    email = models.EmailField(_("e-mail"))

    translatable_fields = [
        TranslatableField("organisation_name"),
        TranslatableField("secretary_title"),
        SynchronizedField("secretary_name"),
        TranslatableField("office_title"),
        TranslatableField("office_name"),
        SynchronizedField("street"),
        SynchronizedField("postcode"),
        SynchronizedField("city"),
        TranslatableField("building_note"),
        SynchronizedField("phone"),
        SynchronizedField("email"),
    ]

    panels = [
        FieldPanel("organisation_name"),
        MultiFieldPanel([FieldPanel("secretary_title"), FieldPanel("secretary_name")], heading=_("Secretary")),
        MultiFieldPanel(
            [
                FieldPanel("office_title"),
                FieldPanel("office_name"),
                FieldPanel("street"),
                FieldPanel("postcode"),
                FieldPanel("city"),
                FieldPanel("building_note"),
                FieldPanel("phone"),
                FieldPanel("email"),
            ],
            heading=_("Office"),
        ),
    ]

    api_fields = [
        APIField("organisation_name"),
        APIField("secretary_title"),
        APIField("secretary_name"),
        APIField("office_title"),
        APIField("office_name"),
        APIField("street"),
        APIField("postcode"),
        APIField("city"),
        APIField("building_note"),
        APIField("phone"),
        APIField("email"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("contact details")
        verbose_name_plural = _("contact details")

    def __str__(self):
        return f"{self.organisation_name} ({self.locale})"

    def clean(self):
        super().clean()
        others = ContactDetails.objects.filter(locale_id=self.locale_id).exclude(translation_key=self.translation_key)
        if self.locale_id and others.exists():
            raise ValidationError(_("This language already has contact details; edit those instead of adding more."))

    @property
    def phone_uri(self):
        digits = "".join(ch for ch in self.phone if ch.isdigit())
        return f"tel:+48{digits}" if len(digits) == 9 else f"tel:{digits}"

    @classmethod
    def for_locale(cls, locale=None):
        """The contact details in ``locale`` (default: the active language), else the default language's."""
        locale = locale or Locale.get_active()
        details = cls.objects.filter(locale=locale).first()
        return details or cls.objects.filter(locale=Locale.get_default()).first()
