import factory
import wagtail_factories

from wagtail.models import Locale

from .models import ContactDetails, ContactPage, HomePage, StandardPage


class HomePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Strona główna {n}")
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Strona {n}")
    intro = "Wstęp"
    locale = factory.LazyAttribute(lambda o: o.parent.locale if o.parent else Locale.get_default())

    class Meta:
        model = StandardPage


class ContactPageFactory(wagtail_factories.PageFactory):
    title = "Kontakt"
    locale = factory.LazyAttribute(lambda o: o.parent.locale if o.parent else Locale.get_default())

    class Meta:
        model = ContactPage


class ContactDetailsFactory(factory.django.DjangoModelFactory):
    organisation_name = "Lubelskie Partnerstwo na Rzecz Rozwoju Ekonomii Społecznej"
    secretary_title = "Sekretarz"
    secretary_name = "Ewelina Jocek"
    office_title = "Biuro"
    office_name = "Biuro FLOP"
    street = "ul. 3 Maja 10/6"
    postcode = "20-078"
    city = "Lublin"
    phone = "81 534 70 04"
    email = "partnerstwoeslublin@gmail.com"
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = ContactDetails
