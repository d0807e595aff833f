"""Turn words into search keys so that word forms and scripts meet.

Every word becomes one key in a folded Latin spelling:

- a Russian word (Cyrillic, known to the pymorphy3 dictionary) is reduced to its lemma first:
  «подарков» → «подарок» → ``podarok``;
- any other word (Kazakh, Uzbek, English, Russian words the dictionary does not know) is
  romanised, folded and stripped of common Kazakh and Uzbek endings: «сыйлықтарды» → ``silik``,
  ``sovgʻalar`` → ``sovg``. The stripping is greedy (a light stemmer, not a morphological
  analyser): it over-stems some words, but the same way in documents and queries;
- folding removes the differences between romanisations (``kh``/``h``/``x``, ``zh``/``j``,
  ``y``/``i``, doubled letters, apostrophes), so a query typed in Latin meets Cyrillic text.

A query word typed in Latin also tries the Russian reading: ``podarkov`` is spelt back in
Cyrillic («подарков») and lemmatised, so Latin queries find Russian word forms too. A document
indexes the set of its keys; a query matches a document holding, for every query word, one of
that word's keys.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from senim.core.translit import to_latin

_WORD = re.compile(r"[^\W\d_]+(?:['`\u2018\u2019\u02bb\u02bc][^\W\d_]+)*")
_MARKS = str.maketrans("", "", "'`\u2018\u2019\u02bb\u02bc")
_KAZAKH_LETTERS = frozenset("әғқңөұүһі")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
MAX_KEY = 64

# Multi-letter spellings first; the order matters (shch before sh, kh before h …).
_FOLD = (
    ("shch", "sh"),
    ("sch", "sh"),
    ("kh", "h"),
    ("x", "h"),
    ("zh", "j"),
    ("ya", "ia"),
    ("yu", "iu"),
    ("yo", "io"),
    ("ye", "e"),
    ("y", "i"),
    ("q", "k"),
    ("w", "v"),
    ("ck", "k"),
)

# Kazakh and Uzbek endings in folded spelling: plural, possessive and case endings.
_ENDINGS = sorted(
    {
        "lar", "ler", "dar", "der", "tar", "ter", "lari", "leri", "dari", "deri", "tari", "teri",
        "ning", "nin", "din", "tin", "nen", "nan", "dan", "den", "tan", "ten", "men", "ben", "pen",
        "nda", "nde", "da", "de", "ta", "te", "ga", "ge", "ka", "ke", "na", "ne",
        "imiz", "iniz", "ingiz", "miz", "niz", "si", "ni", "di", "ti", "im", "in", "ing", "i", "a", "e",
        "s",  # the English plural
    },
    key=len,
    reverse=True,
)  # fmt: skip

# Latin → Russian Cyrillic, to read a Latin query word as Russian.
_TO_RUSSIAN = (
    ("shch", "щ"), ("sch", "щ"), ("zh", "ж"), ("kh", "х"), ("ts", "ц"), ("ch", "ч"), ("sh", "ш"),
    ("ya", "я"), ("ia", "я"), ("yu", "ю"), ("iu", "ю"), ("yo", "ё"), ("ye", "е"),
    ("a", "а"), ("b", "б"), ("v", "в"), ("g", "г"), ("d", "д"), ("e", "е"), ("z", "з"), ("i", "и"),
    ("y", "ы"), ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"), ("o", "о"), ("p", "п"), ("r", "р"),
    ("s", "с"), ("t", "т"), ("u", "у"), ("f", "ф"), ("h", "х"), ("x", "кс"), ("c", "ц"), ("j", "ж"),
    ("w", "в"), ("q", "к"),
)  # fmt: skip


def words(text: str) -> list[str]:
    """The words of `text`, lower-cased (letters only; digits and punctuation separate words)."""
    return [match.group(0).lower() for match in _WORD.finditer(text or "")]


def fold(latin: str) -> str:
    """Remove the differences between romanisations of the same word (but keep doubled letters:
    an ending may start with the letter a stem ends with, and is stripped before they merge)."""
    text = latin.lower().translate(_MARKS)
    for source, target in _FOLD:
        text = text.replace(source, target)
    return text


def single(text: str) -> str:
    """Write doubled letters once (коррупция, korrupsiya and korupsia meet)."""
    out: list[str] = []
    for char in text:
        if not out or out[-1] != char:
            out.append(char)
    return "".join(out)


def strip_endings(stem: str) -> str:
    """Remove Kazakh or Uzbek endings one after another, keeping a stem of at least four letters."""
    while True:
        for ending in _ENDINGS:
            if stem.endswith(ending) and len(stem) - len(ending) >= 4:
                stem = stem[: -len(ending)]
                break
        else:
            break
    return stem


@lru_cache(maxsize=1)
def _morph() -> Any:
    import pymorphy3  # loads a 15 MB dictionary: only when the first word needs it

    return pymorphy3.MorphAnalyzer(lang="ru")


def _russian_lemma(word: str) -> str | None:
    """The lemma of a Russian word the dictionary knows, else None."""
    morph = _morph()
    if not morph.word_is_known(word):
        return None
    return str(morph.parse(word)[0].normal_form)


def _latin_to_russian(word: str) -> str:
    out = []
    index = 0
    while index < len(word):
        for source, target in _TO_RUSSIAN:
            if word.startswith(source, index):
                out.append(target)
                index += len(source)
                break
        else:
            out.append(word[index])
            index += 1
    return "".join(out)


def _key(latin: str, *, endings: bool = False) -> str:
    folded = fold(latin)
    return single(strip_endings(folded) if endings else folded)[:MAX_KEY]


@lru_cache(maxsize=200_000)
def word_key(word: str) -> str:
    """The one key a document stores for `word`."""
    if _CYRILLIC.search(word):
        if not (_KAZAKH_LETTERS & set(word)):
            lemma = _russian_lemma(word.replace("ё", "е"))
            if lemma:
                return _key(to_latin(lemma))
        return _key(to_latin(word), endings=True)
    return _key(word, endings=True)


@lru_cache(maxsize=20_000)
def query_word_keys(word: str) -> frozenset[str]:
    """The keys that match `word` in a query: its own key and, for a Latin word, its Russian reading."""
    keys = {word_key(word)}
    if not _CYRILLIC.search(word):
        lemma = _russian_lemma(_latin_to_russian(word.translate(_MARKS)))
        if lemma:
            keys.add(_key(to_latin(lemma)))
    return frozenset(key for key in keys if key)


def document_keys(*texts: str) -> set[str]:
    """Every key of the given texts (a document's title and body in each language)."""
    return {key for text in texts for word in words(text) if len(word) > 1 and (key := word_key(word))}


def query_keys(query: str, limit: int = 8) -> list[frozenset[str]]:
    """One set of alternative keys per query word (at most `limit` words, single letters ignored)."""
    seen: list[frozenset[str]] = []
    for word in words(query):
        if len(word) < 2:
            continue
        keys = query_word_keys(word)
        if keys and keys not in seen:
            seen.append(keys)
        if len(seen) >= limit:
            break
    return seen
