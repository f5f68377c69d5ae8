"""The partnership's members: a translatable snippet, and the page that lists them."""

import datetime
from html import unescape

from rest_framework import serializers

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.shortcuts import get_object_or_404
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import DraftStateMixin, PreviewableMixin, RevisionMixin, TranslatableMixin, WorkflowMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.content_events import cached_for_content, public_content
from home.models import ContentPage
from home.site_address import absolute_url
from home.text import fold

from .choices import DatePrecision, Role, Sector, SocialEconomyKind
from .presenters import PartnerListing
from .serializers import CoordinateField, PartnerHtmlUrlField, PartnerLogoField

DESCRIPTION_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class PartnerQuerySet(models.QuerySet):
    def visible(self):
        """What visitors and the API see: published, active partners."""
        return self.filter(live=True, is_active=True)

    def in_sector(self, sector):
        return self.filter(sector=sector) if sector else self

    def matching(self, text):
        """Partners whose name or short name contains ``text``, ignoring case and diacritics."""
        folded = fold(text or "").strip()
        return self.filter(name_search__contains=folded) if folded else self


@public_content
class Partner(
    PreviewableMixin, WorkflowMixin, DraftStateMixin, RevisionMixin, TranslatableMixin, index.Indexed, models.Model
):
    """A member of the partnership, one record per language sharing a ``translation_key``.

    Drafts are supported so that an accepted membership application can become an unpublished partner that
    an editor reviews before it goes live (``live=False``); visitors and the API see live partners only.
    Changes go through the editorial workflow ("Akceptacja sekretarza", assigned to this model by
    ``editorial.workflow.setup_workflow``): whoever may not publish submits them, and a Moderator's approval
    publishes them.
    """

    name = models.CharField(_("name"), max_length=255)
    short_name = models.CharField(_("short name or acronym"), max_length=64, blank=True)
    slug = models.SlugField(
        _("slug"), max_length=255, help_text=_("The last part of the partner's address on the site.")
    )
    sector = models.CharField(_("sector"), max_length=32, choices=Sector.choices)
    social_economy_kind = models.CharField(
        _("kind of social economy entity"),
        max_length=32,
        choices=SocialEconomyKind.choices,
        blank=True,
        help_text=_("Only for social economy entities."),
    )
    role = models.CharField(_("role in the partnership"), max_length=16, choices=Role.choices, default=Role.MEMBER)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    logo_alt = models.CharField(
        _("logo alternative text"),
        max_length=255,
        blank=True,
        help_text=_("Describes the logo for people who cannot see it; required with a logo."),
    )
    description = RichTextField(_("description"), features=DESCRIPTION_FEATURES, blank=True)
    website = models.URLField(_("website"), max_length=500, blank=True)
    # The institution's public contact, for visitors, the API and search engines: an office's address, never the
    # personal contact given in a membership application (that stays with the application).
    public_email = models.EmailField(
        _("public e-mail of the institution"),
        blank=True,
        help_text=_(
            "Published on the site and in the API. An institutional address (office, secretariat), not a person's."
        ),
    )
    public_phone = models.CharField(
        _("public phone of the institution"),
        max_length=50,
        blank=True,
        help_text=_("Published on the site and in the API. An institutional number, not a person's."),
    )
    street = models.CharField(_("street"), max_length=255, blank=True)
    postcode = models.CharField(_("postcode"), max_length=12, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    member_since = models.DateField(
        _("member since"),
        null=True,
        blank=True,
        help_text=_("When only the month or the year is known, pick any day of it and set the precision."),
    )
    member_since_precision = models.CharField(
        _("precision of “member since”"),
        max_length=8,
        choices=DatePrecision.choices,
        default=DatePrecision.MONTH,
    )
    is_active = models.BooleanField(
        _("active"), default=True, help_text=_("Inactive partners are kept but not shown on the site.")
    )
    is_demo = models.BooleanField(
        _("demo data"),
        default=False,
        editable=False,
        help_text=_("Made by “manage.py generate_demo_data”; not a real partner."),
    )
    # Name and short name folded by ``fold()``: searching "koziolek" finds "KOZIOŁEK" on any database.
    name_search = models.CharField(max_length=400, editable=False, default="")

    objects = PartnerQuerySet.as_manager()

    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("short_name"),
        SynchronizedField("slug"),
        SynchronizedField("sector"),
        SynchronizedField("social_economy_kind"),
        SynchronizedField("role"),
        SynchronizedField("logo"),
        TranslatableField("logo_alt"),
        TranslatableField("description"),
        SynchronizedField("website"),
        SynchronizedField("public_email"),
        SynchronizedField("public_phone"),
        SynchronizedField("street"),
        SynchronizedField("postcode"),
        SynchronizedField("city"),
        SynchronizedField("latitude"),
        SynchronizedField("longitude"),
        SynchronizedField("member_since"),
        SynchronizedField("member_since_precision"),
        SynchronizedField("is_active"),
    ]

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldPanel("short_name"),
                FieldPanel("slug"),
                FieldRowPanel([FieldPanel("sector"), FieldPanel("social_economy_kind")]),
                FieldPanel("role"),
                FieldRowPanel([FieldPanel("member_since"), FieldPanel("member_since_precision")]),
                FieldPanel("is_active"),
            ],
            heading=_("Partner"),
        ),
        MultiFieldPanel([FieldPanel("logo"), FieldPanel("logo_alt"), FieldPanel("description")], heading=_("Profile")),
        MultiFieldPanel(
            [
                FieldPanel("website"),
                FieldPanel("public_email"),
                FieldPanel("public_phone"),
                FieldPanel("street"),
                FieldRowPanel([FieldPanel("postcode"), FieldPanel("city")]),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Public contact and location"),
        ),
    ]

    api_fields = [
        APIField("name"),
        APIField("short_name"),
        APIField("slug"),
        APIField("sector"),
        APIField("sector_label"),
        APIField("social_economy_kind"),
        APIField("kind_label"),
        APIField("role"),
        APIField("role_label"),
        APIField("logo", serializer=PartnerLogoField()),
        APIField("description"),
        APIField("website"),
        APIField("public_email"),
        APIField("public_phone"),
        APIField("street"),
        APIField("postcode"),
        APIField("city"),
        APIField("latitude", serializer=CoordinateField()),
        APIField("longitude", serializer=CoordinateField()),
        # ISO 8601 with only what is known: "2010-11" for November 2010.
        APIField("member_since", serializer=serializers.CharField(source="member_since_iso", read_only=True)),
        APIField("member_since_precision"),
        APIField("is_active"),
    ]
    api_meta_fields = [
        APIField("html_url", serializer=PartnerHtmlUrlField()),
    ]

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("short_name"),
        index.SearchField("city"),
        index.FilterField("locale"),
        index.FilterField("sector"),
        index.FilterField("is_active"),
        index.FilterField("live"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="partners_partner_unique_slug_per_locale"),
        ]
        indexes = [
            models.Index(fields=["locale", "live", "is_active", "sector"], name="partners_listing_idx"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.name_search = self.folded_name()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and ({"name", "short_name"} & set(update_fields)):
            kwargs["update_fields"] = {*update_fields, "name_search"}
        super().save(*args, **kwargs)

    def folded_name(self):
        return fold(f"{self.name} {self.short_name}".strip())

    def is_searchable(self):
        """Whether the site search may show this partner (``settings.SEARCH_MODELS``): what visitors see."""
        return self.live and self.is_active

    def get_url(self, request=None):
        """The partner's page under the partner index page of its language, if that page is live."""
        index = PartnerIndexPage.objects.live().filter(locale_id=self.locale_id).first()
        return index.partner_url(self, index.get_url(request)) if index else None

    def clean(self):
        super().clean()
        errors = {}
        if self.sector == Sector.SOCIAL_ECONOMY:
            if not self.social_economy_kind:
                errors["social_economy_kind"] = _("Choose the kind of social economy entity.")
        elif self.social_economy_kind:
            errors["social_economy_kind"] = _("Only social economy entities have a kind.")
        if self.logo_id and not self.logo_alt.strip():
            errors["logo_alt"] = _("Describe the logo for people who cannot see it.")
        if (self.latitude is None) != (self.longitude is None):
            errors["longitude" if self.longitude is None else "latitude"] = _(
                "Give both latitude and longitude, or neither."
            )
        if self.slug and self.locale_id:
            clash = Partner.objects.filter(locale_id=self.locale_id, slug=self.slug).exclude(pk=self.pk)
            if clash.exists():
                errors["slug"] = _("Another partner in this language already has this slug.")
        if errors:
            raise ValidationError(errors)
        self.member_since = normalise_date(self.member_since, self.member_since_precision)

    @property
    def member_since_iso(self):
        """ISO 8601 with only what is known: "2010-11" for November 2010."""
        if self.member_since is None:
            return ""
        if self.member_since_precision == DatePrecision.YEAR:
            return f"{self.member_since.year:04d}"
        if self.member_since_precision == DatePrecision.MONTH:
            return f"{self.member_since.year:04d}-{self.member_since.month:02d}"
        return self.member_since.isoformat()

    @property
    def sector_label(self) -> str:
        return self.get_sector_display()

    @property
    def kind_label(self) -> str:
        return self.get_social_economy_kind_display() if self.social_economy_kind else ""

    @property
    def role_label(self) -> str:
        return self.get_role_display()

    def get_preview_template(self, request, mode_name):
        return "partners/partner_detail.html"

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        context["partner"] = self
        return context


def normalise_date(value, precision):
    """The first day of the month or year when only that much is known, so equal facts compare equal."""
    if value is None:
        return None
    if precision == DatePrecision.YEAR:
        return datetime.date(value.year, 1, 1)
    if precision == DatePrecision.MONTH:
        return datetime.date(value.year, value.month, 1)
    return value


class PartnerIndexPage(RoutablePageMixin, ContentPage):
    """ "Partnerzy" / "Partners": the live, active partners of the page's language, each with a detail page below.

    Filters are query parameters (``?sector=ngo&q=lub&page=2``) so that every filtered view has its own URL.
    """

    partners_per_page = 20

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    # The partners themselves are served by /api/v2/partners/, filtered as this page filters them.
    api_fields = ContentPage.api_fields

    class Meta:
        verbose_name = _("partner index page")
        verbose_name_plural = _("partner index pages")

    def partners(self):
        return Partner.objects.visible().filter(locale_id=self.locale_id)

    def get_sitemap_urls(self, request=None):
        """The page itself and every partner's page below it, each keyed by the partner for hreflang pairing."""
        urls = super().get_sitemap_urls(request)
        if not urls or not urls[0]["location"]:
            return urls
        index_url = urls[0]["location"]
        partners = self.partners().order_by("slug").values_list("slug", "translation_key", "last_published_at")
        for slug, translation_key, updated in partners:
            # Every entry has a date, so that the sitemap answers with Last-Modified.
            lastmod = updated or urls[0]["lastmod"]
            urls.append(
                {"location": f"{index_url}{slug}/", "translation_key": f"partner:{translation_key}", "lastmod": lastmod}
            )
        return urls

    def partner_and_translation_paths(self, request, partner_slug):
        """The live, active partner at ``partner_slug`` (with its logo and locale) and ``[(language, path)]`` of its
        live, active translations whose language has a live partners page; 404 if there is no such partner."""
        partner = get_object_or_404(self.partners().select_related("logo", "locale"), slug=partner_slug)
        translations = (
            Partner.objects.visible()
            .filter(translation_key=partner.translation_key)
            .exclude(pk=partner.pk)
            .select_related("locale")
        )
        paths = []
        for other in translations:
            other_index = self.get_translation_or_none(other.locale)
            if other_index is not None and other_index.live:
                paths.append((other.locale.language_code, other_index.get_url(request) + f"{other.slug}/"))
        return partner, paths

    def partner_url(self, partner, index_url):
        return f"{index_url}{partner.slug}/"

    @path("")
    def index_route(self, request, *args, **kwargs):
        listing = PartnerListing(self, request)
        # Page N of the whole list is its own canonical URL; a filtered view points to the whole list (seo_meta).
        page_obj = None if listing.is_filtered else listing.page_obj
        # The sector and the name mean the same on the other language's index: the language switch keeps them.
        return self.render(
            request,
            context_overrides={"listing": listing, "page_obj": page_obj, "language_query": listing.query_string()},
        )

    @path("<slug:partner_slug>/", name="partner")
    def partner_route(self, request, partner_slug):
        # The partner and the paths of its other languages' pages, once per content version (live rows only).
        partner, translation_paths = cached_for_content(
            request,
            "partner-page",
            (request.get_host(), self.pk, partner_slug),
            lambda: self.partner_and_translation_paths(request, partner_slug),
        )
        # Full URLs from the site's address (home.site_address), never from the request's Host header.
        index_url = self.get_url(request)
        partner_url = self.partner_url(partner, self.get_full_url(request))
        alternates = [(partner.locale.language_code, partner_url)]
        alternates += [(code, absolute_url(other_path, request, self)) for code, other_path in translation_paths]
        return self.render(
            request,
            template="partners/partner_detail.html",
            context_overrides={
                "partner": partner,
                "index_url": index_url,
                "alternates": alternates,
                "partner_url": partner_url,
                # What search engines and link previews are told: this partner, not the index page.
                "seo": {
                    "title": partner.name,
                    "description": unescape(strip_tags(partner.description)) or partner.name,
                    "canonical": partner_url,
                    "image": partner.logo,
                },
            },
        )
