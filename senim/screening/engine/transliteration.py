"""Romanisation keys: one folded spelling of a word from which every romanisation converges.

A *key* is not a readable transliteration. It is a reduced Latin alphabet in which the variants the
region's data uses for one sound are the same letter:

* ``S`` = ш / sh / ş / s' (2017) / щ,  ``C`` = ч / ch / ç / c' (2017)
* ``j`` = ж / zh / j / dzh / dj,  ``h`` = х / һ / ҳ / kh / h / x,  ``c`` = ц / ts / tc / c
* ``k`` = к / қ / q,  ``g`` = г / ғ / gh / ğ / ǵ / g',  ``n`` = н / ң / ng / ñ / ń / n'
* ``i`` = и / і / ы / й / y / ı / i',  vowels lose their diacritics (ә ä á a' → a, ө ö ó o' ў oʻ → o,
  ұ ү ū ü ú u' ý y' → u)
* a glide before e is dropped at the start of a word or after a vowel (Ye/Е, Nazarbayev/Назарбаев),
  and doubled letters are collapsed (Kassym/Қасым, Mariia/Maria).

``word_keys`` returns the primary key plus alternatives (x as "ks" for English spellings such as
Alexander); ``loose_key`` merges o/u and drops glides, for spellings that differ in vowels
(Ўткир/Уткир/Oʻtkir, Плюс/Plus).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from senim.screening.engine import tables
from senim.screening.engine.scripts import fix_mixed_script, is_cyrillic

# Cyrillic (Russian, Kazakh, Uzbek) straight into the key alphabet. Mapping directly avoids the
# Latin digraph pass turning Асхат ("ashat") into a false "sh".
_CYRILLIC_TO_KEY = str.maketrans(tables.CYRILLIC_TO_KEY)

# Latin letters with diacritics from Kazakh 2018/2021, Uzbek, Turkish and Western spellings.
_LATIN_LETTERS = str.maketrans(tables.LATIN_LETTERS)
# Kazakh 2017 apostrophe letters and Uzbek oʻ/gʻ; s' and c' are ш/ч in 2017; y' is у.
_APOSTROPHE_LETTER = re.compile(r"([agiouynsc])'")
_APOSTROPHE_VALUES = tables.APOSTROPHE_VALUES
# Latin digraphs, longest first. Order matters: "shch" before "sh", "dzh" before "zh".
_LATIN_DIGRAPHS = tables.LATIN_DIGRAPHS
_GLIDE_BEFORE_E = re.compile(r"(?:(?<=[aeiou])|^)i(?=e)")
_DOUBLES = re.compile(r"(.)\1+")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_ENGLISH_C = re.compile(r"c(?![hk'])")
_ENGLISH_C_SOFT = re.compile(r"c(?![hk'])(?=[eiy])")
_ENGLISH_C_HARD = re.compile(r"c(?![hk'])")
_IE_AS_YO = re.compile(r"(?<=.)ie")
_GLIDE_BEFORE_VOWEL = re.compile(r"(?<=.)i(?=[aeou])")  # not word-initial: Яна ≠ Анна
_LOOSE_VOWELS = str.maketrans({"o": "u"})
# A word spelt the French way (MVD 310 FR passports): "ou" for у, "tch" for ч, "gue/gui" for ге/ги.
_FRENCH = re.compile(r"ou|tch|gu[ei]")
_FRENCH_FINAL_INE = re.compile(r"ine$")


# A word-initial Ё is written e by passports (ICAO Doc 9303, MVD 2013: Ёлкин = Elkin, Ён = En) and
# yo/io elsewhere. Not in a word with Kazakh/Uzbek letters, nor in an Uzbek or Kazakh name stem
# written in Russian letters (Ёркин, Ёрбек, Ёрмат, Ёдгоров, Ёкубов, Ёлдошев, Ёшлик): Ёрқин (Yorqin)
# and Эркин (Erkin) are different names.
_NOT_RUSSIAN_INITIAL_YO = re.compile(r"[әғқңөұүһіўҳ]|^ё(?:р(?!ш)|дг|к|лд|ш|қ)")


def _latin_key(word: str) -> str:
    word = word.translate(_LATIN_LETTERS)
    if _NON_ASCII.search(word):
        # Diacritics no table names (BS 2979 ȳ, ALA-LC ĭ): strip them before the digraph pass,
        # so the bare letter is read like any other (ȳ → y → i).
        word = "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))
    if "'" in word:
        # Uzbek s'h is с+ҳ (Is'hoq = Исҳоқ), not ш: shield it from the digraph pass with \x01.
        word = word.replace("s'h", "s\x01h")
        word = _APOSTROPHE_LETTER.sub(lambda m: _APOSTROPHE_VALUES[m.group(1)], word)
    for digraph, value in _LATIN_DIGRAPHS:
        if digraph in word:
            word = word.replace(digraph, value)
    # \x01 shielded a literal pair from the digraph pass; \x02 is ң written ñ/ń/n' (Şyñğys),
    # which must not merge with a following g as the digraph "ng" would.
    word = word.replace("\x01", "").replace("\x02", "n")
    if _NON_ASCII.search(word):
        # Unknown diacritics: strip them; letters of other scripts stay as they are.
        word = "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))
    return word


def _finish(key: str) -> str:
    key = _GLIDE_BEFORE_E.sub("", key)
    return _DOUBLES.sub(r"\1", key)


def _unfinished_keys(word: str) -> tuple[str, ...]:
    word = fix_mixed_script(word)
    if is_cyrillic(word):
        key = word.translate(_CYRILLIC_TO_KEY).replace("dj", "j")
        if _NON_ASCII.search(key):  # a Cyrillic word with stray Latin diacritics
            key = _latin_key(key)
        keys = [key]
        if "ё" in word[1:]:
            # Ё inside a word is written Е in most Russian text and passports (Фёдоров = Fedorov)
            # but "yo" in older romanisations (Fyodorov): keep both readings. A word-initial Ё
            # stays "yo": Ёрқин (Yorqin) and Эркин (Erkin) are different names.
            softened = (word[0] + word[1:].replace("ё", "е")).translate(_CYRILLIC_TO_KEY).replace("dj", "j")
            keys = [softened, key]
        if word.startswith("ё") and not _NOT_RUSSIAN_INITIAL_YO.search(word):
            # A word-initial Ё: passports (ICAO) write it e, other romanisations yo or io
            # (Ёлкин = Elkin = Yolkin, Ён = En). Not the Uzbek/Kazakh names Ёрқин, Ёдгор, Ёқуб
            # (Yorqin, Yodgor, Yoqub), which are not Эркин (Erkin).
            keys.append(("е" + word[1:].replace("ё", "е")).translate(_CYRILLIC_TO_KEY).replace("dj", "j"))
        if "э" in word:
            # Russian transcription of English a (Дэвид = David, Нэнси = Nancy).
            keys.append(
                keys[0].replace("e", "a") if "е" not in word else word.replace("э", "а").translate(_CYRILLIC_TO_KEY)
            )
        if word.startswith("уи"):
            keys.append("vi" + keys[0][2:])  # Уильям = William, Уилсон = Wilson
        if word.startswith("г"):
            keys.append("h" + keys[0][1:])  # Russian Г for English H: Генри = Henry
        if "ә" in word:
            # Kazakh Ә is written e in English and older spellings (Тәңірі = Tengri, Кәрім = Kerim).
            keys.append(word.replace("ә", "е").translate(_CYRILLIC_TO_KEY).replace("dj", "j"))
        if tables.UZBEK_O_AS_U_CYRILLIC[0] in word:
            # Uzbek Ў in Russian letters is У (Ўткир = Уткир, Қўчқоров = Кучкаров).
            keys.append(word.replace(*tables.UZBEK_O_AS_U_CYRILLIC).translate(_CYRILLIC_TO_KEY).replace("dj", "j"))
        return tuple(keys)
    keys = [_latin_key(word)]
    if "ä" in word or "á" in word:
        keys.append(_latin_key(word.replace("ä", "e").replace("á", "e")))  # Täñiri = Tengri (Ә as e)
    if "x" in word:
        # "x" is х in Uzbek/Kazakh Latin but "ks" in English (Alexander/Александр).
        keys = [keys[0].replace("x", "h"), _latin_key(word.replace("x", "ks"))]
    if "c" in word and _ENGLISH_C.search(word):
        # English c: s before e/i/y (Nancy = Нэнси), k elsewhere (Cooper = Купер).
        keys.append(_latin_key(_ENGLISH_C_HARD.sub("k", _ENGLISH_C_SOFT.sub("s", word))))
    if len(word) > 3 and word.endswith("h") and word[-2] in "aeo":
        keys.append(_latin_key(word[:-1]))  # silent final h: Sarah = Сара
    if "ng" in word:
        # Latin "ng" is ң in BGN-style Kazakh but н+г in Mangystau/Маңғыстау.
        keys.append(_latin_key(word.replace("ng", "n\x01g")))
    if "sh" in word and "shch" not in word:
        # Kazakh Latin 2021 writes ш as ş, so "sh" there is с+х (Ashat = Асхат).
        keys.append(_latin_key(word.replace("sh", "s\x01h")))
    if "ts" in word:
        # "ts" is ц in passports but т+с in the word itself (Tashkentskii = Ташкентский).
        keys.append(_latin_key(word.replace("ts", "t\x01s")))
    if tables.UZBEK_O_AS_U_LATIN[0] in word:
        keys.append(_latin_key(word.replace(*tables.UZBEK_O_AS_U_LATIN)))  # Oʻktam = Уктам
    if "j" in word and "dj" not in word and "zh" not in word:
        # ISO 9 / scientific j is й (Jurij = Юрий, Sergej = Сергей); Kazakh/Uzbek j (ж) is the primary.
        keys.append(_latin_key(word.replace(*tables.ISO9_J)))
    if tables.GOST_779_B_CZ[0] in word:
        # Czoj = Цой: GOST 7.79 B, where j is й as in ISO 9.
        keys.append(_latin_key(word.replace(*tables.GOST_779_B_CZ).replace(*tables.ISO9_J)))
    if "ë" in word:
        yo = word
        for source, target in tables.LATIN_YO:
            yo = yo.replace(source, target)
        keys.append(_latin_key(yo))
    if "â" in word or "û" in word:
        keys.append(_latin_key("".join(tables.ISO9_VOWELS.get(c, c) for c in word).replace(*tables.ISO9_J)))
    if _FRENCH.search(word):
        french = word
        for source, target in tables.FRENCH:
            french = french.replace(source, target)
        keys.append(_latin_key(_FRENCH_FINAL_INE.sub("in", french)))
    return tuple(keys)


# Sound keys: "#" + script mark + consonant skeleton. English names in Russian Cyrillic follow
# the sound, not the letters (Catherine = Кэтрин, Lewis = Льюис, Murphy = Мёрфи), so the
# romanisation keys miss them; their consonants agree. A sound key only ever matches a sound key
# of the *other* script (similarity.key_similarity), never a key of the same script.
SOUND_MARK = "#"
# The script letter is lower case when the word shows English spelling (Latin) or the Russian
# transcription of English (Cyrillic); a sound match needs one such side, so that Petryayeva
# does not meet Петрова, nor Serik Сарык, through their consonants.
_ENGLISH_SPELLING = re.compile(
    r"w|c(?!h)|th|ph|ck|ea|oo|ou|au|ae|[^aeiouy]y$|[^aeiou]e$|[^aeiou]es$|(?:tt|rr|ss|ll|nn)$"
)
_RUSSIAN_TRANSCRIPTION = re.compile(r"(?<=.)э|ью|юэ|^у[иоэ]|оу|тт|рр|сс")
_ENGLISH_FLAG = str.maketrans("CL", "cl")
_PLAIN_FLAG = str.maketrans("cl", "CL")
_SOUND_DROP = str.maketrans("", "", "aeiouvh")
_SOUND_MERGE = str.maketrans({"z": "s"})


def _skeleton(key: str) -> str:
    """Consonants of a key: vowels, v/w and a non-initial h dropped (Edward = Эдвард, John =
    Джон, Graham = Грэм), z as s (Charles = Чарльз), doubles collapsed."""
    head = key[:1] if key[:1] == "h" else ""
    return _DOUBLES.sub(r"\1", head + key[len(head) :].translate(_SOUND_DROP).translate(_SOUND_MERGE))


@lru_cache(maxsize=262144)
def word_keys(word: str) -> tuple[str, ...]:
    """Keys of one case-folded word: the primary key first, then alternatives (possibly none),
    the sound keys last.

    Never raises; a word in an unknown script keys to itself.
    """
    if word.isdigit():
        # A number is an identifier of the name ("Автобаза 12" ≠ "Автобаза 21", "№ 1" ≠ "№ 11"):
        # its digits are kept as written, never collapsed (similarity.key_similarity).
        return (word,)
    unfinished = _unfinished_keys(word)
    keys = tuple(dict.fromkeys(k for k in (_finish(k) for k in unfinished) if k))
    if not keys:
        return (word,)
    if unfinished[0] and unfinished[0] != keys[0] and unfinished[0] not in keys:
        # The spelling before glides and doubles are reduced, for typos only (key_similarity
        # never finds two keys equal that the reduced keys tell apart): a typo that doubles a
        # letter or breaks a glide (Tikhoov, Sergeyve) is then one edit, not two.
        keys += (unfinished[0],)
    if keys[0].isascii() and keys[0].isalpha():
        cyrillic = is_cyrillic(word)
        english = (_RUSSIAN_TRANSCRIPTION if cyrillic else _ENGLISH_SPELLING).search(word) is not None
        mark = SOUND_MARK + ("c" if cyrillic else "l").translate(_ENGLISH_FLAG if english else _PLAIN_FLAG)
        sounds = [_skeleton(k) for k in keys]
        if "C" in keys[0] and not is_cyrillic(word):
            sounds.append(_skeleton(keys[0].replace("C", "k")))  # English ch as k: Michael = Майкл
        keys += tuple(dict.fromkeys(mark + k for k in sounds if len(k) >= 2))
    return keys


@lru_cache(maxsize=65536)
def unfinished_key(word: str) -> str:
    """The primary key before glide removal and double-letter collapsing (for suffix analysis:
    Ерікқызы keeps both k's so the patronymic stem stays "erik")."""
    return _unfinished_keys(word)[0]


@lru_cache(maxsize=65536)
def unfinished_keys(word: str) -> tuple[str, ...]:
    """All keys of a word (primary and alternatives) before glide removal and collapsing."""
    return tuple(dict.fromkeys(k for k in _unfinished_keys(word) if k))


def finish_key(key: str) -> str:
    return _finish(key)


@lru_cache(maxsize=262144)
def loose_key(key: str) -> str:
    """A coarser key merging o/u and dropping glides (Ўткир/Уткир/Oʻtkir, Плюс/Plus).

    e/i are not merged: Egor and Igor are different names."""
    # Russian spelling writes Uzbek/Kazakh "yo" as е (Бахтиер = Baxtiyor): ie reads as io.
    key = _GLIDE_BEFORE_VOWEL.sub("", _IE_AS_YO.sub("io", key)).translate(_LOOSE_VOWELS)
    return _DOUBLES.sub(r"\1", key)


_RUSSIAN_A = str.maketrans(*tables.UZBEK_O_AS_RUSSIAN_A)
_GLIDE_BEFORE_A_E_U = re.compile(r"(?<=.)i(?=[aeu])")


def russian_vowel(key: str) -> str:
    """Like ``loose_key`` but with o read as a instead of u: the Russian spelling of an Uzbek word
    (Bekobod = Бекабад, Gʻulom = Гулям, Zokirov = Закиров). u stays apart from o here, so
    Nurmatov and Normatov are not brought together by this key. Unlike loose_key, ie is not read
    as io: with o read as a, Petryayeva would meet Петрова."""
    # A glide before o is kept (the Uzbek yo of Мирзиёев is not the a of Мирзаев).
    key = _GLIDE_BEFORE_A_E_U.sub("", key).translate(_RUSSIAN_A)
    return _DOUBLES.sub(r"\1", key)


russian_vowel_key = lru_cache(maxsize=262144)(russian_vowel)
