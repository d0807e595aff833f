"""The columns of the list of hits, shared by the page, its sorting and its CSV/XLSX download
(core.lists)."""

from django.utils.translation import gettext_lazy as _

from senim.core.lists import Column, Table
from senim.screening.services import subject_reference

HITS = Table(
    name="screening-hits",
    columns=(
        Column("subject", _("Screened"), lambda h: str(h.subject), order=("subject__label",)),
        Column("reference", _("Reference"), lambda h: subject_reference(h.subject)),
        Column("entry", _("List entry"), lambda h: h.entity.caption, order=("entity__caption",)),
        Column("entry_id", _("Entry ID"), lambda h: h.entity.entity_id),
        Column("list", _("List"), lambda h: h.watchlist.name, order=("watchlist__name",)),
        Column("score", _("Score"), lambda h: round(h.score, 4), order=("score",)),
        Column("status", _("Status"), lambda h: h.get_status_display(), order=("status",)),
        Column("comment", _("Comment"), lambda h: h.comment),
        Column("decided_by", _("Decided by"), lambda h: str(h.decided_by or "")),
        Column("decided", _("Decided"), lambda h: h.decided_at, order=("decided_at",)),
        Column("raised", _("Raised"), lambda h: h.created_at, order=("created_at",)),
    ),
    default_sort="-raised",
    date_field="created_at",
    date_label=_("Raised"),
    per_page=50,
)
