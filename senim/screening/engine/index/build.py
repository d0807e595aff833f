"""Building the candidate index: names parsed (here or in forked workers) into compact arrays.

See the package docstring for the layout; `search` reads what this writes."""

from __future__ import annotations

import multiprocessing
from array import array
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import batched
from multiprocessing.pool import AsyncResult
from typing import Any

from senim.screening.engine.identifiers import normalise_identifier
from senim.screening.engine.legal_forms import LEGAL_FORM_LABELS
from senim.screening.engine.model import Record
from senim.screening.engine.names import (
    parse_name,
    schema_is_organisation,
    word_weights,
)
from senim.screening.engine.similarity import (
    MIN_WORD_SIMILARITY,
    key_similarity,
)
from senim.screening.engine.transliteration import SOUND_MARK, loose_key

FORMAT_VERSION = 7  # 7: the mapped format (index/mapped.py)
# Vocabulary keys of initials ("Omarov G.N."): stored with the name's tokens, never posted.
INITIAL_MARK = "."
_VOWELS = frozenset("aeiou")
SEPARATOR = "\x1f"
_FORM_BITS = {form: 1 << i for i, form in enumerate(sorted(LEGAL_FORM_LABELS))}
_GENDER_CODES = {"": 0, "m": 1, "f": 2}
_GENDERS = ("", "m", "f")
NO_KEY = 0xFFFFFFFF


def _deletions(key: str) -> list[str]:
    if len(key) < 4:
        return [key]
    return [key] + [key[:i] + key[i + 1 :] for i in range(len(key))]


def index_state(
    analysed: Iterable[tuple[Record, list[_AnalysedName]]],
    progress: Callable[[int], None] | None,
) -> dict[str, Any]:
    """The arrays of an index of the analysed records, in the layout `Index` reads."""
    key_id: dict[str, int] = {}
    vocabulary: list[str] = []
    postings: list[array] = []
    alternatives: dict[int, tuple[str, ...]] = {}

    def token_id(key: str) -> int:
        found = key_id.get(key)
        if found is None:
            found = key_id[key] = len(vocabulary)
            vocabulary.append(key)
            postings.append(array("I"))
        return found

    state: dict[str, Any] = {
        "record_ids": [],
        "is_organisation": bytearray(),
        "names": [],
        "identifiers": [],
        "birth_dates": [],
        "countries": [],
        "gender": bytearray(),
        "name_start": array("I", [0]),
        "name_short": bytearray(),
        "has_patronymic": bytearray(),
        "token_start": array("I", [0]),
        "tokens": array("I"),
        "patronymic": array("I"),
        "legal_forms": array("I"),
        "name_gender": bytearray(),
    }
    by_identifier: dict[str, int | list[int]] = {}
    record_ids = state["record_ids"]
    is_organisation_flags = state["is_organisation"]
    tokens, token_start = state["tokens"], state["token_start"]
    patronymics, legal_forms, name_gender = (state["patronymic"], state["legal_forms"], state["name_gender"])
    name_start, name_short = state["name_start"], state["name_short"]
    variants: set[tuple[str, str]] = set()
    for number, (record, names) in enumerate(analysed):
        if len(names) > 1:
            _learn_variants(names, variants)
        is_organisation = schema_is_organisation(record.schema)
        record_ids.append(record.id)
        is_organisation_flags.append(1 if is_organisation else 0)
        kept_names: list[str] = []
        posted: set[int] = set()
        shortest = 255
        for raw, keys, joined, patronymic, forms, gender, initials in names:
            kept_names.append(raw.replace(SEPARATOR, " ") if SEPARATOR in raw else raw)
            shortest = min(shortest, len(keys))
            for word_keys in keys:
                primary = token_id(word_keys[0])
                tokens.append(primary)
                if len(word_keys) > 1:
                    known = alternatives.get(primary)
                    if known is None:
                        alternatives[primary] = word_keys[1:]
                    elif known != word_keys[1:]:
                        # One primary key, other alternatives (Пётр: piotr; PETR: none; the
                        # sound keys differ by script): keep them all, sound keys last.
                        alternatives[primary] = _merge_alternatives(known, word_keys[1:])
                posted.add(primary)
                for alternative in word_keys[1:]:
                    posted.add(token_id(alternative))
            if joined:
                posted.add(token_id(joined))
            for initial in initials:
                tokens.append(token_id(INITIAL_MARK + initial))
            token_start.append(len(tokens))
            patronymics.append(token_id(patronymic) if patronymic else NO_KEY)
            legal_forms.append(forms)
            name_gender.append(gender)
        name_start.append(len(token_start) - 1)
        name_short.append(min(shortest, 255))
        state["has_patronymic"].append(1 if any(name[3] for name in names) else 0)
        for posted_id in posted:
            postings[posted_id].append(number)
        state["names"].append(SEPARATOR.join(kept_names))
        state["identifiers"].append(SEPARATOR.join(record.identifiers))
        state["birth_dates"].append(SEPARATOR.join(record.birth_dates))
        state["countries"].append(SEPARATOR.join(record.countries))
        state["gender"].append(_GENDER_CODES.get(_gender_code(record.gender), 0))
        for identifier in record.identifiers:
            found = normalise_identifier(identifier)
            if found is None:
                continue
            existing = by_identifier.get(found[1])
            if existing is None:
                by_identifier[found[1]] = number
            elif isinstance(existing, int):
                by_identifier[found[1]] = [existing, number]
            else:
                existing.append(number)
        if progress is not None and (number + 1) % 10_000 == 0:
            progress(number + 1)

    posting_start = array("I", [0])
    flat = array("I")
    for posting in postings:
        flat.extend(posting)
        posting_start.append(len(flat))
    postings.clear()
    state.update(
        vocabulary=vocabulary,
        alternatives=alternatives,
        posting_start=posting_start,
        postings=flat,
        by_identifier=by_identifier,
        variants=variants,
    )
    if progress is not None:
        progress(len(record_ids))
    return state


# What the index keeps of one name: (text, word keys, joined key of a company name or "",
# patronymic stems joined by "|", legal-form bit mask, gender code, keys of initials).
_AnalysedName = tuple[str, tuple[tuple[str, ...], ...], str, str, int, int, tuple[str, ...]]


def _analyse_names(names: list[str], is_organisation: bool) -> list[_AnalysedName]:
    """Parse a record's names for the index (uncached: list names are nearly all distinct)."""
    schema = "Organization" if is_organisation else "Person"
    analysed: list[_AnalysedName] = []
    for raw in names:
        if not raw:
            continue
        parsed = parse_name.__wrapped__(raw, schema)
        if not parsed.keys:
            continue
        mask = 0
        for form in parsed.legal_forms:
            mask |= _FORM_BITS.get(form, 0)
        joined = parsed.joined if is_organisation and len(parsed.keys) > 1 else ""
        analysed.append(
            (
                raw,
                parsed.keys,
                joined,
                "|".join(parsed.patronymic),
                mask,
                _GENDER_CODES.get(parsed.gender, 0),
                parsed.initials,
            )
        )
    return analysed


def _analyse_chunk(chunk: list[tuple[list[str], bool]]) -> list[list[_AnalysedName]]:
    return [_analyse_names(names, is_organisation) for names, is_organisation in chunk]


def _analysed(records: Iterable[Record], workers: int) -> Iterator[tuple[Record, list[_AnalysedName]]]:
    """Records with their analysed names, parsed here or in ``workers`` forked processes."""
    if workers <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        for record in records:
            yield record, _analyse_names(record.names, schema_is_organisation(record.schema))
        return
    window: deque[tuple[list[Record], AsyncResult[list[list[_AnalysedName]]]]] = deque()
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        for batch in batched(records, 2000):
            chunk = list(batch)
            payload = [(r.names, schema_is_organisation(r.schema)) for r in chunk]
            window.append((chunk, pool.apply_async(_analyse_chunk, (payload,))))
            # A bounded window keeps the workers busy without reading the whole list ahead.
            if len(window) > 2 * workers:
                done, result = window.popleft()
                yield from zip(done, result.get(), strict=True)
        while window:
            done, result = window.popleft()
            yield from zip(done, result.get(), strict=True)


def _merge_alternatives(first: tuple[str, ...], second: tuple[str, ...]) -> tuple[str, ...]:
    merged = dict.fromkeys(first + second)
    return tuple(k for k in merged if k[:1] != SOUND_MARK) + tuple(k for k in merged if k[:1] == SOUND_MARK)


def _learn_variants(names: list[_AnalysedName], variants: set[tuple[str, str]]) -> None:
    """Record which close-but-different word keys the list uses as aliases of one entry
    (Oʻtkir/Уткир, Samruk/Самұрық, Catherine/Кэтрин): they are spellings of one name, not
    different names. The words of two aliases are aligned one to one, best first, so that
    "Wallace Ellis" / "Уоллес Эллис" teaches Эллис = Ellis, not Эллис = Wallace."""
    for first in range(len(names)):
        for second in range(first + 1, len(names)):
            # Words keyed alike pair first (and teach nothing): most aliases are the same name
            # in another script, so usually nothing is left to compare.
            words_a: list[tuple[str, ...]] = []
            words_b = list(names[second][1])
            for keys in names[first][1]:
                for position, other in enumerate(words_b):
                    if other[0] == keys[0]:
                        del words_b[position]
                        break
                else:
                    words_a.append(keys)
            if not words_a or not words_b:
                continue
            # (best similarity, same first sound, best by spelling, i, j): between equal sound
            # matches the first letter and then the spelling decide (Alice ~ Элис and Lewis ~
            # Льюис, not Alice ~ Льюис).
            scored: list[tuple[float, bool, float, int, int]] = []
            for i, keys_a in enumerate(words_a):
                for j, keys_b in enumerate(words_b):
                    best = spelt = 0.0
                    for x in keys_a:
                        for y in keys_b:
                            similarity, how = key_similarity(x, y)
                            if similarity > best:
                                best = similarity
                            if similarity > spelt and not how.startswith("sound"):
                                spelt = similarity
                    if best >= MIN_WORD_SIMILARITY:
                        a, b = keys_a[0][0], keys_b[0][0]
                        scored.append((best, a == b or (a in _VOWELS and b in _VOWELS), spelt, i, j))
            if not scored:
                continue
            scored.sort(key=lambda item: (-item[0], not item[1], -item[2], item[3], item[4]))
            used_a: set[int] = set()
            used_b: set[int] = set()
            for _, _, _, i, j in scored:
                if i in used_a or j in used_b:
                    continue
                used_a.add(i)
                used_b.add(j)
                keys_a, keys_b = words_a[i], words_b[j]
                for x in keys_a:
                    for y in keys_b:
                        if x == y:
                            continue
                        similarity, how = key_similarity(x, y)
                        if similarity < MIN_WORD_SIMILARITY:
                            continue
                        if how.startswith("sound"):
                            x, y = keys_a[0], keys_b[0]  # the names, not the skeletons
                        variants.add((x, y) if x < y else (y, x))


def _derived_lookups(vocabulary: list[str], posting_start: array) -> dict[str, Any]:
    """Lookups computed from the vocabulary once at build time and saved with the index (they
    would cost seconds to recompute on every load): loose key and single-deletion neighbourhoods
    of every searchable key, and each key's loose form and weights."""
    by_loose: dict[str, list[int]] = {}
    by_deletion: dict[str, list[int]] = {}
    for token_id, key in enumerate(vocabulary):
        if posting_start[token_id] == posting_start[token_id + 1] or key[:1] == SOUND_MARK:
            continue  # patronymic stems: compared, never searched; sound keys: exact only
        by_loose.setdefault(loose_key(key), []).append(token_id)
        for deletion in _deletions(key):
            by_deletion.setdefault(deletion, []).append(token_id)
    return {
        "by_loose": by_loose,
        "by_deletion": by_deletion,
        "token_loose": [loose_key(key) for key in vocabulary],
        "token_weight": word_weights(tuple(vocabulary), False),
        "token_generic": word_weights(tuple(vocabulary), True),
    }


def _gender_code(value: str | None) -> str:
    value = (value or "").strip().lower()
    if value in ("m", "male"):
        return "m"
    if value in ("f", "female"):
        return "f"
    return ""
