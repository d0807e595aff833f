"""Labels for the evidence of detection alerts, in the reader's language."""

from django import template
from django.utils.translation import gettext as _

from senim.conflicts.models import Relation

register = template.Library()


@register.filter
def match_how(value: str) -> str:
    return {"identifier": _("same IIN, PINFL, BIN or STIR"), "name": _("name (no shared identifier)")}.get(
        value, value or "—"
    )


@register.filter
def side_role(value: str) -> str:
    return {
        "employee": _("Employee"),
        "relative": _("Declared relative"),
        "declared_company": _("Declared company"),
        "owner": _("Owner of the counterparty"),
        "manager": _("Manager of the counterparty"),
        "counterparty": _("Counterparty"),
    }.get(value, value or "—")


@register.filter
def relation_label(value: str) -> str:
    return str(dict(Relation.choices).get(value, value or "—"))
