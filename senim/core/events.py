"""The audit event types: code → translated label, as the indicator registry is for indicators.

Each app declares the types it records in its `events.py` (found by `autodiscover`, called from
core's AppConfig.ready(), so core imports no app), and the audit page and histories show "Counterparty
created" instead of `counterparties.counterparty.created`. A type nobody declared shows its code.
"""

from collections.abc import Mapping

from django.utils.functional import Promise
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _

_LABELS: dict[str, str | Promise] = {}


def declare_events(labels: Mapping[str, str | Promise]) -> None:
    """Declare the label of each event type an app records (gettext_lazy strings)."""
    for code, label in labels.items():
        if code in _LABELS and str(_LABELS[code]) != str(label):
            raise ValueError(f"audit event type {code!r} is declared twice with different labels")
        _LABELS[code] = label


def event_label(code: str) -> str:
    """The label of an event type in the active language; the code itself if undeclared."""
    label = _LABELS.get(code)
    return str(label) if label is not None else code


def declared_event_types() -> list[str]:
    return sorted(_LABELS)


def autodiscover() -> None:
    autodiscover_modules("events")


# Core's own event types (autodiscovery finds this module as core's `events`).
declare_events(
    {
        "core.baseline.entered": _("Baseline figure entered"),
        "core.baseline.updated": _("Baseline figure changed"),
        "core.baseline.deleted": _("Baseline figure deleted"),
        "core.approval.decided": _("Approval decision recorded"),
    }
)
