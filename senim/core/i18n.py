"""Values people type in several languages: one column per language, read with a fallback."""

import datetime as dt
import json
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.utils import translation
from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.translation import get_language, gettext, gettext_noop

CONTENT_LANGUAGES = ("ru", "kk", "en", "uz")


def language_fields(base: str) -> list[str]:
    """The column names of a multilingual field, e.g. name → name_ru, name_kk, name_en, name_uz."""
    return [f"{base}_{code}" for code in CONTENT_LANGUAGES]


# Uzbek is written in Latin letters: an Uzbek reader gets the English (Latin) value before a Russian
# or Kazakh one written in Cyrillic, so "Sunkar Energy" rather than "Сункар Энерджи".
LATIN_FIRST = {"uz": ("en",)}


def fallback_order(language: str | None = None) -> list[str]:
    """The active language first, then (for Uzbek) the Latin-script values, then the configured order."""
    language = (language or get_language() or settings.LANGUAGE_CODE).split("-")[0]
    order = [language, *LATIN_FIRST.get(language, ())]
    order += [code for code in settings.SENIM_CONTENT_LANGUAGE_FALLBACK if code not in order]
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


# Each language named in itself, the same way for all four (the picker shows these): a people's
# own word for its language, not Django's mix of "Қазақ" and "oʻzbek tili".
LANGUAGE_SELF_NAMES = {"en": "English", "ru": "Русский", "kk": "Қазақша", "uz": "Oʻzbekcha"}


def language_self_name(code: str) -> str:
    """A language's name in that language ("Қазақша"), for the language picker."""
    return LANGUAGE_SELF_NAMES.get(code, code)


def language_name(code: str | None) -> str:
    """A language's name in the reader's language ("Kazakh"), never a bare code; "" for none."""
    if not code:
        return ""
    names = dict(settings.LANGUAGES)
    base = str(code).split("-")[0].lower()
    return str(names[base]) if base in names else str(code)


# Text that Senim writes once and people read later in their own language (a red flag's finding,
# say) is stored as the untranslated message and its values, not as a sentence in the language of
# whoever happened to trigger it: "i18n:" followed by JSON, a list of parts, each a plain string or a
# [msgid, {name: value}] pair. A value is a string, {"date": "YYYY-MM-DD"} (written in the reader's
# date format) or {"msg": msgid} (a translated word, such as a choice label). Mark each msgid with
# gettext_noop where it is written so makemessages finds it.
DEFERRED_PREFIX = "i18n:"


def msgid_of(label: object) -> str:
    """The untranslated source text of a (lazy) label, for storing it with `deferred`."""
    with translation.override(None):
        return str(label)


def _param(value: object) -> object:
    if isinstance(value, dt.date):
        return {"date": value.isoformat()[:10]}
    if isinstance(value, Promise):
        return {"msg": msgid_of(value)}
    return str(value)


def deferred(msgid: str, **params: object) -> str:
    """One message to be written in the reader's language when shown (see DEFERRED_PREFIX)."""
    return DEFERRED_PREFIX + json.dumps([[msgid, {k: _param(v) for k, v in params.items()}]], ensure_ascii=False)


def _parts(text: str) -> list[Any]:
    if text.startswith(DEFERRED_PREFIX):
        try:
            parts = json.loads(text[len(DEFERRED_PREFIX) :])
        except ValueError:
            return [text]
        return parts if isinstance(parts, list) else [text]
    return [text] if text else []


def deferred_join(texts: Iterable[str]) -> str:
    """Several stored texts (deferred or plain) as one, each part kept once, in order."""
    parts: list[Any] = []
    for text in texts:
        for part in _parts(str(text)):
            if part not in parts:
                parts.append(part)
    if all(isinstance(part, str) for part in parts):
        return "; ".join(parts)
    return DEFERRED_PREFIX + json.dumps(parts, ensure_ascii=False)


def _render_value(value: object) -> str:
    if isinstance(value, dict) and "date" in value:
        try:
            return date_format(dt.date.fromisoformat(str(value["date"])), "DATE_FORMAT")
        except ValueError:
            return str(value["date"])
    if isinstance(value, dict) and "msg" in value:
        return gettext(str(value["msg"]))
    return str(value)


def render_deferred(text: str | None) -> str:
    """A stored text in the reader's language: deferred messages translated, plain text unchanged."""
    if not text:
        return ""
    rendered = []
    for part in _parts(text):
        if isinstance(part, list) and len(part) == 2 and isinstance(part[1], dict):
            values = {k: _render_value(v) for k, v in part[1].items()}
            try:
                rendered.append(gettext(str(part[0])) % values if values else gettext(str(part[0])))
            except (KeyError, ValueError, TypeError):
                rendered.append(str(part[0]))
        else:
            rendered.append(str(part))
    return "; ".join(rendered)


# Django's own messages that its catalogues do not translate into Russian, Kazakh or Uzbek yet: Senim's
# catalogues carry them (they are searched before Django's), and marking them here keeps them there
# when the catalogues are extracted again.
DJANGO_MESSAGES = (
    # django.db.models.fields.BLANK_CHOICE_LABEL (Django 6.1): the empty choice of every select.
    gettext_noop("- Select an option -"),
)
