"""Baseline figures: selectors and services (see `senim.core.indicators` for how they are shown).

A figure is kept per indicator, year and company (or the whole group, company None). Entering a
figure for a key that already has one replaces its value and source; both are audited.
"""

import uuid
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from senim.core import indicators
from senim.core.access import Actor, require
from senim.core.audit import audit_record
from senim.core.models import BaselineFigure
from senim.core.policy import ENTER_BASELINES, VIEW_INDICATORS
from senim.core.services import model_create, model_update

FIELDS = ["code", "year", "company_id", "value", "source"]
EARLIEST_YEAR = 2000


def baseline_list(*, actor: Actor, year: int | None = None, code: str = "") -> QuerySet[BaselineFigure]:
    """The baseline figures the actor may see: group-wide figures only for group-wide readers."""
    scope = require(actor, VIEW_INDICATORS)
    queryset = BaselineFigure.objects.all()
    if not scope.everything:
        queryset = queryset.filter(company_id__in=scope.company_ids)
    if year is not None:
        queryset = queryset.filter(year=year)
    if code:
        queryset = queryset.filter(code=code)
    return queryset.order_by("-year", "code")


def baseline_get(*, actor: Actor, baseline_id: uuid.UUID | str) -> BaselineFigure:
    return baseline_list(actor=actor).get(id=baseline_id)


def _require_enter(actor: Actor | None, company_id: uuid.UUID | None) -> None:
    scope = require(actor, ENTER_BASELINES)
    if company_id is None:
        if not scope.everything:
            from senim.core.access import PermissionDenied

            raise PermissionDenied(ENTER_BASELINES)
    else:
        require(actor, ENTER_BASELINES, company_id=company_id)


def _clean(code: str, year: Any, value: Any, source: str) -> tuple[str, int, Decimal, str]:
    errors: dict[str, str] = {}
    code = (code or "").strip()
    if indicators.get_indicator(code) is None:
        errors["code"] = _("There is no indicator %(code)s.") % {"code": code or "—"}
    try:
        year = int(year)
    except (TypeError, ValueError):
        errors["year"] = _("Give the year as a number, e.g. 2024.")
        year = 0
    else:
        current = timezone.localdate().year
        if not EARLIEST_YEAR <= year <= current:
            errors["year"] = _("The year must be between %(first)s and %(last)s.") % {
                "first": EARLIEST_YEAR,
                "last": current,
            }
    try:
        amount = Decimal(str(value).replace(" ", "").replace("\u00a0", "").replace(",", "."))
        if not amount.is_finite() or amount < 0:
            raise InvalidOperation
    except (InvalidOperation, ValueError):
        errors["value"] = _("Give the value as a number that is not negative.")
        amount = Decimal(0)
    source = (source or "").strip()
    if not source:
        errors["source"] = _("Say where the figure comes from, e.g. “annual report 2024, p. 57”.")
    if errors:
        raise ValidationError(errors)
    return code, year, amount, source


def baseline_set(
    *, actor: Actor | None, code: str, year: Any, value: Any, source: str, company_id: uuid.UUID | None = None
) -> tuple[BaselineFigure, bool]:
    """Enter (or replace) the figure for an indicator, a year and a company (None: the group).
    Returns the figure and whether it was created."""
    _require_enter(actor, company_id)
    code, year, amount, source = _clean(code, year, value, source)
    with transaction.atomic():
        existing = (
            BaselineFigure.objects.select_for_update().filter(code=code, year=year, company_id=company_id).first()
        )
        if existing is None:
            figure = BaselineFigure(
                code=code,
                year=year,
                company_id=company_id,
                value=amount,
                source=source,
                entered_by_id=getattr(actor, "pk", None),
            )
            return model_create(actor=actor, instance=figure, event_type="core.baseline.entered", fields=FIELDS), True
        data = {"value": amount, "source": source}
        figure = model_update(
            actor=actor, instance=existing, data=data, fields=FIELDS, event_type="core.baseline.updated"
        )
        return figure, False


def baseline_delete(*, actor: Actor | None, figure: BaselineFigure) -> None:
    _require_enter(actor, figure.company_id)
    with transaction.atomic():
        audit_record(
            actor=actor,
            event_type="core.baseline.deleted",
            obj=figure,
            changes={"value": [str(figure.value), None], "source": [figure.source, None]},
        )
        figure.delete()
