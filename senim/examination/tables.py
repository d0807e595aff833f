"""The columns of the list of drafts under examination, shared by the page, its sorting and its
CSV/XLSX download (core.lists)."""

from django.utils.translation import gettext_lazy as _

from senim.core.lists import Column, Table

EXAMINATIONS = Table(
    name="examinations",
    columns=(
        Column("title", _("Draft"), lambda e: e.title, order=("title",)),
        Column("company", _("Company"), lambda e: str(e.company), order=("company__name_ru",)),
        Column("kind", _("Kind"), lambda e: e.get_kind_display(), order=("kind",)),
        Column("unit", _("Initiating unit"), lambda e: str(e.unit or "")),
        Column("examined", _("Examined on"), lambda e: e.examined_on, order=("examined_on",)),
        Column("deadline", _("Deadline"), lambda e: e.deadline, order=("deadline",)),
        Column("status", _("Status"), lambda e: e.get_status_display(), order=("status",)),
        Column("outcome", _("Outcome"), lambda e: e.get_outcome_display(), order=("outcome",)),
        Column("concluded", _("Concluded on"), lambda e: e.concluded_on, order=("concluded_on",)),
    ),
    default_sort="-examined",
    date_field="examined_on",
    date_label=_("Examined on"),
    per_page=50,
    export_related=("company", "unit"),
)
