"""Evidence files of a verification: supporting documents (extracts, screenshots, letters) the officers
attach while the verification is in progress; kept in Django's storage, every change audited."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from senim.core.access import Actor, require
from senim.core.audit import audit_record
from senim.core.uploads import check_upload
from senim.counterparties import policy
from senim.counterparties.models import CaseEvidence, VerificationCase


def _require_open(actor: Actor, case: VerificationCase) -> None:
    require(actor, policy.VERIFY, company_id=case.company_id, unit_id=case.unit_id)
    if case.status != VerificationCase.Status.OPEN:
        raise ValidationError(_("Evidence can be added or removed only while the verification is in progress."))


def case_evidence_add(*, actor: Actor, case: VerificationCase, upload: object, note: str = "") -> CaseEvidence:
    """Attach a supporting document to a verification in progress (size, kind by content and name
    checked by `core.uploads`); the stored file is removed again if the row cannot be written."""
    _require_open(actor, case)
    checked = check_upload(upload, field="file")
    evidence = CaseEvidence(
        case=case,
        name=checked.name,
        content_type=checked.content_type,
        size=checked.size,
        note=(note or "").strip()[:300],
        uploaded_by=actor if getattr(actor, "is_authenticated", False) else None,  # type: ignore[misc]
    )
    # The stored name is generated: the person's name is kept in `name`, never used as a path.
    evidence.file.save(f"{evidence.pk.hex}.{checked.kind}", upload, save=False)  # type: ignore[arg-type]
    try:
        with transaction.atomic():
            evidence.full_clean()
            evidence.save()
            audit_record(
                actor=actor,
                event_type="counterparties.verification.evidence_added",
                obj=case,
                changes={"evidence": [None, evidence.name], "size": [None, evidence.size]},
            )
    except Exception:
        evidence.file.delete(save=False)
        raise
    return evidence


def case_evidence_remove(*, actor: Actor, evidence: CaseEvidence) -> None:
    """Remove a supporting document from a verification still in progress."""
    case = evidence.case
    _require_open(actor, case)
    with transaction.atomic():
        audit_record(
            actor=actor,
            event_type="counterparties.verification.evidence_removed",
            obj=case,
            changes={"evidence": [evidence.name, None]},
        )
        stored, storage = evidence.file.name or "", evidence.file.storage
        evidence.delete()
        transaction.on_commit(lambda: storage.delete(stored))


def case_evidence_downloaded(*, actor: Actor, evidence: CaseEvidence) -> None:
    """Record that someone who may see the verification downloaded one of its evidence files."""
    audit_record(
        actor=actor,
        event_type="counterparties.verification.evidence_downloaded",
        obj=evidence.case,
        changes={"evidence": evidence.name},
    )
