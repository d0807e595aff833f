"""Helpers shared by every app's services: validated, audited saves."""

from collections.abc import Iterable, Mapping
from typing import Any, TypeVar, cast

from django.db import models, transaction

from senim.core.audit import audit_record, diff, snapshot

M = TypeVar("M", bound=models.Model)


def model_create(
    *, actor: Any, instance: M, event_type: str, fields: Iterable[str], extra: Mapping[str, Any] | None = None
) -> M:
    """Validate and insert `instance`, recording `event_type` with the values of `fields` (and
    `extra` changes, e.g. `core.eventdates.backdated_changes`)."""
    fields = list(fields)
    with transaction.atomic():
        instance.full_clean()
        instance.save(force_insert=True)
        changes = {**diff({}, snapshot(instance, fields)), **(extra or {})}
        audit_record(actor=actor, event_type=event_type, obj=instance, changes=changes)
    return instance


def model_stored(instance: M) -> M:
    """The instance's row as stored, whatever a bound form has written into the instance since:
    what a service checks permissions against before an update may move the object."""
    return cast(M, instance._meta.model._base_manager.get(pk=instance.pk))


def model_update(
    *,
    actor: Any,
    instance: M,
    data: Mapping[str, Any],
    fields: Iterable[str],
    event_type: str,
    extra: Mapping[str, Any] | None = None,
) -> M:
    """Apply the allowed `fields` of `data` to `instance`; validate, save and audit old → new.

    "Old" is the stored row, read and locked (`select_for_update`) in this transaction, not the
    instance: a form may already have written its values into the instance, and a concurrent edit
    then waits instead of being overwritten unseen. Only the fields that differ from the stored row
    are saved. Keys outside `fields` are ignored, so callers can pass form data without whitelisting
    twice. An update that changes nothing writes nothing.
    """
    fields = list(fields)
    with transaction.atomic():
        stored = instance._meta.model._base_manager.select_for_update().get(pk=instance.pk)
        before = snapshot(stored, fields)
        for name in fields:
            if name in data:
                setattr(instance, name, data[name])
        changes = diff(before, snapshot(instance, fields))
        if not changes:
            return instance
        instance.full_clean()
        instance.save(update_fields=_changed_fields(stored, instance))
        audit_record(actor=actor, event_type=event_type, obj=instance, changes={**changes, **(extra or {})})
    return instance


def _changed_fields(stored: models.Model, instance: models.Model) -> list[str]:
    """The concrete fields whose value differs from the stored row (including values `clean()` or
    the service derived, such as a search text), and the auto-updated timestamps."""
    return [
        field.name
        for field in instance._meta.concrete_fields
        if not field.primary_key
        and (getattr(field, "auto_now", False) or getattr(stored, field.attname) != getattr(instance, field.attname))
    ]
