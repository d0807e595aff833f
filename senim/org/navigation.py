from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from senim.core.navigation import ORGANISATION, NavEntry, register
from senim.org import policy


def _sees_others(request: HttpRequest) -> bool:
    """An employee who may see only their own record finds it under "My employee record", not in a
    list of employees holding only themselves."""
    scope = request.user.scope_for(policy.VIEW_EMPLOYEE)  # type: ignore[union-attr]
    return bool(scope.everything or scope.company_ids or scope.unit_ids)


register(
    NavEntry(
        ORGANISATION, _("Employees"), "org:employee-list", "users", policy.VIEW_EMPLOYEE, order=10, visible=_sees_others
    )
)
register(NavEntry(ORGANISATION, _("Structure"), "org:company-list", "building", policy.VIEW_STRUCTURE, order=11))
register(NavEntry(ORGANISATION, _("Import of staff"), "org:import-upload", "upload", policy.IMPORT, order=12))
