"""Text folding for name search, kept apart from the models so migrations can import it safely."""

import unicodedata

# Letters Unicode does not decompose into a base letter plus a diacritic.
UNFOLDABLE = str.maketrans({"ł": "l", "Ł": "l", "đ": "d", "ø": "o", "ß": "ss"})


def fold(text):
    """Lower case without diacritics ("Koziołek" → "koziolek"), so a search matches however it is typed."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(UNFOLDABLE))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
