"""The online accession declaration's page, under "Jak przystąpić"."""

from home.seeding import PageSpec, Text

from .models import AccessionPage

ACCESSION_INTRO = Text(
    "Instytucja może złożyć deklarację przystąpienia do Lubelskiego Partnerstwa na Rzecz Rozwoju Ekonomii "
    "Społecznej przez ten formularz. Zgłoszenie trafi do sekretarza Partnerstwa, a po wysłaniu otrzymacie "
    "Państwo wypełnioną deklarację do wydrukowania i podpisania.",
    "An institution can submit its declaration of accession to the Lublin Partnership for the Development of "
    "the Social Economy through this form. It goes to the secretary of the Partnership, and once it is sent you "
    "receive the filled-in declaration to print and sign.",
)


def load(loader):
    loader.ensure_pages(
        [
            PageSpec(
                key="accession",
                parent="join",
                model=AccessionPage,
                title=Text("Deklaracja przystąpienia online", "Online accession declaration"),
                slug=Text("deklaracja-online", "online-declaration"),
                intro=ACCESSION_INTRO,
                search_description=ACCESSION_INTRO,
            ),
        ]
    )
