"""Completions recorded by an external LMS: xAPI statements posted to the API, and rows of an
imported workbook. Both find the employee by e-mail or by personnel number."""

import datetime as dt
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _

from senim.core.access import Actor, Scope, require
from senim.core.audit import audit_record
from senim.core.eventdates import check_event_dates
from senim.learning import policy
from senim.learning.models import ExternalCompletion
from senim.learning.services.events import RowError
from senim.org.models import Company, Employee

__all__ = ["CompletionRow", "completions_import", "xapi_record"]

# Verbs that record a completion (ADL vocabulary); others (experienced, attempted …) are ignored.
VERBS = {
    "http://adlnet.gov/expapi/verbs/completed": None,
    "http://adlnet.gov/expapi/verbs/passed": True,
    "http://adlnet.gov/expapi/verbs/failed": False,
}
TEST_TYPE = "http://adlnet.gov/expapi/activities/assessment"


def _in_scope(scope: Scope, employee: Employee) -> bool:
    return scope.covers(company_id=employee.company_id, unit_id=employee.unit_id)


def _find_employee(scope: Scope, *, email: str = "", number: str = "", company: str = "") -> Employee:
    employees = Employee.objects.all()
    if email:
        employees = employees.filter(email__iexact=email)
    elif number:
        employees = employees.filter(personnel_number=number)
        if company:
            employees = employees.filter(company__registration_number=company)
    else:
        raise ValidationError(_("The statement names no person (mbox or account)."))
    found = [e for e in employees[:3] if _in_scope(scope, e)]
    if not found:
        raise ValidationError(_("No employee in your scope matches the person of the statement."))
    if len(found) > 1:
        raise ValidationError(_("Several employees match the person; give the company's registration number."))
    return found[0]


def xapi_record(*, actor: Actor, statement: Mapping[str, Any]) -> ExternalCompletion | None:
    """Record one xAPI statement. Returns None for a verb that is not a completion; a statement
    already recorded (same id) is returned unchanged."""
    scope = require(actor, policy.MANAGE)
    verb = str((statement.get("verb") or {}).get("id", ""))
    if verb not in VERBS:
        return None
    statement_id = statement.get("id")
    if statement_id:
        try:
            statement_id = uuid.UUID(str(statement_id))
        except ValueError as error:
            raise ValidationError(_("The statement id is not a UUID.")) from error
        existing = ExternalCompletion.objects.filter(statement_id=statement_id).first()
        if existing:
            return existing
    person = statement.get("actor") or {}
    account = person.get("account") or {}
    email = str(person.get("mbox", "")).removeprefix("mailto:")
    company = str(account.get("homePage", "")).rstrip("/").rsplit("/", 1)[-1] if account.get("homePage") else ""
    employee = _find_employee(scope, email=email, number=str(account.get("name", "")), company=company)
    activity = statement.get("object") or {}
    if not activity.get("id"):
        raise ValidationError(_("The statement names no activity."))
    definition = activity.get("definition") or {}
    names = definition.get("name") or {}
    result = statement.get("result") or {}
    passed = VERBS[verb] if VERBS[verb] is not None else result.get("success")
    scaled = (result.get("score") or {}).get("scaled")
    when = parse_datetime(str(statement.get("timestamp", ""))) if statement.get("timestamp") else None
    completion = ExternalCompletion(
        employee=employee,
        company_id=employee.company_id,
        unit_id=employee.unit_id,
        activity=str(activity["id"])[:500],
        activity_name=str(next(iter(names.values()), ""))[:300] if isinstance(names, dict) else "",
        completed_on=timezone.localdate(when) if when and timezone.is_aware(when) else (when or timezone.now()).date(),
        is_test=definition.get("type") == TEST_TYPE or VERBS[verb] is not None,
        passed=passed if isinstance(passed, bool) else None,
        score=round(100 * float(scaled)) if isinstance(scaled, int | float) and 0 <= scaled <= 1 else None,
        source=ExternalCompletion.Source.XAPI,
        statement_id=statement_id or uuid.uuid4(),
    )
    with transaction.atomic():
        completion.full_clean()
        completion.save(force_insert=True)
        audit_record(
            actor=actor,
            event_type="learning.completion.recorded",
            obj=completion,
            changes={"activity": [None, completion.activity], "passed": [None, completion.passed]},
            company_id=completion.company_id,
        )
    return completion


@dataclass
class CompletionRow:
    personnel_number: str
    company: str
    activity: str
    completed_on: Any
    passed: Any = None
    score: Any = None
    is_test: Any = None


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value or "").strip()
    if not text:
        return None
    for fmt in ("%d.%m.%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return parse_date(text)


def _yes_no(value: Any) -> bool | None:
    text = str(value if value is not None else "").strip().lower()
    if text in ("", "none"):
        return None
    if text in ("1", "yes", "true", "да", "иә", "ha", "passed"):
        return True
    if text in ("0", "no", "false", "нет", "жоқ", "yoʻq", "failed"):
        return False
    raise ValueError(text)


def completions_import(*, actor: Actor, rows: Iterable[CompletionRow]) -> int:
    """Record completions from an LMS export, all or nothing; return how many were recorded."""
    scope = require(actor, policy.MANAGE)
    rows = list(rows)
    companies = dict(Company.objects.values_list("registration_number", "pk"))
    founded = dict(Company.objects.values_list("pk", "founded_on"))
    errors: dict[int, list[str]] = {}
    new = []
    backdated = 0
    for number, row in enumerate(rows, start=2):
        problems = []
        company_id = companies.get(str(row.company).strip())
        employee = None
        if company_id is None:
            problems.append(_("unknown company %(company)s") % {"company": row.company})
        else:
            employee = Employee.objects.filter(
                company_id=company_id, personnel_number=str(row.personnel_number).strip()
            ).first()
            if employee is None or not _in_scope(scope, employee):
                problems.append(_("no employee with personnel number %(number)s") % {"number": row.personnel_number})
        when = _date(row.completed_on)
        if when is None:
            problems.append(_("the completion date is missing or not a date"))
        elif company_id is not None:
            # History from the LMS counts in the year it happened: its day is checked like any
            # other event date (not in the future, not before the company, back-dating audited).
            try:
                backdated += check_event_dates(
                    actor=actor,
                    company_id=company_id,
                    founded_on=founded.get(company_id),
                    dates={"completed_on": when},
                    labels={"completed_on": _("Completed on")},
                )
            except ValidationError as error:
                problems.extend(error.messages)
        if not str(row.activity or "").strip():
            problems.append(_("the course or test is missing"))
        try:
            passed = _yes_no(row.passed)
        except ValueError:
            passed = None
            problems.append(_("«passed» must be yes or no"))
        score = None
        if row.score not in (None, ""):
            try:
                score = int(float(str(row.score).replace(",", ".")))
                if not 0 <= score <= 100:
                    raise ValueError
            except ValueError:
                problems.append(_("the score must be a number from 0 to 100"))
        if problems:
            errors[number] = problems
            continue
        assert employee is not None and when is not None
        new.append(
            ExternalCompletion(
                employee=employee,
                company_id=employee.company_id,
                unit_id=employee.unit_id,
                activity=str(row.activity).strip()[:500],
                activity_name=str(row.activity).strip()[:300],
                completed_on=when,
                is_test=passed is not None or score is not None,
                passed=passed,
                score=score,
                source=ExternalCompletion.Source.IMPORT,
            )
        )
    if errors:
        raise RowError(errors)
    with transaction.atomic():
        ExternalCompletion.objects.bulk_create(new, batch_size=1000)
        audit_record(
            actor=actor,
            event_type="learning.completions.imported",
            object_type="learning.externalcompletion",
            object_repr=_("%(count)s completions") % {"count": len(new)},
            changes={"rows": [None, len(new)], **({"backdated_rows": [None, backdated]} if backdated else {})},
        )
    return len(new)
