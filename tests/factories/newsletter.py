import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from django.utils import timezone

from wagtail.models import Locale

from newsletter.models import ConsentText, NewsletterIssue, NewsletterPage, Subscriber


class ConsentTextFactory(DjangoModelFactory):
    language = "pl"
    text = factory.Sequence(lambda n: f"Zgoda testowa nr {n}: wyrażam zgodę na otrzymywanie newslettera.")

    class Meta:
        model = ConsentText


class SubscriberFactory(DjangoModelFactory):
    email = factory.Sequence(lambda n: f"czytelnik{n}@example.org")
    language = "pl"
    status = Subscriber.Status.PENDING
    consent_text = factory.LazyAttribute(
        lambda o: ConsentText.current(o.language) or ConsentTextFactory(language=o.language)
    )
    consent_text_sha256 = factory.LazyAttribute(lambda o: o.consent_text.sha256)
    consent_source = "http://testserver/pl/"
    consented_at = factory.LazyFunction(timezone.now)
    consent_ip = "192.0.2.10"
    consent_user_agent = "Mozilla/5.0 (test)"
    confirmation_sent_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = Subscriber

    class Params:
        confirmed = factory.Trait(
            status=Subscriber.Status.CONFIRMED,
            confirmed_at=factory.LazyFunction(timezone.now),
            confirmation_ip="192.0.2.10",
        )


class NewsletterIssueFactory(DjangoModelFactory):
    subject = factory.Sequence(lambda n: f"Wydanie {n}: zaproszenie na spotkanie")
    body = "<p>Treść wydania z polskimi znakami: zażółć gęślą jaźń.</p>"
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = NewsletterIssue


class NewsletterPageFactory(wagtail_factories.PageFactory):
    title = "NewsLetter"
    intro = "Jeśli chcesz otrzymywać najświeższe informacje dodaj swój adres e-mail do naszej bazy."

    class Meta:
        model = NewsletterPage
