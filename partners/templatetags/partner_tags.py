from django import template

from partners.presenters import format_partial_date

register = template.Library()


@register.filter
def member_since_display(partner):
    """When the partner joined, as far as it is known: "November 2010" / "listopad 2010" in the active language."""
    return format_partial_date(partner.member_since, partner.member_since_precision)


# Words that do not start a name's initials ("Stowarzyszenie na Rzecz …" → "SR").
MONOGRAM_SKIPPED = {"i", "w", "we", "z", "na", "do", "dla", "of", "the", "and", "for", "in"}


@register.filter
def monogram(partner):
    """Up to two initials of a partner's name, for the lettered circle shown when it has no logo:
    "Lubelska Spółdzielnia Socjalna „KOZIOŁEK”" → "LS", "Gmina Lublin" → "GL", "KOZIOŁEK" → "K"."""
    words = ["".join(ch for ch in word if ch.isalnum()) for word in partner.name.split()]
    initials = [word[0] for word in words if word and word.lower() not in MONOGRAM_SKIPPED]
    return "".join(initials[:2]).upper()
