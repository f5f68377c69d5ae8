"""Turning text into search keys, the same way for what is indexed and for what a visitor types.

Why not the database's full-text search: SQLite's FTS5 and PostgreSQL give different results, neither folds
accents, and PostgreSQL has no Polish configuration. So every word becomes a small set of *keys*, computed
here in Python and stored in an inverted index (``search.models.SearchKey``: one row per key of each entry); a
query looks its keys up there, exactly and by index, on any database.

A Polish word's keys:
- its stem from the Stempel stemmer (``pystempel``, whose stemming table ships with the package), folded to
  ASCII: this joins forms whose stem changes ("kościele" / "kościół");
- its folded form without its inflectional ending (longest match from ``POLISH_ENDINGS``): this joins regular
  forms even when the visitor types no diacritics, which the stemmer cannot read ("spoldzielni" / "spółdzielnia",
  "ekonomii" / "ekonomia").
An English word's key is its folded form without a plural or verbal ending.
"""

import gzip
import io
import re
import unicodedata
from functools import cache, lru_cache
from importlib import resources

from home.text import fold

WORD_RE = re.compile(r"\w+")
MAX_QUERY_LENGTH = 200
MAX_QUERY_WORDS = 10

# Folded endings of Polish nouns and adjectives (and a few verb forms), longest first.
POLISH_ENDINGS = sorted(
    {
        "owiami",
        "iami",
        "iach",
        "iego",
        "iemu",
        "owie",
        "ami",
        "ach",
        "ego",
        "emu",
        "ych",
        "ymi",
        "ich",
        "imi",
        "iej",
        "owi",
        "ow",
        "om",
        "em",
        "ie",
        "ia",
        "ii",
        "io",
        "iu",
        "ej",
        "ym",
        "im",
        "a",
        "e",
        "i",
        "o",
        "u",
        "y",
    },  # fmt: skip
    key=len,
    reverse=True,
)
ENGLISH_ENDINGS = ("ing", "ies", "ied", "es", "ed", "ly", "s", "y", "e")
MIN_ROOT_LENGTH = 3

STOP_WORDS = {
    "pl": {
        "a",
        "aby",
        "albo",
        "ale",
        "bo",
        "by",
        "czy",
        "dla",
        "do",
        "i",
        "ich",
        "jak",
        "jest",
        "jego",
        "jej",
        "juz",
        "lub",
        "na",
        "nad",
        "nie",
        "o",
        "od",
        "oraz",
        "po",
        "pod",
        "przez",
        "przy",
        "sie",
        "sa",
        "ta",
        "te",
        "to",
        "tym",
        "u",
        "w",
        "we",
        "z",
        "za",
        "ze",
        "zas",
    },  # fmt: skip
    "en": {
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "for",
        "from",
        "in",
        "is",
        "it",
        "of",
        "on",
        "or",
        "that",
        "the",
        "this",
        "to",
        "was",
        "with",
    },  # fmt: skip
}


def clean_query(raw):
    """A visitor's query made safe to analyse and to show: control and format characters (NUL, bidi marks)
    become spaces, runs of spaces collapse, and it is cut to ``MAX_QUERY_LENGTH`` characters."""
    text = unicodedata.normalize("NFC", str(raw)[: MAX_QUERY_LENGTH * 4])
    text = "".join(" " if unicodedata.category(ch).startswith("C") else ch for ch in text)
    return " ".join(text.split())[:MAX_QUERY_LENGTH].strip()


@cache
def _polish_stemmer():
    """Stempel with its original table (Apache 2.0, shipped in the package): loads in one to two seconds.

    Read through ``Stemmer.from_stream`` without a size: ``from_file`` draws a tqdm progress bar in the server's log.
    """
    from pystempel import Stemmer
    from pystempel.streams import DataInputStream

    table = gzip.decompress((resources.files("pystempel.data.original") / "stemmer_20000.tbl.gz").read_bytes())
    return Stemmer.from_stream(DataInputStream(io.BytesIO(table)))


def load_stemmer():
    """Load the Polish stemming table now rather than in the first search: gunicorn.conf.py calls this in the
    master, before it forks the workers. Free of Django, so it can run before the site is set up."""
    _polish_stemmer()


def _strip_ending(word, endings):
    for ending in endings:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_ROOT_LENGTH:
            return word[: -len(ending)]
    return word


@lru_cache(maxsize=100_000)
def word_keys(word, language):
    """The keys of one word (already lower case), or an empty set for a stop word."""
    folded = fold(word)
    if not folded or folded in STOP_WORDS.get(language, ()):
        return frozenset()
    if language == "pl":
        keys = {_strip_ending(folded, POLISH_ENDINGS)}
        stem = _polish_stemmer()(word) if len(word) > MIN_ROOT_LENGTH else None
        if stem:
            keys.add(fold(stem))
        return frozenset(keys)
    return frozenset({_strip_ending(folded, ENGLISH_ENDINGS)})


def words(text):
    return WORD_RE.findall(text.lower())


def text_keys(text, language):
    """Every key of ``text``, as a set."""
    keys = set()
    for word in set(words(text)):
        keys |= word_keys(word, language)
    return keys


def query_terms(query, language):
    """The key sets of a query's words, at most ``MAX_QUERY_WORDS`` of them; stop words and repeats dropped."""
    terms = []
    for word in words(clean_query(query)):
        keys = word_keys(word, language)
        if keys and keys not in terms:
            terms.append(keys)
    return terms[:MAX_QUERY_WORDS]
