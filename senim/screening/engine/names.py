"""Name parsing: a raw person or organisation name → a ``ParsedName`` ready for comparison.

Persons: words are keyed (see ``transliteration``); a patronymic (-ович/-овна/-евич/-евна, -ұлы/
-қызы joined or separate, Latin -uly/-kyzy, Uzbek oʻgʻli/qizi, Russian-style -ovich of a Kazakh or
Uzbek father) is taken out and reduced to the father's-name stem so Кемелұлы = Kemelevich = Kemel uly.
Organisations: quotes of every kind are removed, legal forms become types, business loan words map
to one key (Энерджи = Energy).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from rapidfuzz.distance import OSA

from senim.screening.engine import tables
from senim.screening.engine.business_terms import (
    GENERIC_KEYS,
    GENERIC_WEIGHT,
    canonical_business_key,
)
from senim.screening.engine.legal_forms import strip_legal_forms
from senim.screening.engine.scripts import fold_case, has_quotes, quote_depths, split_words
from senim.screening.engine.transliteration import (
    SOUND_MARK,
    finish_key,
    loose_key,
    unfinished_keys,
    word_keys,
)

PERSON = "Person"
ORGANIZATION = "Organization"
_ORGANISATION_SCHEMAS = {"organization", "organisation", "company", "legalentity", "publicbody"}

# Russian-style patronymic endings in key spelling (C = ч): -ович -евич -овна -евна -ична.
_RUSSIAN_PATRONYMIC = re.compile(r"^(?P<stem>.{2,}?)(?P<suffix>oviC|eviC|ovna|evna|iCna)$")
# Russian -ич (Ильич, Никитич) is also a surname ending (Бабич): trusted only after the first word.
_SHORT_PATRONYMIC = re.compile(r"^(?P<stem>.{2,}?)(?P<suffix>iC)$")
# Kazakh joined patronymic: Кемелұлы / Kemeluly / Kemelūly, Әбішқызы / Abishkyzy / Äbişqyzy.
_KAZAKH_PATRONYMIC = re.compile(r"^(?P<stem>.{3,}?)(?P<suffix>uli|kizi)$")
# Separate patronymic words: Kazakh ұлы / қызы, Uzbek oʻgʻli / qizi (ўғли / қизи), and their Russian-
# letter spellings угли / кизи (Ў→У, Ғ→Г, Қ→К).
_SEPARATE_PATRONYMIC = {"uli": "m", "ogli": "m", "ugli": "m", "kizi": "f"}
# Suffixes recognised with one typo (Омирзаковыич, Azizovoich, Тулкинопич) after the first word;
# the last letter must be right, and the short -ұлы/-uly is left out (Нурали is a given name).
# Each keeps its anchor consonants, in order: Татьяна ("iana") is not a misspelt -ична.
_FUZZY_SUFFIXES = {"oviC": "C", "eviC": "C", "ovna": "vn", "evna": "vn", "iCna": "Cn", "kizi": "kz"}
_FEMALE_SUFFIXES = {"ovna", "evna", "iCna", "kizi"}
# Words with a family-name ending weigh more: Alimov vs Azimov decides more than Oybek vs Oabek.
_FAMILY_NAME = re.compile(r"(ov|ev|ova|eva|skii|skaia|enko)$")
FAMILY_NAME_WEIGHT = 1.5
# Words that only announce a number in an organisation name ("Avtopark No. 5" = «Автопарк № 5»).
# Initials: a one-letter word, or a Latin digraph standing for one Cyrillic letter and followed by a
# full stop ("Sh.M. Mirziyoyev" = Ш.М., "Yu.A." = Ю.А.).
_ABBREVIATED = re.compile(r"(?<![^\W\d_])([^\W\d_]{1,2})\.")
_DIGRAPH_INITIALS = frozenset(("sh", "ch", "zh", "kh", "ts", "yu", "ya", "ye", "yo", "dj", "gh"))
_NUMBER_SIGNS = frozenset(("no", "nr", "n", "nomer", "номер", "nomeri"))


@lru_cache(maxsize=256)
def schema_is_organisation(schema: str | None) -> bool:
    return (schema or "").replace("_", "").replace(" ", "").lower() in _ORGANISATION_SCHEMAS


class ParsedName(NamedTuple):
    """A name analysed for comparison.

    ``words``: the folded words kept for comparison (for explanations); ``keys``: for each word,
    its romanisation keys (primary first); ``loose``: the loose key of each primary key;
    ``patronymic``: the father's-name stem keys (several when the spelling is ambiguous), or ();
    ``legal_forms``: legal-form types (orgs);
    ``gender``: "m", "f" or "" as implied by the patronymic.
    (A NamedTuple: a million of them are built while indexing, and tuples build fastest.)
    """

    text: str
    is_organisation: bool
    words: tuple[str, ...]
    keys: tuple[tuple[str, ...], ...]
    loose: tuple[str, ...]
    weights: tuple[float, ...]
    patronymic: tuple[str, ...] = ()
    patronymic_word: str = ""
    legal_forms: frozenset[str] = frozenset()
    gender: str = ""
    # Keys of initials ("Omarov G.N.": "g", "n"), compared with whole words and the patronymic.
    initials: tuple[str, ...] = ()
    initial_words: tuple[str, ...] = ()  # the initials as written, for explanations

    @property
    def primary_keys(self) -> tuple[str, ...]:
        return tuple(k[0] for k in self.keys)

    @property
    def joined(self) -> str:
        return "".join(k[0] for k in self.keys)


def _patronymic(word: str, position: int) -> tuple[tuple[str, ...], str] | None:
    """(father's-name stems, gender) if the word is a patronymic, else None.

    Works on the key before double letters collapse, so Ерікқызы keeps the stem "erik".
    """
    stems: list[str] = []
    gender = ""
    for key in unfinished_keys(word):
        match = _RUSSIAN_PATRONYMIC.match(key) or _KAZAKH_PATRONYMIC.match(key)
        found = (match.group("stem"), match.group("suffix")) if match is not None else None
        if found is None and position > 0:
            found = _misspelt_patronymic(key)
            if found is None:
                match = _SHORT_PATRONYMIC.match(key)
                if match is not None:
                    found = (match.group("stem"), match.group("suffix"))
        if found is None:
            continue
        stem, suffix = found
        if suffix == "iC" and stem.endswith("v") and len(stem) > 4:
            stem = stem[:-1]  # a misspelt -ович (Eduarodvich): drop the v of the suffix
        if suffix == "iC" and len(stem) > 2 and stem.endswith("i"):
            stem = stem[:-1]  # Ильич written Ilyich (ь as y, MVD 2010, Wikipedia): the stem is "il"
        stem = finish_key(stem)
        # Сергеевич → "serge", Сергей → "sergei": the father's name loses its final glide.
        if stem.endswith("e") and suffix in ("eviC", "evna"):
            stem = stem + "i"
        stems.append(stem)
        gender = "f" if suffix in _FEMALE_SUFFIXES else "m"
    if not stems:
        return None
    if word.startswith("е") and stems[0].startswith("e"):
        # Russian writes a word-initial Ё as Е: Еркинович may be the son of Ёрқин (Yorqin) as
        # well as of Эркин (Erkin). Only this spelling is ambiguous; Ё and Э stay apart.
        stems.append("io" + stems[0][1:])
    return tuple(dict.fromkeys(stems)), gender


def _misspelt_patronymic(key: str) -> tuple[str, str] | None:
    """(stem, suffix) when ``key`` ends in a patronymic suffix with one typo, else None."""
    for suffix, anchor in _FUZZY_SUFFIXES.items():
        if key[-1:] != suffix[-1]:
            continue
        # A substituted or inserted letter only: with a deleted one, "ina" would read as -ична.
        for tail in (len(suffix) + 1, len(suffix)):
            end = key[-tail:]
            if len(key) - tail >= 3 and _has_in_order(end, anchor) and OSA.distance(end, suffix, score_cutoff=1) <= 1:
                return key[:-tail], suffix
    return None


def _has_in_order(text: str, letters: str) -> bool:
    position = 0
    for letter in letters:
        position = text.find(letter, position) + 1
        if not position:
            return False
    return True


def word_weights(primary_keys: tuple[str, ...], is_organisation: bool) -> tuple[float, ...]:
    """Weight of each word in a comparison: generic company words count half, family names
    (by their ending) 1.5, everything else 1."""
    return tuple(_word_weight(k, is_organisation) for k in primary_keys)


@lru_cache(maxsize=262144)
def _word_weight(key: str, is_organisation: bool) -> float:
    if is_organisation:
        return GENERIC_WEIGHT if key in GENERIC_KEYS else 1.0
    return FAMILY_NAME_WEIGHT if len(key) > 4 and _FAMILY_NAME.search(key) else 1.0


def _organisation_key(key: str) -> str:
    return canonical_business_key(key)


@lru_cache(maxsize=262144)
def _word_info(
    word: str,
    is_organisation: bool,
    not_first: bool,
) -> tuple[tuple[str, ...], str, str, tuple[tuple[str, ...], str] | None] | None:
    """Everything parse_name needs from one word, cached: (keys, loose key, separate-patronymic
    gender, joined patronymic (stems, gender)). None for a word without letters."""
    word_key = word_keys(word)
    primary = word_key[0]
    if not primary:
        return None
    if word_key[-1][:1] == SOUND_MARK:
        # Sound keys are for persons' names (company words have their own table); a father's
        # name popped as a patronymic keeps its spelling keys only (parse_name).
        sounds = tuple(k for k in word_key if k[:1] == SOUND_MARK)
        word_key = tuple(k for k in word_key if k[:1] != SOUND_MARK)
        if not is_organisation:
            word_key += sounds
    if is_organisation:
        word_key = tuple(_organisation_key(k) for k in word_key)
        return word_key, loose_key(word_key[0]), "", None
    separate = _SEPARATE_PATRONYMIC.get(primary, "")
    found = _patronymic(word, 1 if not_first else 0)
    return word_key, loose_key(primary), separate, found


@lru_cache(maxsize=65536)
def _has_full_patronymic_suffix(word: str) -> bool:
    """Whether a key of the word ends in -ович/-евич/-овна/-евна/-ична or a joined -ұлы/-қызы."""
    return any(_RUSSIAN_PATRONYMIC.match(key) or _KAZAKH_PATRONYMIC.match(key) for key in unfinished_keys(word))


@lru_cache(maxsize=65536)
def parse_name(text: str, schema: str | None = PERSON) -> ParsedName:
    """Analyse ``text`` as a person's or organisation's name. Never raises; may return no words."""
    is_organisation = schema_is_organisation(schema)
    folded = fold_case(text)
    legal_forms: frozenset[str] = frozenset()
    if is_organisation:
        depths = quote_depths(folded) if has_quotes(folded) else [(w, 0, False) for w in split_words(folded)]
        raw_words, legal_forms = strip_legal_forms(depths)
        # "No. 5" / "Nr 5" / "№ 5" (the sign is dropped as punctuation): the number is the word.
        raw_words = [
            w
            for i, w in enumerate(raw_words)
            if not (w in _NUMBER_SIGNS and i + 1 < len(raw_words) and raw_words[i + 1].isdigit())
        ]
    else:
        raw_words = split_words(folded)

    words: list[str] = []
    keys: list[tuple[str, ...]] = []
    loose: list[str] = []
    patronymic: tuple[str, ...] = ()
    patronymic_word = ""
    gender = ""
    initials: list[str] = []
    found_initials: list[str] = []
    if not is_organisation and len(raw_words) > 1:
        abbreviated = set(_ABBREVIATED.findall(folded)) if "." in folded else set()
        found_initials = [w for w in raw_words if len(w) == 1 or (w in abbreviated and w in _DIGRAPH_INITIALS)]
        if found_initials and len(found_initials) < len(raw_words):
            initials = [initial_key(w) for w in found_initials]
            raw_words = [w for w in raw_words if w not in found_initials]
        else:
            found_initials = []
    may_have_patronymic = not is_organisation and len(raw_words) > 2
    # A word with a full patronymic suffix (-ович, -қызы) is the patronymic, not one ending only
    # in -ич/-ыч before it: French passports write Куаныш as Kouanych (ch = ш) beside Serikovitch.
    full = (
        [position for position, word in enumerate(raw_words) if position and _has_full_patronymic_suffix(word)]
        if may_have_patronymic
        else []
    )
    for position, word in enumerate(raw_words):
        info = _word_info(word, is_organisation, may_have_patronymic and position > 0)
        if info is None:
            continue
        word_key, word_loose, separate, found = info
        if found is not None and full and position not in full:
            found = None
        if not is_organisation and not patronymic:
            if separate and keys:
                # "Kemel uly", "Rustam oʻgʻli": the previous word is the father's name.
                patronymic = tuple(k for k in keys.pop() if k[:1] != SOUND_MARK)
                loose.pop()
                patronymic_word = f"{words.pop()} {word}"
                gender = separate
                continue
            if found is not None and may_have_patronymic:
                patronymic, gender = found
                patronymic_word = word
                continue
        words.append(word)
        keys.append(word_key)
        loose.append(word_loose)

    # Gender comes from the patronymic only: surname endings mislead (Andrew keys to "andrev").
    weights = word_weights(tuple(k[0] for k in keys), is_organisation)
    return ParsedName(
        text=text,
        is_organisation=is_organisation,
        words=tuple(words),
        keys=tuple(keys),
        loose=tuple(loose),
        weights=weights,
        patronymic=patronymic,
        patronymic_word=patronymic_word,
        legal_forms=legal_forms,
        gender=gender,
        initials=tuple(initials),
        initial_words=tuple(found_initials),
    )


def initial_key(written: str) -> str:
    """The key of an initial as written; a one-letter Latin initial that may begin a digraph (Z. for
    Zh-, S. for Sh-) keys to both readings, "|"-separated ("z|j"); see ``initial_options``."""
    key = word_keys(written)[0]
    digraph = tables.LATIN_INITIAL_DIGRAPHS.get(written)
    return f"{key}|{digraph}" if digraph and key == written else key


def initial_options(initial: str) -> tuple[str, ...]:
    """The key prefixes an initial's key stands for ("z|j" → "z", "j")."""
    return tuple(initial.split("|"))


def normalise_name(text: str, schema: str | None = PERSON) -> str:
    """A readable normal form: case-folded words without quotes, legal forms or punctuation."""
    parsed = parse_name(text, schema)
    parts = list(parsed.words) + [f"{i}." for i in parsed.initial_words]
    if parsed.patronymic_word:
        parts.append(parsed.patronymic_word)
    return " ".join(parts)


def name_keys(text: str, schema: str | None = PERSON) -> list[str]:
    """Every matching key of a name: sorted primary keys, alternatives, loose and joined forms.

    Two spellings of one name share at least one key; useful for de-duplication and blocking.
    """
    parsed = parse_name(text, schema)
    if not parsed.keys:
        return []
    result = [" ".join(sorted(parsed.primary_keys)), " ".join(sorted(parsed.loose))]
    for index, alternatives in enumerate(parsed.keys):
        for alternative in alternatives[1:]:
            if alternative.startswith(SOUND_MARK):
                continue  # too coarse to de-duplicate on
            variant = list(parsed.primary_keys)
            variant[index] = alternative
            result.append(" ".join(sorted(variant)))
    if len(parsed.keys) > 1:
        result.append(parsed.joined)
    for stem in parsed.patronymic:
        result.append(" ".join(sorted(parsed.primary_keys)) + " ~" + stem)
    return list(dict.fromkeys(result))
