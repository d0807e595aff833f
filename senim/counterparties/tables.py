"""The columns of the module's lists, shared by each page, its sorting and its CSV/XLSX download
(core.lists)."""

from typing import Any

from django.db.models import Value
from django.db.models.expressions import BaseExpression
from django.db.models.functions import Coalesce, NullIf
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from senim.core.lists import Column, Table
from senim.counterparties.models import RiskLevel, VerificationCase


def _lang() -> str:
    code = (get_language() or "ru").split("-")[0]
    return code if code in {"ru", "kk", "en", "uz"} else "ru"


def _name_order() -> BaseExpression:
    """Names missing in the reader's language sort where their fallback (Russian, then English) would."""
    return Coalesce(NullIf(f"name_{_lang()}", Value("")), NullIf("name_ru", Value("")), "name_en")


def _choice(choices: Any, value: str | None) -> str:
    return str(dict(choices.choices).get(value, "")) if value else ""


COUNTERPARTIES = Table(
    name="counterparties",
    columns=(
        Column("name", _("Name"), lambda c: c.name, order=(_name_order,)),
        Column("legal_form", _("Legal form"), lambda c: c.legal_form),
        Column("identifier", _("Number"), lambda c: c.identifier, order=("identifier",)),
        Column("kind", _("Kind"), lambda c: c.get_kind_display(), order=("kind",)),
        Column("category", _("Category"), lambda c: c.get_category_display(), order=("category",)),
        Column("country", _("Country"), lambda c: c.country, order=("country",)),
        Column("risk", _("Risk"), lambda c: _choice(RiskLevel, c.dd_risk), order=("dd_risk_rank",)),
        Column(
            "due_diligence",
            _("Due diligence"),
            lambda c: _choice(VerificationCase.Status, c.dd_status),
            order=("dd_status",),
        ),
        Column("verified", _("Verified on"), lambda c: c.dd_opened, order=("dd_opened",)),
    ),
    default_sort="name",
    date_field="created_at",
    date_label=pgettext_lazy("list filter", "Added"),
)

CONTRACTS = Table(
    name="contracts",
    columns=(
        Column("number", _("Number"), lambda c: c.number, order=("number",)),
        Column("date", _("Date"), lambda c: c.date, order=("date",)),
        Column("company", _("Company"), lambda c: str(c.company), order=("company__name_ru",)),
        Column("counterparty", _("Counterparty"), lambda c: str(c.counterparty), order=("counterparty__name_ru",)),
        Column("method", _("Procurement method"), lambda c: c.get_procurement_method_display()),
        Column("amount", _("Amount"), lambda c: c.amount, order=("amount",)),
        Column("currency", _("Currency"), lambda c: c.currency, order=("currency",)),
        Column("clause", _("Clause"), lambda c: _("Yes") if c.has_clause else _("No"), order=("has_clause",)),
    ),
    default_sort="-date",
    date_field="date",
)

VERIFICATIONS = Table(
    name="verifications",
    columns=(
        Column("opened", _("Opened on"), lambda c: c.opened_on, order=("opened_on", "created_at")),
        Column("counterparty", _("Counterparty"), lambda c: str(c.counterparty), order=("counterparty__name_ru",)),
        Column("subject", _("Subject"), lambda c: c.subject),
        Column("company", _("Company"), lambda c: str(c.company), order=("company__name_ru",)),
        Column("method", _("Procurement method"), lambda c: c.get_procurement_method_display()),
        Column("level", _("Level"), lambda c: c.get_level_display(), order=("level",)),
        Column("risk", _("Risk"), lambda c: c.get_risk_level_display(), order=("risk_score",)),
        Column("score", _("Risk score"), lambda c: c.risk_score),
        Column("status", _("Status"), lambda c: c.get_status_display(), order=("status",)),
        Column("valid_until", _("Valid until"), lambda c: c.valid_until, order=("valid_until",)),
    ),
    default_sort="-opened",
    date_field="opened_on",
)

APPLICATIONS = Table(
    name="applications",
    columns=(
        Column("number", _("Number"), lambda a: a.number, order=("number",)),
        Column("filed", _("Filed on"), lambda a: a.filed_on, order=("filed_on", "number")),
        Column("counterparty", _("Counterparty"), lambda a: str(a.counterparty), order=("counterparty__name_ru",)),
        Column("company", _("Company"), lambda a: str(a.company), order=("company__name_ru",)),
        Column("refusal", _("Refusal"), lambda a: a.get_refusal_display(), order=("refusal",)),
        Column("contracts", _("Contracts"), lambda a: a.contract_count, order=("contract_count",)),
        Column("status", _("Status"), lambda a: a.get_status_display(), order=("status",)),
        Column("decision", _("Decision"), lambda a: a.get_decision_display(), order=("decision",)),
    ),
    default_sort="-filed",
    date_field="filed_on",
)
