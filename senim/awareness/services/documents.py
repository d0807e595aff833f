"""The registry of internal documents: drafting, the examination seam, submission for approval,
adoption, revision and repeal. Every step is audited with who did it and the decision's details."""

import datetime as dt
import hashlib
from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from senim.awareness import policy
from senim.awareness.models import ApprovingBody, Document, DocumentKind, DocumentVersion, VersionFile, VersionStatus
from senim.awareness.services.acknowledgements import ask_again
from senim.core import files
from senim.core.access import Actor, require
from senim.core.approvals import Decision, decision_record
from senim.core.audit import audit_record
from senim.core.eventdates import check_event_dates
from senim.core.i18n import CONTENT_LANGUAGES
from senim.examination import services as examination_services
from senim.examination.models import Kind as ExaminationKind
from senim.org.models import Company, Unit

FILE_SUFFIXES = (".pdf", ".docx", ".doc", ".odt", ".rtf", ".txt")
EXAMINABLE = (".docx", ".pdf", ".odt", ".txt")  # what senim.examination reads
MAX_TEXT = 500_000


def _clean(value: object, limit: int) -> str:
    return str(value or "").replace("\x00", "").strip()[:limit]


def _require(actor: Actor | None, document: Document | None = None, company: Company | None = None) -> None:
    """The actor manages documents of this company or owner unit (or is the system)."""
    company_id = document.company_id if document is not None else (company.pk if company else None)
    unit_id = document.owner_unit_id if document is not None else None
    require(actor, policy.MANAGE_DOCUMENTS, company_id=company_id, unit_id=unit_id)


def document_create(
    *,
    actor: Actor | None,
    kind: str,
    code: str,
    titles: Mapping[str, str],
    company: Company,
    companies: Iterable[Company] = (),
    owner_unit: Unit | None = None,
    texts: Mapping[str, str] | None = None,
) -> Document:
    """Register a document with its first version as a draft."""
    _require(actor, company=company)
    companies = list(companies) or [company]
    if owner_unit is not None and owner_unit.company_id != company.pk:
        raise ValidationError({"owner_unit": _("The owner unit must belong to the owner company.")})
    document = Document(kind=kind, code=_clean(code, 50), company=company, owner_unit=owner_unit)
    for language in CONTENT_LANGUAGES:
        setattr(document, f"title_{language}", _clean(titles.get(language), 400))
    if not any(titles.get(language) for language in CONTENT_LANGUAGES):
        raise ValidationError({"title_ru": _("Give the title in at least one language.")})
    with transaction.atomic():
        document.full_clean()
        document.save(force_insert=True)
        document.companies.set(companies)
        version = DocumentVersion(document=document, number=1)
        _set_texts(version, texts or {})
        version.full_clean()
        version.save(force_insert=True)
        audit_record(
            actor=actor,
            event_type="awareness.document.created",
            obj=document,
            company_id=company.pk,
            changes={
                "kind": [None, kind],
                "code": [None, document.code],
                "title": [None, str(document.title)],
                "companies": [None, [str(c.pk) for c in companies]],
            },
        )
    return document


def _set_texts(version: DocumentVersion, texts: Mapping[str, str]) -> None:
    for language in CONTENT_LANGUAGES:
        if language in texts:
            setattr(version, f"text_{language}", _clean(texts[language], MAX_TEXT))


def _transition(
    *, actor: Actor | None, version: DocumentVersion, to: str, event: str, changes: dict[str, list[Any]]
) -> DocumentVersion:
    before = version.status
    version.status = to
    version.full_clean()
    version.save()
    audit_record(
        actor=actor,
        event_type=event,
        obj=version,
        company_id=version.document.company_id,
        changes={"status": [before, to], **changes},
    )
    return version


def version_update(
    *, actor: Actor | None, version: DocumentVersion, texts: Mapping[str, str], is_material: bool, change_note: str
) -> DocumentVersion:
    """Change the texts of a draft."""
    _require(actor, version.document)
    if version.status != VersionStatus.DRAFT:
        raise ValidationError(_("Only a draft can be edited."))
    with transaction.atomic():
        before = {f"text_{c}": getattr(version, f"text_{c}") for c in CONTENT_LANGUAGES}
        _set_texts(version, texts)
        version.is_material = is_material
        version.change_note = _clean(change_note, 500)
        version.full_clean()
        version.save()
        changed = [name for name, old in before.items() if getattr(version, name) != old]
        audit_record(
            actor=actor,
            event_type="awareness.version.updated",
            obj=version,
            company_id=version.document.company_id,
            changes={"texts": [None, changed], "is_material": [None, is_material]},
        )
    return version


FILE_AREA = "awareness/documents"


def version_attach(*, actor: Actor | None, version: DocumentVersion, language: str, upload: Any) -> VersionFile:
    """Attach the file of a draft in one language (replacing an earlier one in that language)."""
    _require(actor, version.document)
    if version.status not in {VersionStatus.DRAFT, VersionStatus.UNDER_EXAMINATION}:
        raise ValidationError(_("Files can be attached to a draft only."))
    name = _clean(getattr(upload, "name", ""), 200)
    if language not in CONTENT_LANGUAGES:
        raise ValidationError({"language": _("Choose the language of the file.")})
    if not name.lower().endswith(FILE_SUFFIXES) or not getattr(upload, "size", 0):
        raise ValidationError({"file": _("Attach a PDF, DOCX, DOC, ODT, RTF or TXT file.")})
    data = b"".join(upload.chunks())
    digest = hashlib.sha256(data)
    stored = files.file_save(FILE_AREA, data)
    with transaction.atomic():
        version.files.filter(language=language).delete()
        record = VersionFile.objects.create(
            version=version, language=language, name=name, stored=stored, sha256=digest.hexdigest(), size=upload.size
        )
        audit_record(
            actor=actor,
            event_type="awareness.version.file_attached",
            obj=version,
            company_id=version.document.company_id,
            changes={"file": [None, name], "language": [None, language], "sha256": [None, record.sha256]},
        )
    return record


def version_send_to_examination(*, actor: Actor, version: DocumentVersion) -> DocumentVersion:
    """Open an anti-corruption examination of a draft's file (`senim.examination`): the draft is
    under examination until `version_examination_done` finds the examination cleared."""
    _require(actor, version.document)
    if version.status != VersionStatus.DRAFT:
        raise ValidationError(_("Only a draft can be sent to examination."))
    record = _examinable_file(version)
    if record is None:
        raise ValidationError(_("Attach the draft's file (DOCX, PDF, ODT or TXT) before sending it to examination."))
    document = version.document
    with transaction.atomic():
        examination = examination_services.examination_create(
            actor=actor,
            title=f"{document.code} {document.title}, {version.number}"[:300],
            kind=ExaminationKind.ORDER if document.kind == DocumentKind.ORDER else ExaminationKind.INTERNAL_ACT,
            company_id=document.company_id,
            unit_id=document.owner_unit_id,
            file_name=record.name,
            data=files.file_read(record.stored),
        )
        version.examination = examination
        return _transition(
            actor=actor,
            version=version,
            to=VersionStatus.UNDER_EXAMINATION,
            event="awareness.version.examination",
            changes={"examination": [None, str(examination.pk)]},
        )


def _examinable_file(version: DocumentVersion) -> VersionFile | None:
    files = [f for f in version.files.all() if f.name.lower().endswith(EXAMINABLE)]
    order = {language: n for n, language in enumerate(CONTENT_LANGUAGES)}
    return min(files, key=lambda f: order.get(f.language, 99), default=None)


def version_examination_done(*, actor: Actor | None, version: DocumentVersion, note: str = "") -> DocumentVersion:
    """The examination is over and cleared the draft (concluded without unresolved findings, or the
    risk accepted): the version is a draft again, ready to be corrected or submitted."""
    _require(actor, version.document)
    if version.status != VersionStatus.UNDER_EXAMINATION:
        raise ValidationError(_("The version is not under examination."))
    if version.examination is not None and not examination_services.clearance(version.examination, actor=actor).allowed:
        raise ValidationError(
            _("The examination is not concluded, or it has findings nobody resolved or accepted the risk of.")
        )
    with transaction.atomic():
        return _transition(
            actor=actor,
            version=version,
            to=VersionStatus.DRAFT,
            event="awareness.version.examined",
            changes={"note": [None, _clean(note, 500)]},
        )


def version_submit(
    *, actor: Actor | None, version: DocumentVersion, approving_body: str, submitted_on: dt.date
) -> DocumentVersion:
    """Submit a draft to the approving body."""
    _require(actor, version.document)
    if version.status != VersionStatus.DRAFT:
        raise ValidationError(_("Only a draft can be submitted for approval."))
    if approving_body not in ApprovingBody.values:
        raise ValidationError({"approving_body": _("Choose the approving body.")})
    if not any(version.text_for(c) for c in CONTENT_LANGUAGES) and not version.files.exists():
        raise ValidationError(_("The version has neither a text nor a file."))
    # The day of the submission letter: a past day is its nature (not back-dating), the future is not.
    check_event_dates(
        actor=actor,
        company_id=None,
        dates={"submitted_on": submitted_on},
        labels={"submitted_on": _("Submitted on")},
        past_allowed=True,
    )
    with transaction.atomic():
        version.approving_body = approving_body
        version.submitted_on = submitted_on
        return _transition(
            actor=actor,
            version=version,
            to=VersionStatus.SUBMITTED,
            event="awareness.version.submitted",
            changes={"approving_body": [None, approving_body], "submitted_on": [None, submitted_on]},
        )


# The approval step of a version (senim.core.approvals; adapter: awareness.approvals): the approving
# body's decision, recorded by whoever manages the document.
STEP_ADOPTION = "awareness.version_adoption"


def version_return(*, actor: Actor | None, version: DocumentVersion, note: str = "") -> DocumentVersion:
    """The approving body sent the version back: it is a draft again."""
    _require(actor, version.document)
    if version.status != VersionStatus.SUBMITTED:
        raise ValidationError(_("Only a submitted version can be returned."))
    with transaction.atomic():
        version = _transition(
            actor=actor,
            version=version,
            to=VersionStatus.DRAFT,
            event="awareness.version.returned",
            changes={"note": [None, _clean(note, 500)]},
        )
        decision_record(
            actor=actor, obj=version, step=STEP_ADOPTION, decision=Decision.RETURN, comment=_clean(note, 500)
        )
        return version


def version_adopt(
    *,
    actor: Actor | None,
    version: DocumentVersion,
    decision_number: str,
    decision_date: dt.date,
    effective_date: dt.date | None = None,
    ask_again_deadline_days: int = 30,
    comment: str = "",
) -> DocumentVersion:
    """Record the approving body's decision: the version comes into force and the one before it
    is superseded. Open campaigns on earlier versions close; their unanswered employees (and,
    for a material change, everyone who acknowledged an earlier version) are asked again."""
    _require(actor, version.document)
    if version.status != VersionStatus.SUBMITTED:
        raise ValidationError(_("Only a version submitted for approval can be adopted."))
    decision_number = _clean(decision_number, 50)
    if not decision_number:
        raise ValidationError({"decision_number": _("Enter the number of the decision.")})
    effective = effective_date or decision_date
    if version.submitted_on and decision_date < version.submitted_on:
        raise ValidationError({"decision_date": _("The decision cannot precede the submission.")})
    # The decision's own date (counted by `awareness.documents_adopted`): never in the future; the
    # version may come into force later (`effective_date`).
    check_event_dates(
        actor=actor,
        company_id=None,
        dates={"decision_date": decision_date},
        labels={"decision_date": _("Decision date")},
        past_allowed=True,
    )
    document = version.document
    with transaction.atomic():
        previous = document.current_version
        if previous is not None and previous.pk != version.pk:
            previous.status = VersionStatus.SUPERSEDED
            previous.ended_on = effective
            previous.save(update_fields=["status", "ended_on", "updated_at"])
        version.decision_number = decision_number
        version.decision_date = decision_date
        version.effective_date = effective
        _transition(
            actor=actor,
            version=version,
            to=VersionStatus.ADOPTED,
            event="awareness.version.adopted",
            changes={
                "approving_body": [None, version.approving_body],
                "decision_number": [None, decision_number],
                "decision_date": [None, decision_date],
                "effective_date": [None, effective],
                "superseded": [None, str(previous.pk) if previous else None],
            },
        )
        decision_record(actor=actor, obj=version, step=STEP_ADOPTION, decision=Decision.APPROVE, comment=comment)
        document.current_version = version
        document.is_repealed = False
        document.save(update_fields=["current_version", "is_repealed", "updated_at"])
        if previous is not None:
            ask_again(
                actor=actor,
                version=version,
                deadline=effective + dt.timedelta(days=ask_again_deadline_days),
                material=version.is_material,
            )
    return version


def document_revise(*, actor: Actor | None, document: Document, is_material: bool, change_note: str) -> DocumentVersion:
    """Start a new version of a document in force, as a draft copying the current texts."""
    _require(actor, document)
    current = document.current_version
    if current is None or document.is_repealed:
        raise ValidationError(_("Only a document in force can be revised."))
    if document.versions.filter(
        status__in=[VersionStatus.DRAFT, VersionStatus.UNDER_EXAMINATION, VersionStatus.SUBMITTED]
    ).exists():
        raise ValidationError(_("The document already has a version in preparation."))
    with transaction.atomic():
        number = (document.versions.order_by("-number").values_list("number", flat=True).first() or 0) + 1
        version = DocumentVersion(
            document=document, number=number, is_material=is_material, change_note=_clean(change_note, 500)
        )
        _set_texts(version, {c: current.text_for(c) for c in CONTENT_LANGUAGES})
        version.full_clean()
        version.save(force_insert=True)
        audit_record(
            actor=actor,
            event_type="awareness.version.created",
            obj=version,
            company_id=document.company_id,
            changes={"number": [None, number], "is_material": [None, is_material]},
        )
    return version


def document_repeal(*, actor: Actor | None, document: Document, repealed_on: dt.date, decision_number: str) -> Document:
    """Repeal a document in force from a date."""
    _require(actor, document)
    current = document.current_version
    if current is None or document.is_repealed:
        raise ValidationError(_("Only a document in force can be repealed."))
    if current.effective_date and repealed_on < current.effective_date:
        raise ValidationError({"repealed_on": _("The repeal cannot precede the effective date.")})
    with transaction.atomic():
        current.status = VersionStatus.REPEALED
        current.ended_on = repealed_on
        current.save(update_fields=["status", "ended_on", "updated_at"])
        document.is_repealed = True
        document.save(update_fields=["is_repealed", "updated_at"])
        audit_record(
            actor=actor,
            event_type="awareness.document.repealed",
            obj=document,
            company_id=document.company_id,
            changes={
                "repealed_on": [None, repealed_on],
                "decision_number": [None, _clean(decision_number, 50)],
                "version": [None, current.number],
            },
        )
    return document
