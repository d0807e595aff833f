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
        "russian-vowel": _("Russian spelling of an Uzbek word (o written а)"),
        "fuzzy": _("similar spelling"),
        "fuzzy-known": _("similar spelling, but the word is itself another known name"),
        "loose-known": _("spelling variant, but the word is itself another known name"),
        "sound": _("same sounds in another script (an English name written in Cyrillic)"),
        "sound-known": _("same sounds, but the word is itself another known name"),
        "joined": _("same letters, spaced differently"),
        "initial": _("an initial of the word (weaker evidence)"),
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


def _legal_form_labels() -> dict[str, str]:
    """The engine's legal-form types in the reader's language (abbreviations stay as written)."""
    return {
        "limited_liability": _("limited liability (ТОО/ЖШС/LLP/ООО/MChJ/LLC)"),
        "additional_liability": _("additional liability (ТДО/ҚЖС/ОДО/QMJ)"),
        "jsc": _("joint-stock company (АО/АҚ/JSC/AJ)"),
        "non_profit_jsc": _("non-profit joint-stock company (НАО/КеАҚ)"),
        "individual_entrepreneur": _("individual entrepreneur (ИП/ЖК/YaTT)"),
        "farm": _("farm (КХ/ФХ/ШҚ)"),
        "state_enterprise": _("state enterprise (ГКП/РГП/DUK)"),
        "state_institution": _("state institution (ГУ/ММ/DM)"),
        "public_association": _("public association or NGO"),
        "public_foundation": _("public foundation (ОФ/ҚҚ)"),
        "association_of_legal_entities": _("association of legal entities (ОЮЛ/ЗТБ)"),
        "cooperative": _("production cooperative (ПК/ӨК)"),
        "national_company": _("national company (НК/ҰК)"),
        "branch": _("branch or representative office"),
        "private_enterprise": _("private enterprise (XK/ЧП)"),
        "joint_venture": _("joint venture (QK/СП)"),
        "family_enterprise": _("family enterprise (OK)"),
    }


def _qualifier_messages() -> dict[str, str]:
    return {
        "birth_same_date": _("same birth date, %(date)s"),
        "birth_same_year": _("same birth year, %(year)s"),
        "birth_same_year_other_date": _("same birth year, but the dates differ (%(query)s and %(record)s)"),
        "birth_year_off_by_one": _("birth years one apart (%(query)s and %(record)s)"),
        "birth_other_year": _("different birth years (%(query)s and %(record)s)"),
        "country_same": _("same country, %(country)s"),
        "country_other": _("different countries (%(query)s and %(record)s)"),
        "gender_other": _("different gender (%(query)s and %(record)s)"),
        "legal_form_same": _("same legal form, %(form)s"),
        "legal_form_other": _("different legal forms (%(query)s and %(record)s)"),
        "schema_other": _("one is a person, the other an organisation"),
    }


@register.filter
def qualifier_text(qualifier: dict) -> str:
    """A qualifier of the engine's explanation in the reader's language. Explanations stored
    before qualifiers carried codes fall back to the engine's English detail."""
    message = _qualifier_messages().get(qualifier.get("code") or "")
    if message is None:
        return str(qualifier.get("detail", ""))
    params = {
        key: str(value).upper() if key == "country" else value for key, value in qualifier.get("params", {}).items()
    }
    labels = _legal_form_labels()
    for key in ("form", "query", "record"):
        if key in params and qualifier.get("factor") == "legal_form":
            params[key] = ", ".join(labels.get(code.strip(), code.strip()) for code in str(params[key]).split(","))
    try:
        text = message % params
    except (KeyError, TypeError, ValueError):
        return str(qualifier.get("detail", ""))
    return text + _identifier_sources(params)


def _identifier_sources(params: dict) -> str:
    """Where a birth date or sex was read from an IIN/PINFL rather than given: said after the qualifier."""
    identifiers = {"iin": _("IIN"), "pinfl": _("PINFL")}
    notes = []
    if params.get("query_source") in identifiers:
        notes.append(
            _("screened person: read from the %(identifier)s") % {"identifier": identifiers[params["query_source"]]}
        )
    if params.get("record_source") in identifiers:
        notes.append(
            _("list entry: read from the %(identifier)s") % {"identifier": identifiers[params["record_source"]]}
        )
    return "".join("; " + note for note in notes)
