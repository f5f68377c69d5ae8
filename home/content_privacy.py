"""The privacy notice (klauzula informacyjna RODO) for the site's forms, in Polish and English.

The controller's name, address and e-mail are the partnership's contact details (home/content.py). Editors
keep the text current in the admin; every form's consent text links to this page (``{% privacy_page_url %}``).
The purposes, legal bases, recipients and retention periods are not in this text: the page renders them from
home/privacy.py and the settings (``{% processing_purposes %}``), so they always match the forms and the purge.
"""

from home.models import PrivacyPage
from home.seeding import PageSpec, RichText, Text


def _heading(pl, en):
    return ("heading", {"text": Text(pl, en), "level": "h2"})


def _paragraphs(*texts, as_list=False):
    return ("paragraph", RichText(*texts, as_list=as_list))


INTRO = Text(
    "Na tej stronie informujemy, jak przetwarzamy dane osobowe osób, które korzystają z formularzy serwisu "
    "(zapis do newslettera, kontakt, deklaracja przystąpienia do Partnerstwa), zgodnie z art. 13 RODO.",
    "This page explains how we process the personal data of people who use the site’s forms (newsletter "
    "sign-up, contact, declaration of accession to the Partnership), as required by Article 13 of the GDPR.",
)

BODY = [
    _heading("Administrator danych", "Controller"),
    _paragraphs(
        Text(
            "Administratorem danych osobowych jest Lubelskie Partnerstwo na Rzecz Rozwoju Ekonomii Społecznej, "
            "Biuro FLOP, ul. 3 Maja 10/6, 20-078 Lublin. We wszystkich sprawach dotyczących danych osobowych "
            "można się z nami kontaktować pod adresem e-mail partnerstwoeslublin@gmail.com, telefonicznie pod "
            "numerem 81 534 70 04 lub listownie na adres biura.",
            "The controller of personal data is Lubelskie Partnerstwo na Rzecz Rozwoju Ekonomii Społecznej (the "
            "Lublin Partnership for the Development of the Social Economy), Biuro FLOP, ul. 3 Maja 10/6, "
            "20-078 Lublin, Poland. For any matter concerning personal data you can contact us by e-mail at "
            "partnerstwoeslublin@gmail.com, by phone on +48 81 534 70 04, or by post at the office address.",
        ),
    ),
    _heading("Twoje prawa", "Your rights"),
    _paragraphs(
        Text(
            "prawo dostępu do swoich danych i otrzymania ich kopii",
            "the right of access to your data and to a copy of it",
        ),
        Text("prawo do sprostowania danych", "the right to have your data corrected"),
        Text(
            "prawo do usunięcia danych i do ograniczenia przetwarzania",
            "the right to have your data erased and to restrict its processing",
        ),
        Text("prawo do przenoszenia danych", "the right to data portability"),
        Text(
            "prawo do sprzeciwu wobec przetwarzania opartego na prawnie uzasadnionym interesie",
            "the right to object to processing based on legitimate interest",
        ),
        Text(
            "prawo do wycofania zgody w dowolnym momencie, bez wpływu na zgodność z prawem przetwarzania "
            "dokonanego przed jej wycofaniem",
            "the right to withdraw consent at any time, without affecting the lawfulness of processing carried "
            "out before it was withdrawn",
        ),
        as_list=True,
    ),
    _paragraphs(
        Text(
            "Jeśli uważasz, że przetwarzamy Twoje dane niezgodnie z prawem, możesz wnieść skargę do Prezesa "
            "Urzędu Ochrony Danych Osobowych (ul. Stawki 2, 00-193 Warszawa).",
            "If you believe that we process your data unlawfully, you can lodge a complaint with the President "
            "of the Personal Data Protection Office (Prezes Urzędu Ochrony Danych Osobowych, ul. Stawki 2, "
            "00-193 Warszawa, Poland).",
        ),
        Text(
            "Podanie danych jest dobrowolne, ale bez nich nie możemy wysyłać newslettera, odpowiedzieć na "
            "wiadomość ani rozpatrzyć deklaracji. Nie podejmujemy decyzji w sposób zautomatyzowany i nie "
            "profilujemy.",
            "Giving your data is voluntary, but without it we cannot send the newsletter, reply to a message or "
            "consider a declaration. We take no automated decisions and do no profiling.",
        ),
    ),
    _heading("Pliki cookies", "Cookies"),
    _paragraphs(
        Text(
            "Serwis nie używa plików cookies analitycznych, reklamowych ani żadnych innych, które nie są niezbędne, "
            "i nie wczytuje zasobów z zewnętrznych serwerów, dlatego nie prosimy o zgodę na cookies.",
            "The site uses no analytics, advertising or other non-essential cookies and loads nothing from "
            "outside servers, which is why we do not ask for consent to cookies.",
        ),
        Text(
            "Ustawiamy wyłącznie pliki niezbędne do działania serwisu: csrftoken chroni wysyłane formularze przed "
            "nadużyciami, a pliki sesji i komunikatów pojawiają się tylko po wysłaniu formularza lub zalogowaniu "
            "do panelu redakcyjnego.",
            "We set only the cookies the site needs to work: csrftoken protects the forms you send against abuse, "
            "and session and message cookies appear only after you send a form or log in to the editors’ panel.",
        ),
    ),
]

PRIVACY = PageSpec(
    key="privacy",
    parent="home",
    model=PrivacyPage,
    title=Text("Polityka prywatności", "Privacy policy"),
    slug=Text("polityka-prywatnosci", "privacy-policy"),
    search_description=INTRO,
    intro=INTRO,
    body=BODY,
)


def load(loader):
    loader.ensure_pages([PRIVACY])
