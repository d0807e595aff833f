"""Helpers for awareness tests: documents through the services, as an officer would register them."""

import datetime as dt
from typing import Any

from senim.accounts.tests.factories import user_with_role
from senim.awareness import services
from senim.awareness.models import Document, DocumentVersion
from senim.conflicts.tests.factories import employee_user

__all__ = ["adopt", "adopted_code", "employee_user", "officer"]

DAY = dt.date(2026, 3, 2)


def officer(**kwargs: Any) -> Any:
    return user_with_role("officer", **kwargs)


def adopt(actor: Any, version: DocumentVersion, day: dt.date = DAY, number: str = "7") -> DocumentVersion:
    services.version_submit(actor=actor, version=version, approving_body="board", submitted_on=day)
    return services.version_adopt(actor=actor, version=version, decision_number=number, decision_date=day)


def adopted_code(group: Any, actor: Any = None, *, code: str = "AC-CODE", day: dt.date = DAY) -> Document:
    """The Anti-Corruption Code of the group, in force from `day`, applying to both companies."""
    actor = actor or officer()
    document = services.document_create(
        actor=actor,
        kind="code",
        code=code,
        titles={
            "ru": "Антикоррупционный кодекс",
            "kk": "Сыбайлас жемқорлыққа қарсы кодекс",
            "en": "Anti-Corruption Code",
        },
        company=group.a,
        companies=[group.a, group.b],
        texts={"ru": "Работник не даёт и не получает взяток.", "kk": "Жұмыскер пара бермейді және алмайды."},
    )
    adopt(actor, document.versions.get(), day)
    document.refresh_from_db()
    return document
