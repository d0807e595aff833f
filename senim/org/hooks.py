"""Who wants to know when employee records change (org cannot import the apps above it).

The accounts app registers here to create, link and deactivate employees' accounts after an HR
import or a dismissal. Callbacks run inside the writer's transaction, so the records and what
follows from them commit together.
"""

import uuid
from collections.abc import Callable, Iterable

from senim.core.access import Actor

EmployeesChanged = Callable[[Actor | None, list[uuid.UUID]], None]
_listeners: list[EmployeesChanged] = []


def on_employees_changed(callback: EmployeesChanged) -> EmployeesChanged:
    if callback not in _listeners:
        _listeners.append(callback)
    return callback


def employees_changed(actor: Actor | None, employee_ids: Iterable[uuid.UUID]) -> None:
    ids = list(employee_ids)
    if ids:
        for listener in _listeners:
            listener(actor, ids)
