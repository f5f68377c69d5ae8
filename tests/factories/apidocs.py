import factory
import wagtail_factories

from wagtail.models import Locale

from apidocs.models import ApiDocsPage


class ApiDocsPageFactory(wagtail_factories.PageFactory):
    title = "API dla portali partnerskich"
    locale = factory.LazyAttribute(lambda o: o.parent.locale if o.parent else Locale.get_default())

    class Meta:
        model = ApiDocsPage
