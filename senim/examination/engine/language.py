"""Which language a provision or document is written in, by script and stop words (no model needed).

Returns "ru", "kk", "en", "uz" (Uzbek in either script) or "" when none of these. Uzbek Cyrillic is
transliterated to Latin so one set of Uzbek patterns covers both scripts.
"""

import re

SUPPORTED = ("ru", "kk", "en", "uz")

_WORD = re.compile(r"[^\W\d_]+(?:[ʻʼ'’‘`][^\W\d_]+)*", re.UNICODE)
_KK_LETTERS = set("әіңғүұқөһ")
_UZ_CYR_LETTERS = set("ўҳ")
_STOP = {
    "ru": {
        "и",
        "в",
        "не",
        "на",
        "с",
        "по",
        "что",
        "или",
        "для",
        "при",
        "от",
        "к",
        "о",
        "его",
        "без",
        "если",
        "за",
        "настоящего",
        "договора",
        "является",
        "вправе",
        "течение",
        "может",
        "также",
        "быть",
        "лица",
    },
    "kk": {
        "және",
        "бойынша",
        "үшін",
        "тиіс",
        "осы",
        "мен",
        "немесе",
        "туралы",
        "болып",
        "табылады",
        "құқылы",
        "жағдайда",
        "шарт",
        "шарттың",
        "бар",
        "жоқ",
        "мүмкін",
        "арқылы",
        "ішінде",
        "сәйкес",
        "емес",
    },
    "uz": {
        "va",
        "bilan",
        "uchun",
        "boʻyicha",
        "ushbu",
        "yoki",
        "hamda",
        "qilinadi",
        "haqli",
        "shartnoma",
        "tomonidan",
        "boʻlgan",
        "emas",
        "mumkin",
        "asosida",
        "kerak",
        "oʻz",
        "qilish",
        "koʻra",
        "hollarda",
    },
    "en": {
        "the",
        "of",
        "and",
        "to",
        "shall",
        "in",
        "by",
        "or",
        "be",
        "any",
        "may",
        "is",
        "with",
        "for",
        "not",
        "its",
        "this",
        "agreement",
        "contract",
        "company",
        "within",
        "without",
        "on",
        "are",
        "as",
    },
}
_UZ_CYR = {
    "ва",
    "билан",
    "учун",
    "бўйича",
    "ушбу",
    "ёки",
    "ҳамда",
    "қилинади",
    "ҳақли",
    "шартнома",
    "томонидан",
    "бўлган",
    "эмас",
    "мумкин",
    "асосида",
    "керак",
    "ўз",
    "қилиш",
    "кўра",
    "ҳолларда",
}

_APOSTROPHES = str.maketrans({"'": "ʻ", "’": "ʻ", "‘": "ʻ", "`": "ʻ", "ʼ": "ʻ"})
_UZ_TRANSLIT = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "e",
    "ё": "yo",
    "ж": "j",
    "з": "z",
    "и": "i",
    "й": "y",
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
    "х": "x",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "ъ": "ʼ",
    "ь": "",
    "э": "e",
    "ю": "yu",
    "я": "ya",
    "ў": "oʻ",
    "қ": "q",
    "ғ": "gʻ",
    "ҳ": "h",
    "ы": "i",
}


def detect(text: str) -> str:
    """The language of `text` among SUPPORTED, or "" when it is none of them (or there is too little text)."""
    words = [w.lower() for w in _WORD.findall(text[:4000])]
    if not words:
        return ""
    letters = "".join(words)
    cyr = sum(1 for c in letters if "а" <= c <= "я" or c in "ёәіңғүұқөһўҳ")
    latin = sum(1 for c in letters if "a" <= c <= "z")
    if cyr >= latin:
        if any(c in _UZ_CYR_LETTERS for c in letters) or sum(w in _UZ_CYR for w in words) > sum(
            w in _STOP["ru"] for w in words
        ):
            return "uz"
        kk_letters = sum(1 for c in letters if c in _KK_LETTERS)
        kk_words = sum(w in _STOP["kk"] for w in words)
        ru_words = sum(w in _STOP["ru"] for w in words)
        if kk_letters / max(1, len(letters)) > 0.01 or kk_words > ru_words:
            return "kk"
        return "ru" if cyr else ""
    normalised = [w.translate(_APOSTROPHES) for w in words]
    uz = (
        sum(w in _STOP["uz"] for w in normalised)
        + sum("ʻ" in w for w in normalised)
        + sum(w.endswith(("lar", "ning", "dagi", "ladi", "gan")) for w in normalised) // 2
    )
    en = sum(w in _STOP["en"] for w in words)
    if uz > en:
        return "uz"
    if en >= max(2, len(words) // 8) or (en and len(words) <= 4):
        return "en"
    return ""


def normalise_uzbek(text: str) -> str:
    """Uzbek in one script: Cyrillic transliterated to Latin, every apostrophe as ʻ."""
    out = []
    for c in text.lower():
        out.append(_UZ_TRANSLIT.get(c, c))
    return "".join(out).translate(_APOSTROPHES)
