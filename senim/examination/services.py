"""Writes: open an examination from an uploaded draft, decide the engine's proposals, add findings,
examine a revision and compare it, conclude and sign, accept a remaining risk. Every write checks
`examination.examine` for the examination's company/unit and records an audit event.

`clearance(examination)` is the question other modules ask before approval or signature:
may this draft move on?"""

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.text import get_valid_filename
from django.utils.translation import gettext_lazy as _
from rapidfuzz import fuzz

from senim.core.access import Actor, require
from senim.core.audit import audit_record
from senim.core.eventdates import backdated_changes, check_event_dates
from senim.core.services import model_create, model_update
from senim.core.uploads import too_large_message, upload_limit
from senim.examination import policy
from senim.examination.engine import CODES, EXTENSIONS, InputError, Report, examine_file
from senim.examination.messages import input_error_message
from senim.examination.models import (
    Comparison,
    DraftVersion,
    Examination,
    Finding,
    FindingStatus,
    Outcome,
    Source,
    Status,
)
from senim.org.models import Company, Unit

_SAME_PROVISION = 85  # rapidfuzz ratio above which two provisions are the same one, reworded or not


def _require(actor: Actor, examination: Examination) -> None:
    require(actor, policy.EXAMINE, company_id=examination.company_id, unit_id=examination.unit_id)


def _check_upload(name: str, data: bytes) -> Report:
    """Examine the upload or raise ValidationError; nothing is stored until this passes."""
    ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if ext not in EXTENSIONS:
        raise ValidationError(str(input_error_message("unsupported_type")))
    if len(data) > upload_limit():
        raise ValidationError(too_large_message())
    try:
        return examine_file(data, name)
    except InputError as error:
        raise ValidationError(str(input_error_message(error.code))) from error


def examination_create(
    *,
    actor: Actor,
    title: str,
    kind: str,
    company_id,
    unit_id=None,
    expert=None,
    deadline: dt.date | None = None,
    examined_on: dt.date | None = None,
    file_name: str,
    data: bytes,
    subject: str = "",
) -> Examination:
    require(actor, policy.EXAMINE, company_id=company_id, unit_id=unit_id)
    if unit_id is not None and not Unit.objects.filter(pk=unit_id, company_id=company_id).exists():
        raise ValidationError({"unit": _("The initiating unit belongs to another company.")})
    company = Company.objects.filter(pk=company_id).first()
    backdated = check_event_dates(
        actor=actor,
        company_id=company_id,
        founded_on=company.founded_on if company else None,
        dates={"examined_on": examined_on},
        labels=DATE_LABELS,
    )
    report = _check_upload(file_name, data)
    with transaction.atomic():
        examination = model_create(
            actor=actor,
            instance=Examination(
                title=title,
                kind=kind,
                company_id=company_id,
                unit_id=unit_id,
                expert=expert,
                deadline=deadline,
                examined_on=examined_on or timezone.localdate(),
                subject=subject[:120],
            ),
            event_type="examination.created",
            fields=["title", "kind", "company", "unit", "expert", "deadline", "examined_on", "subject"],
            extra=backdated_changes(backdated),
        )
        _add_version(actor, examination, file_name, data, report, examined_on or examination.examined_on)
    return examination


DATE_LABELS = {
    "examined_on": _("Examined on"),
    "concluded_on": _("Concluded on"),
    "previous_on": _("the examination of the previous version"),
}


def _check_dates(
    actor: Actor, examination: Examination, *, examined_on: dt.date | None = None, concluded_on: dt.date | None = None
) -> bool:
    """A revision's or a conclusion's day: never in the future, before the company existed nor
    before the latest version was examined; a past day is back-dating (officers, audited)."""
    latest = examination.versions.order_by("-number").values_list("examined_on", flat=True).first()
    return check_event_dates(
        actor=actor,
        company_id=examination.company_id,
        founded_on=examination.company.founded_on,
        dates={name: day for name, day in {"examined_on": examined_on, "concluded_on": concluded_on}.items() if day},
        labels=DATE_LABELS,
        order=[("previous_on", "examined_on"), ("previous_on", "concluded_on")],
        recorded={"previous_on": latest},
    )


def version_add(
    *, actor: Actor, examination: Examination, file_name: str, data: bytes, examined_on: dt.date | None = None
) -> DraftVersion:
    """Examine a revised draft and compare it with the previous version, provision by provision;
    `examined_on` (today by default) never before the previous version's examination."""
    _require(actor, examination)
    _check_dates(actor, examination, examined_on=examined_on)
    report = _check_upload(file_name, data)
    with transaction.atomic():
        examination = Examination.objects.select_for_update().get(pk=examination.pk)
        previous = examination.versions.order_by("-number").first()
        version = _add_version(actor, examination, file_name, data, report, examined_on or timezone.localdate())
        if previous is not None:
            _compare(previous, version)
        if examination.status == Status.CONCLUDED:
            model_update(
                actor=actor,
                instance=examination,
                data={"status": Status.IN_PROGRESS, "outcome": "", "concluded_on": None, "signed_by": None},
                fields=["status", "outcome", "concluded_on", "signed_by"],
                event_type="examination.reopened",
            )
    return version


def _add_version(
    actor: Actor, examination: Examination, file_name: str, data: bytes, report: Report, examined_on: dt.date
) -> DraftVersion:
    number = (examination.versions.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    safe = get_valid_filename(file_name)[:120] or "draft"
    stored_as = default_storage.save(f"examination/{examination.pk}/v{number}-{safe}", ContentFile(data))
    try:
        version = model_create(
            actor=actor,
            instance=DraftVersion(
                examination=examination,
                number=number,
                file_name=file_name[:255],
                stored_as=stored_as,
                size=len(data),
                language=report.language,
                notes=report.notes,
                examined_on=examined_on,
                provisions=[{"number": p.provision.number, "text": p.provision.text} for p in report.provisions],
            ),
            event_type="examination.version_added",
            fields=["number", "file_name", "size", "language"],
        )
        findings = [
            Finding(
                version=version,
                code=f.code,
                provision_number=p.provision.number,
                provision_index=p.provision.index,
                provision_text=p.provision.text,
                triggers=f.triggers,
                spans=[list(s) for s in f.spans],
                confidence=f.confidence,
                source=Source.ENGINE,
            )
            for p in report.provisions
            for f in p.findings
        ]
        findings += [
            Finding(
                version=version,
                code=d.code,
                provision_number=", ".join(d.provisions),
                provision_index=-1,
                provision_text=d.kind,
                triggers=[d.detail] if d.detail else [],
                source=Source.DOCUMENT,
            )
            for d in report.document_findings
        ]
        Finding.objects.bulk_create(findings)
    except Exception:
        default_storage.delete(stored_as)
        raise
    return version


def _compare(previous: DraftVersion, version: DraftVersion) -> None:
    """Mark the new version's findings new or remaining; previous confirmed findings with no
    counterpart are eliminated. A remaining finding keeps the expert's decision and recommendation."""
    current = list(version.findings.all())
    matched: set = set()
    for old in previous.findings.filter(status=FindingStatus.CONFIRMED):
        twin = next((f for f in current if f.pk not in matched and _same(old, f)), None)
        if twin is None and old.source == Source.EXPERT:
            text = next((p["text"] for p in version.provisions if _similar(p["text"], old.provision_text)), None)
            if text is not None:  # the expert's own finding stands while its provision is unchanged
                twin = Finding.objects.create(
                    version=version,
                    code=old.code,
                    provision_number=old.provision_number,
                    provision_index=old.provision_index,
                    provision_text=text,
                    source=Source.EXPERT,
                )
                current.append(twin)
        if twin is None:
            old.eliminated_in = version
            old.eliminated_on = version.examined_on
            old.save(update_fields=["eliminated_in", "eliminated_on", "updated_at"])
            continue
        matched.add(twin.pk)
        twin.comparison = Comparison.REMAINING
        twin.status = FindingStatus.CONFIRMED
        twin.recommendation = old.recommendation
        twin.save(update_fields=["comparison", "status", "recommendation", "updated_at"])
    dismissed = list(previous.findings.filter(status=FindingStatus.DISMISSED))
    for f in current:
        if f.pk in matched:
            continue
        earlier = next((d for d in dismissed if _same(d, f)), None)
        if earlier is not None:  # dismissed before, same provision: stays dismissed
            f.status, f.reason = FindingStatus.DISMISSED, earlier.reason
        f.comparison = Comparison.NEW if earlier is None else ""
        f.save(update_fields=["comparison", "status", "reason", "updated_at"])


def _similar(a: str, b: str) -> bool:
    return fuzz.ratio(a, b) >= _SAME_PROVISION


def _same(old: Finding, new: Finding) -> bool:
    if old.code != new.code:
        return False
    if old.provision_index == -1 or new.provision_index == -1:
        return old.provision_index == new.provision_index
    return old.provision_number == new.provision_number or _similar(old.provision_text, new.provision_text)


def _finding_for_update(actor: Actor, finding: Finding) -> Finding:
    examination = finding.version.examination
    _require(actor, examination)
    if examination.status == Status.CONCLUDED:
        raise ValidationError(_("The examination is concluded; upload a revision to change its findings."))
    return finding


def finding_confirm(*, actor: Actor, finding: Finding, recommendation: str = "") -> Finding:
    _finding_for_update(actor, finding)
    return model_update(
        actor=actor,
        instance=finding,
        data={"status": FindingStatus.CONFIRMED, "recommendation": recommendation.strip(), "reason": ""},
        fields=["status", "recommendation", "reason"],
        event_type="examination.finding_confirmed",
    )


def finding_dismiss(*, actor: Actor, finding: Finding, reason: str) -> Finding:
    _finding_for_update(actor, finding)
    if not reason.strip():
        raise ValidationError({"reason": _("Give the reason for dismissing the finding.")})
    return model_update(
        actor=actor,
        instance=finding,
        data={"status": FindingStatus.DISMISSED, "reason": reason.strip()},
        fields=["status", "reason"],
        event_type="examination.finding_dismissed",
    )


def finding_add(
    *, actor: Actor, version: DraftVersion, provision_index: int, code: str, recommendation: str
) -> Finding:
    examination = version.examination
    _require(actor, examination)
    if code not in CODES:
        raise ValidationError({"code": _("Choose a factor.")})
    if not 0 <= provision_index < len(version.provisions):
        raise ValidationError({"provision_index": _("Choose a provision of the draft.")})
    provision = version.provisions[provision_index]
    return model_create(
        actor=actor,
        instance=Finding(
            version=version,
            code=code,
            provision_number=provision["number"],
            provision_index=provision_index,
            provision_text=provision["text"],
            source=Source.EXPERT,
            status=FindingStatus.CONFIRMED,
            recommendation=recommendation.strip(),
        ),
        event_type="examination.finding_added",
        fields=["code", "provision_number", "recommendation"],
    )


def examination_conclude(
    *, actor: Actor, examination: Examination, recommendations: str = "", concluded_on: dt.date | None = None
) -> Examination:
    """Sign the conclusion. Every proposal of the latest version must be decided first."""
    _require(actor, examination)
    version = examination.versions.order_by("-number").first()
    if version is None or version.findings.filter(status=FindingStatus.PROPOSED).exists():
        raise ValidationError(_("Confirm or dismiss every proposed finding before concluding."))
    confirmed = version.findings.filter(status=FindingStatus.CONFIRMED).exists()
    if confirmed and not recommendations.strip():
        raise ValidationError({"recommendations": _("Write the recommendations for the confirmed findings.")})
    backdated = _check_dates(actor, examination, concluded_on=concluded_on)
    return model_update(
        actor=actor,
        instance=examination,
        data={
            "status": Status.CONCLUDED,
            "outcome": Outcome.FACTORS_FOUND if confirmed else Outcome.NO_FACTORS,
            "recommendations": recommendations.strip(),
            "concluded_on": concluded_on or timezone.localdate(),
            "signed_by": actor,
        },
        fields=["status", "outcome", "recommendations", "concluded_on", "signed_by"],
        event_type="examination.concluded",
        extra=backdated_changes(backdated),
    )


def examination_accept_risk(
    *, actor: Actor, examination: Examination, accepted_by: str, reason: str, accepted_on: dt.date | None = None
) -> Examination:
    """A named person accepts the remaining confirmed findings so the draft may move on."""
    _require(actor, examination)
    if not accepted_by.strip() or not reason.strip():
        raise ValidationError(_("Name the person who accepts the risk and give the reason."))
    return model_update(
        actor=actor,
        instance=examination,
        data={
            "risk_accepted_by": accepted_by.strip(),
            "risk_accepted_reason": reason.strip(),
            "risk_accepted_on": accepted_on or timezone.localdate(),
        },
        fields=["risk_accepted_by", "risk_accepted_reason", "risk_accepted_on"],
        event_type="examination.risk_accepted",
    )


@dataclass(frozen=True)
class Clearance:
    allowed: bool
    reason: str  # "concluded_clean", "risk_accepted", "not_concluded", "unresolved_findings"
    unresolved: int = 0


def clearance(examination: Examination, *, actor: Actor | None = None) -> Clearance:
    """May this draft move on to approval or signature? Only when its examination is concluded and the
    latest version has no confirmed findings, or a named person accepted the risk (audited)."""
    version = examination.versions.order_by("-number").first()
    unresolved = version.findings.filter(status=FindingStatus.CONFIRMED).count() if version else 0
    if examination.status != Status.CONCLUDED:
        result = Clearance(False, "not_concluded", unresolved)
    elif unresolved and examination.risk_accepted_by:
        result = Clearance(True, "risk_accepted", unresolved)
    elif unresolved:
        result = Clearance(False, "unresolved_findings", unresolved)
    else:
        result = Clearance(True, "concluded_clean", 0)
    if actor is not None:
        audit_record(
            actor=actor,
            event_type="examination.clearance_asked",
            obj=examination,
            changes={"allowed": [None, result.allowed], "reason": [None, result.reason]},
        )
    return result


def clearance_for(subject: str, *, actor: Actor | None = None) -> Clearance | None:
    """Clearance of the latest examination of `subject` (e.g. "awareness.version:<uuid>"), or None when the
    draft was never examined: the calling module decides whether an examination is required."""
    examination = Examination.objects.filter(subject=subject).order_by("-examined_on", "-created_at").first()
    return clearance(examination, actor=actor) if examination is not None else None
