import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from django.utils import timezone

from wagtail.models import Locale

from newsletter.models import ConsentEvent, ConsentText, NewsletterIssue, NewsletterPage, Subscriber, random_key


class ConsentTextFactory(DjangoModelFactory):
    language = "pl"
    text = factory.Sequence(lambda n: f"Zgoda testowa nr {n}: wyrażam zgodę na otrzymywanie newslettera.")

    class Meta:
        model = ConsentText


class SubscriberFactory(DjangoModelFactory):
    """A subscriber with the history a signup leaves: its request and, for ``confirmed=True``, the confirmation."""

    email = factory.Sequence(lambda n: f"czytelnik{n}@example.org")
    language = "pl"
    status = Subscriber.Status.PENDING
    confirmation_sent_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = Subscriber
        skip_postgeneration_save = True

    class Params:
        confirmed = factory.Trait(status=Subscriber.Status.CONFIRMED)

    @factory.post_generation
    def history(subscriber, create, extracted, **kwargs):
        """``history__consent_text``, ``history__ip``… override the request's details."""
        if not create:
            return
        consent_text = (
            kwargs.get("consent_text")
            or ConsentText.current(subscriber.language)
            or ConsentTextFactory(language=subscriber.language)
        )
        request = ConsentEvent.objects.create(
            subscriber=subscriber,
            kind=ConsentEvent.Kind.REQUESTED,
            language=subscriber.language,
            consent_text=consent_text,
            consent_text_sha256=consent_text.sha256,
            source=kwargs.get("source", f"http://testserver/{subscriber.language}/"),
            ip=kwargs.get("ip", "192.0.2.10"),
            user_agent=kwargs.get("user_agent", "Mozilla/5.0 (test)"),
            key=random_key(),
        )
        if subscriber.status == Subscriber.Status.CONFIRMED:
            ConsentEvent.objects.create(
                subscriber=subscriber,
                kind=ConsentEvent.Kind.CONFIRMED,
                language=subscriber.language,
                consent_text=request.consent_text,
                consent_text_sha256=request.consent_text_sha256,
                source=request.source,
                ip=request.ip,
                request=request,
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
