"""Helpers shared by every app's services: validated, audited saves."""

from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from django.db import models, transaction

from senim.core.audit import audit_record, diff, snapshot

M = TypeVar("M", bound=models.Model)


def model_create(*, actor: Any, instance: M, event_type: str, fields: Iterable[str]) -> M:
    """Validate and insert `instance`, recording `event_type` with the values of `fields`."""
    fields = list(fields)
    with transaction.atomic():
        instance.full_clean()
        instance.save(force_insert=True)
        audit_record(actor=actor, event_type=event_type, obj=instance, changes=diff({}, snapshot(instance, fields)))
    return instance


def model_update(*, actor: Any, instance: M, data: Mapping[str, Any], fields: Iterable[str], event_type: str) -> M:
    """Apply the allowed `fields` of `data` to `instance`; validate, save and audit old → new.

    Keys outside `fields` are ignored, so callers can pass form data without whitelisting twice.
    An update that changes nothing writes nothing.
    """
    fields = list(fields)
    with transaction.atomic():
        before = snapshot(instance, fields)
        for name in fields:
            if name in data:
                setattr(instance, name, data[name])
        after = snapshot(instance, fields)
        changes = diff(before, after)
        if not changes:
            return instance
        instance.full_clean()
        instance.save()
        audit_record(actor=actor, event_type=event_type, obj=instance, changes=changes)
    return instance
