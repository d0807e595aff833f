"""The register of counterparties: who they are, who owns and runs them, how to reach them;
their contracts; applications for counterparties that refuse and the Register of those permitted;
verification before a contract; questionnaires. Import from this package, not from its modules.
"""

from senim.counterparties.models.applications import (
    Application,
    Decision,
    Refusal,
    RegisterEntry,
    RegulationClause,
)
from senim.counterparties.models.contracts import (
    Contract,
    ProcurementMethod,
)
from senim.counterparties.models.questionnaires import (
    Answer,
    AnswerType,
    Question,
    Questionnaire,
    QuestionnaireResponse,
    QuestionSection,
)
from senim.counterparties.models.register import (
    ALLOWED_IDENTIFIERS,
    COMPANY_IDENTIFIERS,
    IDENTIFIER_COUNTRY,
    PERSON_IDENTIFIERS,
    Category,
    Contact,
    Counterparty,
    Criticality,
    Document,
    IdentifierKind,
    Kind,
    Party,
    check_identifier,
)
from senim.counterparties.models.verification import (
    LEVEL_ORDER,
    RISK_ORDER,
    CaseCheck,
    CaseEvidence,
    CaseFlag,
    DueDiligenceRule,
    Level,
    RedFlag,
    RiskLevel,
    VerificationCase,
)

__all__ = [
    "ALLOWED_IDENTIFIERS",
    "COMPANY_IDENTIFIERS",
    "IDENTIFIER_COUNTRY",
    "LEVEL_ORDER",
    "PERSON_IDENTIFIERS",
    "RISK_ORDER",
    "Answer",
    "AnswerType",
    "Application",
    "CaseCheck",
    "CaseEvidence",
    "CaseFlag",
    "Category",
    "Contact",
    "Contract",
    "Counterparty",
    "Criticality",
    "Decision",
    "Document",
    "DueDiligenceRule",
    "IdentifierKind",
    "Kind",
    "Level",
    "Party",
    "ProcurementMethod",
    "Question",
    "QuestionSection",
    "Questionnaire",
    "QuestionnaireResponse",
    "RedFlag",
    "Refusal",
    "RegisterEntry",
    "RegulationClause",
    "RiskLevel",
    "VerificationCase",
    "check_identifier",
]
