"""The hits of a run as CSV rows, shared by the download and `senim screen --batch`."""

from collections.abc import Iterable, Iterator

from senim.screening.models import Hit
from senim.screening.services import subject_reference

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value: str) -> str:
    """Keep spreadsheet programs from running a cell as a formula: names come from outside lists."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def hit_rows(hits: Iterable[Hit]) -> Iterator[list[str]]:
    """One row per hit: query id, query name, list, entity id, entity name, score."""
    for hit in hits:
        yield [
            csv_safe(subject_reference(hit.subject)),
            csv_safe(hit.subject.label or (hit.subject.names[0] if hit.subject.names else "")),
            csv_safe(hit.watchlist.name),
            csv_safe(hit.entity.entity_id),
            csv_safe(hit.entity.caption),
            f"{hit.score:.4f}",
        ]
