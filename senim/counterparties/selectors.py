"""Reads of the counterparties module, limited to what the actor may see."""

import calendar
import datetime as dt
import re
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, NamedTuple

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db.models import Case, Count, Max, OuterRef, Q, QuerySet, Subquery, Sum, Value, When
from django.db.models.functions import Coalesce, ExtractYear, NullIf
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from senim.core.access import SYSTEM, Actor, scope_of
from senim.core.figures import share_of
from senim.core.identifiers import normalise_identifier
from senim.core.models import AuditEvent
from senim.core.selectors import audit_event_list, within
from senim.core.translit import to_latin
from senim.counterparties import policy
from senim.counterparties.models import (
    RISK_ORDER,
    Answer,
    Application,
    CaseCheck,
    CaseEvidence,
    CaseFlag,
    Contact,
    Contract,
    Counterparty,
    Decision,
    Document,
    DueDiligenceRule,
    Party,
    Questionnaire,
    QuestionnaireResponse,
    RedFlag,
    RegisterEntry,
    RegulationClause,
    RiskLevel,
    VerificationCase,
)
from senim.counterparties.models.register import check_identifier
from senim.org.models import Company
from senim.screening.engine import DEFAULT_THRESHOLD, Query, Record, score_pair


def _lang() -> str:
    code = (get_language() or "ru").split("-")[0]
    return code if code in {"ru", "kk", "en", "uz"} else "ru"


COUNTERPARTY_SORTS = {
    "name": ("name_{lang}", "name_ru", "id"),
    "identifier": ("identifier", "id"),
    "country": ("country", "name_ru", "id"),
    "created": ("created_at", "id"),
}


def counterparty_list(
    *,
    actor: Actor,
    query: str = "",
    kind: str = "",
    category: str = "",
    country: str = "",
    sort: str = "name",
    include_merged: bool = False,
) -> QuerySet[Counterparty]:
    """Counterparties of the register (group-wide: all of them for anyone who may view it),
    searched by name in every language, legal form and number."""
    qs = Counterparty.objects.all()
    if scope_of(actor, policy.VIEW).is_empty:
        return qs.none()
    if not include_merged:
        qs = qs.filter(merged_into__isnull=True)
    if kind:
        qs = qs.filter(kind=kind)
    if category:
        qs = qs.filter(category=category)
    if country:
        qs = qs.filter(country=country.upper()[:2])
    for term in query.casefold().split()[:6]:
        qs = qs.filter(search_text__contains=term)
    descending = sort.startswith("-")
    key = sort.lstrip("-")
    if key not in COUNTERPARTY_SORTS:
        key = "name"
    if key == "name" and _lang() != "ru":
        # Names missing in the reader's language sort where their fallback (Russian, then English) would.
        name = Coalesce(NullIf(f"name_{_lang()}", Value("")), NullIf("name_ru", Value("")), "name_en")
        return qs.order_by(name.desc() if descending else name.asc(), "id")
    keys = [k.format(lang=_lang()) for k in COUNTERPARTY_SORTS[key]]
    return qs.order_by(*[f"-{k}" if descending else k for k in keys])


def counterparty_list_with_due_diligence(*, actor: Actor, counterparties: QuerySet[Counterparty]) -> QuerySet:
    """The counterparties with their latest verification the actor may see: `dd_risk` (risk level),
    `dd_status` (its status), `dd_conclusion` and `dd_opened` (none when never verified), so the list
    shows and sorts by them in one query."""
    latest = case_list(actor=actor).filter(counterparty_id=OuterRef("pk")).order_by("-opened_on", "-created_at")
    return counterparties.annotate(
        dd_risk=Subquery(latest.values("risk_level")[:1]),
        dd_risk_rank=Subquery(
            latest.annotate(
                rank=Case(*[When(risk_level=level, then=Value(i)) for i, level in enumerate(RISK_ORDER)])
            ).values("rank")[:1]
        ),
        dd_status=Subquery(latest.values("status")[:1]),
        dd_conclusion=Subquery(latest.values("conclusion")[:1]),
        dd_opened=Subquery(latest.values("opened_on")[:1]),
    )


def counterparty_get(*, actor: Actor, counterparty_id: uuid.UUID | str) -> Counterparty:
    """The counterparty (merged ones too, so old links resolve); raises Counterparty.DoesNotExist."""
    return counterparty_list(actor=actor, include_merged=True).select_related("merged_into").get(id=counterparty_id)


def counterparty_by_identifier(*, actor: Actor, country: str, identifier: str) -> Counterparty | None:
    """The registered (not merged) counterparty with this number in this country, if any."""
    if not identifier:
        return None
    return counterparty_list(actor=actor).filter(country=country.upper(), identifier=identifier).first()


def party_list(*, actor: Actor, counterparty: Counterparty) -> QuerySet[Party]:
    if scope_of(actor, policy.VIEW).is_empty:
        return Party.objects.none()
    return Party.objects.filter(counterparty=counterparty).order_by("role", "name")


def contact_list(*, actor: Actor, counterparty: Counterparty) -> QuerySet[Contact]:
    if scope_of(actor, policy.VIEW).is_empty:
        return Contact.objects.none()
    return Contact.objects.filter(counterparty=counterparty)


def counterparty_counts_by_category(*, actor: Actor) -> dict[str, int]:
    rows = counterparty_list(actor=actor).order_by().values("category").annotate(n=Count("id"))
    return {row["category"]: row["n"] for row in rows}


# --- for other modules' system jobs ---------------------------------------------------------------


@dataclass(frozen=True)
class PartyForMatching:
    counterparty_id: uuid.UUID
    counterparty_name: str  # display name in the default fallback order
    role: str  # "counterparty" | "owner" | "manager"
    name: str  # the party's name as written (person full name or company name)
    identifier: str  # the party's IIN/PINFL/BIN/STIR, or ""
    is_person: bool
    share: Decimal | None  # owners only
    country: str  # ISO 3166-1 alpha-2 or ""


def counterparty_parties_for_matching() -> Iterator[PartyForMatching]:
    """Every counterparty, its beneficial owners and its managers, unscoped: for system jobs only."""
    counterparties = Counterparty.objects.filter(merged_into__isnull=True).order_by("id")
    names: dict[uuid.UUID, str] = {}
    for cp in counterparties.iterator(chunk_size=2000):
        names[cp.id] = cp.display_name
        yield PartyForMatching(
            counterparty_id=cp.id,
            counterparty_name=names[cp.id],
            role="counterparty",
            name=names[cp.id],
            identifier=cp.identifier,
            is_person=cp.kind != "legal_entity",
            share=None,
            country=cp.country,
        )
    parties = Party.objects.filter(counterparty__merged_into__isnull=True).order_by("counterparty_id", "role", "id")
    for party in parties.iterator(chunk_size=2000):
        yield PartyForMatching(
            counterparty_id=party.counterparty_id,
            counterparty_name=names.get(party.counterparty_id, ""),
            role=party.role,
            name=party.name,
            identifier=party.identifier,
            is_person=party.is_person,
            share=party.share if party.role == Party.Role.OWNER else None,
            country=party.country,
        )


# --- duplicates by name -----------------------------------------------------------------------------

# Words of legal forms that say nothing about which company it is (in Latin letters, case-folded).
_FORM_WORDS = frozenset({"too", "zhshs", "ooo", "oao", "zao", "llp", "llc", "jsc", "ltd", "inc", "mchj", "gmbh", "plc"})
_MAX_CANDIDATES = 400


def _stems(names: list[str]) -> list[str]:
    """The first five Latin letters of each telling word of the names (at most eight)."""
    stems: list[str] = []
    for name in names:
        for word in re.split(r"[^\w]+", to_latin(name).casefold()):
            if len(word) >= 4 and word not in _FORM_WORDS and not word.isdigit() and word[:5] not in stems:
                stems.append(word[:5])
    return stems[:8]


def _valid_identifier(kind: str, number: str) -> bool:
    try:
        check_identifier(kind, number)
    except ValidationError:
        return False
    return True


def counterparty_similar(
    *,
    actor: Actor,
    names: list[str],
    kind: str = "legal_entity",
    country: str = "",
    exclude_id: uuid.UUID | None = None,
    identifier_kind: str = "",
    identifier: str = "",
    limit: int = 5,
) -> list[tuple[Counterparty, float]]:
    """Registered counterparties whose names the screening engine matches with `names`, best first:
    suggestions of possible duplicates (different spellings, scripts, legal forms).

    Two valid identifiers of the same kind that differ (two BINs) mean two entities however alike
    the names: such a counterparty is never suggested.

    Candidates are pre-selected in the database by the Latin stems of the names' words (the search
    column holds every name in Latin letters too), then each is scored by the engine's `score_pair`,
    so the cost does not grow with the register."""
    names = [n for n in names if n and len(n.strip()) > 1]
    stems = _stems(names)
    if not stems or scope_of(actor, policy.VIEW).is_empty:
        return []
    condition = Q()
    shared: Any = Value(0)
    for stem in stems:
        condition |= Q(search_text__contains=stem)
        shared = shared + Case(When(search_text__contains=stem, then=Value(1)), default=Value(0))
    # The candidates sharing the most stems first, so a common word cannot crowd out the namesake.
    candidates = (
        Counterparty.objects.filter(condition, merged_into__isnull=True)
        .annotate(shared=shared)
        .order_by("-shared", "id")
    )
    if exclude_id:
        candidates = candidates.exclude(id=exclude_id)
    number = normalise_identifier(identifier or "")
    if identifier_kind and number and _valid_identifier(identifier_kind, number):
        candidates = candidates.exclude(Q(identifier_kind=identifier_kind) & ~Q(identifier="") & ~Q(identifier=number))
    schema = "Organization" if kind == "legal_entity" else "Person"
    query = Query(names=names, schema=schema, countries=[country.lower()] if country else [])
    scored: list[tuple[Counterparty, float]] = []
    for cp in candidates[:_MAX_CANDIDATES]:
        record = Record(
            id=str(cp.pk),
            schema="Organization" if cp.kind == "legal_entity" else "Person",
            names=[n for n in (cp.name_ru, cp.name_kk, cp.name_en, cp.name_uz) if n],
            countries=[cp.country.lower()] if cp.country else [],
        )
        score = score_pair(query, record).score
        if score >= DEFAULT_THRESHOLD:
            scored.append((cp, score))
    scored.sort(key=lambda item: -item[1])
    return scored[:limit]


SIMILAR_CACHE_SECONDS = 600


def counterparty_similar_to(*, actor: Actor, counterparty: Counterparty) -> list[tuple[Counterparty, float]]:
    """`counterparty_similar` for a card: the scores are kept in the cache until the counterparty or
    any counterparty of the register changes (the key holds the register's count and latest change),
    so opening a card again does not score the candidates again."""
    names = [n for n in (counterparty.name_ru, counterparty.name_kk, counterparty.name_en, counterparty.name_uz) if n]
    stamp = Counterparty.objects.aggregate(n=Count("id"), last=Max("updated_at"))
    last = stamp["last"].isoformat() if stamp["last"] else ""
    key = f"cp-similar:{counterparty.pk}:{counterparty.updated_at.isoformat()}:{stamp['n']}:{last}"
    scores: list[tuple[str, float]] | None = cache.get(key)
    if scores is None:
        found = counterparty_similar(
            actor=SYSTEM,
            names=names,
            kind=counterparty.kind,
            country=counterparty.country,
            exclude_id=counterparty.pk,
            identifier_kind=counterparty.identifier_kind,
            identifier=counterparty.identifier,
        )
        scores = [(str(cp.pk), score) for cp, score in found]
        cache.set(key, scores, SIMILAR_CACHE_SECONDS)
    visible = {str(cp.pk): cp for cp in counterparty_list(actor=actor).filter(pk__in=[pk for pk, _s in scores])}
    return [(visible[pk], score) for pk, score in scores if pk in visible]


# --- contracts -------------------------------------------------------------------------------------

CONTRACT_SORTS = {
    "date": ("date", "number", "id"),
    "number": ("number", "id"),
    "amount": ("amount", "id"),
}


def contract_list(
    *,
    actor: Actor,
    query: str = "",
    company_id: uuid.UUID | None = None,
    counterparty_id: uuid.UUID | None = None,
    year: int | None = None,
    method: str = "",
    has_clause: bool | None = None,
    sort: str = "-date",
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    number: str = "",
) -> QuerySet[Contract]:
    """Contracts of the companies and units the actor may see; dated from / to (inclusive); by
    exact number (a contract's id in the system it came from)."""
    scope = scope_of(actor, policy.VIEW_CONTRACTS)
    qs = within(Contract.objects.filter(scope.q(company="company_id", unit="unit_id")), "date", date_from, date_to)
    if number:
        qs = qs.filter(number=number)
    if company_id:
        qs = qs.filter(company_id=company_id)
    if counterparty_id:
        qs = qs.filter(counterparty_id=counterparty_id)
    if year:
        qs = qs.filter(date__year=year)
    if method:
        qs = qs.filter(procurement_method=method)
    if has_clause is not None:
        qs = qs.filter(has_clause=has_clause)
    query = query.strip()[:100]
    if query:
        qs = qs.filter(
            Q(number__icontains=query)
            | Q(subject__icontains=query)
            | Q(counterparty__search_text__contains=query.casefold())
        )
    descending = sort.startswith("-")
    keys = CONTRACT_SORTS.get(sort.lstrip("-"), CONTRACT_SORTS["date"])
    qs = qs.order_by(*[f"-{k}" if descending else k for k in keys])
    return qs.select_related("company", "counterparty", "unit")


def contract_get(*, actor: Actor, contract_id: uuid.UUID | str) -> Contract:
    return contract_list(actor=actor).get(id=contract_id)


@dataclass(frozen=True)
class CoverageRow:
    year: int
    company_id: uuid.UUID
    company_name: str
    procurement_method: str
    total: int
    with_clause: int
    company_number: str = ""

    @property
    def share(self) -> float:
        return self.with_clause / self.total if self.total else 0.0

    @property
    def percent(self) -> float | None:
        """The share in per cent, as the clause-share indicator rounds it (core.figures.share_of)."""
        return share_of(self.with_clause, self.total)


def contract_clause_coverage(*, actor: Actor, year: int | None = None) -> list[CoverageRow]:
    """How many contracts carry the anti-corruption clause, by year, company and procurement method."""
    qs = contract_list(actor=actor, year=year).order_by()
    rows = (
        qs.annotate(y=ExtractYear("date"))
        .values("y", "company_id", "procurement_method")
        .annotate(total=Count("id"), with_clause=Count("id", filter=Q(has_clause=True)))
        .order_by("-y", "company_id", "procurement_method")
    )
    companies = {c.id: c for c in Company.objects.filter(id__in={r["company_id"] for r in rows})}
    return [
        CoverageRow(
            r["y"],
            r["company_id"],
            companies[r["company_id"]].name,
            r["procurement_method"],
            r["total"],
            r["with_clause"],
            companies[r["company_id"]].registration_number,
        )
        for r in rows
    ]


def contract_counterparty_ids_by_company() -> dict[uuid.UUID, set[uuid.UUID]]:
    """Company id → ids of the counterparties it has contracts with, unscoped: for system jobs only.
    Contracts of merged counterparties were moved to the survivor, so only live ids appear."""
    result: dict[uuid.UUID, set[uuid.UUID]] = {}
    pairs = Contract.objects.order_by().values_list("company_id", "counterparty_id").distinct()
    for company_id, counterparty_id in pairs.iterator(chunk_size=5000):
        result.setdefault(company_id, set()).add(counterparty_id)
    return result


def contract_unit_signal_counts(
    *, unit_ids: Iterable[uuid.UUID], since: dt.date, until: dt.date
) -> dict[uuid.UUID, tuple[int, int]]:
    """For the risk assessment's signals, unscoped (the caller decides who sees them): per unit, the
    contracts it concluded in [since, until] with a counterparty verified at high risk, and those
    concluded without the anti-corruption clause."""
    contracts = Contract.objects.filter(unit_id__in=list(unit_ids), date__gte=since, date__lte=until).order_by()
    rows = contracts.values("unit_id").annotate(
        high=Count("pk", filter=Q(verification_case__risk_level=RiskLevel.HIGH)),
        without_clause=Count("pk", filter=Q(has_clause=False)),
    )
    return {r["unit_id"]: (r["high"], r["without_clause"]) for r in rows if r["high"] or r["without_clause"]}


class ContractApprovalRow(NamedTuple):
    contract_id: uuid.UUID
    company_id: uuid.UUID
    counterparty_id: uuid.UUID
    approved_by_id: uuid.UUID
    number: str
    date: dt.date


def contract_approvals_for_matching() -> Iterator[ContractApprovalRow]:
    """(contract id, company id, counterparty id, approver employee id, number, date) of every
    contract with an approver, unscoped: for system jobs only (the conflicts detection)."""
    rows = (
        Contract.objects.filter(approved_by__isnull=False)
        .order_by("id")
        .values_list("id", "company_id", "counterparty_id", "approved_by_id", "number", "date")
    )
    for row in rows.iterator(chunk_size=5000):
        yield ContractApprovalRow(*row)


# --- applications and the Register -----------------------------------------------------------------


def application_list(
    *,
    actor: Actor,
    status: str = "",
    decision: str = "",
    counterparty_id: uuid.UUID | None = None,
    year: int | None = None,
    query: str = "",
    filed_from: dt.date | None = None,
    filed_to: dt.date | None = None,
    decided_from: dt.date | None = None,
    decided_to: dt.date | None = None,
    external_id: str = "",
) -> QuerySet[Application]:
    """Applications of the companies and units the actor may see, newest first; filed and decided
    from / to (inclusive), by the id of the system they came from."""
    scope = scope_of(actor, policy.VIEW_APPLICATIONS)
    qs = Application.objects.filter(scope.q(company="company_id", unit="unit_id"))
    qs = within(within(qs, "filed_on", filed_from, filed_to), "decided_on", decided_from, decided_to)
    if external_id:
        qs = qs.filter(external_id=external_id)
    if status:
        qs = qs.filter(status=status)
    if decision:
        qs = qs.filter(decision=decision)
    if counterparty_id:
        qs = qs.filter(counterparty_id=counterparty_id)
    if year:
        qs = qs.filter(filed_on__year=year)
    query = query.strip()[:100]
    if query:
        qs = qs.filter(Q(number__icontains=query) | Q(counterparty__search_text__contains=query.casefold()))
    return qs.select_related("company", "unit", "counterparty", "clause", "register_entry").order_by(
        "-filed_on", "-number"
    )


def application_get(*, actor: Actor, application_id: uuid.UUID | str) -> Application:
    return (
        application_list(actor=actor)
        .select_related("reference", "proposed_by", "approved_by", "filed_by")
        .get(id=application_id)
    )


def earlier_approvals(*, actor: Actor, application: Application) -> QuerySet[Application]:
    """Approved applications for the same counterparty that an answer by reference may cite."""
    return (
        application_list(actor=actor, counterparty_id=application.counterparty_id, status=Application.Status.DECIDED)
        .filter(decision__in=[Decision.REGISTER, Decision.ONE_OFF])
        .exclude(id=application.id)
    )


def register_entry_list(
    *,
    actor: Actor,
    active_on: dt.date | None = None,
    category: str = "",
    query: str = "",
    entered_from: dt.date | None = None,
    entered_to: dt.date | None = None,
    external_id: str = "",
) -> QuerySet[RegisterEntry]:
    """The Register of counterparties permitted without anti-corruption provisions (group-wide,
    like the register of counterparties). With `active_on`, only entries in force that day;
    entered from / to (inclusive); by the external id of the application that made the entry."""
    if scope_of(actor, policy.VIEW).is_empty:
        return RegisterEntry.objects.none()
    qs = within(
        RegisterEntry.objects.select_related("counterparty", "clause", "application"),
        "start_date",
        entered_from,
        entered_to,
    )
    if external_id:
        qs = qs.filter(application__external_id=external_id)
    if active_on is not None:
        qs = qs.filter(revoked_on__isnull=True, start_date__lte=active_on).filter(
            Q(end_date__isnull=True) | Q(end_date__gte=active_on)
        )
    if category:
        qs = qs.filter(counterparty__category=category)
    for term in query.casefold().split()[:6]:
        qs = qs.filter(counterparty__search_text__contains=term)
    return qs.order_by("-start_date", "id")


def clause_list(*, actor: Actor, active_only: bool = False) -> QuerySet[RegulationClause]:
    if scope_of(actor, policy.VIEW_APPLICATIONS).is_empty and scope_of(actor, policy.VIEW).is_empty:
        return RegulationClause.objects.none()
    qs = RegulationClause.objects.all()
    return qs.filter(is_active=True) if active_only else qs


# --- verification -----------------------------------------------------------------------------------


def case_list(
    *,
    actor: Actor,
    status: str = "",
    level: str = "",
    risk: str = "",
    counterparty_id: uuid.UUID | None = None,
    lapsing_by: dt.date | None = None,
    needs_reverification: bool | None = None,
    query: str = "",
) -> QuerySet[VerificationCase]:
    """Verifications of the companies and units the actor may see, newest first. `lapsing_by`: approved
    ones whose validity ends by that day (the reminder list)."""
    scope = scope_of(actor, policy.VIEW_CASES)
    qs = VerificationCase.objects.filter(scope.q(company="company_id", unit="unit_id"))
    if status:
        qs = qs.filter(status=status)
    if level:
        qs = qs.filter(level=level)
    if risk:
        qs = qs.filter(risk_level=risk)
    if counterparty_id:
        qs = qs.filter(counterparty_id=counterparty_id)
    if lapsing_by:
        qs = qs.filter(status=VerificationCase.Status.APPROVED, valid_until__lte=lapsing_by)
    if needs_reverification is not None:
        qs = qs.filter(needs_reverification=needs_reverification)
    query = query.strip()[:100]
    if query:
        qs = qs.filter(Q(subject__icontains=query) | Q(counterparty__search_text__contains=query.casefold()))
    return qs.select_related("company", "unit", "counterparty").order_by("-opened_on", "-created_at")


def case_get(*, actor: Actor, case_id: uuid.UUID | str) -> VerificationCase:
    return case_list(actor=actor).select_related("concluded_by", "approved_by", "second_approved_by").get(id=case_id)


def case_flag_list(*, actor: Actor, case: VerificationCase) -> QuerySet[CaseFlag]:
    """The red flags raised in a case (the case comes from `case_get`, so it is in the actor's scope)."""
    if scope_of(actor, policy.VIEW_CASES).is_empty:
        return CaseFlag.objects.none()
    return CaseFlag.objects.filter(case=case).select_related("flag")


def case_check_list(*, actor: Actor, case: VerificationCase) -> QuerySet[CaseCheck]:
    """The checklist items of a case (the case comes from `case_get`, so it is in the actor's scope)."""
    if scope_of(actor, policy.VIEW_CASES).is_empty:
        return CaseCheck.objects.none()
    return CaseCheck.objects.filter(case=case)


def case_evidence_list(*, actor: Actor, case: VerificationCase) -> QuerySet[CaseEvidence]:
    """The evidence files of a case, oldest first (the case comes from `case_get`, so it is in scope)."""
    if scope_of(actor, policy.VIEW_CASES).is_empty:
        return CaseEvidence.objects.none()
    return CaseEvidence.objects.filter(case=case).select_related("uploaded_by")


def case_evidence_get(*, actor: Actor, case_id: uuid.UUID | str, evidence_id: uuid.UUID | str) -> CaseEvidence:
    """One evidence file of a case the actor may see (DoesNotExist otherwise, also for another case's)."""
    case = case_get(actor=actor, case_id=case_id)
    return case_evidence_list(actor=actor, case=case).select_related("case").get(id=evidence_id)


def red_flag_list(*, actor: Actor, active_only: bool = False) -> QuerySet[RedFlag]:
    if scope_of(actor, policy.VIEW_CASES).is_empty:
        return RedFlag.objects.none()
    qs = RedFlag.objects.all()
    return qs.filter(is_active=True) if active_only else qs


def rule_list(*, actor: Actor) -> QuerySet[DueDiligenceRule]:
    if scope_of(actor, policy.VIEW_CASES).is_empty:
        return DueDiligenceRule.objects.none()
    return DueDiligenceRule.objects.all()


# --- questionnaires ---------------------------------------------------------------------------------


def response_list(*, actor: Actor, counterparty_id: uuid.UUID | None = None) -> QuerySet[QuestionnaireResponse]:
    """Questionnaire responses of the companies the actor may see (sent, drafts and submitted)."""
    scope = scope_of(actor, policy.VIEW_CASES)
    qs = QuestionnaireResponse.objects.filter(scope.q(company="company_id"))
    if counterparty_id:
        qs = qs.filter(counterparty_id=counterparty_id)
    return qs.select_related("questionnaire", "counterparty", "company", "entered_by", "sent_by").order_by(
        "-created_at"
    )


def response_get(*, actor: Actor, response_id: uuid.UUID | str) -> QuestionnaireResponse:
    return response_list(actor=actor).get(id=response_id)


def answer_list(*, actor: Actor, response: QuestionnaireResponse) -> QuerySet[Answer]:
    """The saved answers of a response the caller already holds: staff via `response_get`, a respondent
    via a valid link (then the actor is `SYSTEM`)."""
    if scope_of(actor, policy.VIEW_CASES).is_empty:
        return Answer.objects.none()
    return Answer.objects.filter(response=response)


def questionnaire_list(*, actor: Actor) -> QuerySet[Questionnaire]:
    if scope_of(actor, policy.VIEW_CASES).is_empty:
        return Questionnaire.objects.none()
    return Questionnaire.objects.order_by("-version")


def counterparty_history(*, actor: Actor, counterparty: Counterparty, limit: int = 30) -> list[AuditEvent]:
    """The audit events of the counterparty, its owners, managers, contacts and documents, and of the
    duplicates merged into it (their history stays with the survivor), newest first, as far as the
    actor may read the audit trail."""
    merged = list(Counterparty.objects.filter(merged_into=counterparty).values_list("id", flat=True))
    ids = [counterparty.id, *merged]
    related = [
        *Party.objects.filter(counterparty_id__in=ids).values_list("id", flat=True),
        *Contact.objects.filter(counterparty_id__in=ids).values_list("id", flat=True),
        *Document.objects.filter(counterparty_id__in=ids).values_list("id", flat=True),
    ]
    object_ids = [str(pk) for pk in (*ids, *related)]
    events = audit_event_list(actor=actor).filter(object_id__in=object_ids)
    return list(events[:limit])


# --- approval queues (senim.core.approvals) ---------------------------------------------------------


def cases_awaiting_decision(*, actor: Actor) -> QuerySet[VerificationCase]:
    """Verifications waiting at a step the actor may decide: the first approval (not one they
    concluded) and the second (not one they concluded or approved first), oldest first."""
    first = scope_of(actor, policy.APPROVE_CONCLUSION)
    second = scope_of(actor, policy.SECOND_APPROVAL)
    me = getattr(actor, "pk", None)
    condition = Q(pk__in=[])
    if not first.is_empty:
        condition |= (
            Q(status=VerificationCase.Status.CONCLUDED) & first.q(company="company", unit="unit") & ~Q(concluded_by=me)
        )
    if not second.is_empty:
        condition |= (
            Q(status=VerificationCase.Status.AWAITING_SECOND)
            & second.q(company="company", unit="unit")
            & ~Q(concluded_by=me)
            & ~Q(approved_by=me)
        )
    return VerificationCase.objects.filter(condition).select_related("counterparty").order_by("updated_at")


def applications_awaiting_decision(*, actor: Actor) -> QuerySet[Application]:
    """Applications whose proposed decision the actor may approve (not their own proposal; an entry
    in the Register only for group-wide approvers), oldest first."""
    scope = scope_of(actor, policy.APPROVE)
    if scope.is_empty:
        return Application.objects.none()
    qs = Application.objects.filter(scope.q(company="company", unit="unit"), status=Application.Status.PROPOSED)
    qs = qs.exclude(proposed_by=getattr(actor, "pk", None))
    if not scope.everything:
        qs = qs.exclude(decision=Decision.REGISTER)
    return qs.select_related("counterparty").order_by("proposed_at")


# --- significant suppliers -------------------------------------------------------------------------


@dataclass(frozen=True)
class SignificantSupplier:
    counterparty: Counterparty
    spend: Decimal
    last_verified_on: dt.date | None
    due: bool

    @property
    def reason(self) -> str:
        """The stored reason, in the active language."""
        parts = []
        for code in filter(None, self.counterparty.significant_reason.split("; ")):
            if code == "criticality:high":
                parts.append(str(_("high criticality")))
            elif code.startswith("spend:"):
                amount, _sep, currency = code[6:].partition(" ")
                parts.append(
                    str(_("contracted %(amount)s %(currency)s in 12 months"))
                    % {"amount": number_format(Decimal(amount), force_grouping=True), "currency": currency}
                )
        return "; ".join(parts)


def supplier_spend(*, today: dt.date) -> dict[uuid.UUID, Decimal]:
    """Contracted amounts per counterparty, in the configured currency, over the 12 months to `today`
    (all companies: significance is group-wide)."""
    since = today - dt.timedelta(days=364)
    rows = (
        Contract.objects.filter(
            date__range=(since, today), currency=settings.SENIM_SIGNIFICANT_SUPPLIER_CURRENCY, amount__isnull=False
        )
        .values("counterparty_id")
        .annotate(total=Sum("amount"))
        .order_by()
    )
    return {r["counterparty_id"]: r["total"] for r in rows}


def _months_before(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 - months
    year, month = day.year + month // 12, month % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def significant_supplier_list(*, actor: Actor, today: dt.date | None = None) -> list[SignificantSupplier]:
    """The suppliers marked significant, with their spend over the last 12 months and the date of
    their last approved verification; `due` when there is none within SENIM_SIGNIFICANT_SUPPLIER_MONTHS.
    The register is group-wide: everyone who may view it sees the list."""
    if scope_of(actor, policy.VIEW).is_empty:
        return []
    today = today or timezone.localdate()
    suppliers = list(Counterparty.objects.filter(is_significant=True, merged_into__isnull=True).order_by("name_ru"))
    spend = supplier_spend(today=today)
    verified = dict(
        VerificationCase.objects.filter(
            counterparty__in=suppliers, status=VerificationCase.Status.APPROVED, approved_on__isnull=False
        )
        .values_list("counterparty_id")
        .annotate(last=Max("approved_on"))
        .order_by()
    )
    horizon = _months_before(today, settings.SENIM_SIGNIFICANT_SUPPLIER_MONTHS)
    return [
        SignificantSupplier(
            counterparty=c,
            spend=spend.get(c.pk, Decimal(0)),
            last_verified_on=verified.get(c.pk),
            due=verified.get(c.pk) is None or verified[c.pk] < horizon,
        )
        for c in suppliers
    ]
