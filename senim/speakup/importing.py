"""Import of Speak Up cases received before Senim (a paper register, a hotline log, another
system), from CSV or XLSX, on core.importing's engine (checked in full, then written all or
nothing, each case audited).

Each row is one report or question of a company, matched on re-import by its `external_id`. Its
dates are the real ones, checked through `core.eventdates` (received ≤ acknowledged ≤ closed, never
in the future nor before the company existed; a past day needs the right to back-date, which the
officers who may import cases have). The content is sealed under a new data key like any other
case's. The reporter stays out of it: the file has no identity columns (only whether the report
was anonymous), no receipt key is issued, and the audit trail records no content.
"""

import datetime as dt
import secrets
from collections.abc import Iterator
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from senim.core.access import Actor, Scope, scope_of, user_of
from senim.core.eventdates import backdated_changes, event_moment
from senim.core.importing import (
    SHARED_ALIASES,
    ImportKind,
    Imports,
    Upsert,
    company_cell,
    external_key,
    plan_rows,
    stored_by_external_id,
)
from senim.core.importing.base import ImportPlan, ImportResult, ProgressCallback, RowValidator
from senim.core.importing.values import CellError, choice, limit_text, parse_bool, parse_date, require_text
from senim.org.models import Company
from senim.speakup import conf, policy
from senim.speakup.crypto import RECEIPT_ALPHABET, CaseCipher
from senim.speakup.models import Case, Category, Channel, Kind, Measure, Outcome, Status
from senim.speakup.services.common import MAX_TEXT

COLUMNS = [
    "company",
    "external_id",
    "kind",
    "channel",
    "category",
    "language",
    "anonymous",
    "received_on",
    "summary",
    "acknowledged_on",
    "closed_on",
    "outcome",
    "measures",
]
REQUIRED = ["company", "channel", "category", "received_on", "summary"]
# Columns that would name the reporter: a file that has one is refused whole, so that an export
# of an old register does not bring identities into Senim unsealed, even in a rejected-rows file.
IDENTITY_COLUMNS = {
    "reporter",
    "reporter_name",
    "name",
    "full_name",
    "email",
    "e_mail",
    "phone",
    "contact",
    "фио",
    "заявитель",
    "телефон",
    "контакты",
}
ALIASES = SHARED_ALIASES | {
    "вид": "kind",
    "канал": "channel",
    "категория": "category",
    "язык": "language",
    "анонимно": "anonymous",
    "дата_поступления": "received_on",
    "received": "received_on",
    "содержание": "summary",
    "суть": "summary",
    "дата_подтверждения": "acknowledged_on",
    "acknowledged": "acknowledged_on",
    "дата_закрытия": "closed_on",
    "closed": "closed_on",
    "результат": "outcome",
    "меры": "measures",
}
KIND_WORDS = {"сообщение": "report", "вопрос": "question"}
CHANNEL_WORDS = {
    "портал": "web",
    "горячая_линия": "hotline",
    "телефон": "hotline",
    "почта": "post",
    "e-mail": "email",
    "электронная_почта": "email",
    "лично": "in_person",
}
OUTCOME_WORDS = {
    "подтвердилось": "substantiated",
    "частично": "partly",
    "не_подтвердилось": "unsubstantiated",
    "вне_компетенции": "out_of_scope",
}
# What a re-import may change (the company and the external id are the key).
WRITTEN = [
    "kind",
    "channel",
    "category",
    "language",
    "anonymous",
    "received_at",
    "acknowledge_due",
    "feedback_due",
    "acknowledged_at",
    "feedback_at",
    "closed_at",
    "status",
    "outcome",
    "measures",
    "watch_until",
]
# The file's column each written field comes from; the others are derived and always written.
SOURCE = {
    "received_at": "received_on",
    "acknowledge_due": "received_on",
    "feedback_due": "received_on",
    "acknowledged_at": "acknowledged_on",
    "feedback_at": "closed_on",
    "closed_at": "closed_on",
    "status": "closed_on",
    "watch_until": "closed_on",
}


def _measures(text: str) -> list[str]:
    chosen = sorted({part.strip().casefold() for part in text.replace("\n", ";").split(";") if part.strip()})
    unknown = [m for m in chosen if m not in Measure.values]
    if unknown:
        allowed = ", ".join(Measure.values)
        raise CellError(_("“%(value)s” is not one of: %(allowed)s.") % {"value": unknown[0][:40], "allowed": allowed})
    return chosen


def _language(text: str) -> str:
    value = text.strip().casefold() or "ru"
    if value not in ("en", "ru", "kk", "uz"):
        raise CellError(
            _("“%(value)s” is not one of: %(allowed)s.") % {"value": text[:40], "allowed": "en, ru, kk, uz"}
        )
    return value


def _closure_cells(check: RowValidator, raw: dict[str, str], row: dict[str, Any]) -> None:
    row["acknowledged_on"] = check.cell("acknowledged_on", lambda: parse_date(raw.get("acknowledged_on", "")))
    row["closed_on"] = check.cell("closed_on", lambda: parse_date(raw.get("closed_on", "")))
    text = raw.get("outcome", "").strip()
    row["outcome"] = (check.cell("outcome", lambda: choice(text, Outcome, OUTCOME_WORDS)) if text else "") or ""
    row["measures"] = check.cell("measures", lambda: _measures(raw.get("measures", ""))) or []
    closed = bool(raw.get("closed_on", "").strip())
    if row["kind"] == Kind.QUESTION:
        for column in ("outcome", "measures"):
            if raw.get(column, "").strip():
                check.fail(column, _("A question is answered, not closed with an outcome."))
    elif closed and not text:
        check.fail("outcome", _("Give the outcome of the closed report."))
    elif not closed:
        for column in ("outcome", "measures"):
            if raw.get(column, "").strip():
                check.fail(column, _("Only a closed report has this; give the day it was closed too."))


def _case_row(
    line: int, raw: dict[str, str], companies: dict[str, Company], scope: Scope, actor: Actor | None
) -> tuple[dict[str, Any], RowValidator]:
    check = RowValidator(line)
    row: dict[str, Any] = {}
    company = row["company"] = company_cell(check, raw, companies)
    row["external_id"] = check.cell("external_id", lambda: limit_text(raw.get("external_id", ""), 100)) or ""
    row["kind"] = check.cell("kind", lambda: choice(raw.get("kind", ""), Kind, KIND_WORDS, default="report"))
    row["channel"] = check.cell("channel", lambda: choice(raw.get("channel", ""), Channel, CHANNEL_WORDS))
    row["category"] = check.cell("category", lambda: choice(raw.get("category", ""), Category, {}))
    row["language"] = check.cell("language", lambda: _language(raw.get("language", "")))
    anonymous = raw.get("anonymous", "").strip()
    row["anonymous"] = check.cell("anonymous", lambda: parse_bool(anonymous)) if anonymous else True
    row["summary"] = check.cell("summary", lambda: require_text(raw.get("summary", ""), MAX_TEXT))
    row["received_on"] = check.cell("received_on", lambda: parse_date(raw.get("received_on", "")))
    if row["received_on"] is None and not check.has_error("received_on"):
        check.fail("received_on", _("This column is required."))
    _closure_cells(check, raw, row)
    row["backdated"] = False
    if company is None:
        return row, check
    if not scope.covers(company_id=company.id):
        check.fail("company", _("You may not import Speak Up cases of this company."))
    elif row["received_on"] is not None:
        row["backdated"] = check.event_dates(
            actor=actor,
            company=company,
            dates={k: row[k] for k in ("received_on", "acknowledged_on", "closed_on")},
            labels={
                "received_on": _("Date received"),
                "acknowledged_on": _("Acknowledged on"),
                "closed_on": _("Closed on"),
            },
            order=[("received_on", "acknowledged_on"), ("acknowledged_on", "closed_on"), ("received_on", "closed_on")],
        )
    return row, check


def plan_cases(*, actor: Actor | None, header: list[str], rows: Iterator[tuple[int, dict[str, str]]]) -> ImportPlan:
    scope = scope_of(actor, policy.MANAGE)
    named = sorted(IDENTITY_COLUMNS & set(header))
    if named:
        refused = ImportPlan(kind="cases", columns=[c for c in COLUMNS if c in header])
        refused.file_errors.append(
            _("This import takes no reporter's identity; remove the columns: %(columns)s")
            % {"columns": ", ".join(named)}
        )
        return refused
    companies = {c.registration_number: c for c in Company.objects.all()}
    return plan_rows(
        kind="cases",
        columns=COLUMNS,
        required=REQUIRED,
        header=header,
        rows=rows,
        validate=lambda line, raw: _case_row(line, raw, companies, scope, actor),
        key=external_key,
    )


def _values(row: dict[str, Any]) -> dict[str, Any]:
    received = event_moment(row["received_on"])
    acknowledged = event_moment(row["acknowledged_on"])
    closed = event_moment(row["closed_on"])
    day = row["received_on"]
    question = row["kind"] == Kind.QUESTION
    if closed is not None:
        status = Status.ANSWERED if question else Status.CLOSED
    else:
        status = Status.ACKNOWLEDGED if acknowledged is not None else Status.RECEIVED
    watched = closed is not None and not question and not row["anonymous"]
    return {
        "kind": row["kind"],
        "channel": row["channel"],
        "category": row["category"],
        "language": row["language"],
        "anonymous": row["anonymous"],
        "received_at": received,
        "acknowledge_due": day + dt.timedelta(days=conf.ack_days()),
        "feedback_due": day + dt.timedelta(days=conf.feedback_days()),
        # Closing a case acknowledges it and gives feedback, as on the case page.
        "acknowledged_at": acknowledged or closed,
        "feedback_at": closed,
        "closed_at": closed,
        "status": status,
        "outcome": row["outcome"],
        "measures": row["measures"],
        "watch_until": row["closed_on"] + dt.timedelta(days=conf.retaliation_watch_days()) if watched else None,
    }


def _references(years: set[int]) -> set[str]:
    taken: set[str] = set()
    for year in years:
        taken.update(Case.objects.filter(reference__startswith=f"SU-{year}-").values_list("reference", flat=True))
    return taken


def _new_reference(year: int, taken: set[str]) -> str:
    while True:
        reference = f"SU-{year}-" + "".join(secrets.choice(RECEIPT_ALPHABET) for _ in range(6))
        if reference not in taken:
            taken.add(reference)
            return reference


def apply_cases(actor: Actor | None, plan: ImportPlan, progress: ProgressCallback) -> ImportResult:
    fields = ["reference", "wrapped_key", "content_sealed", *WRITTEN]
    existing: dict[tuple[Any, str], Case] = stored_by_external_id(Case, plan, fields)
    taken = _references({row["received_on"].year for _line, row in plan.valid})
    upsert = Upsert(Case, event_type="speakup.case.imported", update_fields=[*WRITTEN, "content_sealed"])
    for line, row in plan.valid:
        company = row["company"]
        current = existing.get((company.id, row["external_id"])) if row["external_id"] else None
        values = _values(row)
        extra = backdated_changes(row["backdated"])
        content = {"what": row["summary"]} if row["kind"] == Kind.REPORT else {"question": row["summary"]}
        if current is None:
            cipher, wrapped = CaseCipher.create()
            case = Case(
                reference=_new_reference(row["received_on"].year, taken),
                company=company,
                external_id=row["external_id"],
                registered_by=user_of(actor),
                wrapped_key=wrapped,
                content_sealed=cipher.seal_json(content),
                reporter_sealed="",
                **values,
            )
            upsert.create(case, values, company_id=company.id, line=line, extra=extra)
            continue
        written = {n: v for n, v in values.items() if SOURCE.get(n, n) in plan.columns}
        cipher = CaseCipher.unwrap(current.wrapped_key)
        sealed = cipher.open_json(current.content_sealed) != content
        if sealed:
            # The audit says that the content changed, never what it says.
            current.content_sealed = cipher.seal_json(content)
            extra = {**extra, "content": [None, "changed"]}
        upsert.update(current, written, company_id=company.id, line=line, extra=extra, changed=sealed)
    return upsert.write(actor=actor, plan=plan, progress=progress)


IMPORTS = Imports(
    {
        "cases": ImportKind(
            aliases=ALIASES,
            plan=plan_cases,
            write=apply_cases,
            permission=policy.MANAGE,
            label=gettext_lazy("Speak Up cases received before Senim"),
        )
    }
)
