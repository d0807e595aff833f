"""Kazakh suffix stripping, hand-written (no Kazakh analyser is available offline).

Kazakh is agglutinative: "бастығының" is бастық + possessive ы + genitive ның. `stem` strips the endings
that cannot be mistaken for part of a verb, participle or adverb: the case endings of two letters or more
(genitive, dative, ablative, locative after a possessive, instrumental) and then the plural, so that
stem("бастығының") == stem("бастығына") == "бастығы" and stem("жалға") == "жал". Possessives, one-letter
and ambiguous endings ("та", "ін", "ды": also the ends of "қысқарта", "кейін", "алады") are kept;
patterns match the rest by stem + `\\w*`. The stem is never shorter than three letters.
"""

from functools import lru_cache

_CASE = sorted(
    [
        "ндағы",
        "ндегі",
        "дағы",
        "дегі",
        "тағы",
        "тегі",
        "ның",
        "нің",
        "дың",
        "дің",
        "тың",
        "тің",
        "нан",
        "нен",
        "дан",
        "ден",
        "тан",
        "тен",
        "нда",
        "нде",
        "ға",
        "ге",
        "қа",
        "ке",
        "на",
        "не",
        "мен",
        "бен",
        "пен",
    ],
    key=len,
    reverse=True,
)
_PLURAL = ["лар", "лер", "дар", "дер", "тар", "тер"]
_MIN = 3
_WORDS = {"тұлға", "төраға", "баға", "аға", "саға"}  # end like a dative but are the bare word


def _strip(word: str, endings: list[str]) -> str:
    for ending in endings:
        if word.endswith(ending) and len(word) - len(ending) >= _MIN:
            return word[: -len(ending)]
    return word


@lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    """The word without its case and plural endings (lower-case in, lower-case out)."""
    if not word.isalpha() or len(word) <= _MIN or word in _WORDS:
        return word
    return _strip(_strip(word, _CASE), _PLURAL)
