from django.utils.translation import gettext_lazy as _

from senim.core.navigation import NavEntry, register
from senim.counterparties import policy

COUNTERPARTIES = _("Counterparties")

register(
    NavEntry(COUNTERPARTIES, _("Register"), "counterparties:counterparty-list", "briefcase", policy.VIEW, order=30)
)
register(
    NavEntry(COUNTERPARTIES, _("Contracts"), "counterparties:contract-list", "file", policy.VIEW_CONTRACTS, order=31)
)
register(
    NavEntry(
        COUNTERPARTIES,
        _("Clause coverage"),
        "counterparties:contract-coverage",
        "chart",
        policy.VIEW_CONTRACTS,
        order=32,
    )
)
register(
    NavEntry(
        COUNTERPARTIES,
        _("Significant suppliers"),
        "counterparties:significant-list",
        "briefcase",
        policy.VIEW,
        order=33,
    )
)
register(
    NavEntry(
        COUNTERPARTIES,
        _("Import of counterparties"),
        "counterparties:import-upload",
        "upload",
        policy.MANAGE_CONTRACTS,
        order=39,
    )
)
register(
    NavEntry(
        COUNTERPARTIES,
        _("Applications"),
        "counterparties:application-list",
        "inbox",
        policy.VIEW_APPLICATIONS,
        order=33,
    )
)
register(
    NavEntry(COUNTERPARTIES, _("Register of permitted"), "counterparties:register", "shield", policy.VIEW, order=34)
)
register(
    NavEntry(
        COUNTERPARTIES,
        _("Regulation clauses"),
        "counterparties:clause-list",
        "scale",
        policy.VIEW_APPLICATIONS,
        order=38,
    )
)
register(
    NavEntry(COUNTERPARTIES, _("Verifications"), "counterparties:case-list", "search", policy.VIEW_CASES, order=35)
)
register(
    NavEntry(
        COUNTERPARTIES,
        _("Verification settings"),
        "counterparties:verification-settings",
        "settings",
        policy.VIEW_CASES,
        order=37,
    )
)
register(
    NavEntry(
        COUNTERPARTIES, _("Questionnaire"), "counterparties:questionnaire-versions", "list", policy.VIEW_CASES, order=36
    )
)
