"""Every change in the conflicts module: declarations and their review, campaigns, gifts,
detection alerts. Each service checks the actor, validates, saves and audits in one transaction."""

from senim.conflicts.services.alerts import alert_decide, alerts_store
from senim.conflicts.services.campaigns import (
    campaign_close,
    campaign_create,
    campaign_launch,
    campaign_remind,
    campaign_sync_new_hires,
)
from senim.conflicts.services.declarations import (
    DEFAULT_QUESTIONS,
    declaration_review,
    declaration_submit,
    declarations_close_empty,
    form_version_create,
    form_version_current,
    measure_add,
    measure_complete,
    scan_read,
)
from senim.conflicts.services.gifts import (
    CURRENCIES,
    gift_assess,
    gift_decide,
    gift_declare,
    gift_hand_over,
    gift_link_counterparty,
    threshold_set,
)

__all__ = [
    "CURRENCIES",
    "DEFAULT_QUESTIONS",
    "alert_decide",
    "alerts_store",
    "campaign_close",
    "campaign_create",
    "campaign_launch",
    "campaign_remind",
    "campaign_sync_new_hires",
    "declaration_review",
    "declaration_submit",
    "declarations_close_empty",
    "form_version_create",
    "form_version_current",
    "gift_assess",
    "gift_decide",
    "gift_declare",
    "gift_hand_over",
    "gift_link_counterparty",
    "measure_add",
    "measure_complete",
    "scan_read",
    "threshold_set",
]
