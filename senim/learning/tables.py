"""The columns of the module's lists, shared by each page, its sorting and its CSV/XLSX download
(core.lists). Results hold what the results page shows, never an attempt's answers."""

from typing import Any

from django.utils.translation import gettext_lazy as _

from senim.core.lists import Column, Table, localized_order

EMPLOYEE_ORDER = ("employee__surname", "employee__given_name")


def _result(attempt: Any) -> Any:
    return _("Passed") if attempt.passed else _("Not passed")


ATTEMPTS = Table(
    name="test-results",
    columns=(
        Column("employee", _("Employee"), lambda a: str(a.employee), order=EMPLOYEE_ORDER),
        Column("unit", _("Unit"), lambda a: str(a.unit or "")),
        Column("test", _("Test"), lambda a: a.test.title, order=(localized_order("test__title"),)),
        Column("number", _("Attempt"), lambda a: a.number, order=("number",)),
        Column("finished", _("Finished"), lambda a: a.finished_at, order=("finished_at",)),
        Column("score", _("Score (%)"), lambda a: a.score, order=("score",)),
        Column("result", _("Result"), _result, order=("passed",)),
    ),
    default_sort="-finished",
    date_field="finished_at",
    date_label=_("Finished"),
    per_page=50,
)

ASSIGNMENTS = Table(
    name="test-assignments",
    columns=(
        Column("test", _("Test"), lambda a: a.test.title, order=(localized_order("test__title"),)),
        Column("audience", _("Audience"), lambda a: a.get_audience_display(), order=("audience",)),
        Column("company", _("Company"), lambda a: str(a.company or _("Whole group")), order=("company__name_ru",)),
        Column("due", _("Due"), lambda a: a.due_date, order=("due_date",)),
        Column("asked", _("Asked"), lambda a: a.asked, order=("asked",)),
        Column("passed", _("Passed"), lambda a: a.done, order=("done",)),
        Column("created", _("Created"), lambda a: a.created_at, order=("created_at",)),
    ),
    default_sort="-created",
    date_field="created_at",
    date_label=_("Created"),
    per_page=50,
)

OVERDUE = Table(
    name="overdue-tests",
    columns=(
        Column("employee", _("Employee"), lambda i: str(i.employee), order=EMPLOYEE_ORDER),
        Column("unit", _("Unit"), lambda i: str(i.unit or "")),
        Column(
            "test", _("Test"), lambda i: i.assignment.test.title, order=(localized_order("assignment__test__title"),)
        ),
        Column("due", _("Due"), lambda i: i.due_date, order=("due_date",)),
        Column("reminders", _("Reminders sent"), lambda i: i.reminders_sent, order=("reminders_sent",)),
    ),
    default_sort="due",
    tiebreak=("employee__surname", "pk"),
    date_field="due_date",
    date_label=_("Due"),
    per_page=50,
)

ARTICLES = Table(
    name="knowledge-base",
    columns=(
        Column("title", _("Title"), lambda a: a.title, order=(localized_order("title"),)),
        Column("kind", _("Kind"), lambda a: a.get_kind_display(), order=("kind",)),
        Column("category", _("Category"), lambda a: str(a.category or ""), order=(localized_order("category__name"),)),
        Column("published", _("Published"), lambda a: a.published_on, order=("published_on",)),
    ),
    default_sort="-published",
    date_field="published_on",
    date_label=_("Published"),
)

EVENTS = Table(
    name="training-events",
    columns=(
        Column("date", _("Date"), lambda e: e.date, order=("date",)),
        Column("title", _("Title"), lambda e: e.title, order=("title",)),
        Column("kind", _("Kind"), lambda e: e.get_kind_display(), order=("kind",)),
        Column("company", _("Company"), lambda e: str(e.company), order=("company__name_ru",)),
        Column("trainer", _("Trainer organisation"), lambda e: e.trainer_organisation, order=("trainer_organisation",)),
        Column("hours", _("Hours"), lambda e: e.hours, order=("hours",)),
        Column("attendees", _("Attendees"), lambda e: e.attendee_count, order=("attendee_count",)),
    ),
    default_sort="-date",
    date_field="date",
    per_page=50,
)

COURSES = Table(
    name="courses",
    columns=(
        Column("title", _("Course"), lambda c: c.title, order=(localized_order("title"),)),
        Column("pages", _("Pages"), lambda c: len(c.pages.all())),
        Column("tests", _("Tests"), lambda c: len(c.tests.all())),
        Column("offered", _("Offered"), lambda c: _("yes") if c.is_active else _("no"), order=("is_active",)),
        Column("created", _("Created"), lambda c: c.created_at, order=("created_at",)),
    ),
    default_sort="title",
    per_page=50,
)
