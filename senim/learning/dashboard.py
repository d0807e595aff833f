"""Learning's dashboard tiles: the employee's tests still to pass, and for officers the overdue
assigned tests in their scope."""

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from senim.core.dashboard import Tile, register
from senim.learning import policy, selectors


@register
def learning_tiles(request: HttpRequest) -> list[Tile]:
    user = request.user
    if not user.is_authenticated:
        return []
    tiles = []
    if user.can(policy.VIEW_RESULTS):  # type: ignore[union-attr]
        overdue = selectors.overdue_items(actor=user).count()  # type: ignore[arg-type]
        tiles.append(Tile(_("Assigned tests overdue"), overdue, reverse("learning:overdue")))
    if user.can(policy.TAKE):  # type: ignore[union-attr]
        due = [row for row in selectors.my_tests(actor=user) if row.due_date]  # type: ignore[arg-type]
        if due:
            tiles.append(Tile(_("Tests you are asked to pass"), len(due), reverse("learning:my-tests")))
    return tiles
