"""The privacy notice (klauzula informacyjna RODO) for the site's forms, in Polish and English.

The controller's name, address and e-mail are the partnership's contact details (home/content.py). Editors
keep the text current in the admin; every form's consent text links to this page (``{% privacy_page_url %}``).
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
    _heading("Cele i podstawy prawne przetwarzania", "Purposes and legal bases"),
    _paragraphs(
        Text(
            "Newsletter: adres e-mail przetwarzamy, aby wysyłać informacje o działaniach Partnerstwa, na podstawie "
            "zgody (art. 6 ust. 1 lit. a RODO). Zapisujemy też datę, treść wyrażonej zgody i adres IP, z którego "
            "ją wyrażono, aby móc wykazać jej udzielenie (art. 6 ust. 1 lit. c w związku z art. 7 ust. 1 RODO).",
            "Newsletter: we process your e-mail address to send you news of the Partnership’s work, on the basis "
            "of your consent (Article 6(1)(a) GDPR). We also record the date, the wording of the consent you gave "
            "and the IP address it was given from, so that we can show that it was given (Article 6(1)(c) in "
            "conjunction with Article 7(1) GDPR).",
        ),
        Text(
            "Formularz kontaktowy i korespondencja: dane podane w wiadomości przetwarzamy, aby na nią odpowiedzieć, "
            "co jest naszym prawnie uzasadnionym interesem (art. 6 ust. 1 lit. f RODO).",
            "Contact form and correspondence: we process the details given in your message in order to reply to "
            "it, which is our legitimate interest (Article 6(1)(f) GDPR).",
        ),
        Text(
            "Deklaracja przystąpienia do Partnerstwa: dane instytucji oraz osób, które ją reprezentują lub są "
            "wskazane do kontaktu, przetwarzamy, aby rozpatrzyć deklarację i prowadzić współpracę w ramach "
            "Partnerstwa, co jest naszym prawnie uzasadnionym interesem (art. 6 ust. 1 lit. f RODO).",
            "Declaration of accession to the Partnership: we process the details of the institution and of the "
            "people who represent it or are named as its contacts in order to consider the declaration and to "
            "work together within the Partnership, which is our legitimate interest (Article 6(1)(f) GDPR).",
        ),
    ),
    _heading("Okres przechowywania danych", "How long we keep the data"),
    _paragraphs(
        Text(
            "Dane osób zapisanych do newslettera przechowujemy do czasu wycofania zgody (wypisania się), a dowód "
            "zgody – do upływu okresu przedawnienia ewentualnych roszczeń.",
            "We keep the data of newsletter subscribers until the consent is withdrawn (unsubscribing), and the "
            "proof of consent until any claims become time-barred.",
        ),
        Text(
            "Korespondencję przechowujemy przez czas potrzebny do załatwienia sprawy, a dane z deklaracji "
            "przystąpienia – przez czas członkostwa instytucji w Partnerstwie, a gdy deklaracja nie zostanie "
            "przyjęta – przez czas potrzebny do jej rozpatrzenia.",
            "We keep correspondence for as long as it takes to deal with the matter, and the data in a "
            "declaration of accession for as long as the institution is a member of the Partnership or, if the "
            "declaration is not accepted, for as long as it takes to consider it.",
        ),
    ),
    _heading("Odbiorcy danych", "Recipients"),
    _paragraphs(
        Text(
            "Dane mogą być powierzane wyłącznie podmiotom, które świadczą dla Partnerstwa usługi techniczne: "
            "utrzymanie serwisu internetowego i obsługa poczty elektronicznej. Nie sprzedajemy danych i nie "
            "przekazujemy ich w celach marketingowych.",
            "The data may be entrusted only to those who provide technical services to the Partnership: hosting "
            "the website and handling e-mail. We do not sell the data or pass it on for marketing.",
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
