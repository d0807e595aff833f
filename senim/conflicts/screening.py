"""Companies declared in interests, outside jobs and board seats are screened against the group's
internal lists (for example counterparties terminated for corruption) once the declaration is
saved. Each becomes a screening subject of the employee's company, so its hits join the screening
queue and it is screened again whenever an internal list gets a new version."""

from django.core.exceptions import ValidationError
from django.tasks import task

from senim.conflicts.models import Declaration, Section
from senim.core.access import SYSTEM
from senim.screening import services as screening_services

INTERNAL = "internal"


def subject_key(item_id: object) -> str:
    return f"conflicts.item:{item_id}"


@task()
def screen_declared_companies(*, declaration_id: str) -> int:
    """Screen the declaration's companies against the enabled internal lists; return how many."""
    lists = [w for w in screening_services.enabled_lists() if w.kind == INTERNAL]
    declaration = Declaration.objects.select_related("employee").filter(pk=declaration_id).first()
    if not lists or declaration is None:
        return 0
    screened = 0
    items = declaration.items.filter(section__in=[Section.INTERESTS, Section.OUTSIDE_JOBS]).exclude(organisation="")
    for item in items:
        try:
            screening_services.screen(
                actor=SYSTEM,
                subject_key=subject_key(item.pk),
                schema="Organization",
                names=[item.organisation],
                identifiers=[item.organisation_identifier] if item.organisation_identifier else [],
                label=f"{item.organisation} · {declaration.employee.full_name}",
                company_id=declaration.company_id,
                lists=lists,
            )
        except ValidationError:
            continue  # a one-letter or empty name: nothing to screen
        screened += 1
    return screened
