"""The newsletter page (the partnership's own invitation, word for word) and the first consent text in each
language. Read by ``manage.py load_content``; editors change both in the admin afterwards."""

from home.content import CONTACT_DETAILS, FULL_NAME
from home.languages import language_codes
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

# Who processes the address, for what, what is recorded as proof, and how to withdraw: nothing more is known.
CONSENT = Text(
    f"Wyrażam zgodę na przetwarzanie mojego adresu e-mail przez {FULL_NAME.pl} (kontakt: {EMAIL}) w celu "
    "wysyłania mi newslettera z najświeższymi informacjami. Na dowód tej zgody Partnerstwo zapisuje jej treść, "
    "czas, adres IP, przeglądarkę i stronę, z której się zapisuję. Zgodę mogę wycofać w każdej chwili, klikając "
    "link do wypisania się zamieszczony w każdej wiadomości; wycofanie zgody nie wpływa na zgodność z prawem "
    "wysyłek sprzed jej wycofania.",
    f"I consent to the {FULL_NAME.en} (contact: {EMAIL}) processing my e-mail address in order to send me its "
    "newsletter with the latest news. As proof of this consent the Partnership records its text, the time, my IP "
    "address, my browser and the page I sign up from. I can withdraw my consent at any time by clicking the "
    "unsubscribe link included in every message; withdrawing it does not affect the lawfulness of mailings sent "
    "before the withdrawal.",
)


def load(loader):
    loader.ensure_pages([NEWSLETTER])
    for language in language_codes():
        created = False
        if not ConsentText.objects.filter(language=language).exists():
            ConsentText.objects.create(language=language, text=getattr(CONSENT, language))
            created = True
        loader.report(created, f"newsletter consent text ({language})")
