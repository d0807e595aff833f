"""Word and name similarity on romanisation keys.

Word level (``word_similarity``):
* same key → 1.0 ("exact" if the folded words are equal, otherwise "transliteration");
* same loose key → 0.95 ("vowel variant": o/u, glides; Normatov/Нурматов);
* otherwise optimal-string-alignment edits on the key: at most 1 edit for 4–6 letters, 2 from 7
  letters, none below 4, counted with o and u as one letter when fewer; similarity
  1 − 1.5·edits/length ("fuzzy"); numbers match exactly or not at all. A vowel-variant, fuzzy or
  sound-only match against a word that is itself a known name elsewhere in the list is discounted:
  Alimov is not a typo of Azimov when Alimov is a name in its own right. This is the only way the
  rest of the list lowers a pair's score (docs/screening.md, "What the list changes").

Name level (``compare_names``): words are aligned in any order (greedy on similarity). A one-word
person query against a longer list name scores at most ``SINGLE_WORD_SCORE``. Unmatched
query words count fully against; unmatched record words count 0.35 for persons (a list entry may
carry an extra given or middle name) and 1.5 for organisations, where an unmatched query word
also counts 1.5 (Альфа ≠ Альфа Плюс). Patronymics are
compared separately: both present and different → ×``PATRONYMIC_MISMATCH``; one missing → neutral.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import OSA

from senim.screening.engine.names import ParsedName, initial_options
from senim.screening.engine.transliteration import SOUND_MARK, loose_key, russian_vowel_key

VOWEL_VARIANT = 0.95
# An Uzbek o written as the Russian а (Bekobod = Бекабад): a vowel variant, a little weaker.
RUSSIAN_VOWEL_VARIANT = 0.9
# The same consonants across scripts (Кэтрин = Catherine): weaker than a transliteration.
SOUND_SIMILARITY = 0.85
FUZZY_EDIT_COST = 1.5
KNOWN_NAME_DISCOUNT = 0.5
PATRONYMIC_MISMATCH = 0.7
EXTRA_RECORD_WORD_PERSON = 0.35
EXTRA_RECORD_WORD_ORGANISATION = 1.5
# A distinctive company word on one side only usually names another company (Альфа Плюс).
UNMATCHED_ORGANISATION_WORD = 1.5
MIN_WORD_SIMILARITY = 0.5
# A one-word person query against a longer list name, at best (with every qualifier bonus it
# stays below scoring.DEFAULT_THRESHOLD).
SINGLE_WORD_SCORE = 0.70
# An initial ("G." for Ғалым) against a whole word or the patronymic: weaker than a spelling, and a
# name matched through initials never scores above INITIALS_CEILING (namesakes share initials).
INITIAL_SIMILARITY = 0.8
INITIALS_CEILING = 0.9
_VOWELS = set("aeiou")
_O_AS_U = str.maketrans("o", "u")


def allowed_edits(length: int) -> int:
    if length < 4:
        return 0
    if length < 7:
        return 1
    return 2


@lru_cache(maxsize=1_000_000)
def key_similarity(query_key: str, record_key: str) -> tuple[float, str]:
    """(similarity, how) for two keys; "how" is "key", "loose", "russian-vowel", "fuzzy", "sound", "sound-short"
    (two consonants: only for aliases the list shows, word_similarity) or "none"."""
    if query_key == record_key:
        return (0.0, "none") if query_key[:1] == SOUND_MARK else (1.0, "key")
    if query_key[:1] == SOUND_MARK or record_key[:1] == SOUND_MARK:
        # Sound keys meet only across scripts ("#c…" and "#l…" with the same consonants), when
        # one side looks English (lower-case script letter; transliteration.word_keys).
        if (
            query_key[2:] == record_key[2:]
            and query_key[:1] == record_key[:1]
            and query_key[1].lower() != record_key[1].lower()
            and (query_key[1].islower() or record_key[1].islower())
        ):
            # Two consonants (Льюис ~ Lewis, Эллис ~ Wallace) are too common to go on alone.
            return SOUND_SIMILARITY, "sound" if len(query_key) > 4 else "sound-short"
        return 0.0, "none"
    if query_key.isdigit() or record_key.isdigit():
        return 0.0, "none"  # numbers match exactly or not at all: "… 2010" is not "… 2011"
    if loose_key(query_key) == loose_key(record_key):
        return VOWEL_VARIANT, "loose"
    if russian_vowel_key(query_key) == russian_vowel_key(record_key):
        return RUSSIAN_VOWEL_VARIANT, "russian-vowel"
    length = max(len(query_key), len(record_key))
    limit = allowed_edits(min(len(query_key), len(record_key)))
    if not limit or abs(len(query_key) - len(record_key)) > limit:
        return 0.0, "none"
    edits = OSA.distance(query_key, record_key, score_cutoff=limit)
    if edits and ("o" in query_key or "o" in record_key):
        # A typo on top of an o/u variant (Kuchkarov ~ Қўчқоров, Ў written У) counts the typo only.
        edits = min(
            edits, OSA.distance(query_key.translate(_O_AS_U), record_key.translate(_O_AS_U), score_cutoff=limit)
        )
    if edits > limit:
        return 0.0, "none"
    return max(0.0, 1.0 - FUZZY_EDIT_COST * edits / length), "fuzzy"


# is_other_name(query_key, record_key): True when the query word is itself a name found in the
# list and the two spellings were never seen as aliases of one entry (Normatov vs Nurmatov).
# For a sound match (Кэтрин ~ Catherine) the words' primary keys are asked.
OtherName = Callable[[str, str], bool]


def word_similarity(
    query_keys: tuple[str, ...],
    record_keys: tuple[str, ...],
    is_other_name: OtherName | None = None,
) -> tuple[float, str]:
    """Best similarity over the keys of two words. A vowel variant or fuzzy match is discounted
    when ``is_other_name`` says the query word is another known name."""
    best, how = 0.0, "none"
    best_pair = ("", "")
    for query_key in query_keys:
        if query_key[0] == SOUND_MARK:
            break  # sound keys come last and meet only sound keys
        for record_key in record_keys:
            if record_key[0] == SOUND_MARK:
                break
            similarity, kind = key_similarity(query_key, record_key)
            if similarity > best:
                best, how, best_pair = similarity, kind, (query_key, record_key)
                if best == 1.0:
                    return best, how
    if best < SOUND_SIMILARITY and query_keys[-1][0] == SOUND_MARK and record_keys[-1][0] == SOUND_MARK:
        for query_key in query_keys:
            if query_key[0] != SOUND_MARK:
                continue
            for record_key in record_keys:
                if record_key[0] != SOUND_MARK:
                    continue
                kind = key_similarity(query_key, record_key)[1]
                if kind == "sound" or (
                    kind == "sound-short" and _learned(query_keys[0], record_keys[0], is_other_name)
                ):
                    best, how = SOUND_SIMILARITY, "sound"
                    best_pair = (query_keys[0], record_keys[0])  # the names, not their skeletons
                    break
            if how == "sound":
                break
    # The one way the list moves a word's score: a vowel-variant, typo-distance or sound-only
    # match to a word that is a name in its own right in the list (Alimov ~ Azimov, Nurmatov ~
    # Normatov when both are listed) counts half. A transliteration (the same key: Уткир = Ўткир,
    # Tokayev = Тоқаев) is never discounted, so entries added to the list cannot turn such a
    # match into a miss; nor is the Russian spelling of an Uzbek word (Karimov Islom = Каримов
    # Ислам, Botir = Батыр), a correspondence of two published forms, not a near namesake.
    if how in ("fuzzy", "loose", "sound") and is_other_name is not None and is_other_name(*best_pair):
        best *= KNOWN_NAME_DISCOUNT
        how += "-known"
    return best, how


def _learned(query_key: str, record_key: str, is_other_name: OtherName | None) -> bool:
    """Whether the list shows the two as spellings of one name: the query word is a known name
    (``is_other_name(k, k)``: a key is never its own alias) but not another name than the
    record's."""
    return (
        is_other_name is not None and is_other_name(query_key, query_key) and not is_other_name(query_key, record_key)
    )


@dataclass(frozen=True, slots=True)
class WordPair:
    query_word: str
    record_word: str
    similarity: float
    how: str  # "exact" | "transliteration" | "loose" | "fuzzy" | "sound" | "…-known" | "joined" | "initial"


@dataclass(frozen=True, slots=True)
class NameComparison:
    """How one query name compares with one record name; ``score`` in [0, 1]."""

    query: ParsedName
    record: ParsedName
    score: float
    pairs: tuple[WordPair, ...]
    unmatched_query: tuple[str, ...]
    unmatched_record: tuple[str, ...]
    patronymic: str  # "same" | "different" | "missing" | ""


def patronymics_agree(
    query_stems: tuple[str, ...],
    record_stems: tuple[str, ...],
    is_other_name: OtherName | None = None,
) -> bool:
    """Whether two patronymics name the same father (Кемелұлы = Kemelevich = Kemel uly).

    A misspelt father's name (Ivnovna, Eduarodvich) still agrees, unless the query's stem is
    itself a known name: Ержанович is not a typo of Ерланович.
    """
    for query_stem in query_stems:
        for record_stem in record_stems:
            if query_stem == record_stem or loose_key(query_stem) == loose_key(record_stem):
                return True
            shortest = min(len(query_stem), len(record_stem))
            limit = 0 if shortest < 3 else (1 if shortest < 7 else 2)
            close = limit and OSA.distance(query_stem, record_stem, score_cutoff=limit) <= limit
            # Known-ness is asked of the names themselves (the first stems), not of an
            # alternative reading (Еркин read as Ёркин).
            if close and (is_other_name is None or not is_other_name(query_stems[0], record_stems[0])):
                return True
            if len(query_stem) <= len(record_stem):
                shorter, longer = query_stem, record_stem
            else:
                shorter, longer = record_stem, query_stem
            # Russian forms may drop or add the father's final vowel (Зейнолла → Зейноллаевич).
            extra = longer[len(shorter) :]
            if len(shorter) >= 3 and longer.startswith(shorter) and len(extra) <= 2 and set(extra) <= _VOWELS:
                return True
    return False


def _looks_like_patronymic_of(key: str, stems: tuple[str, ...]) -> bool:
    """A query word that failed patronymic detection (a typo in the suffix: Aibekuyl,
    Alikhanovch) but starts with the record's father's name and has a suffix-like tail."""
    for stem in stems:
        tail = len(key) - len(stem)
        if 2 <= tail <= 6 and len(stem) >= 2 and OSA.distance(key[: len(stem)], stem, score_cutoff=1) <= 1:
            return True
    return False


@lru_cache(maxsize=65536)
def _align(
    query_words: tuple[str, ...],
    query_keys: tuple[tuple[str, ...], ...],
    query_weights: tuple[float, ...],
    record_words: tuple[str, ...],
    record_keys: tuple[tuple[str, ...], ...],
    record_weights: tuple[float, ...],
    is_other_name: OtherName | None,
) -> tuple[tuple[WordPair, ...], tuple[int, ...], tuple[int, ...], float, float]:
    """Greedy best-first alignment of the words of two names (order free); cached because a
    list entry's aliases and namesakes often share the same words.

    Returns the pairs, the matched query and record word indices, the matched weighted
    similarity and the matched weight."""
    candidates: list[tuple[float, int, int, str]] = []
    for qi, keys_of_query_word in enumerate(query_keys):
        for ri, keys_of_record_word in enumerate(record_keys):
            similarity, how = word_similarity(keys_of_query_word, keys_of_record_word, is_other_name)
            if similarity >= MIN_WORD_SIMILARITY:
                candidates.append((similarity, qi, ri, how))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_query: list[int] = []
    used_record: list[int] = []
    pairs: list[WordPair] = []
    matched_weight = 0.0
    total = 0.0
    for similarity, qi, ri, how in candidates:
        if qi in used_query or ri in used_record:
            continue
        used_query.append(qi)
        used_record.append(ri)
        if how == "key":
            how = "exact" if query_words[qi] == record_words[ri] else "transliteration"
        pairs.append(WordPair(query_words[qi], record_words[ri], similarity, how))
        weight = (query_weights[qi] + record_weights[ri]) / 2
        matched_weight += similarity * weight
        total += weight
    return tuple(pairs), tuple(used_query), tuple(used_record), matched_weight, total


def _written_initial(name: ParsedName, number: int) -> str:
    return (name.initial_words[number] if number < len(name.initial_words) else name.initials[number]) + "."


def _match_initials(
    name: ParsedName,
    positions: list[int],
    other: ParsedName,
    used: set[int],
    other_stems: tuple[str, ...],
    query_is_initials: bool,
) -> tuple[list[WordPair], float, float, bool]:
    """Match the initials of ``name`` at ``positions``, in order, to the other name's unused words,
    then to its patronymic. Marks the words used (in ``used``). Returns the pairs, the matched
    weighted similarity, the weight added to the total, and whether the patronymic was matched."""
    pairs: list[WordPair] = []
    matched = total = 0.0
    patronymic = False
    for number in positions:
        initial = initial_options(name.initials[number])
        written = _written_initial(name, number)
        found = -1
        for index, keys in enumerate(other.keys):
            if index not in used and any(k.startswith(initial) for k in keys if k[:1] != SOUND_MARK):
                found = index
                break
        if found >= 0:
            used.add(found)
            weight = (1.0 + other.weights[found]) / 2
            matched += INITIAL_SIMILARITY * weight
            total += weight
            word = other.words[found] if found < len(other.words) else ""
            pair = (written, word) if query_is_initials else (word, written)
            pairs.append(WordPair(pair[0], pair[1], INITIAL_SIMILARITY, "initial"))
        elif not patronymic and any(stem.startswith(initial) for stem in other_stems):
            patronymic = True
            matched += INITIAL_SIMILARITY
            total += 1.0
            pair = (written, other.patronymic_word) if query_is_initials else (other.patronymic_word, written)
            pairs.append(WordPair(pair[0], pair[1], INITIAL_SIMILARITY, "initial"))
        else:
            total += 1.0  # an initial of nothing on the other side counts against, as a word
    return pairs, matched, total, patronymic


def compare_names(
    query: ParsedName,
    record: ParsedName,
    is_other_name: OtherName | None = None,
    record_patronymics: tuple[str, ...] = (),
) -> NameComparison:
    """Compare two parsed names, word order free. Empty names score 0.

    ``record_patronymics``: the patronymics of the record's other names, used when this name has
    none (a list entry "Otabek Temirov" whose other alias carries "Rustam oʻgʻli").
    """
    if not query.keys or not record.keys:
        return NameComparison(query, record, 0.0, (), query.words, record.words, "")
    if query.is_organisation and len(query.keys) + len(record.keys) > 2 and query.joined == record.joined:
        # "ҚазМұнайГаз" = "Kaz Munay Gaz": the same letters, spaced differently.
        pair = WordPair(" ".join(query.words), " ".join(record.words), 1.0, "joined")
        return NameComparison(query, record, 1.0, (pair,), (), (), "")

    pairs, used_query_t, used_record_t, matched_weight, total = _align(
        query.words, query.keys, query.weights, record.words, record.keys, record.weights, is_other_name
    )
    used_query = set(used_query_t)
    used_record = set(used_record_t)

    record_stems = record.patronymic or record_patronymics
    patronymic = ""
    if not query.patronymic and record_stems and len(used_query) < len(query.keys):
        for qi, keys in enumerate(query.keys):
            if qi not in used_query and _looks_like_patronymic_of(keys[0], record_stems):
                used_query.add(qi)  # a misspelt patronymic: compared, not counted as a word
                patronymic = "same"
                break

    initial_pairs: list[WordPair] = []
    initials_patronymic = weaker = False
    if query.initials or record.initials:
        # Initials written on both sides meet first (as spelt); then each side's initials go
        # against the other side's words left unmatched, then its patronymic.
        remaining = list(range(len(record.initials)))
        query_left: list[int] = []
        for number, initial in enumerate(query.initials):
            options = set(initial_options(initial))
            same = next((r for r in remaining if options.intersection(initial_options(record.initials[r]))), -1)
            if same >= 0:
                remaining.remove(same)
                matched_weight += 1.0
                total += 1.0
                written = _written_initial(query, number)
                initial_pairs.append(WordPair(written, _written_initial(record, same), 1.0, "exact"))
            else:
                query_left.append(number)
        pairs_q, weight_q, total_q, patronymic_q = _match_initials(
            query, query_left, record, used_record, record_stems, query_is_initials=True
        )
        pairs_r, weight_r, total_r, patronymic_r = _match_initials(
            record, remaining, query, used_query, query.patronymic, query_is_initials=False
        )
        weaker = bool(pairs_q or pairs_r)
        initial_pairs += pairs_q + pairs_r
        matched_weight += weight_q + weight_r
        total += total_q + total_r
        initials_patronymic = patronymic_q or patronymic_r
        if initials_patronymic:
            patronymic = "same"

    extra_record = EXTRA_RECORD_WORD_ORGANISATION if record.is_organisation else EXTRA_RECORD_WORD_PERSON
    query_penalty = UNMATCHED_ORGANISATION_WORD if query.is_organisation else 1.0
    total += sum(w * query_penalty for qi, w in enumerate(query.weights) if qi not in used_query)
    total += sum(w * extra_record for ri, w in enumerate(record.weights) if ri not in used_record)
    score = matched_weight / total if total else 0.0
    if weaker:
        score = min(score, INITIALS_CEILING)
    if (
        not query.is_organisation
        and len(query.keys) == 1
        and not query.patronymic
        and not query.initials
        and len(record.keys) > 1
    ):
        # One word ("Tokayev") of a longer name: a partial match, below the default threshold
        # so that a surname alone never raises a hit on every namesake (ad-hoc search lowers
        # its threshold for such queries, services.search).
        score = SINGLE_WORD_SCORE * (pairs[0].similarity if pairs else 0.0)

    if initials_patronymic:
        pass
    elif query.patronymic and record_stems:
        if patronymics_agree(query.patronymic, record_stems, is_other_name):
            patronymic = "same"
        else:
            patronymic = "different"
            score *= PATRONYMIC_MISMATCH
    elif (query.patronymic or record_stems) and not patronymic:
        patronymic = "missing"

    return NameComparison(
        query=query,
        record=record,
        score=min(1.0, score),
        pairs=tuple(pairs) + tuple(initial_pairs),
        unmatched_query=tuple(w for i, w in enumerate(query.words) if i not in used_query),
        unmatched_record=tuple(w for i, w in enumerate(record.words) if i not in used_record),
        patronymic=patronymic,
    )
