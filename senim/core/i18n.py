"""Values people type in several languages: one column per language, read with a fallback."""

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.utils.translation import get_language

CONTENT_LANGUAGES = ("ru", "kk", "en", "uz")


def language_fields(base: str) -> list[str]:
    """The column names of a multilingual field, e.g. name → name_ru, name_kk, name_en, name_uz."""
    return [f"{base}_{code}" for code in CONTENT_LANGUAGES]


def fallback_order(language: str | None = None) -> list[str]:
    """The active language first, then the configured fallback order."""
    language = (language or get_language() or settings.LANGUAGE_CODE).split("-")[0]
    order = [language]
    order += [code for code in settings.SENIM_CONTENT_LANGUAGE_FALLBACK if code != language]
    return order


def localized(obj: Any, base: str, language: str | None = None) -> str:
    """The value of `base` in the active language, or the first non-empty one in fallback order."""
    for code in fallback_order(language):
        value = getattr(obj, f"{base}_{code}", "")
        if value:
            return str(value)
    return ""


class Localized:
    """A read-only attribute returning a multilingual field in the active language.

    `name = Localized("name")` on a model with name_ru/name_kk/name_en/name_uz columns.
    """

    def __init__(self, base: str) -> None:
        self.base = base

    def __get__(self, obj: Any, objtype: Any = None) -> Any:
        if obj is None:
            return self
        return localized(obj, self.base)


def all_values(obj: Any, base: str) -> Iterable[str]:
    return [v for v in (getattr(obj, f) for f in language_fields(base)) if v]
