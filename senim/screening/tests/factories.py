"""Factories and helpers for screening tests: lists imported from in-memory JSON lines."""

import json
from pathlib import Path

import factory

from senim.core.access import SYSTEM
from senim.screening import jobs, services
from senim.screening.models import Watchlist, WatchlistKind, WatchlistVersion


class WatchlistFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Watchlist

    name = factory.Sequence(lambda n: f"List {n}")
    kind = WatchlistKind.SANCTIONS
    source = "Test"


def ftm(entity_id: str, name: str | list[str], schema: str = "Person", **properties) -> dict:  # type: ignore[no-untyped-def]
    names = [name] if isinstance(name, str) else name
    props = {"name": names, **{k: v if isinstance(v, list) else [v] for k, v in properties.items()}}
    return {"id": entity_id, "schema": schema, "properties": props}


def write_jsonl(path: Path, entities: list[dict | str]) -> Path:
    lines = [e if isinstance(e, str) else json.dumps(e, ensure_ascii=False) for e in entities]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def import_entities(
    watchlist: Watchlist, entities: list[dict | str], tmp_path: Path, *, skip_invalid: bool = False, actor=SYSTEM
) -> WatchlistVersion:  # type: ignore[no-untyped-def]
    """Import JSON-line entities as a new version of `watchlist` (synchronously, like the CLI)."""
    path = write_jsonl(tmp_path / f"{watchlist.pk}-{len(entities)}.jsonl", entities)
    version = services.version_create(
        actor=actor, watchlist=watchlist, file_name=path.name, fmt="ftm", skip_invalid=skip_invalid
    )
    return jobs.version_import_run(version=version, path=path, max_bytes=None)
