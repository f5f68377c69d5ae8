"""One base URL: every absolute URL the site emits comes from its configured address (the default Wagtail Site
record, docs/DEPLOYMENT.md), never from the request's ``Host`` header."""

import io
import re
from datetime import timedelta

import icalendar
import pytest

from django.core import mail
from django.core.management import call_command
from django.test import RequestFactory
from django.utils import timezone

from wagtail.models import Site

from membership.models import AccessionPage
from membership.views import confirm_address_url
from news.feeds import entry_id

from ..factories.membership import MembershipApplicationFactory
from ..factories.news import EventPageFactory, NewsPageFactory
from ..newsletter_tests.conftest import form_data

pytestmark = pytest.mark.django_db

ADDRESS = "https://partnerstwo.example.org"
# Both are in the test settings' ALLOWED_HOSTS; neither is the site's address.
HOSTS = ("testserver", "localhost")
ABSOLUTE_URL = re.compile(r"""(?:https?:)?//[^\s"'<>()\\]+""")


@pytest.fixture
def site_address(settings):
    """The site's address differs from every host name the requests use."""
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "partnerstwo.example.org", 443
    site.save()
    settings.WAGTAILADMIN_BASE_URL = settings.WAGTAILAPI_BASE_URL = ADDRESS
    return ADDRESS


@pytest.fixture
def content(news_index_pl, news_index_en, event_index_pl):
    now = timezone.now()
    return {
        "news": NewsPageFactory(parent=news_index_pl, title="Walne zebranie", lead="Zapraszamy."),
        "event": EventPageFactory(parent=event_index_pl, title="Spotkanie", start=now + timedelta(days=9)),
        "past": EventPageFactory(parent=event_index_pl, title="Dawne spotkanie", start=now - timedelta(days=40)),
    }


def resources(content):
    event = content["event"].url
    return [
        "/pl/",
        "/en/",
        "/pl/partnerzy/",
        "/pl/partnerzy/koziolek/",
        "/en/partners/koziolek/",
        "/pl/aktualnosci/",
        content["news"].url,
        "/pl/wydarzenia/",
        "/pl/wydarzenia/archive/",
        event,
        "/sitemap.xml",
        "/robots.txt",
        "/pl/aktualnosci/rss/",
        "/pl/aktualnosci/atom/",
        "/en/news/rss/",
        "/en/news/atom/",
        "/pl/wydarzenia/ical/",
        f"{event}ical/",
        "/api/v2/pages/?locale=pl",
        "/api/v2/partners/?locale=pl",
    ]


def fetch(client, url, host):
    response = client.get(url, HTTP_HOST=host)
    assert response.status_code == 200, (url, host, response.status_code)
    body = response.content.decode()
    if response["Content-Type"].startswith("text/calendar"):
        # DTSTAMP is the time the file was made (RFC 5545 with METHOD:PUBLISH): the one line allowed to differ.
        body = re.sub(r"(?m)^DTSTAMP:.*\r?\n", "", body)
    return body


def test_every_resource_names_the_same_absolute_urls_under_any_host_name(client, site_address, content):
    for url in resources(content):
        bodies = [fetch(client, url, host) for host in HOSTS]

        assert bodies[0] == bodies[1], url
        for body in bodies:
            for host in HOSTS:
                assert f"//{host}" not in body, (url, host)
        own = [found for found in ABSOLUTE_URL.findall(bodies[0]) if "partnerstwo" in found]
        assert all(found.startswith(ADDRESS) for found in own), (url, own)


def test_pages_sitemap_robots_feeds_and_calendar_name_the_sites_address(client, site_address, content):
    page = fetch(client, "/pl/partnerzy/koziolek/", "localhost")
    assert f'<link rel="canonical" href="{ADDRESS}/pl/partnerzy/koziolek/">' in page
    assert f'hreflang="en" href="{ADDRESS}/en/partners/koziolek/"' in page
    assert f'"url": "{ADDRESS}/pl/partnerzy/koziolek/"' in page  # JSON-LD

    assert f"Sitemap: {ADDRESS}/sitemap.xml" in fetch(client, "/robots.txt", "localhost").splitlines()
    assert f"<loc>{ADDRESS}/pl/</loc>" in fetch(client, "/sitemap.xml", "localhost")

    atom = fetch(client, "/pl/aktualnosci/atom/", "localhost")
    assert f'<link href="{ADDRESS}/pl/aktualnosci/" rel="alternate"/>' in atom
    assert f"<id>{entry_id(content['news'])}</id>" in atom

    calendar = icalendar.Calendar.from_ical(fetch(client, "/pl/wydarzenia/ical/", "localhost"))
    (event,) = calendar.walk("VEVENT")
    assert str(event["URL"]) == ADDRESS + content["event"].url
    assert str(event["UID"]) == str(content["event"].translation_key)

    partners = client.get("/api/v2/partners/?locale=pl", HTTP_HOST="localhost").json()
    assert partners["items"][0]["meta"]["html_url"].startswith(f"{ADDRESS}/pl/partnerzy/")


def test_calendar_uids_and_atom_ids_are_the_same_under_every_host_and_every_request(client, site_address, content):
    uids = [
        [str(event["UID"]) for event in icalendar.Calendar.from_ical(fetch(client, url, host)).walk("VEVENT")]
        for url in ("/pl/wydarzenia/ical/", f"{content['event'].url}ical/")
        for host in (*HOSTS, HOSTS[0])
    ]
    ids = [re.findall(r"<id>([^<]+)</id>", fetch(client, "/pl/aktualnosci/atom/", host)) for host in (*HOSTS, HOSTS[0])]

    assert all(found == [str(content["event"].translation_key)] for found in uids)
    assert ids[0] == ids[1] == ids[2]
    # Derived from the page's translation key, not from its URL, the host or the time.
    assert entry_id(content["news"]) in ids[0]
    assert entry_id(content["news"]).startswith("urn:uuid:")


def test_emails_link_to_the_sites_address_whatever_host_the_form_was_sent_to(client, site_address):
    client.post("/pl/newsletter/subscribe/", form_data("czytelniczka@example.org", "pl"), HTTP_HOST="localhost")
    (message,) = mail.outbox
    assert f"{ADDRESS}/pl/newsletter/confirm/" in message.body
    assert "localhost" not in message.body

    page = AccessionPage.objects.get(locale__language_code="pl")
    application = MembershipApplicationFactory()
    links = {confirm_address_url(RequestFactory().get("/", HTTP_HOST=host), page, application) for host in HOSTS}
    (link,) = links
    assert link.startswith(f"{ADDRESS}/pl/jak-przystapic/")


def test_a_check_warns_when_a_base_url_setting_disagrees_with_the_site_record(settings, site_address):
    agreeing, disagreeing = io.StringIO(), io.StringIO()
    call_command("check", "--tag", "seo", stdout=agreeing, stderr=agreeing)
    settings.WAGTAILAPI_BASE_URL = "http://api.example.org"

    call_command("check", "--tag", "seo", stdout=disagreeing, stderr=disagreeing)

    assert "seo.W002" not in agreeing.getvalue()
    assert "seo.W002" in disagreeing.getvalue() and "http://api.example.org" in disagreeing.getvalue()
