"""Events about sensitive objects are read only by those who may read the object.

An audit event names its object (type and id) and says what happened to it; for a Speak Up case
or a declaration of interests that alone tells a reader something: who was linked to a case, who
opened it and when, whose declaration was reviewed. Each app that owns such objects registers,
from its AppConfig.ready(), the object types concerned and the selector that decides who may read
them. `audit_event_list` then shows an event about such an object only when the object is among
those the reader may see through that selector: the module's own rules (a person named in a case
is kept out of it) apply to its audit trail as well. An object type nobody registered is governed
by the audit permission alone.
"""

from collections.abc import Callable
from typing import Any

from django.db import connection
from django.db.models import CharField, Q, QuerySet, UUIDField, Value
from django.db.models.functions import Cast, Concat, Substr

from senim.core.access import Actor

# object_type -> a function giving the objects the actor may read
_sensitive: dict[str, Callable[[Actor], QuerySet[Any]]] = {}


def register_sensitive(object_type: str, visible: Callable[[Actor], QuerySet[Any]]) -> None:
    """Events whose object_type is `object_type` are shown only for objects in `visible(actor)`."""
    _sensitive[object_type] = visible


def sensitive_types() -> frozenset[str]:
    return frozenset(_sensitive)


def _ids_as_text(qs: QuerySet[Any]) -> QuerySet[Any]:
    """The primary keys of `qs` as the text `audit.describe` stores (`str(pk)`), as a subquery."""
    qs = qs.order_by()
    if not isinstance(qs.model._meta.pk, UUIDField):
        return qs.annotate(_audit_id=Cast("pk", CharField())).values("_audit_id")
    if connection.vendor == "postgresql":
        return qs.annotate(_audit_id=Cast("pk", CharField())).values("_audit_id")
    # SQLite keeps a UUID as 32 hex digits: put back the dashes str(uuid) has.
    hex_id = Cast("pk", CharField())
    parts: list[Any] = []
    for start, length in ((1, 8), (9, 4), (13, 4), (17, 4), (21, 12)):
        if parts:
            parts.append(Value("-"))
        parts.append(Substr(hex_id, start, length))
    return qs.annotate(_audit_id=Concat(*parts, output_field=CharField())).values("_audit_id")


def sensitive_filter(actor: Actor) -> Q:
    """A condition on AuditEvent: not about a sensitive object, or about one the actor may read."""
    condition = Q()
    for object_type, visible in _sensitive.items():
        condition &= ~Q(object_type=object_type) | Q(object_id__in=_ids_as_text(visible(actor)))
    return condition
