"""Labels of the audit event types this app records (see `senim.core.events`)."""

from django.utils.translation import gettext_lazy as _

from senim.core.events import declare_events

declare_events(
    {
        "ops.files.upgraded": _("Files of an earlier release moved into the storage"),
    }
)
