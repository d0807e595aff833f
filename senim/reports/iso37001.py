"""The clause outline of ISO 37001 (anti-bribery management systems) and the evidence Senim holds
for each clause.

Titles are paraphrased: the standard's text is not reproduced. The 2016 edition is the outline most
certificates were issued against; the 2025 edition follows the harmonized structure of management
system standards, which adds "planning of changes" (6.3) and puts continual improvement (10.1) before
nonconformity and corrective action (10.2). Check the crosswalk against the purchased standard before an
audit: it is a reading aid, not the standard.

Each clause names the indicators of the registry that are live evidence for it (counted for a year),
so a module that lands later adds evidence by declaring an indicator listed here.
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Clause:
    number: str  # in the 2016 edition
    title: str | Promise
    evidence: tuple[str, ...] = ()  # indicator codes
    number_2025: str | None = None  # where the 2025 edition numbers it differently


CLAUSES: tuple[Clause, ...] = (
    Clause("4.1", _("The organization and its context")),
    Clause("4.2", _("Needs and expectations of stakeholders")),
    Clause("4.3", _("Scope of the anti-bribery management system")),
    Clause("4.4", _("The anti-bribery management system")),
    Clause("4.5", _("Bribery risk assessment"), ("risks.functions_assessed", "risks.units_assessed")),
    Clause("5.1", _("Leadership and commitment of the governing body and top management")),
    Clause("5.2", _("Anti-bribery policy"), ("awareness.documents_in_force", "awareness.documents_adopted")),
    Clause("5.3", _("Roles, responsibilities, authorities; the compliance function")),
    Clause("6.1", _("Actions to address risks and opportunities"), ("risks.functions_high", "risks.functions_medium")),
    Clause("6.2", _("Anti-bribery objectives and plans"), ("risks.plan_measures_done", "risks.programme_done_on_time")),
    Clause("6.3", _("Planning of changes"), number_2025="6.3"),
    Clause("7.1", _("Resources")),
    Clause(
        "7.2",
        _("Competence and the employment process"),
        ("awareness.agreements_concluded", "awareness.hires_with_obligations", "conflicts.forms_a"),
    ),
    Clause(
        "7.3",
        _("Awareness and training"),
        ("awareness.code_reviewed", "learning.etest_passed", "learning.elearning_coverage", "learning.special_courses"),
    ),
    Clause("7.4", _("Communication"), ("speakup.questions_answered",)),
    Clause("7.5", _("Documented information"), ("awareness.documents_in_force",)),
    Clause("8.1", _("Operational planning and control")),
    Clause("8.2", _("Due diligence"), ("counterparties.verifications", "screening.subjects")),
    Clause("8.3", _("Financial controls")),
    Clause("8.4", _("Non-financial controls"), ("examination.contracts_examined", "examination.acts_examined")),
    Clause(
        "8.5",
        _("Controls of controlled organizations and business associates"),
        ("counterparties.contracts_with_clause",),
    ),
    Clause("8.6", _("Anti-bribery commitments"), ("counterparties.clause_share", "counterparties.applications")),
    Clause(
        "8.7", _("Gifts, hospitality, donations and similar benefits"), ("conflicts.gifts", "conflicts.gifts_approved")
    ),
    Clause("8.8", _("Managing inadequate controls"), ("conflicts.links_confirmed", "counterparties.high_risk")),
    Clause("8.9", _("Raising concerns"), ("speakup.reports",)),
    Clause("8.10", _("Investigating and dealing with bribery"), ("speakup.closed", "speakup.substantiated_share")),
    Clause("9.1", _("Monitoring, measurement, analysis and evaluation")),
    Clause("9.2", _("Internal audit")),
    Clause("9.3", _("Management review")),
    Clause("9.4", _("Review by the anti-bribery compliance function")),
    Clause("10.1", _("Nonconformity and corrective action"), ("conflicts.settled",), number_2025="10.2"),
    Clause("10.2", _("Continual improvement"), number_2025="10.1"),
)

EDITIONS = ("2016", "2025")


def clause_number(clause: Clause, edition: str) -> str | None:
    """The clause's number in `edition`; None where that edition has no such clause (6.3 in 2016)."""
    if edition == "2025":
        return clause.number_2025 or clause.number
    return None if clause.number == "6.3" else clause.number


def clauses(edition: str) -> list[tuple[str, Clause]]:
    """(number, clause) in the edition's order."""
    numbered = [(number, clause) for clause in CLAUSES if (number := clause_number(clause, edition))]
    return sorted(numbered, key=lambda item: [int(part) for part in item[0].split(".")])


def get_clause(number: str, edition: str = "2016") -> Clause | None:
    return next((clause for n, clause in clauses(edition) if n == number), None)
