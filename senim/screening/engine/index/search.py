"""Searching the candidate index: expanding query words to vocabulary keys, gathering candidates
and scoring them. See the package docstring for the layout; `build` writes it."""

from __future__ import annotations

import gc
import mmap
from array import array
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import lru_cache
from itertools import combinations
from pathlib import Path
from typing import Any

from senim.screening.engine.business_terms import GENERIC_WEIGHT
from senim.screening.engine.identifiers import normalise_identifier
from senim.screening.engine.index import mapped
from senim.screening.engine.index.build import (
    _FORM_BITS,
    _GENDERS,
    FORMAT_VERSION,
    INITIAL_MARK,
    NO_KEY,
    SEPARATOR,
    _analysed,
    _deletions,
    _derived_lookups,
    index_state,
)
from senim.screening.engine.model import Hit, Query, Record
from senim.screening.engine.names import (
    FAMILY_NAME_WEIGHT,
    ParsedName,
    initial_options,
)
from senim.screening.engine.scoring import (
    DEFAULT_THRESHOLD,
    MAX_QUALIFIER_BONUS,
    Profile,
    parse_date,
    profile_of,
    score_profiles,
    with_derived,
)
from senim.screening.engine.similarity import (
    EXTRA_RECORD_WORD_ORGANISATION,
    EXTRA_RECORD_WORD_PERSON,
    MIN_WORD_SIMILARITY,
    PATRONYMIC_MISMATCH,
    RUSSIAN_VOWEL_VARIANT,
    SINGLE_WORD_SCORE,
    SOUND_SIMILARITY,
    UNMATCHED_ORGANISATION_WORD,
    VOWEL_VARIANT,
    _align,
    key_similarity,
    patronymics_agree,
)
from senim.screening.engine.transliteration import SOUND_MARK, loose_key, russian_vowel, russian_vowel_key

MAX_CANDIDATES = 400
# Record numbers kept in the per-word posting cache (about 50 bytes each).
RECORD_SET_CACHE = 2_000_000


@lru_cache(maxsize=4096)
def _forms_of(mask: int) -> frozenset[str]:
    return frozenset(form for form, bit in _FORM_BITS.items() if mask & bit)


class Index:
    """A searchable, persistable watchlist. Build with ``Index.build``; load with ``Index.load``."""

    def __init__(self, state: dict[str, Any]) -> None:
        self._state = state
        self.record_ids: list[str] = state["record_ids"]
        self._is_organisation: bytearray = state["is_organisation"]
        self._names: list[str] = state["names"]
        self._identifiers: list[str] = state["identifiers"]
        self._birth_dates: list[str] = state["birth_dates"]
        self._countries: list[str] = state["countries"]
        self._gender: bytearray = state["gender"]
        self._name_start: array = state["name_start"]
        self._name_short: bytearray = state["name_short"]
        self._has_patronymic: bytearray = state["has_patronymic"]
        self._token_start: array = state["token_start"]
        self._tokens: array = state["tokens"]
        self._patronymic: array = state["patronymic"]
        self._legal_forms: array = state["legal_forms"]
        self._name_gender: bytearray = state["name_gender"]
        self._vocabulary: list[str] = state["vocabulary"]
        self._alternatives: dict[int, tuple[str, ...]] = state["alternatives"]
        self._posting_start: array = state["posting_start"]
        self._postings: array = state["postings"]
        self._by_identifier: dict[str, int | list[int]] = state["by_identifier"]
        self._variants: set[tuple[str, str]] = state["variants"]
        self._variants_of: dict[str, list[str]] = {}
        for first, second in self._variants:
            self._variants_of.setdefault(first, []).append(second)
            self._variants_of.setdefault(second, []).append(first)
        if "by_deletion" not in state:
            state.update(_derived_lookups(self._vocabulary, self._posting_start))
        self._by_loose: dict[str, list[int]] = state["by_loose"]
        self._by_deletion: dict[str, list[int]] = state["by_deletion"]
        self._token_loose: list[str] = state["token_loose"]
        self._token_weight: tuple[float, ...] = state["token_weight"]
        self._token_generic: tuple[float, ...] = state["token_generic"]
        # A mapped file brings these lookups with it; an index built here computes them.
        self._key_id: Mapping[str, int] = (
            state["key_id"] if "key_id" in state else {key: i for i, key in enumerate(self._vocabulary)}
        )
        # Searchable keys by their Russian-vowel reading (Bekabad for Бекабад and Bekobod).
        self._by_russian_vowel: Mapping[str, Sequence[int]] = (
            state["by_russian_vowel"]
            if "by_russian_vowel" in state
            else _russian_vowel_lookup(self._vocabulary, self._posting_start)
        )
        # The open mapping a loaded index reads from (None for an index built in this process).
        self._mapping: mmap.mmap | None = None
        # The alignment cache holds this index's is_other_name: drop entries of earlier indexes
        # so a replaced index can be freed.
        _align.cache_clear()
        self._expansions: dict[str, tuple[tuple[int, float], ...]] = {}
        # Record numbers of a set of tokens (a query word's expansion), shared by the queries of
        # a batch: common names recur, and their postings are the largest.
        self._record_sets: dict[frozenset[int], set[int]] = {}
        self._record_sets_size = 0

    def clear_caches(self) -> None:
        """Forget the per-key expansions and cached postings (for cold-start measurements)."""
        self._expansions.clear()
        self._record_sets.clear()
        self._record_sets_size = 0

    def __len__(self) -> int:
        return len(self.record_ids)

    # ------------------------------------------------------------------ building
    @classmethod
    def build(
        cls,
        records: Iterable[Record],
        progress: Callable[[int], None] | None = None,
        workers: int = 1,
    ) -> Index:
        """Index ``records`` (streamed; each is read once). ``progress(n)`` every 10,000 records.

        ``workers`` > 1 parses names in that many forked processes (POSIX only) while this one
        assembles the index; the result is identical."""
        # Millions of small objects are created and kept: the cyclic garbage collector would
        # rescan them again and again for nothing (there are no cycles here).
        collecting = gc.isenabled()
        gc.disable()
        try:
            return cls(index_state(_analysed(records, workers), progress))
        finally:
            if collecting:
                gc.enable()

    # ------------------------------------------------------------------ persistence
    def save(self, path: str | Path) -> None:
        """Write the index to ``path`` in the mapped format (``mapped``)."""
        mapped.write(path, self._state, FORMAT_VERSION, {"by_russian_vowel": self._by_russian_vowel})

    @classmethod
    def load(cls, path: str | Path) -> Index:
        """Map an index written by ``save``: nothing is unpickled but the small variant set, and
        every process that maps the same file shares its pages. ValueError for another format."""
        state, mapping = mapped.read(path, FORMAT_VERSION)
        index = cls(state)
        index._mapping = mapping
        return index

    # ------------------------------------------------------------------ records
    def record(self, number: int) -> Record:
        """The stored record at position ``number``."""
        return Record(
            id=self.record_ids[number],
            schema="Organization" if self._is_organisation[number] else "Person",
            names=_split(self._names[number]),
            identifiers=_split(self._identifiers[number]),
            birth_dates=_split(self._birth_dates[number]),
            countries=_split(self._countries[number]),
            gender=_GENDERS[self._gender[number]] or None,
        )

    def _profile(self, number: int, query: Profile) -> Profile:
        """Rebuild a record's profile from the arrays, without parsing its names again.

        Only what scoring against ``query`` can use is rebuilt: identifiers, dates and countries
        count only when the query has them too. Name texts are left empty; hits are re-scored
        from the stored record for their explanation."""
        is_organisation = bool(self._is_organisation[number])
        vocabulary = self._vocabulary
        alternatives = self._alternatives
        token_loose = self._token_loose
        token_weight = self._token_generic if is_organisation else self._token_weight
        tokens, token_start = self._tokens, self._token_start
        names = []
        seen: set[tuple[bytes, int, int]] = set()
        for name in range(self._name_start[number], self._name_start[number + 1]):
            ids = tokens[token_start[name] : token_start[name + 1]]
            # Aliases in another script often key identically (Ахметов Серик = Akhmetov Serik):
            # compare each distinct one once.
            signature = (ids.tobytes(), self._patronymic[name], self._legal_forms[name])
            if signature in seen:
                continue
            seen.add(signature)
            initials: tuple[str, ...] = ()
            if ids and vocabulary[ids[-1]][:1] == INITIAL_MARK:
                initials = tuple(vocabulary[t][1:] for t in ids if vocabulary[t][:1] == INITIAL_MARK)
                ids = array("I", (t for t in ids if vocabulary[t][:1] != INITIAL_MARK))
            keys = tuple((vocabulary[t], *alternatives[t]) if t in alternatives else (vocabulary[t],) for t in ids)
            patronymic_id = self._patronymic[name]
            names.append(
                ParsedName(
                    "",
                    is_organisation,
                    tuple(k[0] for k in keys),
                    keys,
                    tuple(token_loose[t] for t in ids),
                    tuple(token_weight[t] for t in ids),
                    () if patronymic_id == NO_KEY else tuple(vocabulary[patronymic_id].split("|")),
                    "",
                    _forms_of(self._legal_forms[name]),
                    _GENDERS[self._name_gender[name]],
                    initials,
                )
            )
        identifiers: frozenset[tuple[str, str]] = frozenset()
        # A person's IIN/PINFL tells the birth date and sex: read it when the query can use them.
        wants_identifiers = bool(query.identifiers) or (not is_organisation and bool(query.birth_dates or query.gender))
        if wants_identifiers and self._identifiers[number]:
            identifiers = frozenset(
                found for found in (normalise_identifier(i) for i in _split(self._identifiers[number])) if found
            )
        birth_dates: tuple[tuple[int, int, int], ...] = ()
        if query.birth_dates and self._birth_dates[number]:
            birth_dates = tuple(d for d in (parse_date(b) for b in _split(self._birth_dates[number])) if d)
        gender = ""
        if query.gender and not is_organisation:
            gender = _GENDERS[self._gender[number]]
        birth_sources: tuple[str, ...] = ("",) * len(birth_dates)
        gender_source = ""
        if (query.birth_dates or query.gender) and identifiers and not is_organisation:
            name_gender = next((n.gender for n in names if n.gender), "") if query.gender else ""
            birth_dates, birth_sources, gender, gender_source = with_derived(
                birth_dates, gender, identifiers, is_organisation, name_gender
            )
            if not query.birth_dates:
                birth_dates, birth_sources = (), ()
            if not query.gender:
                gender, gender_source = "", ""
        elif query.gender and not is_organisation and not gender:
            gender = next((n.gender for n in names if n.gender), "")
        if not query.identifiers:
            identifiers = frozenset()
        countries: frozenset[str] = frozenset()
        if query.countries and self._countries[number]:
            countries = frozenset(_split(self._countries[number]))
        return Profile(
            tuple(names),
            is_organisation,
            True,
            identifiers,
            birth_dates,
            countries,
            gender,
            birth_sources,
            gender_source,
        )

    # ------------------------------------------------------------------ search
    def is_other_name(self, query_key: str, record_key: str) -> bool:
        """Whether ``query_key`` names someone else than ``record_key``: it is a name word of some
        list entry and the two were never aliases of one entry (similarity.word_similarity)."""
        if not self.is_known_name(query_key):
            return False
        pair = (query_key, record_key) if query_key < record_key else (record_key, query_key)
        if pair in self._variants:
            return False
        # A listed word keyed both ways (Oʻgʻit: "ogit" and "ugit", Ў read as У) shows the two
        # spellings as one word: the query's "Ogit" is not another name than "Угит".
        token_id = self._key_id.get(query_key)
        return record_key not in self._alternatives.get(token_id, ()) if token_id is not None else True

    def is_known_name(self, key: str) -> bool:
        """Whether ``key`` is a name word of some list entry (see similarity.word_similarity)."""
        token_id = self._key_id.get(key)
        return token_id is not None and (self._posting_start[token_id] != self._posting_start[token_id + 1])

    def _expand(self, key: str) -> tuple[tuple[int, float], ...]:
        """Vocabulary keys a query key may match, with their similarity (cached per key)."""
        cached = self._expansions.get(key)
        if cached is not None:
            return cached
        found: dict[int, float] = {}
        posting_start = self._posting_start
        if key[:1] == SOUND_MARK:
            # A sound key finds the same consonants in the other script only, and needs one
            # side that looks English (similarity.key_similarity).
            other = "l" if key[1] in "cC" else "c"
            marks = (other, other.upper()) if key[1].islower() else (other,)
            result = tuple(
                (token_id, SOUND_SIMILARITY)
                for token_id in (self._key_id.get(key[0] + mark + key[2:]) for mark in marks)
                if token_id is not None
            )
            self._expansions[key] = result
            return result
        exact = self._key_id.get(key)
        if exact is not None and posting_start[exact] != posting_start[exact + 1]:
            # A known name: its close neighbours are other names (discounted below any use in
            # scoring, similarity.word_similarity) unless the list shows them as its aliases.
            found[exact] = 1.0
            # Spelling variants (same loose key) are found whether or not the list knows the name:
            # a known name must not lose candidates an unknown one would find.
            for loose_id in self._by_loose.get(loose_key(key), ()):
                found.setdefault(loose_id, VOWEL_VARIANT)
            for variant in self._variants_of.get(key, ()):
                token_id = self._key_id.get(variant)
                if token_id is not None and posting_start[token_id] != posting_start[token_id + 1]:
                    similarity, _ = key_similarity(key, variant)
                    # Aliases that only sound alike (Прайс ~ Price) were learned as such.
                    found[token_id] = similarity if similarity >= MIN_WORD_SIMILARITY else SOUND_SIMILARITY
        else:
            for token_id in self._by_loose.get(loose_key(key), ()):
                found.setdefault(token_id, VOWEL_VARIANT)
            neighbourhood = _deletions(key)
            if len(key) >= 8:
                # Long words may carry two typos: try the query's double deletions too.
                neighbourhood = list(
                    dict.fromkeys(neighbourhood + [d for single in neighbourhood[1:] for d in _deletions(single)[1:]])
                )
            for deletion in neighbourhood:
                for token_id in self._by_deletion.get(deletion, ()):
                    if token_id not in found:
                        similarity, _ = key_similarity(key, self._vocabulary[token_id])
                        if similarity >= MIN_WORD_SIMILARITY:
                            found[token_id] = similarity
        if "o" in key or "a" in key:
            # The Russian spelling of an Uzbek word (Bekobod = Бекабад): the same key with o read as a.
            for token_id in self._by_russian_vowel.get(russian_vowel_key(key), ()):
                found.setdefault(token_id, RUSSIAN_VOWEL_VARIANT)
        result = tuple(sorted(found.items(), key=lambda item: -item[1]))
        if len(self._expansions) > 200_000:
            self._expansions.clear()
        self._expansions[key] = result
        return result

    def _records_for(self, token_ids: frozenset[int]) -> set[int]:
        """Records containing any of ``token_ids`` (cached; callers must not modify the set)."""
        cached = self._record_sets.get(token_ids)
        if cached is not None:
            return cached
        result: set[int] = set()
        start, flat = self._posting_start, self._postings
        for token_id in token_ids:
            result.update(flat[start[token_id] : start[token_id + 1]])
        if self._record_sets_size + len(result) > RECORD_SET_CACHE:
            self._record_sets.clear()
            self._record_sets_size = 0
        self._record_sets[token_ids] = result
        self._record_sets_size += len(result)
        return result

    def candidates(self, profile: Profile, threshold: float = 0.0) -> dict[int, float]:
        """Record numbers that may match ``profile`` (never the whole list), each with an upper
        bound of its name score computed from which query words it contains.

        A record must contain at least two of a name's words (one for one-word names); with a
        ``threshold``, at least as many as the bound needs to reach it (three of four company
        words, say), which keeps long company names from pulling in every partial namesake."""
        return self._candidates(profile, threshold)[0]

    def _candidates(self, profile: Profile, threshold: float) -> tuple[dict[int, float], set[int]]:
        """``candidates`` and the records found through a shared identifier."""
        needed = threshold - MAX_QUALIFIER_BONUS
        bounds: dict[int, float] = {}
        identified: set[int] = set()
        for _, value in profile.identifiers:
            hit = self._by_identifier.get(value)
            if hit is not None:
                for number in [hit] if isinstance(hit, int) else hit:
                    bounds[number] = 1.0
                    identified.add(number)
        for name in profile.names:
            word_tokens: list[frozenset[int]] = []
            for word_keys in name.keys:
                ids: set[int] = set()
                # A known name finds its other-script spellings through the list's aliases (a
                # sound match to any other is discounted below use); sound keys are for unknown
                # words, with three consonants or more (similarity.key_similarity).
                known = self.is_known_name(word_keys[0])
                for key in word_keys:
                    if key[:1] == SOUND_MARK and (known or len(key) < 5):
                        continue
                    ids.update(token_id for token_id, _ in self._expand(key))
                word_tokens.append(frozenset(ids))
            if name.is_organisation and len(name.keys) > 1:
                joined = self._key_id.get(name.joined)
                if joined is not None:
                    for number in self._records_for(frozenset((joined,))):
                        bounds[number] = 1.0
            weights = name.weights
            if len(word_tokens) == 1:
                # One query word against a list name of n words: an organisation at best
                # weight / (weight + (n - 1) extra words at their lowest weight); a person
                # SINGLE_WORD_SCORE (similarity.compare_names) unless the name is one word too.
                short = self._name_short
                # The matched pair's weight can reach the heaviest word weight on either side.
                weight = max(weights[0] if weights else 1.0, 1.0 if name.is_organisation else FAMILY_NAME_WEIGHT)
                extra = EXTRA_RECORD_WORD_ORGANISATION * GENERIC_WEIGHT
                partial = SINGLE_WORD_SCORE if not name.patronymic else 1.0
                if name.initials:
                    # "Omarov G.N.": one whole word and initials; the list entries bearing the
                    # word whose words (or patronymic) begin with every initial.
                    for number in self._records_for(word_tokens[0]):
                        if bounds.get(number, -1.0) < 1.0 and self._initials_fit(number, name.initials):
                            bounds[number] = 1.0
                elif name.is_organisation or partial >= needed:
                    for number in self._records_for(word_tokens[0]):
                        if name.is_organisation:
                            if short[number] > 2:
                                continue
                            bound = weight / (weight + (short[number] - 1) * extra)
                        else:
                            bound = 1.0 if short[number] == 1 else partial
                        if bound > bounds.get(number, -1.0):
                            bounds[number] = bound
                else:
                    for number in self._records_for(word_tokens[0]):
                        if short[number] == 1 and bounds.get(number, -1.0) < 1.0:
                            bounds[number] = 1.0
                continue
            heaviest = 1.0 if name.is_organisation else FAMILY_NAME_WEIGHT
            # A misspelt patronymic may be absorbed rather than counted as unmatched (persons);
            # an unmatched company word weighs more (similarity.UNMATCHED_ORGANISATION_WORD).
            absorbed = 0.0 if name.is_organisation or name.patronymic else 1.0
            penalty = UNMATCHED_ORGANISATION_WORD if name.is_organisation else 1.0
            # Names have a handful of words: tabulate the bound for every subset once.
            table = None
            if len(weights) <= 8:
                table = [_name_bound(m, weights, absorbed, heaviest, penalty) for m in range(1 << len(weights))]
            at_least = 2
            if table is not None and needed > 0:
                best_of_size: dict[int, float] = {}
                for mask, bound in enumerate(table):
                    size = mask.bit_count()
                    best_of_size[size] = max(best_of_size.get(size, 0.0), bound)
                at_least = next((k for k in range(2, len(weights) + 1) if best_of_size[k] >= needed), 0)
                if not at_least:
                    continue  # no subset of this name's words could reach the threshold
            if at_least <= 2 or table is None:
                masks = self._matched_words(word_tokens)
            else:
                masks = self._matched_at_least(word_tokens, at_least, table, needed)
            # Record words left unmatched count too: a list name has at least ``short`` words.
            extra_word = (
                EXTRA_RECORD_WORD_ORGANISATION * GENERIC_WEIGHT if name.is_organisation else EXTRA_RECORD_WORD_PERSON
            )
            # Only a list entry with a patronymic can absorb a misspelt one.
            short, has_patronymic = self._name_short, self._has_patronymic
            seen: dict[tuple[int, int, int], float] = {}
            for number, mask in masks.items():
                words = short[number]
                absorbing = has_patronymic[number]
                cached = seen.get((mask, words, absorbing))
                if cached is None:
                    matched, missing = _name_bound_parts(
                        mask, weights, absorbed if absorbing else 0.0, heaviest, penalty
                    )
                    unmatched = max(0, words - mask.bit_count()) * extra_word
                    cached = seen[mask, words, absorbing] = (
                        matched / (matched + missing + unmatched) if matched else 0.0
                    )
                bound = cached
                if bound > bounds.get(number, -1.0):
                    bounds[number] = bound
        if profile.schema_known:
            flags = self._is_organisation
            wanted = 1 if profile.is_organisation else 0
            bounds = {r: b for r, b in bounds.items() if flags[r] == wanted}
        if len(bounds) > MAX_CANDIDATES:
            kept = sorted(bounds.items(), key=lambda item: (-item[1], item[0]))[:MAX_CANDIDATES]
            bounds = dict(kept)
        return bounds, identified

    def _matched_words(self, word_tokens: list[frozenset[int]]) -> dict[int, int]:
        """Records containing at least two of the query's words, with a bit mask of which.

        The largest word's postings are never materialised as a set: the smaller words' sets
        are intersected with its posting slices directly (C speed, no allocation)."""
        start, flat = self._posting_start, self._postings
        sizes = [sum(start[t + 1] - start[t] for t in ids) for ids in word_tokens]
        order = sorted(range(len(word_tokens)), key=sizes.__getitem__)
        largest = order[-1]
        built = {i: self._records_for(word_tokens[i]) for i in order[:-1]}
        masks: dict[int, int] = {}
        smaller = order[:-1]
        for position, a in enumerate(smaller):
            for b in smaller[position + 1 :]:
                if word_tokens[a] == word_tokens[b]:
                    continue  # a repeated word ("Charles Charles") is not two matches
                bits = 1 << a | 1 << b
                for number in built[a] & built[b]:
                    masks[number] = masks.get(number, 0) | bits
        slices = [flat[start[t] : start[t + 1]] for t in word_tokens[largest]]
        for a in smaller:
            if word_tokens[a] == word_tokens[largest]:
                continue
            bits = 1 << a | 1 << largest
            records = built[a]
            for posting in slices:
                for number in records.intersection(posting):
                    masks[number] = masks.get(number, 0) | bits
        return masks

    def _matched_at_least(
        self, word_tokens: list[frozenset[int]], at_least: int, table: list[float], needed: float
    ) -> dict[int, int]:
        """Records containing at least ``at_least`` of the query's words, by intersecting every
        combination of that many words whose bound can reach ``needed``; with a bit mask."""
        sets = [self._records_for(ids) for ids in word_tokens]
        masks: dict[int, int] = {}
        for combination in combinations(range(len(sets)), at_least):
            bits = sum(1 << i for i in combination)
            if table[bits] < needed or len({word_tokens[i] for i in combination}) < at_least:
                continue
            ordered = sorted((sets[i] for i in combination), key=len)
            for number in ordered[0].intersection(*ordered[1:]):
                masks[number] = masks.get(number, 0) | bits
        for number, bits in masks.items():
            for i, records in enumerate(sets):
                if not bits >> i & 1 and number in records:
                    bits |= 1 << i
            masks[number] = bits
        return masks

    def _initials_fit(self, number: int, initials: tuple[str, ...]) -> bool:
        """Whether some name of the record has, for every initial, a word or patronymic it begins."""
        vocabulary, alternatives = self._vocabulary, self._alternatives
        for name in range(self._name_start[number], self._name_start[number + 1]):
            starts: list[str] = []
            for t in self._tokens[self._token_start[name] : self._token_start[name + 1]]:
                starts.append(vocabulary[t])
                starts.extend(alternatives.get(t, ()))
            patronymic_id = self._patronymic[name]
            if patronymic_id != NO_KEY:
                starts.extend(vocabulary[patronymic_id].split("|"))
            if all(any(k.startswith(initial_options(i)) for k in starts) for i in initials):
                return True
        return False

    def _patronymic_conflict(
        self,
        query_stems: tuple[str, ...],
        number: int,
        memo: dict[int, bool],
    ) -> bool:
        """True when the record has patronymics and none agrees with the query's (a cheap
        pre-check; ``memo`` caches the verdict per patronymic for one query)."""
        if not query_stems:
            return False
        found = False
        for name in range(self._name_start[number], self._name_start[number + 1]):
            patronymic_id = self._patronymic[name]
            if patronymic_id == NO_KEY:
                continue
            found = True
            agrees = memo.get(patronymic_id)
            if agrees is None:
                agrees = memo[patronymic_id] = patronymics_agree(
                    query_stems, tuple(self._vocabulary[patronymic_id].split("|")), self.is_other_name
                )
            if agrees:
                return False
        return found

    def search_profile(
        self,
        profile: Profile,
        limit: int = 10,
        threshold: float = DEFAULT_THRESHOLD,
    ) -> list[Hit]:
        """Score the candidates of ``profile``. Candidates whose upper bound (name bound, times
        the patronymic penalty when patronymics disagree, plus the largest qualifier bonus)
        cannot reach ``threshold`` are skipped: the result is the same as scoring them all."""
        scored: list[tuple[float, int]] = []
        query_stems = tuple(s for n in profile.names for s in n.patronymic)
        memo: dict[int, bool] = {}
        bounds, identified = self._candidates(profile, threshold)
        for number, bound in bounds.items():
            if number not in identified:
                if bound + MAX_QUALIFIER_BONUS < threshold:
                    continue
                if bound * PATRONYMIC_MISMATCH + MAX_QUALIFIER_BONUS < threshold and self._patronymic_conflict(
                    query_stems, number, memo
                ):
                    continue
            hit = score_profiles(profile, self._profile(number, profile), self.is_other_name)
            if hit.score >= threshold:
                scored.append((hit.score, number))
        scored.sort(key=lambda item: (-item[0], item[1]))
        hits = []
        for _, number in scored[:limit]:
            # Re-score from the original text so the explanation shows the words as written.
            record = self.record(number)
            hits.append(score_profiles(profile, profile_of(record), self.is_other_name, record.id))
        return hits

    def search(
        self,
        query: Query,
        limit: int = 10,
        threshold: float = DEFAULT_THRESHOLD,
    ) -> list[Hit]:
        """Ranked hits with score ≥ ``threshold`` (best first, at most ``limit``)."""
        return self.search_profile(profile_of(query), limit, threshold)

    def search_many(
        self,
        queries: Iterable[Query],
        limit: int = 10,
        threshold: float = DEFAULT_THRESHOLD,
    ) -> list[list[Hit]]:
        """``search`` for each query, sharing the per-word expansion cache."""
        return [self.search(query, limit, threshold) for query in queries]


def _name_bound(mask: int, weights: tuple[float, ...], absorbed: float, heaviest: float, penalty: float = 1.0) -> float:
    """Upper bound of a name score when only the query words in ``mask`` have a match: every
    match perfect and as heavy as a list word can be (``heaviest``), extra list words free, and
    up to ``absorbed`` unmatched weight forgiven (a misspelt patronymic)."""
    matched, missing = _name_bound_parts(mask, weights, absorbed, heaviest, penalty)
    return matched / (matched + missing) if matched else 0.0


def _name_bound_parts(
    mask: int, weights: tuple[float, ...], absorbed: float, heaviest: float, penalty: float = 1.0
) -> tuple[float, float]:
    """(matched weight, unmatched query weight) behind ``_name_bound``."""
    matched = sum(max(w, heaviest) for i, w in enumerate(weights) if mask >> i & 1)
    missing = max(0.0, sum(w * penalty for i, w in enumerate(weights) if not mask >> i & 1) - absorbed)
    return matched, missing


def _split(value: str) -> list[str]:
    return value.split(SEPARATOR) if value else []


def _russian_vowel_lookup(vocabulary: list[str], posting_start: array) -> dict[str, list[int]]:
    """Searchable keys with an o or an a, by their Russian-vowel reading (transliteration.russian_vowel)."""
    found: dict[str, list[int]] = {}
    for token_id, key in enumerate(vocabulary):
        if posting_start[token_id] == posting_start[token_id + 1] or key[:1] == SOUND_MARK:
            continue
        if "o" in key or "a" in key:
            found.setdefault(russian_vowel(key), []).append(token_id)
    return found
