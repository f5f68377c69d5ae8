"""Turning text into search keys, the same way for what is indexed and for what a visitor types.

Why not the database's full-text search: SQLite's FTS5 and PostgreSQL give different results, neither folds
accents, and PostgreSQL has no Polish configuration. So every word becomes a small set of *keys*, computed
here in Python and stored in an inverted index (``search.models.SearchKey``: one row per key of each entry); a
query looks its keys up there, exactly and by index, on any database.

A Polish word's keys:
- every lemma Morfeusz 2 (the SGJP dictionary) gives it, folded so that diacritics are optional:
  "wykluczeniem" → ``wykluczyc``, "Koziołka" → ``koziolek``, "ludzi" → ``czlowiek``;
- a word Morfeusz does not know (a name, a foreign word) keys on its folded form and its Stempel stem;
- and its folded form itself, marked (``=koziolka``), which ranks the exact form before the others.
A query word typed without diacritics that Morfeusz does not know ("spoldzielni") is read as every word it
could be with diacritics restored that Morfeusz knows (``spółdzielni`` → ``spoldzielnia``).

An English word's keys: its Snowball (Porter 2) stem, and its marked folded form.
"""

import gzip
import io
import itertools
import re
import unicodedata
from functools import cache, lru_cache
from importlib import resources

import morfeusz2
import Stemmer
from pystempel import Stemmer as StempelStemmer
from pystempel.streams import DataInputStream

from home.text import fold

WORD_RE = re.compile(r"\w+")
MAX_QUERY_LENGTH = 200
MAX_QUERY_WORDS = 10
#: Prefix of the key holding a word's own (folded) form.
EXACT = "="
#: Restoring diacritics tries at most this many spellings of one word (a 12-letter word needs ~400).
MAX_SPELLINGS = 1024
MIN_STEM_LENGTH = 4

# The letters a Polish word typed without diacritics may stand for.
DIACRITIC_SPELLINGS = {"a": "aą", "c": "cć", "e": "eę", "l": "lł", "n": "nń", "o": "oó", "s": "sś", "z": "zźż"}
POLISH_DIACRITICS = set("ąćęłńóśźż")

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
def morfeusz():
    """The one Morfeusz 2 analyser of this process (about 0.3 s and 45 MB to load), made on first use."""
    return morfeusz2.Morfeusz(generate=False, expand_tags=False)


@cache
def polish_stemmer():
    """Stempel with its original table (Apache 2.0, shipped in the package), for words Morfeusz does not know.

    Read through ``Stemmer.from_stream`` without a size: ``from_file`` draws a tqdm progress bar in the server's log.
    """
    table = gzip.decompress((resources.files("pystempel.data.original") / "stemmer_20000.tbl.gz").read_bytes())
    return StempelStemmer.from_stream(DataInputStream(io.BytesIO(table)))


@cache
def english_stemmer():
    return Stemmer.Stemmer("english")


def load_stemmer():
    """Load the dictionary and the stemming tables now rather than in the first search: gunicorn.conf.py calls
    this in the master, before it forks the workers. Free of Django, so it can run before the site is set up."""
    morfeusz()
    polish_stemmer()
    english_stemmer()


def lemmas(word):
    """The folded lemmas Morfeusz gives ``word`` (every interpretation), or an empty set if it does not know it.
    A lemma's tag ("Koziołek:Sm1": which of the homonyms) is dropped."""
    return {
        fold(lemma.split(":", 1)[0])
        for _start, _end, (_form, lemma, tag, *_rest) in morfeusz().analyse(word)
        if tag != "ign"
    }


def spellings(word):
    """``word`` with every combination of Polish diacritics its letters could carry, itself included."""
    options = [DIACRITIC_SPELLINGS.get(ch, ch) for ch in word]
    count = 1
    for option in options:
        count *= len(option)
    if count > MAX_SPELLINGS:
        return [word]
    return ["".join(letters) for letters in itertools.product(*options)]


def restored_lemmas(word):
    """The lemmas of every spelling of ``word`` with diacritics that Morfeusz knows: "spoldzielni" → spółdzielnia."""
    candidates = spellings(word)
    # One call for all spellings: Morfeusz reads a text far faster than the same words one by one.
    found = morfeusz().analyse(" ".join(candidates))
    candidate_set = set(candidates)
    return {
        fold(lemma.split(":", 1)[0])
        for _start, _end, (form, lemma, tag, *_rest) in found
        if tag != "ign" and form in candidate_set
    }


def unknown_word_keys(word, folded):
    keys = {folded}
    if len(word) >= MIN_STEM_LENGTH:
        stem = polish_stemmer()(word.lower())
        if stem:
            keys.add(fold(stem))
    return keys


@lru_cache(maxsize=200_000)
def word_keys(word, language):
    """The keys of one word of indexed text (lemmas or stem, and the marked exact form), or an empty set for a
    stop word."""
    folded = fold(word)
    if not folded or folded in STOP_WORDS.get(language, ()):
        return frozenset()
    if language == "pl":
        keys = lemmas(word) or unknown_word_keys(word, folded)
    else:
        keys = {english_stemmer().stemWord(folded)}
    return frozenset({*keys, EXACT + folded})


@lru_cache(maxsize=20_000)
def query_word_keys(word, language):
    """The keys a query word matches: those of the word as written and, for a Polish word typed without any
    diacritics, those of every word it could be with them."""
    keys = word_keys(word, language)
    folded = fold(word)
    if language == "pl" and keys and word == folded and not POLISH_DIACRITICS & set(word):
        keys = keys | restored_lemmas(word)
    return frozenset(keys)


def exact_key(word):
    return EXACT + fold(word)


def words(text):
    return WORD_RE.findall(text)


def text_keys(text, language):
    """Every key of ``text``, as a set."""
    keys = set()
    for word in set(words(text)):
        keys |= word_keys(word, language)
    return keys


def query_terms(query, language):
    """The key sets of a query's words, at most ``MAX_QUERY_WORDS`` of them; stop words and repeats dropped."""
    terms = []
    for word in words(clean_query(query).lower()):
        keys = query_word_keys(word, language)
        if keys and keys not in terms:
            terms.append(keys)
    return terms[:MAX_QUERY_WORDS]
