"""Forward romanisation systems used by the generator to write one name many ways.

Independent of the engine: these follow the published tables (ICAO Doc 9303, the Kazakh Latin
alphabets of 2017, 2018 and 2021, BGN-style and older passport spellings, Uzbek Latin↔Cyrillic).
"""

from __future__ import annotations

import random

KAZAKH_TO_RUSSIAN = str.maketrans("ӘәҒғҚқҢңӨөҰұҮүІіҺһ", "АаГгКкНнОоУуУуИиХх")
UZBEK_CYR_TO_RUSSIAN = str.maketrans("ЎўҚқҒғҲҳ", "УуКкГгХх")

_ICAO = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "e",
    "ё": "e",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "й": "i",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ъ": "ie",
    "ы": "y",
    "ь": "",
    "э": "e",
    "ю": "iu",
    "я": "ia",
    "ә": "a",
    "ғ": "g",
    "қ": "k",
    "ң": "n",
    "ө": "o",
    "ұ": "u",
    "ү": "u",
    "і": "i",
    "һ": "h",
    "ў": "u",
    "ҳ": "kh",
}
_OLD = dict(_ICAO, **{"й": "y", "ю": "yu", "я": "ya", "ъ": "", "ё": "yo", "ы": "y"})
_BGN_KZ = dict(_OLD, **{"ғ": "gh", "қ": "q", "ң": "ng", "х": "kh", "ж": "zh"})
_KZ_2021 = {
    "а": "a",
    "ә": "ä",
    "б": "b",
    "в": "v",
    "г": "g",
    "ғ": "ğ",
    "д": "d",
    "е": "e",
    "ё": "io",
    "ж": "j",
    "з": "z",
    "и": "i",
    "й": "i",
    "к": "k",
    "қ": "q",
    "л": "l",
    "м": "m",
    "н": "n",
    "ң": "ñ",
    "о": "o",
    "ө": "ö",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ұ": "ū",
    "ү": "ü",
    "ф": "f",
    "х": "h",
    "һ": "h",
    "ц": "ts",
    "ч": "ch",
    "ш": "ş",
    "щ": "şş",
    "ъ": "",
    "ы": "y",
    "і": "ı",
    "ь": "",
    "э": "e",
    "ю": "iu",
    "я": "ia",
}
_KZ_2018 = dict(
    _KZ_2021,
    **{
        "ә": "á",
        "ғ": "ǵ",
        "ң": "ń",
        "ө": "ó",
        "ұ": "u",
        "ү": "ú",
        "у": "ý",
        "ш": "sh",
        "ж": "j",
        "і": "i",
        "ы": "y",
        "й": "i",
    },
)
_KZ_2017 = dict(
    _KZ_2021,
    **{
        "ә": "a'",
        "ғ": "g'",
        "ң": "n'",
        "ө": "o'",
        "ұ": "u",
        "ү": "u'",
        "у": "y'",
        "ш": "s'",
        "ч": "c'",
        "і": "i",
        "ы": "y",
        "й": "i'",
        "и": "i'",
        "ж": "j",
    },
)
_VOWELS = set("аәеёиоөуұүыіэюяaeiouy")
_UZ_CYR_TO_LAT = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "ғ": "gʻ",
    "д": "d",
    "е": "e",
    "ё": "yo",
    "ж": "j",
    "з": "z",
    "и": "i",
    "й": "y",
    "к": "k",
    "қ": "q",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ў": "oʻ",
    "ф": "f",
    "х": "x",
    "ҳ": "h",
    "ц": "s",
    "ч": "ch",
    "ш": "sh",
    "ъ": "ʼ",
    "ь": "",
    "э": "e",
    "ю": "yu",
    "я": "ya",
}
UZ_APOSTROPHES = ["ʻ", "'", "`", "‘", "’", "ʼ"]


def _apply(table: dict[str, str], text: str, ye_after_vowel: bool = False) -> str:
    out: list[str] = []
    previous = " "
    for char in text:
        lower = char.lower()
        value = table.get(lower, lower)
        if ye_after_vowel and lower == "е" and (previous in " -" or previous in _VOWELS):
            value = "ye"
        if char != lower and value:
            value = value[0].upper() + value[1:]
        out.append(value)
        previous = lower
    return "".join(out)


def icao(text: str) -> str:
    return _apply(_ICAO, text).upper()


def old_passport(text: str) -> str:
    return _apply(_OLD, text, ye_after_vowel=True)


def bgn_kazakh(text: str) -> str:
    return _apply(_BGN_KZ, text, ye_after_vowel=True)


def kazakh_2021(text: str) -> str:
    return _apply(_KZ_2021, text)


def kazakh_2018(text: str) -> str:
    return _apply(_KZ_2018, text)


def kazakh_2017(text: str) -> str:
    return _apply(_KZ_2017, text)


def english_style(text: str, rng: random.Random) -> str:
    """Loose English spelling: old passport style, sometimes a doubled s (Kassym)."""
    value = old_passport(text)
    if rng.random() < 0.3 and "as" in value[1:4]:
        value = value.replace("as", "ass", 1)
    return value


def uzbek_cyrillic_to_latin(text: str, apostrophe: str = "ʻ") -> str:
    value = _apply(_UZ_CYR_TO_LAT, text, ye_after_vowel=True)
    return value.replace("ʻ", apostrophe)


_UZ_LAT_TO_CYR = [
    ("yoʻ", "йў"),
    ("shch", "щ"),
    ("sh", "ш"),
    ("ch", "ч"),
    ("yo", "ё"),
    ("yu", "ю"),
    ("ya", "я"),
    ("ye", "е"),
    ("oʻ", "ў"),
    ("gʻ", "ғ"),
    ("a", "а"),
    ("b", "б"),
    ("v", "в"),
    ("g", "г"),
    ("d", "д"),
    ("e", "е"),
    ("j", "ж"),
    ("z", "з"),
    ("i", "и"),
    ("y", "й"),
    ("k", "к"),
    ("q", "қ"),
    ("l", "л"),
    ("m", "м"),
    ("n", "н"),
    ("o", "о"),
    ("p", "п"),
    ("r", "р"),
    ("s", "с"),
    ("t", "т"),
    ("u", "у"),
    ("f", "ф"),
    ("x", "х"),
    ("h", "ҳ"),
    ("ʼ", "ъ"),
]


def uzbek_latin_to_cyrillic(text: str) -> str:
    out: list[str] = []
    i = 0
    while i < len(text):
        for latin, cyrillic in _UZ_LAT_TO_CYR:
            piece = text[i : i + len(latin)]
            if piece.lower() == latin:
                if latin == "e" and (i == 0 or text[i - 1] in " -"):
                    cyrillic = "э"
                out.append(cyrillic.upper() if piece[0].isupper() else cyrillic)
                i += len(latin)
                break
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def uzbek_latin_variant(text: str, rng: random.Random) -> str:
    """Uzbek Latin as found in data: any apostrophe for oʻ/gʻ, sometimes none at all."""
    apostrophe = rng.choice([*UZ_APOSTROPHES, ""])
    return text.replace("ʻ", apostrophe)
