"""The columns of the organisation's lists, shared by each page, its sorting and its CSV/XLSX
download (core.lists). Downloads hold what the list shows, never identifiers such as the IIN."""

from typing import Any

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from senim.core.lists import Column, Table


def _status(employee: Any) -> Any:
    return pgettext_lazy("employee", "Active") if employee.is_active else pgettext_lazy("employee", "Dismissed")


EMPLOYEES = Table(
    name="employees",
    columns=(
        Column("number", _("Personnel number"), lambda e: e.personnel_number, order=("personnel_number",)),
        Column("surname", _("Full name"), lambda e: e.full_name, order=("surname", "given_name")),
        Column("company", _("Company"), lambda e: str(e.company), order=("company__name_ru", "surname")),
        Column("unit", _("Unit"), lambda e: str(e.unit or "")),
        Column("position", _("Position"), lambda e: str(e.position or "")),
        Column("hired", _("Hire date"), lambda e: e.hire_date, order=("hire_date",)),
        Column("dismissed", _("Dismissal date"), lambda e: e.dismissal_date, order=("dismissal_date",)),
        Column("status", _("Status"), _status),
    ),
    default_sort="surname",
    date_field="hire_date",
    date_label=_("Hire date"),
    export_related=("company", "unit", "position"),
)
