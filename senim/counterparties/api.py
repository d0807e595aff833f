"""API of the counterparties module (the same services and selectors as the pages)."""

from ninja import Router

router = Router(tags=["Counterparties"])
