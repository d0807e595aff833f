"""Learning's indicators for the annual report, each counted by the date the training happened
(an attempt's finish, a completion's date, an event's date) and for the employee's company:
employees who passed e-testing and the pass rate, e-learning coverage, employees trained in
special courses, and the share of staff trained."""

import datetime as dt
import uuid
from typing import NamedTuple

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from senim.core.indicators import register, register_count, shared
from senim.learning.models import Attempt, Attendance, ExternalCompletion, Test, TrainingEvent
from senim.learning.selectors import counted, staff_on, trained_employee_ids
from senim.org.models import Employee


def _attempts(year: int, company_id: uuid.UUID | None) -> QuerySet[Attempt]:
    qs = Attempt.objects.filter(finished_at__year=year).exclude(status=Attempt.Status.IN_PROGRESS)
    return qs.filter(company_id=company_id) if company_id else qs


def _external_tests(year: int, company_id: uuid.UUID | None) -> QuerySet[ExternalCompletion]:
    qs = ExternalCompletion.objects.filter(completed_on__year=year, is_test=True, passed__isnull=False)
    return qs.filter(company_id=company_id) if company_id else qs


class _Row(NamedTuple):
    number: int
    status: str
    score: int | None
    passed: bool | None


@shared  # both "passed" and "pass rate" need it
def _tested_and_passed(year: int, company_id: uuid.UUID | None) -> tuple[set, set]:
    """Employees who took e-tests in the year and those who passed one (by the attempt that
    counts under each test's rule: the best or the last of the year)."""
    by_pair: dict[tuple, list[_Row]] = {}
    grading = dict(Test.objects.values_list("pk", "grading"))
    # Plain rows, not model instances: a group's year holds tens of thousands of attempts.
    rows = _attempts(year, company_id).values_list("test_id", "employee_id", "number", "status", "score", "passed")
    for test_id, employee_id, number, status, score, ok in rows:
        by_pair.setdefault((test_id, employee_id), []).append(_Row(number, status, score, ok))
    tested: set = set()
    passed: set = set()
    for (test_id, employee_id), attempts in by_pair.items():
        tested.add(employee_id)
        result = counted(attempts, grading[test_id])
        if result is not None and result.passed:
            passed.add(employee_id)
    for employee_id, ok in _external_tests(year, company_id).values_list("employee_id", "passed"):
        tested.add(employee_id)
        if ok:
            passed.add(employee_id)
    return tested, passed


def _passed_employees(year: int, company_id: uuid.UUID | None) -> QuerySet[Employee]:
    return Employee.objects.filter(pk__in=_tested_and_passed(year, company_id)[1])


def _tested_employees(year: int, company_id: uuid.UUID | None) -> QuerySet[Employee]:
    return Employee.objects.filter(pk__in=_tested_and_passed(year, company_id)[0])


@register(
    records=_passed_employees,
    code="learning.etest_passed",
    title=_("Employees who passed e-testing"),
    unit=_("employees"),
    module="learning",
)
def etest_passed(year: int, company_id: uuid.UUID | None) -> int:
    return len(_tested_and_passed(year, company_id)[1])


@register(
    records=_tested_employees,
    code="learning.etest_pass_rate",
    title=_("E-testing pass rate"),
    unit=_("per cent of employees tested"),
    module="learning",
)
def etest_pass_rate(year: int, company_id: uuid.UUID | None) -> int:
    tested, passed = _tested_and_passed(year, company_id)
    return round(100 * len(passed) / len(tested)) if tested else 0


def _elearning_ids(year: int, company_id: uuid.UUID | None) -> set[uuid.UUID]:
    ids = set(_attempts(year, company_id).values_list("employee_id", flat=True))
    external = ExternalCompletion.objects.filter(completed_on__year=year)
    if company_id:
        external = external.filter(company_id=company_id)
    return ids | set(external.values_list("employee_id", flat=True))


@register(
    records=lambda year, company_id: Employee.objects.filter(pk__in=_elearning_ids(year, company_id)),
    code="learning.elearning_coverage",
    title=_("Employees covered by e-learning"),
    unit=_("employees"),
    module="learning",
)
def elearning_coverage(year: int, company_id: uuid.UUID | None) -> int:
    return len(_elearning_ids(year, company_id))


@register_count(
    code="learning.special_courses",
    title=_("Employees trained in special courses"),
    unit=_("employees"),
    module="learning",
    distinct="employee_id",
)
def special_courses(year: int, company_id: uuid.UUID | None) -> QuerySet[Attendance]:
    qs = Attendance.objects.filter(event__date__year=year, event__kind=TrainingEvent.Kind.SPECIAL)
    return qs.filter(company_id=company_id) if company_id else qs


def _trained_staff(year: int, company_id: uuid.UUID | None) -> QuerySet[Employee]:
    staff = staff_on(dt.date(year, 12, 31))
    if company_id:
        staff = staff.filter(company_id=company_id)
    return staff.filter(pk__in=trained_employee_ids(year=year, company_id=company_id))


def _staff_ids(year: int, company_id: uuid.UUID | None) -> set[uuid.UUID]:
    staff = staff_on(dt.date(year, 12, 31))
    if company_id:
        staff = staff.filter(company_id=company_id)
    return set(staff.values_list("pk", flat=True))


@register(
    records=_trained_staff,
    code="learning.staff_trained_share",
    title=_("Share of staff trained"),
    unit=_("per cent of staff"),
    module="learning",
)
def staff_trained_share(year: int, company_id: uuid.UUID | None) -> int:
    # Intersected here rather than in SQL: the trained can be tens of thousands of ids, too many
    # for one IN (...) to be cheap.
    staff = _staff_ids(year, company_id)
    if not staff:
        return 0
    trained = trained_employee_ids(year=year, company_id=company_id)
    return round(100 * len(staff & trained) / len(staff))
