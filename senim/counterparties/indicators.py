"""Counterparties' indicators for a year: applications for counterparties that refuse (received,
contracts they concern, by refusal type and by decision), counterparties entered in the Register
(by category), contracts signed and the share carrying the anti-corruption clause.

For one company, applications and contracts count for the company they belong to, and Register
entries for the company whose application put the counterparty on the Register."""

import uuid
from typing import cast

from django.db.models import F, QuerySet, Sum
from django.utils import timezone
from django.utils.functional import Promise, lazy
from django.utils.translation import gettext_lazy as _

from senim.core.figures import share_of
from senim.core.indicators import register, register_count
from senim.counterparties.models import (
    Application,
    Category,
    Contract,
    Decision,
    Level,
    ProcurementMethod,
    QuestionnaireResponse,
    Refusal,
    RegisterEntry,
    RiskLevel,
    VerificationCase,
)

MODULE = "counterparties"


def _titled(template: Promise, label: Promise) -> Promise:
    """A title translated when shown, not when this module is imported."""
    return cast(Promise, lazy(lambda: str(template) % {"label": str(label)}, str)())


def _applications(year: int, company_id: uuid.UUID | None) -> QuerySet[Application]:
    qs = Application.objects.filter(filed_on__year=year)
    return qs.filter(company_id=company_id) if company_id else qs


def _entries(year: int, company_id: uuid.UUID | None) -> QuerySet[RegisterEntry]:
    qs = RegisterEntry.objects.filter(start_date__year=year)
    return qs.filter(application__company_id=company_id) if company_id else qs


def _contracts(year: int, company_id: uuid.UUID | None) -> QuerySet[Contract]:
    qs = Contract.objects.filter(date__year=year)
    return qs.filter(company_id=company_id) if company_id else qs


@register_count(
    code="counterparties.applications",
    title=_("Applications for approval of counterparties that refuse"),
    unit=_("applications"),
    module=MODULE,
)
def applications(year: int, company_id: uuid.UUID | None) -> QuerySet[Application]:
    return _applications(year, company_id)


@register(
    records=_applications,
    code="counterparties.application_contracts",
    title=_("Contracts the applications concern"),
    unit=_("contracts"),
    module=MODULE,
)
def application_contracts(year: int, company_id: uuid.UUID | None) -> int:
    return _applications(year, company_id).aggregate(n=Sum("contract_count"))["n"] or 0


def _register_refusal(value: str, label: Promise) -> None:
    def count(year: int, company_id: uuid.UUID | None) -> QuerySet[Application]:
        return _applications(year, company_id).filter(refusal=value)

    register_count(
        code=f"counterparties.applications.refusal.{value}",
        title=_titled(_("Applications: %(label)s"), label),
        unit=_("applications"),
        module=MODULE,
    )(count)


def _register_decision(value: str, label: Promise) -> None:
    def count(year: int, company_id: uuid.UUID | None) -> QuerySet[Application]:
        return _applications(year, company_id).filter(status=Application.Status.DECIDED, decision=value)

    register_count(
        code=f"counterparties.applications.decision.{value}",
        title=_titled(_("Applications decided: %(label)s"), label),
        unit=_("applications"),
        module=MODULE,
    )(count)


@register_count(
    code="counterparties.register_entries",
    title=_("Counterparties entered in the Register of those permitted without anti-corruption provisions"),
    unit=_("counterparties"),
    module=MODULE,
    distinct="counterparty_id",
)
def register_entries(year: int, company_id: uuid.UUID | None) -> QuerySet[RegisterEntry]:
    return _entries(year, company_id)


@register_count(
    code="counterparties.register_revoked",
    title=_("Taken off the Register"),
    unit=_("counterparties"),
    module=MODULE,
    distinct="counterparty_id",
)
def register_revoked(year: int, company_id: uuid.UUID | None) -> QuerySet[RegisterEntry]:
    qs = RegisterEntry.objects.filter(revoked_on__year=year)
    return qs.filter(application__company_id=company_id) if company_id else qs


@register_count(
    code="counterparties.register_expired",
    title=_("Register entries whose term ended"),
    unit=_("counterparties"),
    module=MODULE,
    distinct="counterparty_id",
)
def register_expired(year: int, company_id: uuid.UUID | None) -> QuerySet[RegisterEntry]:
    """Entries by the last day of their term (`end_date`, entered with the decision, from paper or
    an import), once that day is past, unless revoked before it (those count as taken off)."""
    qs = RegisterEntry.objects.filter(end_date__year=year, end_date__lt=timezone.localdate()).exclude(
        revoked_on__lte=F("end_date")
    )
    return qs.filter(application__company_id=company_id) if company_id else qs


def _register_category(value: str, label: Promise) -> None:
    def count(year: int, company_id: uuid.UUID | None) -> QuerySet[RegisterEntry]:
        return _entries(year, company_id).filter(counterparty__category=value)

    register_count(
        code=f"counterparties.register_entries.{value}",
        title=_titled(_("Entered in the Register: %(label)s"), label),
        unit=_("counterparties"),
        module=MODULE,
        distinct="counterparty_id",
    )(count)


@register_count(code="counterparties.contracts", title=_("Contracts signed"), unit=_("contracts"), module=MODULE)
def contracts(year: int, company_id: uuid.UUID | None) -> QuerySet[Contract]:
    return _contracts(year, company_id)


@register_count(
    code="counterparties.contracts_with_clause",
    title=_("Contracts signed with the anti-corruption clause"),
    unit=_("contracts"),
    module=MODULE,
)
def contracts_with_clause(year: int, company_id: uuid.UUID | None) -> QuerySet[Contract]:
    return _contracts(year, company_id).filter(has_clause=True)


@register(
    records=_contracts,
    code="counterparties.clause_share",
    title=_("Share of contracts signed with the anti-corruption clause"),
    unit="%",
    module=MODULE,
)
def clause_share(year: int, company_id: uuid.UUID | None) -> float | None:
    return clause_share_of(_contracts(year, company_id))


def clause_share_of(contracts: QuerySet[Contract]) -> float | None:
    """The share of `contracts` carrying the anti-corruption clause, in per cent to one decimal;
    None without contracts. The dashboard and the coverage page use it too, so the share is
    computed one way everywhere."""
    return share_of(contracts.filter(has_clause=True).count(), contracts.count())


def _cases(year: int, company_id: uuid.UUID | None) -> QuerySet[VerificationCase]:
    qs = VerificationCase.objects.filter(opened_on__year=year)
    return qs.filter(company_id=company_id) if company_id else qs


@register_count(
    code="counterparties.verifications",
    title=_("Verifications of counterparties"),
    unit=_("verifications"),
    module=MODULE,
)
def verifications(year: int, company_id: uuid.UUID | None) -> QuerySet[VerificationCase]:
    return _cases(year, company_id)


@register_count(
    code="counterparties.significant_suppliers_verified",
    title=_("Significant suppliers verified"),
    unit=_("counterparties"),
    module=MODULE,
    distinct="counterparty_id",
)
def significant_verified(year: int, company_id: uuid.UUID | None) -> QuerySet[VerificationCase]:
    """Suppliers marked significant (today) with a verification approved in the year."""
    qs = VerificationCase.objects.filter(
        approved_on__year=year, status=VerificationCase.Status.APPROVED, counterparty__is_significant=True
    )
    return qs.filter(company_id=company_id) if company_id else qs


@register_count(
    code="counterparties.verifications_approved",
    title=_("Verifications approved"),
    unit=_("verifications"),
    module=MODULE,
)
def verifications_approved(year: int, company_id: uuid.UUID | None) -> QuerySet[VerificationCase]:
    """Approved verifications by the day their approval took effect (a paper approval keeps its day)."""
    qs = VerificationCase.objects.filter(approved_on__year=year, status=VerificationCase.Status.APPROVED)
    return qs.filter(company_id=company_id) if company_id else qs


@register_count(
    code="counterparties.questionnaires_received",
    title=_("Counterparties that returned the anti-corruption questionnaire"),
    unit=_("counterparties"),
    module=MODULE,
    distinct="counterparty_id",
)
def questionnaires_received(year: int, company_id: uuid.UUID | None) -> QuerySet[QuestionnaireResponse]:
    """By the day each questionnaire was submitted (a paper copy keeps the day it was signed)."""
    qs = QuestionnaireResponse.objects.filter(submitted_on__year=year, status=QuestionnaireResponse.Status.SUBMITTED)
    return qs.filter(company_id=company_id) if company_id else qs


def _register_case_breakdown(field: str, value: str, label: Promise, template: Promise) -> None:
    def count(year: int, company_id: uuid.UUID | None) -> QuerySet[VerificationCase]:
        return _cases(year, company_id).filter(**{field: value})

    register_count(
        code=f"counterparties.verifications.{field}.{value}",
        title=_titled(template, label),
        unit=_("verifications"),
        module=MODULE,
    )(count)


@register_count(
    code="counterparties.high_risk",
    title=_("High-risk counterparties (verified in the year)"),
    unit=_("counterparties"),
    module=MODULE,
    distinct="counterparty_id",
)
def high_risk(year: int, company_id: uuid.UUID | None) -> QuerySet[VerificationCase]:
    return _cases(year, company_id).filter(risk_level=RiskLevel.HIGH)


for _value, _label in ProcurementMethod.choices:
    _register_case_breakdown("procurement_method", _value, _label, _("Verifications: %(label)s"))
for _value, _label in Level.choices:
    _register_case_breakdown("level", _value, _label, _("Verifications, due diligence level: %(label)s"))
for _value, _label in Refusal.choices:
    _register_refusal(_value, _label)
for _value, _label in Decision.choices:
    _register_decision(_value, _label)
for _value, _label in Category.choices:
    _register_category(_value, _label)
