"""Text helpers shared by every app."""

import unicodedata

# Letters NFKD does not decompose into a base letter and a mark.
EXTRA_FOLDS = str.maketrans({"ł": "l", "ß": "ss", "æ": "ae", "ø": "o", "đ": "d", "ı": "i", "œ": "oe"})


def fold(text):
    """Lower case without diacritics: "Spółdzielnią" → "spoldzielnia"."""
    decomposed = unicodedata.normalize("NFKD", text.lower().translate(EXTRA_FOLDS))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
