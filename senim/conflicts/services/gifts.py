"""Gifts and hospitality: declaring, the threshold check, approval, handing over; thresholds."""

import datetime as dt
import uuid
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any, cast

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from senim.conflicts import gift_texts, policy
from senim.conflicts.models import Gift, GiftKind, GiftThreshold, PartyKind, ThresholdUnit
from senim.core.access import Actor, PermissionDenied, require, scope_of
from senim.core.approvals import Decision, decision_record
from senim.core.audit import audit_record
from senim.core.eventdates import backdated_changes, check_event_dates
from senim.counterparties import selectors as counterparty_selectors
from senim.org.models import Employee
from senim.screening.engine import name_keys

# ISO 4217 codes accepted for a gift's value; anything else is refused.
CURRENCIES = ("KZT", "UZS", "RUB", "USD", "EUR", "CNY", "GBP", "TRY", "AED", "KGS")
LOCAL_UNIT = {"KZ": (ThresholdUnit.MRP, "KZT"), "UZ": (ThresholdUnit.BRV, "UZS")}
MAX_VALUE = Decimal("999999999999")


def _text(value: Any, limit: int = 300) -> str:
    return str(value or "").replace("\x00", "").strip()[:limit]


def source_key(name: str, organisation: str) -> str:
    """One key per giver or receiver, so that repeated gifts from one source are counted together
    whatever the spelling or script (the screening engine's romanised key; legal forms left out)."""
    who = organisation or name
    schema = "Organization" if organisation else "Person"
    keys = name_keys(who, schema)
    return (keys[0] if keys else who.casefold())[:300]


def _amount(value: Any) -> Decimal:
    try:
        amount = Decimal(str(value).replace(" ", "").replace(",", "."))
    except (InvalidOperation, ValueError) as error:
        raise ValidationError({"value": _("Enter the value as a number.")}) from error
    if not amount.is_finite():
        raise ValidationError({"value": _("Enter the value as a number.")})
    if amount < 0:
        raise ValidationError({"value": _("The value cannot be negative.")})
    if amount > MAX_VALUE:
        raise ValidationError({"value": _("The value is too large.")})
    return amount.quantize(Decimal("0.01"))


def threshold_for(country: str, year: int) -> GiftThreshold | None:
    return GiftThreshold.objects.filter(country=country, year=year).first()


def gift_assess(
    gift: Gift, country: str, threshold_of: Callable[[str, int], GiftThreshold | None] = threshold_for
) -> tuple[str, dict[str, Any]]:
    """(status, facts): whether the gift needs approval, and the facts that say why
    (conflicts.gift_texts writes them as a sentence in the reader's language). `threshold_of`:
    how the year's threshold is found (an import passes a cached lookup)."""
    base = {"value": str(gift.value), "currency": gift.currency}
    if gift.kind == GiftKind.DECLINED:
        return Gift.Status.RECORDED, {**base, "reason": gift_texts.DECLINED}
    if gift.party_kind == PartyKind.OFFICIAL:
        return Gift.Status.PENDING, {**base, "reason": gift_texts.OFFICIAL}
    year = gift.date.year
    threshold = threshold_of(country, year)
    if threshold is None:
        return Gift.Status.PENDING, {**base, "reason": gift_texts.NO_THRESHOLD, "country": country, "year": year}
    if gift.currency != threshold.currency:
        return Gift.Status.PENDING, {
            **base,
            "reason": gift_texts.OTHER_CURRENCY,
            "threshold_currency": threshold.currency,
        }
    limit = threshold.amount
    facts = {
        **base,
        "country": country,
        "year": year,
        "unit": threshold.unit,
        "units": str(threshold.units.normalize()),
        "unit_value": str(threshold.unit_value),
        "threshold": str(limit.quantize(Decimal("0.01"))),
        "value_units": str((gift.value / threshold.unit_value).quantize(Decimal("0.01"))),
    }
    if gift.value > limit:
        return Gift.Status.PENDING, {**facts, "reason": gift_texts.ABOVE}
    return Gift.Status.RECORDED, {**facts, "reason": gift_texts.WITHIN}


def gift_declare(*, actor: Actor | None, employee: Employee, today: dt.date | None = None, **data: Any) -> Gift:
    """Declare a gift or hospitality for oneself; an officer may record one for an employee in
    scope; None is the system (demo data). Unknown currencies, negative values, future dates and
    dates before the company existed are refused; a past date needs no back-dating right (gifts
    are declared after they happen)."""
    if not scope_of(actor, policy.DECLARE).covers(employee_id=employee.pk):
        require(actor, policy.REVIEW, company_id=employee.company_id, unit_id=employee.unit_id)
    errors: dict[str, str] = {}
    kind, party_kind = data.get("kind"), data.get("party_kind")
    if kind not in GiftKind.values:
        errors["kind"] = _("Choose received, given, offered or declined.")
    if party_kind not in PartyKind.values:
        errors["party_kind"] = _("Choose who the other party is.")
    currency = _text(data.get("currency"), 10).upper()
    if currency not in CURRENCIES:
        errors["currency"] = _("Unknown currency.")
    date = data.get("date")
    if not isinstance(date, dt.date):
        errors["date"] = _("Enter a valid date.")
    else:
        try:
            check_event_dates(
                actor=actor,
                company_id=employee.company_id,
                founded_on=employee.company.founded_on,
                dates={"date": date},
                labels={"date": _("Date of the gift")},
                today=today,
                past_allowed=True,
            )
        except ValidationError as error:
            errors["date"] = error.message_dict["date"][0]
    for name in ("party_name", "occasion", "description"):
        if not _text(data.get(name)):
            errors[name] = _("This field is required.")
    try:
        value = _amount(data.get("value"))
    except ValidationError as error:
        errors.update({k: v[0] for k, v in error.message_dict.items()})
    if errors:
        raise ValidationError(errors)
    gift = Gift(
        employee=employee,
        company_id=employee.company_id,
        unit_id=employee.unit_id,
        kind=cast(str, kind),
        is_hospitality=bool(data.get("is_hospitality")),
        party_kind=cast(str, party_kind),
        party_name=_text(data.get("party_name")),
        party_organisation=_text(data.get("party_organisation")),
        occasion=_text(data.get("occasion")),
        description=_text(data.get("description"), 5000),
        value=value,
        currency=currency,
        date=cast(dt.date, date),
        declared_by_id=cast(uuid.UUID, actor.pk) if actor is not None else None,
    )
    gift.source_key = source_key(gift.party_name, gift.party_organisation)
    gift.status, gift.threshold_facts = gift_assess(gift, employee.company.country)
    with transaction.atomic():
        gift.full_clean()
        gift.save(force_insert=True)
        audit_record(
            actor=actor,
            event_type="conflicts.gift.declared",
            obj=gift,
            changes={
                "kind": [None, gift.kind],
                "party": [None, gift.party_organisation or gift.party_name],
                "value": [None, str(gift.value)],
                "currency": [None, gift.currency],
                "status": [None, gift.status],
            },
        )
    return gift


# The approval step of a gift over the threshold (senim.core.approvals; adapter: conflicts.approvals).
STEP_GIFT = "gift.decision"


def gift_decide(*, actor: Actor, gift: Gift, approve: bool, comment: str, decided_on: dt.date | None = None) -> Gift:
    """Approve or refuse a gift awaiting approval; nobody decides their own gift. `decided_on`: the
    day it was decided, for a decision taken on paper before it was entered (back-dating: officers
    and administrators; never before the gift's date nor in the future)."""
    require(actor, policy.APPROVE_GIFTS, company_id=gift.company_id, unit_id=gift.unit_id)
    if gift.employee_id == getattr(actor, "employee_id", None):
        raise PermissionDenied(policy.APPROVE_GIFTS)
    if gift.status != Gift.Status.PENDING:
        raise ValidationError(_("This gift is not awaiting approval."))
    comment = _text(comment, 5000)
    if not approve and not comment:
        raise ValidationError({"comment": _("Give the reason for the refusal.")})
    backdated = False
    if decided_on is not None:
        backdated = check_event_dates(
            actor=actor,
            company_id=gift.company_id,
            founded_on=gift.company.founded_on,
            dates={"decided_on": decided_on},
            labels={"decided_on": _("Decided on"), "date": _("Date of the gift")},
            order=[("date", "decided_on")],
            recorded={"date": gift.date},
        )
    with transaction.atomic():
        before = gift.status
        gift.status = Gift.Status.APPROVED if approve else Gift.Status.REFUSED
        gift.decided_by_id = cast(uuid.UUID, actor.pk)
        gift.decided_at = timezone.now()
        if backdated:
            assert decided_on is not None
            gift.decided_at = timezone.make_aware(dt.datetime.combine(decided_on, dt.time(12)))
        gift.decision_comment = comment
        gift.save()
        audit_record(
            actor=actor,
            event_type="conflicts.gift.decided",
            obj=gift,
            changes={
                "status": [before, gift.status],
                "comment": [None, comment],
                **({"decided_at": [None, gift.decided_at]} if backdated else {}),
                **backdated_changes(backdated),
            },
        )
        decision_record(
            actor=actor,
            obj=gift,
            step=STEP_GIFT,
            decision=Decision.APPROVE if approve else Decision.REFUSE,
            comment=comment,
        )
    return gift


def gift_hand_over(
    *, actor: Actor, gift: Gift, date: dt.date, received_by: str, storage: str = "", today: dt.date | None = None
) -> Gift:
    """Record that a received gift was handed over to the company (the register of gifts)."""
    require(actor, policy.REVIEW, company_id=gift.company_id, unit_id=gift.unit_id)
    if gift.kind not in {GiftKind.RECEIVED, GiftKind.OFFERED}:
        raise ValidationError(_("Only a received gift can be handed over."))
    if gift.handed_over_at is not None:
        raise ValidationError(_("This gift has already been handed over."))
    errors = {}
    if date > (today or timezone.localdate()):
        errors["date"] = _("The date is in the future.")
    if date < gift.date:
        errors["date"] = _("The gift cannot be handed over before it was received.")
    if not _text(received_by):
        errors["received_by"] = _("This field is required.")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        gift.handed_over_at, gift.handed_over_to, gift.storage = date, _text(received_by), _text(storage)
        gift.save()
        audit_record(
            actor=actor,
            event_type="conflicts.gift.handed_over",
            obj=gift,
            changes={"handed_over_at": [None, date], "handed_over_to": [None, gift.handed_over_to]},
        )
    return gift


def gift_link_counterparty(*, actor: Actor, gift: Gift, identifier: str) -> Gift:
    """Link a gift to the counterparty of the register with this BIN or STIR (a reviewer who can
    read the register). Gifts linked to one counterparty count as one source, whatever the spelling
    of the free-text organisation."""
    require(actor, policy.VIEW_GIFTS, company_id=gift.company_id, unit_id=gift.unit_id)
    identifier = _text(identifier, 40).replace(" ", "")
    found = None
    for country in ("KZ", "UZ"):
        found = counterparty_selectors.counterparty_by_identifier(actor=actor, country=country, identifier=identifier)
        if found is not None:
            break
    if found is None:
        raise ValidationError({"identifier": _("No counterparty of the register has this BIN or STIR.")})
    with transaction.atomic():
        before = str(gift.counterparty_id) if gift.counterparty_id else None
        gift.counterparty = found
        gift.source_key = f"counterparty:{found.pk}"
        gift.save(update_fields=["counterparty", "source_key", "updated_at"])
        audit_record(
            actor=actor, event_type="conflicts.gift.linked", obj=gift, changes={"counterparty": [before, str(found.pk)]}
        )
    return gift


def threshold_set(*, actor: Actor, country: str, year: int, unit_value: Any, units: Any) -> GiftThreshold:
    """Set (or change) the value of the MRP (Kazakhstan) or BRV (Uzbekistan) for a year and the
    gift threshold in those units. Group-wide administrators only."""
    scope = require(actor, policy.CONFIGURE)
    if not scope.everything:
        raise PermissionDenied(policy.CONFIGURE)
    country = _text(country, 2).upper()
    if country not in LOCAL_UNIT:
        raise ValidationError({"country": _("Thresholds are set for Kazakhstan (KZ) and Uzbekistan (UZ).")})
    if not isinstance(year, int) or not 2000 <= year <= 2100:
        raise ValidationError({"year": _("Enter a year between 2000 and 2100.")})
    errors = {}
    amounts = {}
    for name, raw in (("unit_value", unit_value), ("units", units)):
        try:
            amounts[name] = _amount(raw)
        except ValidationError as error:
            errors[name] = error.message_dict["value"][0]
            continue
        if amounts[name] <= 0:
            errors[name] = _("The value must be positive.")
    if errors:
        raise ValidationError(errors)
    unit, currency = LOCAL_UNIT[country]
    with transaction.atomic():
        threshold = GiftThreshold.objects.select_for_update().filter(country=country, year=year).first()
        before = {"unit_value": str(threshold.unit_value), "units": str(threshold.units)} if threshold else {}
        if threshold is None:
            threshold = GiftThreshold(country=country, year=year, unit=unit, currency=currency)
        threshold.unit_value, threshold.units = amounts["unit_value"], amounts["units"]
        threshold.full_clean()
        threshold.save()
        after = {"unit_value": str(threshold.unit_value), "units": str(threshold.units)}
        audit_record(
            actor=actor,
            event_type="conflicts.threshold.set",
            obj=threshold,
            changes={k: [before.get(k), after[k]] for k in after},
        )
    return threshold
