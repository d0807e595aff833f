"""The columns of the module's lists, shared by each page, its sorting and its CSV/XLSX download
(core.lists). A candidate check's download holds what its list shows, never the identifier or the
findings' details."""

from django.utils.translation import gettext_lazy as _

from senim.core.lists import Column, Table, localized_order

EMPLOYEE_ORDER = ("employee__surname", "employee__given_name")

DOCUMENTS = Table(
    name="documents",
    columns=(
        Column("code", _("Number"), lambda d: d.code, order=("code",)),
        Column("title", _("Title"), lambda d: d.title, order=(localized_order("title"),)),
        Column("kind", _("Kind"), lambda d: d.get_kind_display(), order=("kind",)),
        Column("version", _("Version in force"), lambda d: d.current_version.number if d.current_version else ""),
        Column(
            "effective",
            _("Effective date"),
            lambda d: d.current_version.effective_date if d.current_version else None,
            order=("current_version__effective_date",),
        ),
        Column("repealed", _("Repealed"), lambda d: _("Yes") if d.is_repealed else _("No"), order=("is_repealed",)),
    ),
    default_sort="code",
    per_page=50,
    export_related=("current_version",),
)

CAMPAIGNS = Table(
    name="campaigns",
    columns=(
        Column("title", _("Title"), lambda c: c.title, order=("title",)),
        Column("document", _("Document"), lambda c: c.version.document.code, order=("version__document__code",)),
        Column("audience", _("Who is asked"), lambda c: c.get_audience_display(), order=("audience",)),
        Column("company", _("Company"), lambda c: str(c.company or ""), order=("company__name_ru",)),
        Column("deadline", _("Deadline"), lambda c: c.deadline, order=("deadline",)),
        Column("status", _("Status"), lambda c: c.get_status_display(), order=("status",)),
        Column("asked", _("Asked"), lambda c: c.asked, order=("asked",)),
        Column("answered", _("Acknowledged"), lambda c: c.answered, order=("answered",)),
        Column("created", _("Created"), lambda c: c.created_at, order=("created_at",)),
    ),
    default_sort="-created",
    date_field="deadline",
    date_label=_("Deadline"),
    per_page=50,
)

OVERDUE = Table(
    name="overdue-acknowledgements",
    columns=(
        Column(
            "employee",
            _("Employee"),
            lambda r: r.employee.full_name,
            order=EMPLOYEE_ORDER,
        ),
        Column(
            "number",
            _("Personnel number"),
            lambda r: r.employee.personnel_number,
            order=("employee__personnel_number",),
        ),
        Column("unit", _("Unit"), lambda r: str(r.unit or "")),
        Column(
            "document",
            _("Document"),
            lambda r: r.campaign.version.document.code,
            order=("campaign__version__document__code",),
        ),
        Column("due", _("Due"), lambda r: r.due_date, order=("due_date",)),
        Column("reminders", _("Reminders sent"), lambda r: r.reminders_sent, order=("reminders_sent",)),
    ),
    default_sort="due",
    date_field="due_date",
    date_label=_("Due"),
    per_page=100,
    export_related=("employee", "unit", "campaign__version__document"),
)

AGREEMENTS = Table(
    name="agreements",
    columns=(
        Column(
            "employee",
            _("Employee"),
            lambda o: o.employee.full_name,
            order=EMPLOYEE_ORDER,
        ),
        Column("number", _("Personnel number"), lambda o: o.employee.personnel_number),
        Column("position", _("Position"), lambda o: str(o.position)),
        Column("reason", _("Reason"), lambda o: o.get_reason_display(), order=("reason",)),
        Column("since", _("Required since"), lambda o: o.arose_on, order=("arose_on",)),
        Column("agreement", _("Agreement number"), lambda o: o.number),
        Column("concluded", _("Concluded on"), lambda o: o.concluded_on, order=("concluded_on",)),
    ),
    default_sort="concluded",
    tiebreak=("arose_on", "pk"),
    date_field="arose_on",
    date_label=_("Required since"),
    per_page=50,
)

CHECKS = Table(
    name="candidate-checks",
    columns=(
        Column("person", _("Person"), lambda c: c.full_name, order=("full_name",)),
        Column("company", _("Company"), lambda c: str(c.company), order=("company__name_ru",)),
        Column("purpose", _("Purpose"), lambda c: c.get_purpose_display(), order=("purpose",)),
        Column("checked", _("Checked on"), lambda c: c.checked_on, order=("checked_on", "created_at")),
        Column("findings", _("Findings"), lambda c: c.findings),
        Column("status", _("Status"), lambda c: c.get_status_display(), order=("status",)),
        Column("conclusion", _("Conclusion"), lambda c: c.get_conclusion_display(), order=("conclusion",)),
    ),
    default_sort="-checked",
    date_field="checked_on",
    date_label=_("Checked on"),
    per_page=50,
)

OUTSIDERS = Table(
    name="outsiders",
    columns=(
        Column("name", _("Full name"), lambda r: r.full_name, order=("full_name",)),
        Column("role", _("Position or role"), lambda r: r.role),
        Column("kind", _("Who"), lambda r: r.get_kind_display(), order=("kind",)),
        Column("counterparty", _("Counterparty"), lambda r: str(r.counterparty or "")),
        Column("document", _("Document"), lambda r: str(r.version), order=("version__document__code",)),
        Column("source", _("Source"), lambda r: r.get_source_display(), order=("source",)),
        Column("acknowledged", _("Acknowledged on"), lambda r: r.acknowledged_on, order=("acknowledged_on",)),
        Column("expires", _("Link valid until"), lambda r: r.expires_on, order=("expires_on",)),
    ),
    default_sort="-acknowledged",
    tiebreak=("-created_at", "pk"),
    date_field="acknowledged_on",
    date_label=_("Acknowledged on"),
    per_page=50,
)
