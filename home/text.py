"""Text folding for search: one table for every app, importable by migrations (no models here)."""

import unicodedata

# Letters Unicode does not decompose into a base letter plus a diacritic.
UNFOLDABLE = str.maketrans({"ł": "l", "Ł": "l", "đ": "d", "ø": "o", "ß": "ss", "æ": "ae", "ı": "i", "œ": "oe"})


def fold(text):
    """Lower case without diacritics ("Spółdzielnią" → "spoldzielnia"), so a search matches however it is typed."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(UNFOLDABLE))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
