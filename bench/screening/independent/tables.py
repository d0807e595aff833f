"""Alphabet correspondences used to *write* the independent evaluation set (never read by the engine).

Each table is transcribed from its published source, not from the engine's keys:

* Uzbek Latin ↔ Cyrillic: Law of the Republic of Uzbekistan "On introducing the Uzbek alphabet based
  on the Latin script" (1993), as amended on 6 May 1995 (the alphabet in use: Oʻ oʻ, Gʻ gʻ, Sh, Ch, ng,
  ʼ), with the Cyrillic–Latin correspondence of its annex. The Russian folding of the Uzbek letters
  (Ў→У, Ғ→Г, Қ→К, Ҳ→Х; ўғли→угли, қизи→кизи) is how Russian-language registers and keyboards without
  Uzbek letters write the same names.
* Kazakh Latin 2017: Decree of the President of Kazakhstan No. 569 of 26 October 2017 (apostrophes).
* Kazakh Latin 2018: Decree No. 637 of 19 February 2018 amending it (acute accents, Sh/Ch digraphs).
* Kazakh Latin 2021: the revised alphabet presented by the Government in January 2021 (Ä Ğ Ñ Ö Ū Ü Ş Ç,
  İ for И/Й, dotless I for І).
* Passport romanisation of Kazakh names: ICAO Doc 9303 (Part 3, Annex on transliteration of Cyrillic)
  as applied to Kazakh letters by Kazakh passports since 2013 (Ә A, Ғ G, Қ K, Ң N, Ө O, Ұ U, Ү U, І I,
  Һ H), and the older practice (before 2013: Й Y, Ю YU, Я YA, Е YE after a vowel or initially).
* BGN/PCGN romanisation of Kazakh (1979 system): Ә Ä, Ғ Gh, Қ Q, Ң Ng, Ө Ö, Ү Ü, Ұ U, І I, Һ H.
"""

from __future__ import annotations

import re

VOWELS_CYR = set("аәеёиіоөуұүыэюяў")

# --- Uzbek 1995 -----------------------------------------------------------------------------------
# Uzbek Latin (lower case, ʻ = U+02BB, ʼ = U+02BC) → Uzbek Cyrillic. Longest first.
UZ_LATIN_TO_CYRILLIC: list[tuple[str, str]] = [
    ("yoʻ", "йў"),  # Yoʻldosh = Йўлдош: y + oʻ, not yo
    ("oʻ", "ў"),
    ("gʻ", "ғ"),
    ("sh", "ш"),
    ("ch", "ч"),
    ("yo", "ё"),
    ("yu", "ю"),
    ("ya", "я"),
    ("ye", "е"),
    ("ts", "ц"),
    ("ʼ", "ъ"),
    ("a", "а"),
    ("b", "б"),
    ("d", "д"),
    ("e", "е"),  # э at the start of a word (see uz_cyrillic)
    ("f", "ф"),
    ("g", "г"),
    ("h", "ҳ"),
    ("i", "и"),
    ("j", "ж"),
    ("k", "к"),
    ("l", "л"),
    ("m", "м"),
    ("n", "н"),
    ("o", "о"),
    ("p", "п"),
    ("q", "қ"),
    ("r", "р"),
    ("s", "с"),
    ("t", "т"),
    ("u", "у"),
    ("v", "в"),
    ("x", "х"),
    ("y", "й"),
    ("z", "з"),
]
# How Russian text writes Uzbek Cyrillic letters it lacks.
UZ_TO_RUSSIAN_LETTERS = {"ў": "у", "ғ": "г", "қ": "к", "ҳ": "х"}
UZ_TO_RUSSIAN_WORDS = {"ўғли": "угли", "қизи": "кизи"}


def _case_like(source: str, target: str) -> str:
    if source[:1].isupper():
        return target[:1].upper() + target[1:]
    return target


def uz_cyrillic(latin: str) -> str:
    """Uzbek Latin → Uzbek Cyrillic, word by word (Э word-initially for e, Е for ye)."""
    out = []
    for word in latin.split(" "):
        lower = word.lower().replace("'", "ʻ").replace("ʻ", "ʻ")
        # s'h is с+ҳ (Isʼhoq), written with the tutuq belgisi
        result = ""
        i = 0
        while i < len(lower):
            if lower.startswith("sʼh", i):
                result += "сҳ"
                i += 3
                continue
            for latin_part, cyr in UZ_LATIN_TO_CYRILLIC:
                if lower.startswith(latin_part, i):
                    if latin_part == "e" and i == 0:
                        cyr = "э"
                    result += cyr
                    i += len(latin_part)
                    break
            else:
                result += lower[i]
                i += 1
        out.append(_case_like(word, result))
    return " ".join(out)


def uz_russian(cyrillic: str) -> str:
    """Uzbek Cyrillic folded to Russian letters."""
    out = []
    for word in cyrillic.split(" "):
        lower = word.lower()
        if lower in UZ_TO_RUSSIAN_WORDS:
            out.append(_case_like(word, UZ_TO_RUSSIAN_WORDS[lower]))
            continue
        out.append(_case_like(word, "".join(UZ_TO_RUSSIAN_LETTERS.get(c, c) for c in lower)))
    return " ".join(out)


# --- Kazakh Latin ---------------------------------------------------------------------------------
# Letters outside an alphabet (Ё Ц Щ Ъ Ь Э Ю Я in Russian loans) follow the decrees' notes: written
# as their sounds with the alphabet's letters.
_KZ_COMMON = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "j", "з": "z", "к": "k", "л": "l",
    "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "ф": "f", "х": "h", "һ": "h",
    "қ": "q", "ъ": "", "ь": "", "э": "e",
}  # fmt: skip
KZ_2017 = {
    **_KZ_COMMON,
    "ә": "a'", "ғ": "g'", "і": "i", "и": "i'", "й": "i'", "ң": "n'", "ө": "o'", "ұ": "u", "ү": "u'",
    "ы": "y", "у": "y'", "ш": "s'", "ч": "c'", "щ": "s'", "ц": "ts", "ё": "i'o", "ю": "i'y'", "я": "i'a",
}  # fmt: skip
KZ_2018 = {
    **_KZ_COMMON,
    "ә": "á", "ғ": "ǵ", "і": "i", "и": "ı", "й": "ı", "ң": "ń", "ө": "ó", "ұ": "u", "ү": "ú", "ы": "y",
    "у": "ý", "ш": "sh", "ч": "ch", "щ": "sh", "ц": "ts", "ё": "ıo", "ю": "ıý", "я": "ıa",
}  # fmt: skip
KZ_2021 = {
    **_KZ_COMMON,
    "ә": "ä", "ғ": "ğ", "і": "ı", "и": "i", "й": "i", "ң": "ñ", "ө": "ö", "ұ": "ū", "ү": "ü", "ы": "y",
    "у": "u", "ш": "ş", "ч": "ç", "щ": "şş", "ц": "ts", "ё": "io", "ю": "iu", "я": "ia",
}  # fmt: skip
# Kazakh passports since 2013: ICAO Doc 9303 for the Russian letters, Kazakh letters plain.
KZ_PASSPORT = {
    **_KZ_COMMON,
    "ә": "a", "ғ": "g", "і": "i", "и": "i", "й": "i", "ң": "n", "ө": "o", "ұ": "u", "ү": "u", "ы": "y",
    "у": "u", "ш": "sh", "ч": "ch", "щ": "shch", "ц": "ts", "ж": "zh", "х": "kh", "һ": "h", "қ": "k",
    "ё": "e", "ю": "iu", "я": "ia",
}  # fmt: skip
# Older passports (before 2013): Й Y, Ю YU, Я YA, Е YE initially and after a vowel.
KZ_PASSPORT_OLD = {**KZ_PASSPORT, "й": "y", "ю": "yu", "я": "ya", "ё": "yo"}
# BGN/PCGN 1979 Kazakh.
KZ_BGN = {
    **_KZ_COMMON,
    "ә": "ä", "ғ": "gh", "і": "i", "и": "i", "й": "y", "ң": "ng", "ө": "ö", "ұ": "u", "ү": "ü", "ы": "y",
    "у": "u", "ш": "sh", "ч": "ch", "щ": "shch", "ц": "ts", "ж": "zh", "х": "kh", "һ": "h", "қ": "q",
    "ё": "yo", "ю": "yu", "я": "ya",
}  # fmt: skip
KZ_SCHEMES = {
    "kk_latin_2017": KZ_2017,
    "kk_latin_2018": KZ_2018,
    "kk_latin_2021": KZ_2021,
    "kk_passport": KZ_PASSPORT,
    "kk_passport_old": KZ_PASSPORT_OLD,
    "kk_bgn_pcgn": KZ_BGN,
}
_YE_SCHEMES = {"kk_passport_old", "kk_bgn_pcgn"}


def kazakh_latin(text: str, scheme: str) -> str:
    """Kazakh Cyrillic → the named Latin scheme, letter by letter, keeping word case."""
    table = KZ_SCHEMES[scheme]
    words = re.split(r"(\s+|-|«|»|\"|“|”)", text)
    out = []
    for word in words:
        if not word or not re.search(r"[\u0400-\u04ff]", word):
            out.append(word)
            continue
        lower = word.lower()
        result = ""
        for i, char in enumerate(lower):
            latin = table.get(char, char)
            if char == "е" and scheme in _YE_SCHEMES and (i == 0 or lower[i - 1] in VOWELS_CYR):
                latin = "ye"
            result += latin
        out.append(_case_like(word, result) if not word.isupper() or len(word) == 1 else result.upper())
    return "".join(out)
