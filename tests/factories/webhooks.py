import factory
from factory.django import DjangoModelFactory

from webhooks.models import ContentKind, WebhookEndpoint


class WebhookEndpointFactory(DjangoModelFactory):
    """An active endpoint following every kind of content in both languages; pass ``url=`` (the test receiver)."""

    class Meta:
        model = WebhookEndpoint

    name = factory.Sequence(lambda n: f"Portal {n}")
    url = "https://portal.example.org/webhooks/"
    languages = factory.LazyFunction(lambda: ["pl", "en"])
    content_types = factory.LazyFunction(lambda: list(ContentKind.values))
