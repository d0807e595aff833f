"""Transliterate Kazakh, Russian and Uzbek names between Cyrillic and Latin (no Django here).

Three directions, each one deterministic; matching code should still generate several keys per name
(see shared/domain/names-and-scripts.md), these functions give the official spellings to start from:

- to_latin: passport romanisation (ICAO Doc 9303) with the Kazakh and Uzbek extras, as printed in
  Kazakh and Russian passports: Жұмабеков -> Zhumabekov, ЩЕРБАКОВ -> SHCHERBAKOV.
- to_uzbek_latin: Uzbek Cyrillic -> the official Uzbek Latin alphabet: Ўткир Ҳошимов -> Oʻtkir Hoshimov.
- to_uzbek_cyrillic: the reverse, for names whose source spelling is Uzbek Latin.

Characters without a mapping (Latin, digits, punctuation, other scripts) pass through unchanged.
"""

from __future__ import annotations

from itertools import pairwise

# U+02BB marks oʻ and gʻ; U+02BC is the tutuq belgisi (the Cyrillic ъ). Both are official Uzbek Latin.
OKINA = "\u02bb"
TUTUQ = "\u02bc"
# Apostrophes found in real Uzbek Latin data in place of the two official marks.
_APOSTROPHES = frozenset("'`\u2018\u2019\u02bb\u02bc\u02b9\u00b4")

_ICAO = {
    # Russian (ICAO Doc 9303, 2013 edition)
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "ie", "ы": "y", "ь": "", "э": "e", "ю": "iu", "я": "ia",
    # Kazakh passports
    "ә": "a", "ғ": "g", "қ": "k", "ң": "n", "ө": "o", "ұ": "u", "ү": "u", "і": "i", "һ": "h",
    # Uzbek Cyrillic
    "ў": "o", "ҳ": "kh",
    # Ukrainian, for the names of Ukrainians living in the region (ICAO)
    "ґ": "g", "є": "ie", "ї": "i",
    # Look-alikes seen in Kazakh data: Latin schwa for ә, Cyrillic fita for ө
    "ə": "a", "ѳ": "o",
}  # fmt: skip

_UZBEK = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ё": "yo", "ж": "j", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s",
    "т": "t", "у": "u", "ф": "f", "х": "x", "ч": "ch", "ш": "sh", "ь": "", "э": "e",
    "ю": "yu", "я": "ya", "ў": "o" + OKINA, "қ": "q", "ғ": "g" + OKINA, "ҳ": "h",
    # Not Uzbek letters, but found in Russian loans and Kazakh names written in Uzbek documents
    "щ": "sh", "ы": "i", "ә": "a", "ө": "o", "ұ": "u", "ү": "u", "і": "i", "һ": "h", "ң": "ng",
}  # fmt: skip

# Lookup by either case; the case of the output is decided by _cased.
_ICAO_ANY_CASE = {**_ICAO, **{key.upper(): value for key, value in _ICAO.items()}}
# е, ц, ъ and с depend on their neighbours (see _uzbek_letter) but are Uzbek letters all the same.
_UZBEK_LETTERS = frozenset(_UZBEK) | frozenset("ецъ")
_UZBEK_LETTERS_ANY_CASE = _UZBEK_LETTERS | {letter.upper() for letter in _UZBEK_LETTERS}
_CYRILLIC_VOWELS = frozenset("аеёиоуыэюяўәөұүіє")
_IOTATED = frozenset("еёюя")

# Latin -> Cyrillic for Uzbek; two-letter spellings are tried before single letters.
_UZBEK_LATIN_PAIRS = {
    "sh": "ш", "ch": "ч", "yo": "ё", "yu": "ю", "ya": "я", "ye": "е", "o" + OKINA: "ў", "g" + OKINA: "ғ",
}  # fmt: skip
_UZBEK_LATIN_SINGLE = {
    "a": "а", "b": "б", "c": "ц", "d": "д", "f": "ф", "g": "г", "h": "ҳ", "i": "и", "j": "ж",
    "k": "к", "l": "л", "m": "м", "n": "н", "o": "о", "p": "п", "q": "қ", "r": "р", "s": "с",
    "t": "т", "u": "у", "v": "в", "x": "х", "y": "й", "z": "з",
}  # fmt: skip
_LATIN_VOWELS = frozenset("aeiou")


def _is_all_caps(text: str) -> bool:
    """Tell whether text is written in capitals (ЖҰМАБЕКОВ Ж.): a capitalised word and no lower case."""
    has_caps_word = any(a.isupper() and b.isupper() for a, b in pairwise(text))
    return has_caps_word and not any(char.islower() for char in text)


def _cased(latin: str, source: str, text: str, index: int, all_caps_text: bool) -> str:
    """Give a multi-letter rendering the case of its source letter: Zh in Title case, ZH in ALL CAPS."""
    if not source.isupper() or not latin:
        return latin
    after = text[index + 1] if index + 1 < len(text) else ""
    before = text[index - 1] if index > 0 else ""
    # In an all-caps word a neighbour is a capital too; a lone capital (an initial) follows the text.
    all_caps = after.isupper() or (not after.isalpha() and (before.isupper() or all_caps_text))
    return latin.upper() if all_caps else latin[0].upper() + latin[1:]


def to_latin(text: str) -> str:
    """Romanise Cyrillic as Kazakh and Russian passports do (ICAO Doc 9303 plus Kazakh letters)."""
    out = []
    all_caps_text = _is_all_caps(text)
    for index, char in enumerate(text):
        latin = _ICAO_ANY_CASE.get(char)
        out.append(char if latin is None else _cased(latin, char, text, index, all_caps_text))
    return "".join(out)


def _is_word_start(text: str, index: int) -> bool:
    return index == 0 or not text[index - 1].isalpha()


def _uzbek_letter(text: str, index: int) -> str:
    """Return the Uzbek Latin for the Cyrillic letter at index, in lower case."""
    char = text[index].lower()
    before = text[index - 1].lower() if index > 0 else ""
    after = text[index + 1].lower() if index + 1 < len(text) else ""
    if char == "е":  # ye at the start of a word, after a vowel and after the signs (съезд -> syezd)
        return "ye" if _is_word_start(text, index) or before in _CYRILLIC_VOWELS or before in "ъь" else "e"
    if char == "ц":  # s by default (цех -> sex), ts after a vowel (милиция -> militsiya)
        return "ts" if before in _CYRILLIC_VOWELS else "s"
    if char == "ъ":  # before е ё ю я the y of the next letter already shows the break
        return "" if after in _IOTATED else TUTUQ
    if char == "с" and after == "ҳ":  # Исҳоқ -> Isʼhoq, so it is not read as sh
        return "s" + TUTUQ
    return _UZBEK[char]


def to_uzbek_latin(text: str) -> str:
    """Write Uzbek Cyrillic in the official Uzbek Latin alphabet (oʻ and gʻ with U+02BB)."""
    out = []
    all_caps_text = _is_all_caps(text)
    for index, char in enumerate(text):
        if char in _UZBEK_LETTERS_ANY_CASE:
            out.append(_cased(_uzbek_letter(text, index), char, text, index, all_caps_text))
        else:
            out.append(char)
    return "".join(out)


def to_uzbek_cyrillic(text: str) -> str:
    """Write Uzbek Latin in Uzbek Cyrillic, accepting any apostrophe for the oʻ, gʻ and ʼ marks."""
    out: list[str] = []
    index = 0
    while index < len(text):
        char = text[index]
        lower = char.lower()
        nxt = text[index + 1].lower() if index + 1 < len(text) else ""
        if lower in "og" and nxt in _APOSTROPHES:
            pair = lower + OKINA
        elif lower == "y" and nxt == "o" and index + 2 < len(text) and text[index + 2] in _APOSTROPHES:
            pair = ""  # y before oʻ is й (Yoʻldosh), not ё
        else:
            pair = lower + nxt
        if pair in _UZBEK_LATIN_PAIRS:
            cyrillic = _UZBEK_LATIN_PAIRS[pair]
            index += 2
        elif char in _APOSTROPHES:
            # s'h keeps с and ҳ apart (Is'hoq); elsewhere the mark is the tutuq belgisi, Cyrillic ъ.
            cyrillic = "" if out and out[-1].lower() == "с" and nxt == "h" else "ъ"
            index += 1
        elif lower == "e":
            previous = text[index - 1].lower() if index > 0 else ""
            # Cyrillic е is read ye at a word start and after vowels, so a bare e there is э.
            at_start = _is_word_start(text, index)
            cyrillic = "э" if at_start or previous in _LATIN_VOWELS else "е"
            index += 1
        elif lower in _UZBEK_LATIN_SINGLE:
            cyrillic = _UZBEK_LATIN_SINGLE[lower]
            index += 1
        else:
            out.append(char)
            index += 1
            continue
        out.append(cyrillic.upper() if char.isupper() else cyrillic)
    return "".join(out)
