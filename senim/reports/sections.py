"""The report's sections, in the order of the anti-corruption programme.

Each section gathers the indicators of the modules that feed it (an indicator's `module` is its
app label), so a module that lands later appears in its section without a change here. Charts are
declared by code prefix: every indicator under the prefix is one category of the bar chart
("refusals by type", "reports by channel"), current year against the previous one.
"""

from dataclasses import dataclass, field

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Chart:
    prefix: str
    title: str | Promise


@dataclass(frozen=True)
class Section:
    code: str
    title: str | Promise
    modules: tuple[str, ...]
    charts: tuple[Chart, ...] = field(default=())


SECTIONS: tuple[Section, ...] = (
    Section("governance", _("Governance and internal documents"), ("org", "awareness")),
    Section("risks", _("Corruption risk assessment and plans"), ("risks",)),
    Section("examination", _("Anti-corruption examination of drafts"), ("examination",)),
    Section(
        "counterparties",
        _("Counterparties"),
        ("counterparties", "screening"),
        (
            Chart("counterparties.applications.refusal.", _("Applications by refusal")),
            Chart("counterparties.applications.decision.", _("Applications by decision")),
            Chart("counterparties.register_entries.", _("The Register by category")),
        ),
    ),
    Section("conflicts", _("Conflicts of interest and gifts"), ("conflicts",)),
    Section("awareness", _("Awareness and training"), ("learning",)),
    Section(
        "speakup",
        _("Speak Up and investigations"),
        ("speakup",),
        (
            Chart("speakup.reports.channel.", _("Reports by channel")),
            Chart("speakup.reports.category.", _("Reports by category")),
        ),
    ),
)

# Indicators of a module no section names land here, so nothing a module declares is lost.
OTHER = Section("other", _("Other figures"), ())


def section_for_module(module: str) -> Section:
    for section in SECTIONS:
        if module in section.modules:
            return section
    return OTHER


def all_sections() -> tuple[Section, ...]:
    return (*SECTIONS, OTHER)


def get_section(code: str) -> Section | None:
    return next((s for s in all_sections() if s.code == code), None)
