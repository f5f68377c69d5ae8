from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .blocks import BodyStreamBlock
from .content_events import public_content
from .site_address import absolute_url


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


class ContactPage(ContentPage):
    """Shows the partnership's contact details, which are edited in one place (ContactDetails)."""

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("contact page")
        verbose_name_plural = _("contact pages")


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
