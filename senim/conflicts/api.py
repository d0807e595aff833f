"""API of the conflicts module (the same services and selectors as the pages)."""

from ninja import Router

router = Router(tags=["Conflicts of interest"])
