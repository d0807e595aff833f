"""Labels of the audit event types this app records (see `senim.core.events`)."""

from django.utils.translation import gettext_lazy as _

from senim.core.events import declare_events

declare_events(
    {
        "screening.watchlist.created": _("Watchlist created"),
        "screening.watchlist.updated": _("Watchlist changed"),
        "screening.version.started": _("Watchlist import started"),
        "screening.version.imported": _("Watchlist version imported"),
        "screening.version.failed": _("Watchlist import failed"),
        "screening.subject.screened": _("Subject screened"),
        "screening.batch.screened": _("File screened"),
        "screening.rescreen.finished": _("Re-screening finished"),
        "screening.hit.decided": _("Match decided"),
        "screening.hit.closed": _("Match closed"),
        "screening.searched": _("Ad-hoc search"),
    }
)
