"""The newsletter page (the partnership's own invitation, word for word) and the first consent text in each
language. Read by ``manage.py load_content``; editors change both in the admin afterwards."""

from django.utils import translation

from home.content import CONTACT_DETAILS, FULL_NAME
from home.languages import language_codes
from home.privacy import NEWSLETTER as NEWSLETTER_PURPOSE
from home.seeding import PageSpec, Text

from .models import ConsentText, NewsletterPage

INVITATION = Text(
    "Jeśli chcesz otrzymywać najświeższe informacje dodaj swój adres e-mail do naszej bazy.",
    "If you want to receive the latest news, add your e-mail address to our database.",
)

NEWSLETTER = PageSpec(
    key="newsletter",
    parent="home",
    model=NewsletterPage,
    title=Text("NewsLetter", "Newsletter"),
    slug=Text("newsletter", "newsletter"),
    search_description=INVITATION,
    intro=INVITATION,
    body=[],
)

EMAIL = CONTACT_DETAILS["email"]


def _legal_basis(language):
    """The newsletter's legal basis as the privacy page names it (home.privacy), in ``language``."""
    with translation.override(language):
        return str(NEWSLETTER_PURPOSE.legal_bases[0])


# Who processes the address, for what, on which basis, what is recorded as proof, and how to withdraw.
CONSENT = Text(
    f"Wyrażam zgodę na przetwarzanie mojego adresu e-mail przez {FULL_NAME.pl} (kontakt: {EMAIL}) w celu "
    f"wysyłania mi newslettera z najświeższymi informacjami. Podstawa prawna: {_legal_basis('pl')}. Na dowód tej "
    "zgody Partnerstwo zapisuje jej treść, czas, adres IP, przeglądarkę i stronę, z której się zapisuję. Zgodę "
    "mogę wycofać w każdej chwili, klikając link do wypisania się zamieszczony w każdej wiadomości; wycofanie "
    "zgody nie wpływa na zgodność z prawem wysyłek sprzed jej wycofania.",
    f"I consent to the {FULL_NAME.en} (contact: {EMAIL}) processing my e-mail address in order to send me its "
    f"newsletter with the latest news. Legal basis: {_legal_basis('en')}. As proof of this consent the "
    "Partnership records its text, the time, my IP address, my browser and the page I sign up from. I can "
    "withdraw my consent at any time by clicking the unsubscribe link included in every message; withdrawing it "
    "does not affect the lawfulness of mailings sent before the withdrawal.",
)


def load(loader):
    loader.ensure_pages([NEWSLETTER])
    for language in language_codes():
        created = False
        if not ConsentText.objects.filter(language=language).exists():
            ConsentText.objects.create(language=language, text=getattr(CONSENT, language))
            created = True
        loader.report(created, f"newsletter consent text ({language})")
