"""The hits of a run as CSV rows, shared by the download and `senim screen --batch`."""

from collections.abc import Iterable, Iterator

from senim.screening.models import Hit
from senim.screening.services import subject_reference


def hit_rows(hits: Iterable[Hit]) -> Iterator[list[str]]:
    """One row per hit: query id, query name, list, entity id, entity name, score (written through
    `core.exports`, which keeps names from outside lists from running as formulas)."""
    for hit in hits:
        yield [
            subject_reference(hit.subject),
            hit.subject.label or (hit.subject.names[0] if hit.subject.names else ""),
            hit.watchlist.name,
            hit.entity.entity_id,
            hit.entity.caption,
            f"{hit.score:.4f}",
        ]
