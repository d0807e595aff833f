"""API of the speakup module (the same services and selectors as the pages)."""

from ninja import Router

router = Router(tags=["Speak Up"])
