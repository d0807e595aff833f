"""Org's dashboard tiles, counted within the viewer's scope."""

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from senim.core.dashboard import Tile, register
from senim.core.figures import format_figure
from senim.org import policy, selectors


@register
def org_tiles(request: HttpRequest) -> list[Tile]:
    user = request.user
    if not user.can(policy.VIEW_STRUCTURE):  # type: ignore[union-attr]
        return []
    employees = selectors.employee_list(actor=user, active=True)  # type: ignore[arg-type]
    positions = selectors.position_list(actor=user)  # type: ignore[arg-type]
    total = positions.count()
    return [
        Tile(_("Employees"), employees.count(), reverse("org:employee-list")),
        Tile(_("Companies"), selectors.company_list(actor=user).count(), reverse("org:company-list")),  # type: ignore[arg-type]
        Tile(_("Structural units"), selectors.unit_list(actor=user).count()),  # type: ignore[arg-type]
        Tile(
            _("Corruption-prone positions"),
            positions.filter(is_corruption_prone=True).count(),
            hint=ngettext("of %(total)s position", "of %(total)s positions", total) % {"total": format_figure(total)},
        ),
    ]
