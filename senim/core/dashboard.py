"""Dashboard tiles: each app registers a function giving the tiles an actor may see."""

from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest


@dataclass(frozen=True)
class Tile:
    label: str
    value: object
    url: str = ""
    hint: str = ""
    previous: object = None


TileSource = Callable[[HttpRequest], list[Tile]]
_SOURCES: list[TileSource] = []


def register(source: TileSource) -> TileSource:
    if source not in _SOURCES:
        _SOURCES.append(source)
    return source


def tiles(request: HttpRequest) -> list[Tile]:
    return [tile for source in _SOURCES for tile in source(request)]
