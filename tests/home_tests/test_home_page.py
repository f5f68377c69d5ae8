"""The home page: what the partnership does and for whom, three calls to action, the pull quote, the next events
with date badges, the latest news and the partners' logos — each from content editors change, in both languages."""

import re
from datetime import timedelta

import pytest

from django.core.management import call_command
from django.utils import timezone

from home.content import MISSION, PULL_QUOTE, QUOTE_ATTRIBUTION
from home.models import HomePage
from news.models import EventPage

from ..factories.partners import PartnerFactory

pytestmark = pytest.mark.django_db

CALLS_TO_ACTION = {
    "pl": [
        ("Przystąp do Partnerstwa", "/pl/jak-przystapic/deklaracja-online/"),
        ("Partnerzy", "/pl/partnerzy/"),
        ("Najbliższe wydarzenia", "/pl/wydarzenia/"),
    ],
    "en": [
        ("Join the Partnership", "/en/how-to-join/online-declaration/"),
        ("Partners", "/en/partners/"),
        ("Upcoming events", "/en/events/"),
    ],
}


def hero(html):
    return html.split('class="home-hero"', 1)[1].split("</section>", 1)[0]


@pytest.mark.parametrize("language", ["pl", "en"])
def test_first_screen_says_what_the_partnership_does_and_offers_three_calls_to_action(client, language):
    section = hero(client.get(f"/{language}/").content.decode())

    assert getattr(MISSION, language) in section
    links = re.findall(r'<a class="button[^"]*" href="([^"]+)">([^<]+)</a>', section)
    assert [(text, href) for href, text in links] == CALLS_TO_ACTION[language]


@pytest.mark.parametrize("language", ["pl", "en"])
def test_founding_quote_is_a_pull_quote_with_its_source(client, language):
    html = client.get(f"/{language}/").content.decode()

    quote = re.search(r'<div class="home-quote"><figure class="quote">(.*?)</figure>', html, re.S).group(1)
    assert getattr(PULL_QUOTE, language) in re.search(r"<blockquote>(.*?)</blockquote>", quote, re.S).group(1)
    caption = re.search(r"<figcaption>(.*?)</figcaption>", quote, re.S).group(1)
    assert getattr(QUOTE_ATTRIBUTION, language) in caption
    assert "<cite" in caption


def test_without_upcoming_events_the_section_says_so(client):
    html = client.get("/en/").content.decode()

    assert "No events are planned at the moment." in html
    assert "date-badge" not in html


def test_an_upcoming_event_has_a_date_badge(client, event_index_pl):
    start = timezone.localtime(timezone.now() + timedelta(days=10)).replace(hour=10, minute=0, second=0)
    event_index_pl.add_child(instance=EventPage(title="Forum ekonomii społecznej", slug="forum", start=start))

    html = client.get("/pl/").content.decode()

    badge = re.search(r'<p class="date-badge" aria-hidden="true">(.*?)</p>', html, re.S).group(1)
    assert f'<span class="date-badge__day">{start.day}</span>' in badge
    assert "Forum ekonomii społecznej" in html


def test_partners_wall_shows_a_logo_or_a_monogram_linking_to_each_partner(client):
    PartnerFactory(name="Stowarzyszenie Razem Lublin", short_name="", slug="razem")

    html = client.get("/pl/").content.decode()

    wall = html.split('class="logo-wall"', 1)[1].split("</section>", 1)[0]
    assert '<span class="logo-wall__monogram" aria-hidden="true">KO</span>' in wall  # KOZIOŁEK, no logo
    assert '<span class="logo-wall__monogram" aria-hidden="true">SR</span>' in wall
    assert 'href="/pl/partnerzy/razem/"' in wall
    assert wall.index("KOZIOŁEK") < wall.index("Razem"), "the initiator comes first"


@pytest.mark.parametrize("language", ["pl", "en"])
def test_home_page_renders_within_the_query_budget(client, django_assert_max_num_queries, language):
    """The budget of bench/measure.py --cold: 25 queries for a render with no cached fragment."""
    for number in range(3):
        PartnerFactory(name=f"Partner budżetowy {number}", slug=f"partner-budzetowy-{number}")
    with django_assert_max_num_queries(25):
        response = client.get(f"/{language}/?cold")
    assert response.status_code == 200


def test_a_site_loaded_before_the_home_sections_existed_gets_them_once(locale_pl, locale_en):
    home = HomePage.objects.get(locale=locale_pl)
    home.hero_links = []
    home.pull_quote = []
    home.save_revision().publish()

    call_command("load_content", verbosity=0, stdout=open("/dev/null", "w"))  # noqa: SIM115

    home = HomePage.objects.get(locale=locale_pl)
    assert [block.value["text"] for block in home.hero_links][0] == "Przystąp do Partnerstwa"
    assert len(home.pull_quote) == 1
    english = home.get_translation(locale_en)
    assert [block.value["text"] for block in english.hero_links][0] == "Join the Partnership"


def test_loading_the_content_again_changes_nothing_an_editor_filled_in(locale_pl):
    home = HomePage.objects.get(locale=locale_pl)
    home.intro = "Zdanie redaktora."
    home.save_revision().publish()

    call_command("load_content", verbosity=0, stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert HomePage.objects.get(locale=locale_pl).intro == "Zdanie redaktora."
