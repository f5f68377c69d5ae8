import datetime

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from wagtail.models import Locale

from partners.models import DatePrecision, Partner, PartnerIndexPage, Role, Sector


class PartnerFactory(DjangoModelFactory):
    """A live, active Polish partner; pass ``locale=`` for another language."""

    class Meta:
        model = Partner

    locale = factory.LazyFunction(Locale.get_default)
    name = factory.Sequence(lambda n: f"Stowarzyszenie Testowe {n:04d}")
    slug = factory.Sequence(lambda n: f"stowarzyszenie-testowe-{n:04d}")
    sector = Sector.NGO
    role = Role.MEMBER
    city = "Lublin"
    member_since = datetime.date(2012, 5, 1)
    member_since_precision = DatePrecision.MONTH
    is_active = True
    live = True


class PartnerIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = PartnerIndexPage

    title = "Partnerzy"
    slug = "partnerzy"
