"""The columns of the Speak Up case list, shared by the page, its sorting and its CSV/XLSX download
(core.lists). The download holds what the list shows: no report text, no reporter identity."""

from typing import Any

from django.db.models import Case, F, When
from django.utils.translation import gettext_lazy as _

from senim.core.lists import Column, Table
from senim.speakup.models import OPEN_STATUSES


def next_due() -> Any:
    """The next deadline of an open case: acknowledgement until acknowledged, then feedback."""
    return Case(
        When(status__in=OPEN_STATUSES, acknowledged_at__isnull=True, then=F("acknowledge_due")),
        When(status__in=OPEN_STATUSES, feedback_at__isnull=True, then=F("feedback_due")),
        default=None,
    )


def _next_due(case: Any) -> Any:
    if not case.is_open:
        return None
    if case.acknowledged_at is None:
        return case.acknowledge_due
    return case.feedback_due if case.feedback_at is None else None


CASES = Table(
    name="speakup-cases",
    columns=(
        Column("reference", _("Reference"), lambda c: c.reference, order=("reference",)),
        Column("received", _("Received"), lambda c: c.received_at, order=("received_at",)),
        Column("kind", _("Kind"), lambda c: c.get_kind_display(), order=("kind",)),
        Column("channel", _("Channel"), lambda c: c.get_channel_display(), order=("channel",)),
        Column("category", _("Category"), lambda c: c.get_category_display(), order=("category",)),
        Column("company", _("Company"), lambda c: str(c.company or ""), order=("company__name_ru",)),
        Column("status", _("Status"), lambda c: c.get_status_display(), order=("status",)),
        Column("due", _("Next deadline"), _next_due, order=(next_due,)),
        Column("acknowledge_due", _("acknowledge by"), lambda c: c.acknowledge_due),
        Column("feedback_due", _("feedback by"), lambda c: c.feedback_due),
        Column(
            "investigators",
            _("Investigators"),
            lambda c: [user.display_name for user in c.assignees.all()],
        ),
    ),
    default_sort="-received",
    date_field="received_at",
    date_label=_("Received"),
    per_page=50,
)
