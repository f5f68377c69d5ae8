"""Demo partners for ``manage.py generate_demo_data``: made-up organisations, each named "[DEMO] …".

Both languages are bulk-inserted (a Polish partner and its English twin share a ``translation_key``), so
thousands take seconds; they get no wagtail-localize translation source and no revisions, which an editor's
first save adds. Contact details use reserved example domains only, never a number someone could own.
"""

import datetime
import uuid

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils.text import slugify

from wagtail.models import Locale, ReferenceIndex
from wagtail.search.models import IndexEntry
from wagtail_localize.models import TranslatableObject

from home.demo import DEMO_PREFIX, DemoGenerator
from home.text import fold

from .models import DatePrecision, Partner, Role, Sector, SocialEconomyKind

BATCH_SIZE = 500

KINDS_BY_SECTOR = {
    Sector.PUBLIC: [
        ("Ośrodek Pomocy Społecznej", "Social Welfare Centre"),
        ("Powiatowe Centrum Pomocy Rodzinie", "District Family Support Centre"),
        ("Urząd Pracy", "Labour Office"),
        ("Biblioteka Publiczna", "Public Library"),
    ],
    Sector.BUSINESS: [
        ("Przedsiębiorstwo Usługowe", "Services Company"),
        ("Drukarnia", "Printing House"),
        ("Pracownia Projektowa", "Design Studio"),
        ("Piekarnia", "Bakery"),
    ],
    Sector.NGO: [
        ("Fundacja", "Foundation"),
        ("Stowarzyszenie", "Association"),
        ("Towarzystwo", "Society"),
    ],
    Sector.SOCIAL_ECONOMY: [
        ("Spółdzielnia Socjalna", "Social Cooperative"),
        ("Centrum Integracji Społecznej", "Social Integration Centre"),
        ("Klub Integracji Społecznej", "Social Integration Club"),
        ("Zakład Aktywności Zawodowej", "Vocational Activity Establishment"),
        ("Warsztat Terapii Zajęciowej", "Occupational Therapy Workshop"),
    ],
}
SOCIAL_ECONOMY_KIND_BY_TYPE = {
    "Spółdzielnia Socjalna": SocialEconomyKind.SOCIAL_COOPERATIVE,
    "Centrum Integracji Społecznej": SocialEconomyKind.CIS,
    "Klub Integracji Społecznej": SocialEconomyKind.KIS,
    "Zakład Aktywności Zawodowej": SocialEconomyKind.ZAZ,
    "Warsztat Terapii Zajęciowej": SocialEconomyKind.WTZ,
}
NAMES = [
    ("Zielony Most", "Green Bridge"),
    ("Wspólna Droga", "Common Path"),
    ("Nowy Start", "New Start"),
    ("Dobry Sąsiad", "Good Neighbour"),
    ("Pod Lipą", "Under the Linden"),
    ("Przystań", "Harbour"),
    ("Horyzont", "Horizon"),
    ("Razem", "Together"),
    ("Kłos", "Ear of Wheat"),
    ("Źródło", "Spring"),
    ("Łąka", "Meadow"),
    ("Żuraw", "Crane"),
]
CITIES = ["Lublin", "Świdnik", "Puławy", "Chełm", "Zamość", "Biała Podlaska", "Kraśnik", "Łęczna"]
# Roughly the Lublin voivodeship.
LATITUDES = (50.3, 52.3)
LONGITUDES = (21.6, 24.1)
DESCRIPTION = (
    "<p>Partner demonstracyjny nr {n}, wygenerowany do testów i pomiarów. To nie jest prawdziwa organizacja.</p>",
    "<p>Demo partner no. {n}, generated for tests and benchmarks. This is not a real organisation.</p>",
)


def touched_partner_ids(partners):
    """The partners among ``partners`` that anything refers to or that have any data of their own."""
    content_type = ContentType.objects.get_for_model(Partner)
    ids = set(partners.values_list("pk", flat=True))
    touched = set(partners.filter(latest_revision__isnull=False).values_list("pk", flat=True))
    keyed = [
        ReferenceIndex.objects.filter(Q(base_content_type=content_type) | Q(content_type=content_type)).values_list(
            "object_id", flat=True
        ),
        ReferenceIndex.objects.filter(to_content_type=content_type).values_list("to_object_id", flat=True),
        IndexEntry.objects.filter(content_type=content_type).values_list("object_id", flat=True),
    ]
    for object_ids in keyed:
        touched |= ids & {int(object_id) for object_id in object_ids if str(object_id).isdigit()}
    translated = TranslatableObject.objects.filter(content_type=content_type).values("translation_key")
    touched |= set(partners.filter(translation_key__in=translated).values_list("pk", flat=True))
    for relation in Partner._meta.related_objects:
        if relation.field.concrete:
            referring = relation.related_model._base_manager.filter(**{f"{relation.field.name}__in": partners})
            touched |= set(referring.values_list(relation.field.attname, flat=True))
    return touched


class PartnersDemo(DemoGenerator):
    name = "partners"
    help = "made-up partners, each in Polish and English"
    default_count = 50

    def delete(self):
        demo = Partner.objects.filter(is_demo=True)
        count = demo.count()
        touched = touched_partner_ids(demo)
        # Anything an editor or another app has touched gets Wagtail's full per-object clean-up.
        Partner.objects.filter(pk__in=touched).delete()
        # The rest were bulk-inserted and own nothing (no revision, search entry, reference or translation
        # data). Deleted one by one, each would run wagtail-localize's clean-up (~16 queries): 10 minutes
        # for 10,000 partners instead of seconds.
        demo.exclude(pk__in=touched)._raw_delete(demo.db)
        return count

    def generate(self, count, rng, progress):
        pl = Locale.objects.get(language_code="pl")
        en = Locale.objects.get(language_code="en")
        sectors = list(KINDS_BY_SECTOR)
        created = 0
        for start in range(0, count, BATCH_SIZE):
            polish, english = [], []
            for n in range(start + 1, min(start + BATCH_SIZE, count) + 1):
                pair = self._pair(n, rng, rng.choice(sectors), pl, en)
                polish.append(pair[0])
                english.append(pair[1])
            Partner.objects.bulk_create(polish + english)
            created += len(polish)
            progress(created, count, "partners (pl + en)")
        return f"{count} partners in Polish and {count} in English"

    def _pair(self, n, rng, sector, pl, en):
        type_pl, type_en = rng.choice(KINDS_BY_SECTOR[sector])
        stem_pl, stem_en = rng.choice(NAMES)
        member_since = datetime.date(rng.randint(2011, 2025), rng.randint(1, 12), 1)
        shared = {
            "translation_key": uuid.UUID(int=rng.getrandbits(128), version=4),
            "slug": f"demo-{n:05d}-{slugify(fold(stem_pl))}",
            "sector": sector,
            "social_economy_kind": SOCIAL_ECONOMY_KIND_BY_TYPE.get(type_pl, ""),
            "role": Role.MEMBER,
            "website": f"https://demo-{n:05d}.example.org/",
            "public_email": f"demo-{n:05d}@example.org",
            "street": f"ul. Przykładowa {rng.randint(1, 120)}",
            "postcode": f"2{rng.randint(0, 4)}-{rng.randint(0, 999):03d}",
            "city": rng.choice(CITIES),
            "latitude": round(rng.uniform(*LATITUDES), 6),
            "longitude": round(rng.uniform(*LONGITUDES), 6),
            "member_since": member_since,
            "member_since_precision": DatePrecision.MONTH,
            "is_active": rng.random() > 0.05,
            "is_demo": True,
            "live": True,
        }
        polish = Partner(
            locale=pl,
            name=f"{DEMO_PREFIX} {type_pl} „{stem_pl}” {n:05d}",
            short_name=f"DEMO{n}",
            description=DESCRIPTION[0].format(n=n),
            **shared,
        )
        english = Partner(
            locale=en,
            name=f"{DEMO_PREFIX} {type_en} “{stem_en}” {n:05d}",
            short_name=f"DEMO{n}",
            description=DESCRIPTION[1].format(n=n),
            **shared,
        )
        for partner in (polish, english):
            partner.name_search = partner.folded_name()  # bulk_create skips save()
        return polish, english
