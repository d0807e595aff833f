"""The index file format that maps without unpickling: every process on a host that opens the
same file shares one copy of it in the operating system's page cache.

A file is ``MAGIC``, the length of a JSON header, the header (format, sections), then the sections,
each aligned to 8 bytes. A section is read in place through a read-only ``memoryview`` of the
mapping: number arrays are cast to their type code; a list of strings is its UTF-8 blob with an
offsets array (``Strings``); a lookup from strings to lists of numbers (``by_loose``, ``by_deletion``,
the identifiers) is a sorted key table with CSR arrays, searched by bisection (``Lookup``); the
key-to-id lookup of the vocabulary is an order over the vocabulary itself (``KeyIds``); each word's
alternative keys are CSR arrays by token id (``Alternatives``). Only the small pair set of learned
variants is pickled (kilobytes to a few megabytes).
"""

from __future__ import annotations

import json
import mmap
import pickle
from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

MAGIC = b"SENIMIDX"
HEADER_LENGTH = 8


class Strings(Sequence[str]):
    """A list of strings read from a blob and an offsets array."""

    def __init__(self, offsets: Any, blob: Any) -> None:
        self._offsets = offsets
        self._blob = blob

    def __len__(self) -> int:
        return len(self._offsets) - 1

    def __getitem__(self, number: int) -> str:  # type: ignore[override]
        if number < 0:
            number += len(self)
        return bytes(self._blob[self._offsets[number] : self._offsets[number + 1]]).decode()

    def raw(self, number: int) -> bytes:
        return bytes(self._blob[self._offsets[number] : self._offsets[number + 1]])

    def __iter__(self) -> Iterator[str]:
        for number in range(len(self)):
            yield self[number]


def _bisect(count: int, key: bytes, raw_at: Any) -> int:
    """The position of ``key`` among ``count`` sorted raw keys, or -1."""
    low, high = 0, count
    while low < high:
        middle = (low + high) // 2
        if raw_at(middle) < key:
            low = middle + 1
        else:
            high = middle
    return low if low < count and raw_at(low) == key else -1


class Lookup(Mapping[str, Sequence[int]]):
    """Strings to lists of numbers: sorted keys, and each key's numbers in CSR arrays."""

    def __init__(self, keys: Strings, starts: Any, values: Any) -> None:
        self._keys, self._starts, self._values = keys, starts, values

    def _position(self, key: str) -> int:
        return _bisect(len(self._keys), key.encode(), self._keys.raw)

    def __getitem__(self, key: str) -> Sequence[int]:
        position = self._position(key)
        if position < 0:
            raise KeyError(key)
        return self._values[self._starts[position] : self._starts[position + 1]]

    def get(self, key: str, default: Any = None) -> Any:  # type: ignore[override]
        position = self._position(key)
        if position < 0:
            return default
        return self._values[self._starts[position] : self._starts[position + 1]]

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._position(key) >= 0

    def __len__(self) -> int:
        return len(self._keys)

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)


class KeyIds(Mapping[str, int]):
    """A vocabulary key's token id, by bisection over the vocabulary in key order."""

    def __init__(self, vocabulary: Strings, order: Any) -> None:
        self._vocabulary, self._order = vocabulary, order

    def get(self, key: str, default: Any = None) -> Any:  # type: ignore[override]
        position = _bisect(len(self._order), key.encode(), lambda i: self._vocabulary.raw(self._order[i]))
        return default if position < 0 else self._order[position]

    def __getitem__(self, key: str) -> int:
        found = self.get(key)
        if found is None:
            raise KeyError(key)
        return int(found)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key) is not None

    def __len__(self) -> int:
        return len(self._order)

    def __iter__(self) -> Iterator[str]:
        return (self._vocabulary[i] for i in self._order)


class Alternatives(Mapping[int, tuple[str, ...]]):
    """Each token's alternative keys (most have none)."""

    def __init__(self, starts: Any, keys: Strings) -> None:
        self._starts, self._keys = starts, keys

    def __contains__(self, token_id: object) -> bool:
        return (
            isinstance(token_id, int)
            and 0 <= token_id < len(self._starts) - 1
            and self._starts[token_id] != self._starts[token_id + 1]
        )

    def __getitem__(self, token_id: int) -> tuple[str, ...]:
        if token_id not in self:
            raise KeyError(token_id)
        return tuple(self._keys[i] for i in range(self._starts[token_id], self._starts[token_id + 1]))

    def get(self, token_id: Any, default: Any = None) -> Any:  # type: ignore[override]
        if token_id not in self:
            return default
        return self[token_id]

    def __len__(self) -> int:
        return sum(1 for token_id in range(len(self._starts) - 1) if token_id in self)

    def __iter__(self) -> Iterator[int]:
        return (token_id for token_id in range(len(self._starts) - 1) if token_id in self)


# ---------------------------------------------------------------------------------------- writing


class _Writer:
    def __init__(self) -> None:
        self.sections: dict[str, dict[str, Any]] = {}
        self.chunks: list[bytes] = []
        self.size = 0

    def raw(self, name: str, data: bytes, kind: str, **extra: Any) -> None:
        padding = -self.size % 8
        if padding:
            self.chunks.append(b"\0" * padding)
            self.size += padding
        self.sections[name] = {"kind": kind, "offset": self.size, "length": len(data), **extra}
        self.chunks.append(data)
        self.size += len(data)

    def numbers(self, name: str, values: Iterable[int] | array | bytearray, typecode: str = "I") -> None:
        if isinstance(values, bytearray):
            self.raw(name, bytes(values), "array", typecode="B")
            return
        data = values if isinstance(values, array) and values.typecode == typecode else array(typecode, values)
        self.raw(name, data.tobytes(), "array", typecode=typecode)

    def strings(self, name: str, values: Iterable[str]) -> None:
        offsets = array("Q", [0])
        blob = bytearray()
        for value in values:
            blob += value.encode()
            offsets.append(len(blob))
        self.raw(f"{name}.offsets", offsets.tobytes(), "array", typecode="Q")
        self.raw(f"{name}.blob", bytes(blob), "array", typecode="B")
        self.sections[name] = {"kind": "strings"}

    def lookup(self, name: str, mapping: Mapping[str, Any]) -> None:
        keys = sorted(mapping, key=lambda key: key.encode())
        starts = array("I", [0])
        values = array("I")
        for key in keys:
            found = mapping[key]
            values.extend([found] if isinstance(found, int) else found)
            starts.append(len(values))
        self.strings(f"{name}.keys", keys)
        self.numbers(f"{name}.starts", starts)
        self.numbers(f"{name}.values", values)
        self.sections[name] = {"kind": "lookup"}


def write(path: str | Path, state: dict[str, Any], format_version: int, extra: dict[str, Any]) -> None:
    """Write ``state`` (an index's arrays, see build.index_state) and ``extra`` lookups to ``path``."""
    writer = _Writer()
    for name in ("record_ids", "names", "identifiers", "birth_dates", "countries", "vocabulary", "token_loose"):
        writer.strings(name, state[name])
    for name in (
        "is_organisation",
        "gender",
        "name_start",
        "name_short",
        "has_patronymic",
        "token_start",
        "tokens",
        "patronymic",
        "legal_forms",
        "name_gender",
        "posting_start",
        "postings",
    ):
        writer.numbers(name, state[name])
    writer.numbers("token_weight", state["token_weight"], "d")
    writer.numbers("token_generic", state["token_generic"], "d")
    for name in ("by_loose", "by_deletion", "by_identifier"):
        writer.lookup(name, state[name])
    writer.lookup("by_russian_vowel", extra["by_russian_vowel"])
    vocabulary = state["vocabulary"]
    writer.numbers("key_order", sorted(range(len(vocabulary)), key=lambda i: vocabulary[i].encode()))
    alternatives = state["alternatives"]
    alternative_starts = array("I", [0])
    alternative_keys: list[str] = []
    for token_id in range(len(vocabulary)):
        alternative_keys.extend(alternatives.get(token_id, ()))
        alternative_starts.append(len(alternative_keys))
    writer.numbers("alternative_starts", alternative_starts)
    writer.strings("alternative_keys", alternative_keys)
    writer.raw("variants", pickle.dumps(state["variants"], protocol=pickle.HIGHEST_PROTOCOL), "pickle")
    header = json.dumps({"format": format_version, "sections": writer.sections}).encode()
    with open(path, "wb") as handle:
        handle.write(MAGIC)
        handle.write(len(header).to_bytes(HEADER_LENGTH, "little"))
        handle.write(header)
        handle.write(b"\0" * (-(len(MAGIC) + HEADER_LENGTH + len(header)) % 8))
        for chunk in writer.chunks:
            handle.write(chunk)


# ---------------------------------------------------------------------------------------- reading


def read(path: str | Path, format_version: int) -> tuple[dict[str, Any], mmap.mmap]:
    """The index state of a mapped file, its sections viewed in place; and the mapping, which must
    stay open while the state is used. ValueError for a file of another format."""
    with open(path, "rb") as handle:
        mapping = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    view = memoryview(mapping)
    if bytes(view[: len(MAGIC)]) != MAGIC:
        raise ValueError("not a mapped index file")
    header_length = int.from_bytes(view[len(MAGIC) : len(MAGIC) + HEADER_LENGTH], "little")
    start = len(MAGIC) + HEADER_LENGTH
    header = json.loads(bytes(view[start : start + header_length]))
    if header.get("format") != format_version:
        raise ValueError(f"unsupported index format {header.get('format')!r}")
    base = start + header_length
    base += -base % 8
    sections = header["sections"]

    def section(name: str) -> Any:
        info = sections[name]
        data = view[base + info["offset"] : base + info["offset"] + info["length"]]
        if info["kind"] == "pickle":
            return pickle.loads(data)
        return data.cast(info["typecode"])

    def strings(name: str) -> Strings:
        return Strings(section(f"{name}.offsets"), section(f"{name}.blob"))

    def lookup(name: str) -> Lookup:
        return Lookup(strings(f"{name}.keys"), section(f"{name}.starts"), section(f"{name}.values"))

    state: dict[str, Any] = {
        name: strings(name)
        for name in ("record_ids", "names", "identifiers", "birth_dates", "countries", "vocabulary", "token_loose")
    }
    for name in (
        "is_organisation",
        "gender",
        "name_start",
        "name_short",
        "has_patronymic",
        "token_start",
        "tokens",
        "patronymic",
        "legal_forms",
        "name_gender",
        "posting_start",
        "postings",
        "token_weight",
        "token_generic",
    ):
        state[name] = section(name)
    for name in ("by_loose", "by_deletion", "by_identifier", "by_russian_vowel"):
        state[name] = lookup(name)
    state["key_id"] = KeyIds(state["vocabulary"], section("key_order"))
    state["alternatives"] = Alternatives(section("alternative_starts"), strings("alternative_keys"))
    state["variants"] = section("variants")
    return state, mapping
