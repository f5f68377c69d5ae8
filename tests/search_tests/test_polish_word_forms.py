"""Word forms a Polish reader types, taken from the site's own text, each finding its page in the site search and
in the API: cases of nouns, plurals, adjectives, verbal nouns, names; with and without diacritics."""

import re
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.django_db

# (what a reader types, the page whose text has another form of it: the form there in the comment)
POLISH_FORMS = [
    ("wykluczeniem", "/pl/o-partnerstwie/"),  # wykluczenia: a verbal noun in another case
    ("wykluczenie", "/pl/o-partnerstwie/"),
    ("Koziołka", "/pl/"),  # KOZIOŁEK: the cooperative's name, genitive
    ("koziolkiem", "/pl/o-partnerstwie/"),  # without diacritics, instrumental
    ("spoldzielnia", "/pl/"),  # Spółdzielni: without diacritics
    ("spółdzielnie", "/pl/"),  # plural
    ("socjalną", "/pl/o-partnerstwie/"),  # Socjalnej: adjective
    ("partnerstwa", "/pl/o-partnerstwie/"),
    ("partnerstwem", "/pl/"),
    ("deklaracji", "/pl/jak-przystapic/"),  # Deklaracja
    ("deklaracjami", "/pl/deklaracja-dostepnosci/"),  # deklaracje
    ("ekonomią", "/pl/"),  # Ekonomii
    ("ekonomia", "/pl/o-partnerstwie/"),
    ("społeczna", "/pl/"),  # Społecznej
    ("spolecznych", "/pl/"),  # społecznej, społeczne: without diacritics
    ("przedsiębiorstwo", "/pl/"),  # przedsiębiorstw: plural genitive
    ("przedsiebiorstwami", "/pl/o-partnerstwie/"),
    ("współpraca", "/pl/"),  # współpracy
    ("wspolpracy", "/pl/o-partnerstwie/"),
    ("instytucja", "/pl/"),  # instytucji
    ("instytucjom", "/pl/jak-przystapic/"),  # Instytucje
    ("organizacja", "/pl/"),  # organizacji
    ("sektorów", "/pl/"),  # sektora
    ("sektorze", "/pl/"),
    ("publiczny", "/pl/"),  # publicznego: adjective
    ("rynkowych", "/pl/o-partnerstwie/"),  # rynkowe
    ("pozarządowa", "/pl/"),  # pozarządowego
    ("zewnętrzny", "/pl/o-partnerstwie/"),  # zewnętrznymi
    ("lokalnych", "/pl/o-partnerstwie/"),  # lokalne, lokalnym
    ("rodzina", "/pl/"),  # rodziny
    ("rodzinom", "/pl/"),
    ("problem", "/pl/"),  # problemy
    ("problemami", "/pl/o-partnerstwie/"),
    ("osoba", "/pl/"),  # osoby
    ("osobami", "/pl/"),
    ("klimat", "/pl/"),  # klimacie, klimatu
    ("relacja", "/pl/o-partnerstwie/"),  # relacje, relacji
    ("celami", "/pl/o-partnerstwie/"),  # celów
    ("wspólnota", "/pl/o-partnerstwie/"),  # wspólnotom, wspólnoty
    ("korzyść", "/pl/o-partnerstwie/"),  # korzyści
    ("odpowiedzialność", "/pl/o-partnerstwie/"),  # odpowiedzialności
    ("Lublin", "/pl/"),  # w Lublinie: a place name
    ("Lublinem", "/pl/o-partnerstwie/"),
    ("lubelski", "/pl/"),  # Lubelskie, Lubelskiej
    ("lubelskiego", "/pl/jak-przystapic/"),
    ("rozwojem", "/pl/"),  # Rozwoju
    ("inicjatywa", "/pl/"),  # inicjatywy
    ("listopad", "/pl/"),  # listopadzie
    ("dokument", "/pl/jak-przystapic/"),  # dokumentami, Dokumenty
    ("dokumentów", "/pl/dokumenty/"),
    ("sekretarz", "/pl/jak-przystapic/"),  # sekretarzem
    ("sekretarza", "/pl/dokumenty/"),
    ("biuro", "/pl/jak-przystapic/"),  # biurem
    ("przystąpienie", "/pl/jak-przystapic/"),  # przystąpieniem: verbal noun
    ("przystapienia", "/pl/jak-przystapic/deklaracja-online/"),  # without diacritics
    ("formularze", "/pl/jak-przystapic/deklaracja-online/"),  # formularz
    ("zgłoszeniem", "/pl/jak-przystapic/deklaracja-online/"),  # Zgłoszenie
    ("danych", "/pl/polityka-prywatnosci/"),  # dane
    ("przetwarzanie", "/pl/polityka-prywatnosci/"),  # przetwarzania, przetwarzamy
    ("zgoda", "/pl/polityka-prywatnosci/"),  # zgody
    ("skargi", "/pl/polityka-prywatnosci/"),  # skargę
    ("dostępność", "/pl/deklaracja-dostepnosci/"),  # dostępności
    ("dostepnosc", "/pl/deklaracja-dostepnosci/"),
    ("przeglądarką", "/pl/deklaracja-dostepnosci/"),  # przeglądarce
    ("klawiatura", "/pl/deklaracja-dostepnosci/"),  # klawiaturą
    ("ekranem", "/pl/deklaracja-dostepnosci/"),  # ekranu
    ("czytnik", "/pl/deklaracja-dostepnosci/"),  # czytników, czytnikami
    ("portal", "/pl/api-dla-portali/"),  # portali
    ("portalami", "/pl/api-dla-portali/"),
    ("przykład", "/pl/api-dla-portali/"),  # przykłady
    ("informacja", "/pl/newsletter/"),  # informacje
]

ENGLISH_FORMS = [
    ("families", "/en/"),  # families: plural as written
    ("family", "/en/"),
    ("problem", "/en/"),  # problems
    ("partnerships", "/en/about/"),  # Partnership
    ("institution", "/en/how-to-join/"),  # Institutions
    ("join", "/en/how-to-join/"),  # joining: a verb form
    ("invite", "/en/how-to-join/"),  # are invited
    ("fostering", "/en/about/"),  # fosters
    ("responsibilities", "/en/about/"),  # responsibility
    ("formed", "/en/"),  # was formed
]


def site_result_urls(client, query, language):
    path = "/pl/szukaj/" if language == "pl" else "/en/search/"
    html = client.get(path, {"q": query}).content.decode()
    return re.findall(r'class="search-result__title"><a href="([^"]+)"', html)


def api_result_paths(client, query, language):
    answer = client.get("/api/v2/pages/", {"search": query, "locale": language, "limit": 50})
    assert answer.status_code == 200
    return [urlsplit(item["meta"]["html_url"]).path for item in answer.json()["items"]]


def test_polish_table_has_at_least_sixty_forms():
    assert len(POLISH_FORMS) >= 60
    assert len({form for form, _page in POLISH_FORMS}) == len(POLISH_FORMS)


@pytest.mark.parametrize(("form", "page"), POLISH_FORMS)
def test_a_polish_form_finds_its_page_in_the_site_search(client, form, page):
    assert page in site_result_urls(client, form, "pl")


@pytest.mark.parametrize(("form", "page"), POLISH_FORMS)
def test_a_polish_form_finds_its_page_in_the_api(client, form, page):
    assert page in api_result_paths(client, form, "pl")


@pytest.mark.parametrize(("form", "page"), ENGLISH_FORMS)
def test_an_english_plural_or_verb_form_finds_its_page_in_the_site_search_and_the_api(client, form, page):
    assert page in site_result_urls(client, form, "en")
    assert page in api_result_paths(client, form, "en")


@pytest.mark.parametrize("form", ["Koziołka", "koziolkowi", "Spółdzielnią Socjalną", "spoldzielni socjalnej"])
def test_the_founding_cooperative_is_found_by_its_name_in_any_form_in_the_site_search_and_the_partners_api(
    client, form
):
    assert "/pl/partnerzy/koziolek/" in site_result_urls(client, form, "pl")
    answer = client.get("/api/v2/partners/", {"search": form, "locale": "pl"}).json()
    assert [item["slug"] for item in answer["items"]] == ["koziolek"]
