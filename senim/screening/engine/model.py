"""Plain data classes of the engine's public API: what is screened and what is found."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from senim.screening.engine.explanation import Explanation


@dataclass(frozen=True, slots=True)
class Record:
    """A watchlist entry. ``schema``: "Person" or an organisation schema (Organization, Company,
    LegalEntity). Dates are ISO "YYYY", "YYYY-MM" or "YYYY-MM-DD"; countries ISO-2 lower case."""

    id: str
    schema: str
    names: list[str]
    identifiers: list[str] = field(default_factory=list)
    birth_dates: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    gender: str | None = None


@dataclass(frozen=True, slots=True)
class Query:
    """What is screened: the same fields as ``Record``; ``id`` is optional, ``schema`` may be ""
    when unknown (then persons and organisations are both searched without a type penalty)."""

    names: list[str]
    schema: str = "Person"
    identifiers: list[str] = field(default_factory=list)
    birth_dates: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    gender: str | None = None
    id: str | None = None


@dataclass(frozen=True, slots=True)
class Hit:
    """A list entry found for a query: ``score`` in [0, 1] and a reviewer-readable explanation."""

    record_id: str
    score: float
    explanation: Explanation
