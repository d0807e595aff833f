"""Reviewer-readable explanation of a score: names, identifiers and qualifiers that counted."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from senim.screening.engine.similarity import NameComparison

_HOW = {
    "exact": "same spelling",
    "transliteration": "same word in another script or romanisation",
    "loose": "spelling variant (vowels differ)",
    "russian-vowel": "Russian spelling of an Uzbek word (o written а)",
    "fuzzy": "similar spelling",
    "fuzzy-known": "similar spelling, but the query word is itself another known name",
    "loose-known": "vowel variant, but the query word is itself another known name",
    "sound": "same sounds in another script (an English name written in Cyrillic)",
    "sound-known": "same sounds, but the query word is itself another known name",
    "joined": "same letters, spaced differently",
    "initial": "an initial of the word (weaker evidence)",
}


@dataclass(frozen=True, slots=True)
class Qualifier:
    """A factor beside the name that raised (effect > 0) or lowered (effect < 0) the score."""

    factor: str  # "birth_date" | "country" | "gender" | "legal_form" | "schema"
    effect: float
    detail: str  # plain English, for the command line and logs
    # A stable code and its values, so an interface can say the same in the reader's language.
    code: str = ""
    params: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class IdentifierFinding:
    outcome: str  # "match" | "conflict"
    kind: str
    query_value: str
    record_value: str


@dataclass(frozen=True, slots=True)
class Explanation:
    """Why a record scored what it did; ``lines()`` for people, ``as_dict()`` for JSON."""

    score: float
    name_score: float
    name: NameComparison | None
    identifiers: tuple[IdentifierFinding, ...] = ()
    qualifiers: tuple[Qualifier, ...] = field(default_factory=tuple)

    def lines(self) -> list[str]:
        lines: list[str] = []
        comparison = self.name
        if comparison is None:
            lines.append("No name could be compared.")
        else:
            lines.append(
                f"Name «{comparison.query.text}» compared with «{comparison.record.text}»: {comparison.score:.2f}."
            )
            for pair in comparison.pairs:
                how = _HOW.get(pair.how, pair.how)
                ratio = f" (ratio {pair.similarity:.2f})" if pair.similarity < 1 else ""
                lines.append(f"  '{pair.query_word}' ↔ '{pair.record_word}': {how}{ratio}.")
            if comparison.unmatched_query:
                lines.append("  Not found in the list entry: " + ", ".join(comparison.unmatched_query) + ".")
            if comparison.unmatched_record:
                lines.append("  Only in the list entry: " + ", ".join(comparison.unmatched_record) + ".")
            if comparison.patronymic == "same":
                lines.append(
                    f"  Patronymic agrees ('{comparison.query.patronymic_word}' ↔ "
                    f"'{comparison.record.patronymic_word or 'patronymic of another alias'}')."
                )
            elif comparison.patronymic == "different":
                lines.append(
                    f"  Patronymic differs ('{comparison.query.patronymic_word}' ↔ "
                    f"'{comparison.record.patronymic_word or 'patronymic of another alias'}'): "
                    "score lowered."
                )
            elif comparison.patronymic == "missing":
                lines.append("  Patronymic given on one side only: neutral.")
            if comparison.patronymic == "same" and not comparison.query.patronymic_word:
                lines.append("  (the query's patronymic is misspelt but names the same father)")
            forms_q, forms_r = comparison.query.legal_forms, comparison.record.legal_forms
            if forms_q or forms_r:
                lines.append(
                    "  Legal forms: query "
                    + (", ".join(sorted(forms_q)) or "none")
                    + "; list entry "
                    + (", ".join(sorted(forms_r)) or "none")
                    + "."
                )
        for finding in self.identifiers:
            if finding.outcome == "match":
                lines.append(f"Identifier {finding.query_value} ({finding.kind}) is the same: decisive match.")
            else:
                lines.append(
                    f"Identifiers differ: {finding.query_value} vs {finding.record_value} "
                    f"({finding.kind}): score strongly lowered."
                )
        for qualifier in self.qualifiers:
            verb = "raised" if qualifier.effect > 0 else "lowered"
            lines.append(f"{qualifier.detail}: {verb} by {abs(qualifier.effect):.2f}.")
        lines.append(f"Score {self.score:.2f}.")
        return lines

    def as_dict(self) -> dict[str, Any]:
        comparison = self.name
        return {
            "score": round(self.score, 4),
            "name_score": round(self.name_score, 4),
            "name": None
            if comparison is None
            else {
                "query": comparison.query.text,
                "record": comparison.record.text,
                "score": round(comparison.score, 4),
                "pairs": [
                    {"query": p.query_word, "record": p.record_word, "how": p.how, "similarity": round(p.similarity, 4)}
                    for p in comparison.pairs
                ],
                "unmatched_query": list(comparison.unmatched_query),
                "unmatched_record": list(comparison.unmatched_record),
                "patronymic": comparison.patronymic or None,
                "legal_forms": {
                    "query": sorted(comparison.query.legal_forms),
                    "record": sorted(comparison.record.legal_forms),
                },
            },
            "identifiers": [
                {"outcome": f.outcome, "kind": f.kind, "query": f.query_value, "record": f.record_value}
                for f in self.identifiers
            ],
            "qualifiers": [
                {
                    "factor": q.factor,
                    "effect": round(q.effect, 4),
                    "detail": q.detail,
                    "code": q.code,
                    "params": dict(q.params),
                }
                for q in self.qualifiers
            ],
            "lines": self.lines(),
        }
