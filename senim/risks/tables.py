"""The columns of the module's lists, shared by each page, its sorting and its CSV/XLSX download
(core.lists)."""

from django.utils.translation import gettext_lazy as _

from senim.core.lists import Column, Table, localized_order

EXERCISES = Table(
    name="risk-assessments",
    columns=(
        Column("year", _("Year"), lambda e: e.year, order=("year",)),
        Column("company", _("Company"), lambda e: str(e.company), order=("company__name_ru",)),
        Column("functions", _("Functions"), lambda e: e.function_count, order=("function_count",)),
        Column("status", _("Status"), lambda e: e.get_status_display(), order=("status",)),
        Column("decision", _("Decision number"), lambda e: e.decision_number),
        Column("approved", _("Approved on"), lambda e: e.approved_on, order=("approved_on",)),
    ),
    default_sort="-year",
    tiebreak=("company__name_ru", "pk"),
    date_field="approved_on",
    date_label=_("Approved on"),
    per_page=50,
)

PLANS = Table(
    name="plans",
    columns=(
        Column("title", _("Plan"), lambda p: p.title, order=(localized_order("title"),)),
        Column("company", _("Company"), lambda p: str(p.company), order=("company__name_ru",)),
        Column("kind", _("Kind"), lambda p: p.get_kind_display(), order=("kind",)),
        Column("years", _("Years"), lambda p: f"{p.first_year}–{p.last_year}", order=("first_year", "last_year")),
        Column("measures", _("Measures"), lambda p: p.measure_count, order=("measure_count",)),
        Column("approved", _("Approved on"), lambda p: p.approved_on, order=("approved_on",)),
    ),
    default_sort="-years",
    date_field="approved_on",
    date_label=_("Approved on"),
    per_page=50,
)
