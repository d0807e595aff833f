"""Writes of the ISO 37001 evidence: upload a document for a clause, remove one."""

import datetime as dt
import uuid
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from senim.core.access import Actor, PermissionDenied, require
from senim.core.audit import audit_record
from senim.core.services import model_create
from senim.core.uploads import check_upload_size
from senim.reports import iso37001, policy
from senim.reports.models import EvidenceDocument


def _require(actor: Actor, company_id: uuid.UUID | None) -> None:
    scope = require(actor, policy.EDIT, **({"company_id": company_id} if company_id else {}))
    if company_id is None and not scope.everything:
        raise PermissionDenied(policy.EDIT)


def evidence_upload(
    *,
    actor: Actor,
    company_id: uuid.UUID | None,
    clause: str,
    title: str,
    dated: dt.date,
    file: Any = None,
    note: str = "",
) -> EvidenceDocument:
    _require(actor, company_id)
    if iso37001.get_clause(clause) is None and iso37001.get_clause(clause, "2025") is None:
        raise ValidationError({"clause": _("Unknown clause.")})
    if dated > timezone.localdate():
        raise ValidationError({"dated": _("The date is in the future.")})
    check_upload_size(file, field="file")
    document = EvidenceDocument(
        company_id=company_id,
        clause=clause,
        title=title.strip(),
        dated=dated,
        note=note,
        uploaded_by=actor,  # type: ignore[misc]
    )
    if file is not None:
        document.file = file
    return model_create(
        actor=actor, instance=document, event_type="reports.evidence.uploaded", fields=["clause", "title", "dated"]
    )


def evidence_remove(*, actor: Actor, document: EvidenceDocument) -> None:
    _require(actor, document.company_id)
    with transaction.atomic():
        audit_record(
            actor=actor,
            event_type="reports.evidence.removed",
            obj=document,
            changes={"clause": [document.clause, None], "title": [document.title, None]},
        )
        if document.file:
            document.file.delete(save=False)
        document.delete()
