"""The accessibility statement (deklaracja dostępności), in Polish and English, describing the site as it was
actually tested: axe-core in Chromium at two widths and keyboard checks by the browser test suite
(``tests/browser_tests``). Editors update the dates and the text in the admin after each review.
"""

from datetime import date

from home.models import AccessibilityStatementPage
from home.seeding import PageSpec, RichText, Text

# The day the site was tested and this statement written.
STATEMENT_DATE = date(2026, 11, 26)

INACCESSIBLE_CONTENT = RichText(
    Text(
        "Dokumenty do pobrania (np. deklaracje Partnerstwa) są udostępniane jako pliki PDF lub pliki biurowe. "
        "Nie sprawdziliśmy ich dostępności i mogą nie być w pełni dostępne dla czytników ekranu (brak struktury "
        "nagłówków, tagów i tekstu alternatywnego). Na prośbę przekażemy treść dokumentu w dostępnej formie, "
        "np. jako zwykły tekst w wiadomości e-mail.",
        "Documents to download (for example the Partnership’s declarations) are provided as PDF or office "
        "files. We have not checked their accessibility and they may not be fully accessible to screen readers "
        "(no heading structure, tags or alternative text). On request we will send the content of a document in "
        "an accessible form, for example as plain text in an e-mail.",
    ),
    Text(
        "Strony nie sprawdzono z czytnikami ekranu ani z udziałem osób z niepełnosprawnościami; nie przeprowadzono "
        "też audytu zewnętrznego. Testy automatyczne nie wykrywają wszystkich barier, dlatego prosimy o "
        "zgłaszanie każdego napotkanego problemu.",
        "The site has not been checked with screen readers or with disabled users, and no external audit has "
        "been carried out. Automated tests do not find every barrier, so please report any problem you meet.",
    ),
)

PREPARATION = RichText(
    Text(
        "Deklarację sporządzono na podstawie samooceny przeprowadzonej przez Partnerstwo.",
        "The statement was prepared on the basis of a self-assessment carried out by the Partnership.",
    ),
    Text(
        "Każdy typ strony serwisu w wersji polskiej i angielskiej sprawdzono automatycznie narzędziem axe-core "
        "(wersja 4.12) w przeglądarce Chromium przy szerokości okna 1280 pikseli (komputer) i 375 pikseli "
        "(telefon): nie wykryto żadnych błędów. Testy są częścią zestawu testów serwisu i są powtarzane przy "
        "każdej zmianie.",
        "Every page type of the site, in Polish and in English, was checked automatically with axe-core "
        "(version 4.12) in the Chromium browser at window widths of 1280 pixels (desktop) and 375 pixels "
        "(phone): no violations were found. The checks are part of the site’s test suite and are repeated "
        "with every change.",
    ),
    Text(
        "Obsługę klawiaturą sprawdzono w tej samej przeglądarce: łącze „Przejdź do treści głównej”, widoczny "
        "fokus, otwieranie i zamykanie menu na wąskim ekranie klawiszami Enter i Escape oraz przełączanie "
        "języka, które pozostawia użytkownika na tej samej stronie.",
        "Keyboard use was checked in the same browser: the “Skip to main content” link, the visible focus, "
        "opening and closing the menu on a narrow screen with the Enter and Escape keys, and the language "
        "switch, which keeps the visitor on the same page.",
    ),
)

KEYBOARD_SHORTCUTS = RichText(
    Text(
        "Na stronie można używać standardowych skrótów klawiaturowych przeglądarki. Pierwsze naciśnięcie "
        "klawisza Tab pokazuje łącze „Przejdź do treści głównej”, które pomija nagłówek i menu.",
        "The browser’s standard keyboard shortcuts work on the site. The first press of the Tab key shows the "
        "“Skip to main content” link, which skips the header and the menu.",
    ),
)

FEEDBACK = RichText(
    Text(
        "W przypadku problemów z dostępnością strony internetowej prosimy o kontakt z osobą wskazaną powyżej. "
        "Tą samą drogą można składać wnioski o udostępnienie informacji niedostępnej oraz żądania zapewnienia "
        "dostępności.",
        "If you have problems with the accessibility of the website, please contact the person named above. "
        "The same channel can be used to ask for information that is not accessible and to request that "
        "accessibility be provided.",
    ),
)

COMPLAINTS_PROCEDURE = RichText(
    Text(
        "Każdy ma prawo wystąpić z żądaniem zapewnienia dostępności cyfrowej strony internetowej lub jej "
        "elementu. Można także zażądać udostępnienia informacji za pomocą alternatywnego sposobu dostępu, na "
        "przykład przez odczytanie niedostępnego cyfrowo dokumentu.",
        "Anyone has the right to request that the website, or an element of it, be made digitally accessible. "
        "You can also ask for the information to be made available by an alternative means of access, for "
        "example by having a document that is not digitally accessible read out.",
    ),
    Text(
        "Żądanie powinno zawierać dane osoby zgłaszającej żądanie, wskazanie, o którą stronę internetową lub "
        "element strony chodzi, oraz sposób kontaktu. Jeżeli osoba żądająca zgłasza potrzebę otrzymania "
        "informacji w formie alternatywnej, powinna także określić dogodną dla niej formę tej informacji.",
        "The request should give the details of the person making it, say which web page or element of the "
        "page it concerns, and how to reply. If the person needs the information in an alternative form, they "
        "should also say which form suits them.",
    ),
    Text(
        "Żądanie realizujemy niezwłocznie, nie później niż w ciągu 7 dni od dnia jego wystąpienia. Jeżeli "
        "dotrzymanie tego terminu nie jest możliwe, niezwłocznie informujemy o tym osobę wnoszącą żądanie i o "
        "terminie realizacji, który nie może być dłuższy niż 2 miesiące od dnia wystąpienia z żądaniem. Jeżeli "
        "zapewnienie dostępności cyfrowej nie jest możliwe, proponujemy alternatywny sposób dostępu do "
        "informacji.",
        "We deal with a request without delay and no later than 7 days after it is made. If that deadline "
        "cannot be met, we tell the person at once and say when the request will be dealt with, which cannot "
        "be later than 2 months after the request was made. If digital accessibility cannot be provided, we "
        "offer an alternative means of access to the information.",
    ),
    Text(
        "Jeżeli odmówimy realizacji żądania zapewnienia dostępności lub alternatywnego sposobu dostępu do "
        "informacji, wnoszący żądanie może złożyć skargę w sprawie zapewnienia dostępności cyfrowej strony "
        "internetowej lub jej elementu. Po wyczerpaniu tej procedury można także złożyć wniosek do Rzecznika "
        "Praw Obywatelskich.",
        "If we refuse a request for accessibility or for an alternative means of access, the person who made it "
        "may file a complaint about the digital accessibility of the website or of an element of it. Once that "
        "procedure is exhausted, an application may also be made to the Commissioner for Human Rights "
        "(Rzecznik Praw Obywatelskich).",
    ),
)

ARCHITECTURAL_ACCESSIBILITY = RichText(
    Text(
        "Biuro Partnerstwa (Biuro FLOP) mieści się w Lublinie przy ul. 3 Maja 10/6, w budynku Szkoły Języków "
        "Europejskich UNIVERSUS. Partnerstwo nie opublikowało jeszcze opisu dostępności architektonicznej tego "
        "budynku (wejść, wind, toalet, miejsc parkingowych).",
        "The Partnership’s office (FLOP Office) is at ul. 3 Maja 10/6 in Lublin, in the building of the UNIVERSUS "
        "School of European Languages. The Partnership has not yet published a description of the building’s "
        "architectural accessibility (entrances, lifts, toilets, parking).",
    ),
    Text(
        "Osoby, które chcą odwiedzić biuro, prosimy o wcześniejszy kontakt z sekretarzem Partnerstwa telefonicznie "
        "lub pocztą elektroniczną: przekażemy informacje o wejściu do budynku i ustalimy dogodny sposób spotkania.",
        "If you would like to visit the office, please contact the Partnership’s secretary beforehand by phone or "
        "e-mail: we will tell you about the way into the building and agree on a convenient way to meet.",
    ),
)

MOBILE_APPS = RichText(
    Text("Partnerstwo nie udostępnia aplikacji mobilnych.", "The Partnership does not provide any mobile applications.")
)

STATEMENT = PageSpec(
    key="accessibility-statement",
    parent="home",
    model=AccessibilityStatementPage,
    title=Text("Deklaracja dostępności", "Accessibility statement"),
    slug=Text("deklaracja-dostepnosci", "accessibility-statement"),
    search_description=Text(
        "Deklaracja dostępności strony Lubelskiego Partnerstwa na Rzecz Rozwoju Ekonomii Społecznej.",
        "Accessibility statement of the website of the Lublin Partnership for the Development of the Social Economy.",
    ),
    publication_date=STATEMENT_DATE,
    last_update_date=STATEMENT_DATE,
    prepared_date=STATEMENT_DATE,
    reviewed_date=STATEMENT_DATE,
    compliance_status=AccessibilityStatementPage.ComplianceStatus.PARTIAL,
    inaccessible_content=INACCESSIBLE_CONTENT,
    preparation=PREPARATION,
    keyboard_shortcuts=KEYBOARD_SHORTCUTS,
    feedback=FEEDBACK,
    complaints_procedure=COMPLAINTS_PROCEDURE,
    architectural_accessibility=ARCHITECTURAL_ACCESSIBILITY,
    mobile_apps=MOBILE_APPS,
)


def load(loader):
    loader.ensure_pages([STATEMENT])
