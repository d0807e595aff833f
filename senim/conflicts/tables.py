"""The columns of the module's lists for officers, shared by each page, its sorting and its
CSV/XLSX download (core.lists). Downloads hold what the lists show: never a declaration's answers."""

from typing import Any

from django.utils.translation import gettext_lazy as _

from senim.core.lists import Column, Table

EMPLOYEE_ORDER = ("employee__surname", "employee__given_name")


def _yes(value: bool) -> Any:
    return _("Yes") if value else _("No")


DECLARATIONS = Table(
    name="declarations",
    columns=(
        Column("employee", _("Employee"), lambda x: x.employee.full_name, order=EMPLOYEE_ORDER),
        Column("form", _("Form"), lambda d: d.get_form_type_display(), order=("form_type", "number")),
        Column("version", _("Version"), lambda d: d.number),
        Column("nothing", _("nothing to declare"), lambda d: _yes(d.nothing_to_declare), order=("nothing_to_declare",)),
        Column("company", _("Company"), lambda d: str(d.company), order=("company__name_ru",)),
        Column("unit", _("Unit"), lambda d: str(d.unit or ""), order=("unit__name_ru",)),
        Column("submitted", _("Submitted"), lambda d: d.submitted_at, order=("submitted_at",)),
        Column("status", _("Status"), lambda d: d.get_status_display(), order=("status",)),
        Column("assessment", _("Assessment"), lambda d: d.get_outcome_display(), order=("outcome",)),
    ),
    default_sort="-submitted",
    date_field="submitted_at",
    date_label=_("Submitted"),
    per_page=50,
)

ALERTS = Table(
    name="alerts",
    columns=(
        Column("employee", _("Employee"), lambda x: x.employee.full_name, order=EMPLOYEE_ORDER),
        Column("company", _("Company"), lambda a: str(a.company), order=("company__name_ru",)),
        Column("kind", _("Link"), lambda a: a.get_kind_display(), order=("kind",)),
        Column("matched", _("Matched with"), lambda a: a.matched_with, order=("matched_with",)),
        Column("score", _("Score"), lambda a: round(a.score, 4), order=("score",)),
        Column("disclosed", _("Disclosed"), lambda a: _yes(a.disclosed), order=("disclosed",)),
        Column("status", _("Status"), lambda a: a.get_status_display(), order=("status",)),
        Column("found", _("last found"), lambda a: a.last_seen_at, order=("last_seen_at",)),
        Column("raised", _("Raised"), lambda a: a.created_at, order=("created_at",)),
    ),
    default_sort="-raised",
    date_field="created_at",
    date_label=_("Raised"),
    per_page=50,
)

GIFTS = Table(
    name="gifts",
    columns=(
        Column("date", _("Date"), lambda g: g.date, order=("date", "created_at")),
        Column("employee", _("Employee"), lambda x: x.employee.full_name, order=EMPLOYEE_ORDER),
        Column("company", _("Company"), lambda g: str(g.company), order=("company__name_ru",)),
        Column("kind", _("Kind"), lambda g: g.get_kind_display(), order=("kind",)),
        Column("party_kind", _("The other party is"), lambda g: g.get_party_kind_display()),
        Column("party", _("From or to"), lambda g: g.party_name, order=("party_name",)),
        Column("organisation", _("Their organisation"), lambda g: g.party_organisation),
        Column("occasion", _("Occasion"), lambda g: g.occasion),
        Column("description", _("Description"), lambda g: g.description),
        Column("value", _("Value"), lambda g: g.value, order=("value",)),
        Column("currency", _("Currency"), lambda g: g.currency, order=("currency",)),
        Column("status", _("Status"), lambda g: g.get_status_display(), order=("status",)),
        Column("handed_over", _("Handed over to the company"), lambda g: g.handed_over_at, order=("handed_over_at",)),
        Column("received_by", _("Received by"), lambda g: g.handed_over_to),
        Column("kept_at", _("Kept at"), lambda g: g.storage),
    ),
    default_sort="-date",
    date_field="date",
    per_page=50,
)
