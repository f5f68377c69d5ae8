"""The partnership's own content, in Polish (the source, word for word from the partnership's website) and
its English translation. Read by ``manage.py load_content``; editors change it in the admin afterwards.
"""

from decimal import Decimal

from home.models import ContactDetails, ContactFormField, ContactPage, HomePage, StandardPage
from home.seeding import Child, PageRef, PageSpec, RichText, Text

FULL_NAME = Text(
    "Lubelskie Partnerstwo na Rzecz Rozwoju Ekonomii Społecznej",
    "Lublin Partnership for the Development of the Social Economy",
)

INTRODUCTION = Text(
    "Złożone i wieloaspektowe problemy, dotykające pojedyncze osoby, konkretne rodziny, czy inne grupy "
    "korzystające z pomocy społecznej, wymagają zaangażowania i współpracy profesjonalistów różnych "
    "instytucji i organizacji sektora publicznego, rynkowego, czy pozarządowego. Żaden z sektorów nie "
    "powinien być traktowany priorytetowo, żaden z nich nie powinien też dominować, wszystkie są "
    "„równouprawnione” do kształtowania polityki społecznej. Każdy z nich pełni określone funkcje, dzięki "
    "czemu mogą się one wzajemnie uzupełniać, co możliwe jest jedynie w klimacie współpracy partnerskiej.",
    "Complex, many-sided problems affecting individuals, particular families or other groups that receive "
    "social assistance call for the commitment and cooperation of professionals from many institutions and "
    "organisations of the public, market and non-governmental sectors. None of the sectors should be given "
    "priority and none of them should dominate: all have an “equal right” to shape social policy. Each of "
    "them performs particular functions, so that they can complement one another, which is possible only in "
    "a climate of partnership and cooperation.",
)

FOUNDING_STORY = Text(
    "Lubelskie Partnerstwo na Rzecz Rozwoju Ekonomii Społecznej zostało zawiązane w listopadzie 2010 roku z "
    "inicjatywy Lubelskiej Spółdzielni Socjalnej „KOZIOŁEK”, która wyszła z założenia, że rozwój ekonomii "
    "społecznej w Lublinie - przedsiębiorstw społecznych w dużej mierze jest uzależniony od przyjaznego "
    "klimatu i dobrej współpracy przedsiębiorstw społecznych z podmiotami sektora publicznego, biznesowego i "
    "pozarządowego. Budowanie takiej współpracy jest niezwykle ważne, gdyż raz skapitalizowane relacje "
    "społeczne mogą okazać się przydatne przy innej okazji. Bez właściwie ukształtowanych relacji z "
    "podmiotami zewnętrznymi, przedsiębiorstwa społeczne często nie są w stanie skutecznie realizować "
    "własnych celów, a także rozwiązywać problemy społeczne. Członkowie tych przedsiębiorstw, którzy jeszcze "
    "niedawno doświadczali wykluczenia społecznego, potrzebują oparcia społecznego. Tylko współdziałanie może "
    "dać szersze i wymierne korzyści zarówno podmiotom ekonomii społecznej, jak i lokalnym wspólnotom, którym "
    "powinny służyć, a zwłaszcza osobom zmarginalizowanym. Współpraca sprzyja tworzeniu wspólnoty i poczucia "
    "odpowiedzialności za wykonywane działania.",
    "The Lublin Partnership for the Development of the Social Economy was formed in November 2010 on the "
    "initiative of the Lublin Social Cooperative “KOZIOŁEK”, which started from the premise that the "
    "development of the social economy in Lublin – of social enterprises – depends to a great extent on a "
    "favourable climate and on good cooperation between social enterprises and public-sector, business and "
    "non-governmental bodies. Building such cooperation is extremely important, because social relationships, "
    "once capitalised, may prove useful on another occasion. Without properly shaped relationships with "
    "outside bodies, social enterprises are often unable to pursue their own goals effectively or to solve "
    "social problems. The members of these enterprises, who until recently experienced social exclusion, "
    "need social support. Only working together can bring broader and measurable benefits both to social "
    "economy entities and to the local communities they should serve, and above all to marginalised people. "
    "Cooperation fosters a sense of community and of responsibility for the work undertaken.",
)

QUOTE_ATTRIBUTION = Text("Opr. A. Biały", "Compiled by A. Biały")
QUOTE_SOURCE = Text(
    "Lubelskie Partnerstwo na Rzecz Rozwoju Ekonomii Społecznej: szanse i zagrożenia działań wspólnotowych, s. 1-2.",
    "Lubelskie Partnerstwo na Rzecz Rozwoju Ekonomii Społecznej: szanse i zagrożenia działań wspólnotowych "
    "[The Lublin Partnership for the Development of the Social Economy: opportunities and threats of "
    "community action], pp. 1–2.",
)

FORMATION = Text(
    "Lubelskie Partnerstwo (LPNRzRES) powstało w odpowiedzi na potrzebę współpracy i zostało uformowane przez "
    "różne lokalne instytucje publiczne, rynkowe, jak i pozarządowe.",
    "The Lublin Partnership (LPNRzRES) was created in response to the need for cooperation and was formed by "
    "various local public, market and non-governmental institutions.",
)

INVITATION = Text(
    "Instytucje zainteresowane przystąpieniem do Lubelskiego Partnerstwa (eS) zapraszamy do zapoznania się z "
    "poniższymi dokumentami oraz kontakt z sekretarzem lub z biurem Partnerstwa.",
    "Institutions interested in joining the Lublin Partnership (eS) are invited to read the documents below "
    "and to contact the secretary or the Partnership’s office.",
)

DOCUMENTS_HEADING = Text("Dokumenty do pobrania:", "Documents to download:")
DECLARATIONS = [
    Text("Deklaracja Ideowa", "Ideological Declaration"),
    Text("Deklaracja Powołania", "Founding Declaration"),
    Text("Deklaracja Przystąpienia", "Accession Declaration"),
]


#: The first screen: what the Partnership does and for whom, in one sentence made of its own text's facts (formed
#: by local public, market and non-governmental institutions; the development of the social economy in Lublin;
#: for social economy entities, local communities and marginalised people).
MISSION = Text(
    "Łączymy lokalne instytucje publiczne, rynkowe i pozarządowe, by wspólnie rozwijać ekonomię społeczną w "
    "Lublinie – dla przedsiębiorstw społecznych, lokalnych wspólnot i osób zmarginalizowanych.",
    "We bring together local public, market and non-governmental institutions to develop the social economy in "
    "Lublin – for social enterprises, local communities and marginalised people.",
)

#: The pull quote: one sentence of the founding text, with the same source.
PULL_QUOTE = Text(
    "Tylko współdziałanie może dać szersze i wymierne korzyści zarówno podmiotom ekonomii społecznej, jak i "
    "lokalnym wspólnotom, którym powinny służyć, a zwłaszcza osobom zmarginalizowanym.",
    "Only working together can bring broader and measurable benefits both to social economy entities and to the "
    "local communities they should serve, and above all to marginalised people.",
)


def _quote():
    return (
        "quote",
        {"text": FOUNDING_STORY, "attribution": QUOTE_ATTRIBUTION, "source": QUOTE_SOURCE, "source_language": "pl"},
    )


# The home page's own search description (the about page's is FORMATION): no two pages share one (seo.W001).
HOME_DESCRIPTION = Text(
    "Lubelskie Partnerstwo na Rzecz Rozwoju Ekonomii Społecznej, zawiązane w listopadzie 2010 roku z inicjatywy "
    "Lubelskiej Spółdzielni Socjalnej „KOZIOŁEK”.",
    "The Lublin Partnership for the Development of the Social Economy, formed in November 2010 on the initiative "
    "of the Lublin Social Cooperative “KOZIOŁEK”.",
)

HOME = PageSpec(
    key="home",
    model=HomePage,
    title=FULL_NAME,
    slug=Text("strona-glowna", "home"),
    seo_title=Text("Lubelskie Partnerstwo", "Lublin Partnership"),
    search_description=HOME_DESCRIPTION,
    intro=MISSION,
    body=[("paragraph", RichText(INTRODUCTION, FORMATION))],
)

#: Set once the pages they link to exist (``load_sections`` runs after every app's content).
HOME_SECTIONS = {
    "intro": MISSION,
    "hero_links": [
        ("link", {"text": Text("Przystąp do Partnerstwa", "Join the Partnership"), "page": PageRef("accession")}),
        ("link", {"text": Text("Partnerzy", "Partners"), "page": PageRef("partners")}),
        ("link", {"text": Text("Najbliższe wydarzenia", "Upcoming events"), "page": PageRef("event-index")}),
    ],
    "pull_quote": [
        (
            "quote",
            {"text": PULL_QUOTE, "attribution": QUOTE_ATTRIBUTION, "source": QUOTE_SOURCE, "source_language": "pl"},
        )
    ],
}

ABOUT = PageSpec(
    key="about",
    parent="home",
    model=StandardPage,
    title=Text("O Partnerstwie", "About the Partnership"),
    slug=Text("o-partnerstwie", "about"),
    search_description=FORMATION,
    show_in_menus=True,
    body=[("paragraph", RichText(FORMATION)), _quote()],
)

JOIN = PageSpec(
    key="join",
    parent="home",
    model=StandardPage,
    title=Text("Jak przystąpić", "How to join"),
    slug=Text("jak-przystapic", "how-to-join"),
    search_description=INVITATION,
    show_in_menus=True,
    body=[
        ("paragraph", RichText(INVITATION)),
        ("paragraph", RichText(DOCUMENTS_HEADING)),
        ("paragraph", RichText(*DECLARATIONS, as_list=True)),
        ("call_to_action", {"text": Text("Kontakt", "Contact"), "page": PageRef("contact")}),
    ],
)

CONTACT = PageSpec(
    key="contact",
    parent="home",
    model=ContactPage,
    title=Text("Kontakt", "Contact"),
    slug=Text("kontakt", "contact"),
    show_in_menus=True,
    body=[],
)

PAGES = [HOME, ABOUT, JOIN, CONTACT]

#: The office on the map: ul. 3 Maja 10, Lublin (OpenStreetMap).
OFFICE_LATITUDE, OFFICE_LONGITUDE = Decimal("51.24800"), Decimal("22.56270")


def _form_field(clean_name, label, field_type, required=True, help_text=None):
    fields = {"clean_name": clean_name, "label": label, "field_type": field_type, "required": required}
    if help_text:
        fields["help_text"] = help_text
    return Child(ContactFormField, **fields)


CONTACT_SECTIONS = {
    "latitude": OFFICE_LATITUDE,
    "longitude": OFFICE_LONGITUDE,
    "form_heading": Text("Napisz do nas", "Write to us"),
    "thank_you_text": Text(
        "Dziękujemy za wiadomość. Sekretarz Partnerstwa odpowie na podany adres e-mail.",
        "Thank you for your message. The secretary of the Partnership will reply to the e-mail address you gave.",
    ),
    "subject": Text("Wiadomość z formularza kontaktowego", "Message from the contact form"),
    "form_fields": [
        _form_field("name", Text("Imię i nazwisko", "Name"), "singleline"),
        _form_field(
            "email",
            Text("Adres e-mail", "E-mail address"),
            "email",
            help_text=Text("Na ten adres odpowiemy.", "We will reply to this address."),
        ),
        _form_field("subject", Text("Temat", "Subject"), "singleline"),
        _form_field("message", Text("Wiadomość", "Message"), "multiline"),
        _form_field(
            "consent",
            Text(
                "Zapoznałem/zapoznałam się z informacją o przetwarzaniu danych osobowych podaną powyżej.",
                "I have read the information on the processing of personal data given above.",
            ),
            "checkbox",
        ),
    ],
}

CONTACT_DETAILS = {
    "organisation_name": FULL_NAME,
    "secretary_title": Text(
        "Sekretarz Lubelskiego Partnerstwa na Rzecz Rozwoju Ekonomii Społecznej",
        "Secretary of the Lublin Partnership for the Development of the Social Economy",
    ),
    "secretary_name": "Ewelina Jocek",
    "office_title": Text(
        "Biuro Partnerstwa na Rzecz Rozwoju Ekonomii Społecznej",
        "Office of the Partnership for the Development of the Social Economy",
    ),
    "office_name": Text("Biuro FLOP", "FLOP Office"),
    "street": "ul. 3 Maja 10/6",
    "postcode": "20-078",
    "city": "Lublin",
    "building_note": Text(
        "w budynku Szkoły Języków Europejskich UNIVERSUS",
        "in the building of the UNIVERSUS School of European Languages",
    ),
    "phone": "81 534 70 04",
    "email": "partnerstwoeslublin@gmail.com",
}


def load(loader):
    loader.ensure_pages(PAGES)
    loader.ensure_snippet(ContactDetails, "contact-details", CONTACT_DETAILS)


def load_sections(loader):
    """The home page's calls to action and pull quote, the contact page's map and form: after every app's pages
    exist (the links point to them), and on a site loaded before these fields existed, once."""
    for key in ("accession", "partners", "event-index"):
        loader.find_page(key)
    loader.ensure_page_fields("home", HomePage, HOME_SECTIONS)
    loader.ensure_page_fields("contact", ContactPage, CONTACT_SECTIONS)
