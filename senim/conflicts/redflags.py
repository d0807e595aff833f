"""The "link to an employee of the group" red flag of counterparty verifications, from declarations.

The counterparty module sits below this one and cannot read declarations, so it asks registered
providers (`senim.counterparties.redflags`). This one reports owners and managers (or the individual
counterparty itself) whom an employee declared as a relative, and interests an employee declared in
the counterparty. The detail names the declared person and the relation, never the employee who
declared: verifications are read by approvers and auditors who may not read declarations; an officer
finds the declaration under Conflicts of interest → Declarations. The detail is stored as a deferred
text (core.i18n), so each reader reads it in their own language.
"""

import datetime as dt

from django.db.models import Q
from django.utils.translation import gettext_noop

from senim.conflicts.models import Declaration, DeclarationItem, Holder, Relation, Section
from senim.core.i18n import deferred, deferred_join


def declared_links(counterparty, *, on: dt.date) -> str:  # type: ignore[no-untyped-def]
    people = {p.identifier: p.name for p in counterparty.parties.all() if p.is_person and p.identifier}
    if counterparty.identifier:
        people.setdefault(counterparty.identifier, counterparty.display_name)
    if not people and not counterparty.identifier:
        return ""
    wanted = Q(section=Section.RELATIVES, person_identifier__in=people)
    if counterparty.identifier:
        wanted |= Q(section=Section.INTERESTS, organisation_identifier=counterparty.identifier)
    items = (
        DeclarationItem.objects.filter(wanted, declaration__created_at__date__lte=on)
        .exclude(declaration__status=Declaration.Status.SUPERSEDED)
        .order_by("person_identifier", "id")
    )
    found: list[str] = []
    for item in items[:10]:
        if item.section == Section.RELATIVES:
            found.append(
                deferred(
                    gettext_noop("%(name)s: declared by an employee as a relative (%(relation)s)"),
                    name=people[item.person_identifier],
                    relation=Relation(item.relation).label if item.relation in Relation.values else item.relation,
                )
            )
        elif item.holder == Holder.RELATIVE:
            found.append(deferred(gettext_noop("An employee declared a relative's interest in this counterparty")))
        else:
            found.append(deferred(gettext_noop("An employee declared their own interest in this counterparty")))
    return deferred_join(found)
