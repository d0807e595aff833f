"""Every letter table the engine uses, in one place, each with its source.

The engine never picks one romanisation: each word gets *keys* in a reduced Latin alphabet where
the spellings the region's data uses for one sound meet (``transliteration``). The tables below
say which letters meet. Sources:

* Russian Cyrillic: GOST 7.79-2000 / ISO 9 letter inventory; the romanisations it must meet are
  those of ICAO Doc 9303 (Part 3, section 6: passports since 2013), MVD orders 310 (1997) and 782
  (2010) for earlier Russian passports, BGN/PCGN 1947, BS 2979, ISO 9 (1954/1968/1995), ALA-LC,
  UNGEGN 1987, the "scientific" transliteration and the French passport practice (as carried by
  the iuliia package, which the independent benchmark uses; the engine does not import it).
* Kazakh Cyrillic extras (Ә Ғ Қ Ң Ө Ұ Ү Һ І): Kazakh Latin alphabets of Presidential Decree
  No. 569 (26 Oct 2017: apostrophes), No. 637 (19 Feb 2018: acute accents) and the 2021 revision
  (Ä Ğ Ñ Ö Ū Ü Ş Ç, dotted/dotless I); passport practice (ICAO, Ә→A …) and BGN/PCGN 1979 (Ғ GH,
  Қ Q, Ң NG).
* Uzbek: the Latin alphabet of the Law of 1993 as amended 6 May 1995 (Oʻ Gʻ Sh Ch ng ʼ) and its
  Cyrillic correspondence (Ў Қ Ғ Ҳ); Russian-language text folds Ў→У, Қ→К, Ғ→Г, Ҳ→Х.
* Look-alike letters: Unicode confusables (UTS #39 confusables.txt) seen in the region's data.

Reviewed together with ``business_terms`` (loan words) and ``legal_forms`` (legal-form names), the
other two data modules of the engine.
"""

from __future__ import annotations

# Cyrillic (Russian, Kazakh, Uzbek, and the other Cyrillic letters names bring) straight into the
# key alphabet: S = ш/щ, C = ч, j = ж, h = х/ҳ/һ, c = ц; ё/ю/я keep their glide (io/iu/ia).
CYRILLIC_TO_KEY: dict[str, str] = {
    "а": "a",
    "ә": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "ғ": "g",
    "д": "d",
    "е": "e",
    "ё": "io",
    "ж": "j",
    "з": "z",
    "и": "i",
    "й": "i",
    "к": "k",
    "қ": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "ң": "n",
    "о": "o",
    "ө": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ұ": "u",
    "ү": "u",
    "ў": "o",
    "ф": "f",
    "х": "h",
    "ҳ": "h",
    "һ": "h",
    "ц": "c",
    "ч": "C",
    "ш": "S",
    "щ": "S",
    "ъ": "",
    "ы": "i",
    "і": "i",
    "ь": "",
    "э": "e",
    "ю": "iu",
    "я": "ia",
    "ѣ": "e",
    "ґ": "g",
    "є": "e",
    "ї": "i",
    "ј": "j",
    "ђ": "d",
    "ћ": "c",
    "љ": "l",
    "њ": "n",
    "џ": "j",
    "'": "",
}

# Latin letters with diacritics: Kazakh 2018 (á ǵ ń ó ú ý ı), 2021 (ä ğ ñ ö ū ü ş ç ı), Uzbek and
# Turkish spellings, ISO 9 / scientific (č š ž ŝ), and Western names. "\x02" is ң written ñ/ń,
# kept apart from a following g (transliteration._latin_key).
LATIN_LETTERS: dict[str, str] = {
    "ä": "a",
    "á": "a",
    "à": "a",
    "â": "a",
    "ã": "a",
    "å": "a",
    "ā": "a",
    "æ": "a",
    "ğ": "g",
    "ǵ": "g",
    "ñ": "\x02",
    "ń": "\x02",
    "ň": "n",
    "ö": "o",
    "ó": "o",
    "ò": "o",
    "ô": "o",
    "õ": "o",
    "ø": "o",
    "ō": "o",
    "ū": "u",
    "ü": "u",
    "ú": "u",
    "ù": "u",
    "û": "u",
    "ŝ": "S",  # ISO 9 / GOST 16876: щ
    "ĉ": "C",
    "ŭ": "u",
    "ý": "u",  # 2018 Kazakh Latin: Ý = У
    "ş": "S",
    "ș": "S",
    "š": "S",
    "ç": "C",
    "č": "C",
    "ž": "j",
    "ı": "i",
    "í": "i",
    "ì": "i",
    "î": "i",
    "ï": "i",
    "ī": "i",
    "é": "e",
    "è": "e",
    "ê": "e",
    "ë": "e",
    "ē": "e",
    "ė": "e",
    "ё": "e",
    "ß": "ss",
    "ð": "d",
    "þ": "t",
    "ł": "l",
    "ś": "s",
    "ź": "z",
    "ż": "z",
    "ć": "c",
    "ř": "r",
    "ď": "d",
    "ť": "t",
    "ů": "u",
    "ő": "o",
    "ű": "u",
    "ą": "a",
    "ę": "e",
}

# Kazakh 2017 apostrophe letters (a' g' i' n' o' u' y' s' c') and Uzbek oʻ/gʻ.
APOSTROPHE_VALUES: dict[str, str] = {
    "a": "a",
    "g": "g",
    "i": "i",
    "o": "o",
    "u": "u",
    "y": "u",
    "n": "\x02",
    "s": "S",
    "c": "C",
}

# Latin digraphs (passports, BGN/PCGN, English), longest first: "shch" before "sh", "dzh" before "zh".
LATIN_DIGRAPHS: list[tuple[str, str]] = [
    ("shch", "S"),
    ("sch", "S"),
    ("sh", "S"),
    ("ch", "C"),
    ("dzh", "j"),
    ("dj", "j"),
    ("zh", "j"),
    ("kh", "h"),
    ("gh", "g"),
    ("ck", "k"),  # before ts: "tsk" (Tashkentskii) must not become "ck" → k
    ("ts", "c"),
    ("tc", "c"),
    ("ph", "f"),
    ("th", "t"),
    ("ng", "n"),
    ("q", "k"),
    ("w", "v"),
    ("y", "i"),
    ("'", ""),
]

# Look-alikes typed for Kazakh letters (Latin schwa for Ә, Greek theta for Ө), Turkic İ/ı.
LOOKALIKES: dict[str, str] = {
    "Ə": "Ә",
    "ə": "ә",  # Latin schwa typed for Kazakh Ә
    "Θ": "Ө",
    "θ": "ө",
    "Ѳ": "Ө",
    "ѳ": "ө",  # Greek theta / old Cyrillic fita for Ө
    "İ": "i",
    "I": "i",
    "ı": "i",  # Turkic dotted/dotless i: fold before lower() (see fold_case)
    "ѐ": "е",
    "Ѐ": "Е",
}

# Marks dropped inside a word: BGN/PCGN writes · between letters that would otherwise read as a
# digraph (Bau·yrzhan = Бауыржан, Abilkay·yrev); a middle dot never separates words in names.
SILENT_MARKS = "·"

# Latin letters that look like Cyrillic ones (a word mostly in Cyrillic with a stray Latin letter).
LATIN_TO_CYRILLIC: dict[str, str] = {
    "a": "а",
    "e": "е",
    "o": "о",
    "p": "р",
    "c": "с",
    "x": "х",
    "y": "у",
    "k": "к",
    "m": "м",
    "t": "т",
    "b": "в",
    "h": "һ",
    "i": "і",
}

# Cyrillic letters that look like Latin ones (a word mostly in Latin with a stray Cyrillic letter).
CYRILLIC_TO_LATIN_LOOKALIKE: dict[str, str] = {
    "а": "a",
    "е": "e",
    "о": "o",
    "р": "p",
    "с": "c",
    "х": "x",
    "у": "y",
    "к": "k",
    "м": "m",
    "т": "t",
    "в": "b",
    "һ": "h",
    "і": "i",
    # Not look-alikes but letters romanisations leave in Cyrillic (BGN/BS 2979 keep ё; iuliia's Uzbek
    # scheme keeps ь): ë is e, the signs are dropped.
    "ё": "ë",
    "ь": "",
    "ъ": "",
}

# Alternative spellings: each rule adds a second key to a word (never replaces the first). The
# pattern is matched on the case-folded word; "from" → "to" is applied before keying.
# Uzbek Ў / oʻ written У / u by Russian-language text (Ўткир = Уткир, Oʻktam = Uktam).
UZBEK_O_AS_U_CYRILLIC = ("ў", "у")
UZBEK_O_AS_U_LATIN = ("o'", "u")
# ISO 9 (1954/1968), GOST 16876, UNGEGN, scientific: j is й (Jurij, Dmitrij, Jakovlev), â is я, û is ю.
ISO9_J = ("j", "i")
ISO9_VOWELS = {"â": "ia", "û": "iu"}
# Ё written ë: ISO 9 and GOST 7.79 A (Fëdorov), BGN/PCGN Russian and Uzbek (Yëlkin, Yërqin; ICU's
# Russian-Latin/BGN and Uzbek-Latin/BGN). Read as yo as well as e; "yë" is one letter, not y + ё.
LATIN_YO = (("yë", "yo"), ("ë", "yo"))
# GOST 7.79-2000 System B (iuliia GOST_779_ALT): ц is "cz" before e, i, y, j (Czoj = Цой,
# Czyganov = Цыганов). Kept as an alternative: Polish cz is ч (Czesław).
GOST_779_B_CZ = ("cz", "ts")
# French-language passports of the USSR and Russia (MVD 310 FR, as in iuliia): ou = у, tch = ч, ch = ш,
# dj = дж, gu before e/i = г, final -ine = -ин (Kouznetsov, Viatcheslav, Khrouchtchev, Evguenievna).
FRENCH = [("tch", "\x03"), ("ch", "sh"), ("\x03", "ch"), ("ou", "u"), ("gue", "ge"), ("gui", "gi")]

# A one-letter Latin initial may be the first letter of a digraph the passports and BGN/PCGN write
# for one Cyrillic letter (ICAO Doc 9303: Ж ZH, Ш SH, Ч CH, Х KH, Ц TS, Дж DZH): "Z. A. Khodzhaev" is
# Жамшид Абдухакимович Ходжаев. The initial's key then also begins the key of that letter.
LATIN_INITIAL_DIGRAPHS: dict[str, str] = {"z": "j", "s": "S", "c": "C", "k": "h", "t": "c", "d": "j"}

# Russian spelling of Uzbek names and places keeps the older Russian vowels where the Uzbek Latin
# alphabet (1995) writes o for the Uzbek short a (Toshkent = Ташкент, Farhod = Фархад, Botir = Батыр,
# Olimjon = Алимджан, Bekobod = Бекабад; official Uzbek and Russian place names, uz/ru Wikipedia
# titles of Uzbek persons). A key's o may stand for a Russian а: compared as a vowel variant.
UZBEK_O_AS_RUSSIAN_A = ("o", "a")
