"""The fixed vocabularies of a partner: sector, kind of social economy entity, role, date precision."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Sector(models.TextChoices):
    PUBLIC = "public", _("public institution")
    BUSINESS = "business", _("business")
    NGO = "ngo", _("non-governmental organisation")
    SOCIAL_ECONOMY = "social_economy", _("social economy entity")


class SocialEconomyKind(models.TextChoices):
    SOCIAL_COOPERATIVE = "social_cooperative", _("social cooperative")
    CIS = "cis", _("social integration centre (CIS)")
    KIS = "kis", _("social integration club (KIS)")
    ZAZ = "zaz", _("vocational activity establishment (ZAZ)")
    WTZ = "wtz", _("occupational therapy workshop (WTZ)")
    OTHER = "other", _("other social economy entity")


class Role(models.TextChoices):
    INITIATOR = "initiator", _("initiator")
    MEMBER = "member", _("member")


class DatePrecision(models.TextChoices):
    """How much of ``member_since`` is known: "November 2010" is stored as 2010-11-01 with precision "month"."""

    DAY = "day", _("day")
    MONTH = "month", _("month")
    YEAR = "year", _("year")
