"""The partners page and the partnership's initiator, in Polish and English. Read by ``manage.py load_content``.

Only what the partnership's own text says: the Partnership was formed in November 2010 on the initiative of
the Lublin Social Cooperative "KOZIOŁEK". Editors add the other partners and their details in the admin.
"""

import datetime

from home.seeding import PageSpec, RichText, Text

from .models import DatePrecision, Partner, PartnerIndexPage, Role, Sector, SocialEconomyKind

PARTNERS_PAGE = PageSpec(
    key="partners",
    parent="home",
    model=PartnerIndexPage,
    title=Text("Partnerzy", "Partners"),
    slug=Text("partnerzy", "partners"),
    show_in_menus=True,
    body=[],
)

KOZIOLEK = {
    "name": Text(
        "Lubelska Spółdzielnia Socjalna „KOZIOŁEK”",
        "Lublin Social Cooperative “KOZIOŁEK”",
    ),
    "short_name": Text("KOZIOŁEK", "KOZIOŁEK"),
    "slug": "koziolek",
    "sector": Sector.SOCIAL_ECONOMY,
    "social_economy_kind": SocialEconomyKind.SOCIAL_COOPERATIVE,
    "role": Role.INITIATOR,
    "member_since": datetime.date(2010, 11, 1),
    "member_since_precision": DatePrecision.MONTH,
    "description": RichText(
        Text(
            "Z inicjatywy Lubelskiej Spółdzielni Socjalnej „KOZIOŁEK” w listopadzie 2010 roku zostało zawiązane "
            "Lubelskie Partnerstwo na Rzecz Rozwoju Ekonomii Społecznej.",
            "The Lublin Partnership for the Development of the Social Economy was formed in November 2010 on the "
            "initiative of the Lublin Social Cooperative “KOZIOŁEK”.",
        )
    ),
}


def load(loader):
    loader.ensure_pages([PARTNERS_PAGE])
    initiator = loader.ensure_snippet(Partner, "partner-koziolek", KOZIOLEK)
    if initiator.latest_revision_id is None:
        # A first revision, so the admin shows the partner's history from the start.
        initiator.save_revision().publish()
