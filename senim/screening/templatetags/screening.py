"""Template helpers for screening pages: translated labels for the engine's explanation codes."""

from django import template
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

register = template.Library()


def _how_labels() -> dict[str, str]:
    return {
        "exact": _("same spelling"),
        "transliteration": _("same word in another script or romanisation"),
        "loose": _("spelling variant (vowels differ)"),
        "fuzzy": _("similar spelling"),
        "fuzzy-known": _("similar spelling, but the word is itself another known name"),
        "joined": _("same letters, spaced differently"),
    }


def _factor_labels() -> dict[str, str]:
    return {
        "birth_date": _("Birth date"),
        "country": _("Country"),
        "gender": _("Gender"),
        "legal_form": _("Legal form"),
        "schema": _("Type"),
    }


def _patronymic_labels() -> dict[str, str]:
    return {
        "same": _("Patronymic agrees."),
        "different": _("Patronymic differs: score lowered."),
        "missing": _("Patronymic given on one side only: neutral."),
    }


@register.filter
def how_label(code: str) -> str:
    return _how_labels().get(code, code)


@register.filter
def factor_label(code: str) -> str:
    return _factor_labels().get(code, code)


@register.filter
def patronymic_label(code: str) -> str:
    return _patronymic_labels().get(code or "", "")


@register.filter
def percent(score: float) -> int:
    """A score in [0, 1] as a whole percentage, for bar widths."""
    try:
        return max(0, min(100, round(float(score) * 100)))
    except (TypeError, ValueError):
        return 0


@register.filter
def score_kind(score: float) -> str:
    """Bar colour: danger from 0.9, warn below."""
    return "danger" if float(score or 0) >= 0.9 else "warn"


@register.filter
def get_item(mapping: dict, key: object) -> object:
    return mapping.get(key, {}) if isinstance(mapping, dict) else {}


@register.simple_tag
def subject_url(subject: object) -> str:
    """The page of what a subject stands for, when Senim has one (employees, for now)."""
    key = str(getattr(subject, "key", ""))
    prefix, _sep, rest = key.partition(":")
    if prefix == "org.employee" and rest:
        try:
            return reverse("org:employee-detail", args=[rest])
        except NoReverseMatch:
            return ""
    return ""


@register.filter
def schema_label(schema: str) -> str:
    """The FollowTheMoney schema as the reviewer's word: a person, or an organisation of a kind."""
    if schema == "Person":
        return _("Person")
    labels = {
        "Company": _("Company"),
        "Organization": _("Organisation"),
        "LegalEntity": _("Legal entity"),
        "PublicBody": _("Public body"),
    }
    return labels.get(schema, schema)
