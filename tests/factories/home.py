import factory
import wagtail_factories

from wagtail.models import Locale

from home.models import AccessibilityStatementPage, PrivacyPage, StandardPage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Strona {n}")
    intro = "Wstęp"
    locale = factory.LazyAttribute(lambda o: o.parent.locale if o.parent else Locale.get_default())

    class Meta:
        model = StandardPage


class AccessibilityStatementPageFactory(wagtail_factories.PageFactory):
    title = "Deklaracja dostępności"
    locale = factory.LazyAttribute(lambda o: o.parent.locale if o.parent else Locale.get_default())
    publication_date = factory.Faker("date_object")
    last_update_date = factory.SelfAttribute("publication_date")
    prepared_date = factory.SelfAttribute("publication_date")
    reviewed_date = factory.SelfAttribute("publication_date")
    preparation = "<p>Samoocena.</p>"
    complaints_procedure = "<p>Procedura.</p>"
    architectural_accessibility = "<p>Budynek.</p>"
    mobile_apps = "<p>Brak aplikacji.</p>"

    class Meta:
        model = AccessibilityStatementPage


class PrivacyPageFactory(wagtail_factories.PageFactory):
    title = "Polityka prywatności"
    locale = factory.LazyAttribute(lambda o: o.parent.locale if o.parent else Locale.get_default())

    class Meta:
        model = PrivacyPage
