"""Event dates: the day a counted record's event happened, kept apart from when it was entered.

Every record an indicator counts carries the date of its event (filed, decided, submitted,
reviewed, received, done …), which staff may set when entering a record from paper or another
system. Indicators count by that date, never by `created_at`. This module is the one place that
checks such dates, for every app (counterparties, speakup, conflicts, and the awareness,
learning, risks and examination modules):

    backdated = check_event_dates(
        actor=actor,
        company_id=company.id,
        founded_on=company.founded_on,
        dates={"filed_on": filed_on, "decided_on": decided_on},
        labels={"filed_on": _("Filed on"), "decided_on": _("Decided on")},
        order=[("filed_on", "decided_on")],
    )

It refuses, each with a clear translated error naming the field, a date in the future, a date
before the company existed, dates out of order, and a back-dated entry by someone who may not
back-date (`core.backdate`: officers and administrators, the roles that enter paper records). It
returns whether the entry is back-dated, which the caller stores on the record (a `backdated`
flag beside its `created_at`) and adds to its audit event (`backdated_changes`), so the trail says
who entered the past record and when.
"""

import datetime as dt
import uuid
from collections.abc import Mapping, Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import formats, timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from senim.core.access import Actor, scope_of
from senim.core.policy import BACKDATE


def _day(value: dt.date | dt.datetime | None) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


def may_backdate(actor: Actor | None, company_id: uuid.UUID | None) -> bool:
    """Whether `actor` may enter records dated before today for the company (`SYSTEM` may)."""
    scope = scope_of(actor, BACKDATE)
    return scope.everything if company_id is None else scope.covers(company_id=company_id)


def check_event_dates(
    *,
    actor: Actor | None,
    company_id: uuid.UUID | None,
    dates: Mapping[str, dt.date | dt.datetime | None],
    founded_on: dt.date | None = None,
    labels: Mapping[str, str | Promise] | None = None,
    order: Sequence[tuple[str, str]] = (),
    today: dt.date | None = None,
    recorded: Mapping[str, dt.date | dt.datetime | None] | None = None,
    past_allowed: bool = False,
) -> bool:
    """Check a record's event dates (None: not set); return whether any is before today.
    `recorded`: dates the record already holds (e.g. filed on, when a decision is entered), used for
    the order only, never checked again nor counted as back-dating by whoever enters the next one.
    `past_allowed`: these events are by nature entered after they happen (a gift is declared after
    it was received), so a past date needs no back-dating permission and is not back-dating (the
    result is False); the future, before the founding and the order are still refused.
    Raises ValidationError naming every offending field."""
    today = today or timezone.localdate()
    labels = labels or {}
    days = {name: _day(value) for name, value in dates.items()}
    known = {name: _day(value) for name, value in (recorded or {}).items()} | days
    errors: dict[str, list[str]] = {}

    def label(name: str) -> str:
        return str(labels.get(name, name))

    def fail(name: str, message: str) -> None:
        errors.setdefault(name, []).append(message)

    for name, day in days.items():
        if day is None:
            continue
        if day > today:
            fail(name, _("%(field)s cannot be in the future.") % {"field": label(name)})
        elif founded_on is not None and day < founded_on:
            fail(
                name,
                _("%(field)s is before the company existed (founded on %(founded)s).")
                % {"field": label(name), "founded": formats.date_format(founded_on, "SHORT_DATE_FORMAT")},
            )
    for earlier, later in order:
        first, second = known.get(earlier), known.get(later)
        if first is not None and second is not None and second < first:
            fail(
                later, _("%(later)s cannot be before %(earlier)s.") % {"later": label(later), "earlier": label(earlier)}
            )
    backdated = not past_allowed and any(day is not None and day < today for day in days.values())
    if backdated and not errors and not may_backdate(actor, company_id):
        past = next(name for name, day in days.items() if day is not None and day < today)
        fail(
            past,
            _("Only compliance officers and administrators may enter past dates (records from paper, other systems)."),
        )
    if errors:
        raise ValidationError(errors)
    return backdated


def is_backdated(created_at: dt.datetime | None, *dates: dt.date | dt.datetime | None) -> bool:
    """Whether a record was entered after the day of any of its events (`created_at`: when it was
    entered): the mark a back-dated record carries on its pages and in the API."""
    if created_at is None:
        return False
    entered = _day(created_at)
    assert entered is not None
    return any(day is not None and day < entered for day in map(_day, dates))


def backdated_changes(backdated: bool) -> dict[str, Any]:
    """What to add to a record's audit changes when it was back-dated (the event itself records
    who entered it and when)."""
    return {"backdated": [None, True]} if backdated else {}


def event_moment(day: dt.date | None) -> dt.datetime | None:
    """The time stored for an event known by its day only (an import, a paper record): noon of that
    day, never later than now."""
    if day is None:
        return None
    return min(timezone.make_aware(dt.datetime.combine(day, dt.time(12))), timezone.now())
