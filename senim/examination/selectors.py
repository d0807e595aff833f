"""Reads, scoped by the actor: examinations of the companies and units the actor may see."""

import uuid

from django.db.models import Count, Q, QuerySet

from senim.core.access import Actor, scope_of
from senim.examination import policy
from senim.examination.models import DraftVersion, Examination, Finding, FindingStatus
from senim.org.models import Company, Unit


def examination_list(
    *, actor: Actor, kind: str = "", status: str = "", query: str = "", permission: str = policy.VIEW
) -> QuerySet[Examination]:
    qs = Examination.objects.filter(scope_of(actor, permission).q(company="company", unit="unit"))
    if kind:
        qs = qs.filter(kind=kind)
    if status:
        qs = qs.filter(status=status)
    if query:
        qs = qs.filter(title__icontains=query)
    return qs.select_related("company", "unit", "expert").annotate(version_count=Count("versions", distinct=True))


def examination_get(*, actor: Actor, examination_id: uuid.UUID | str, permission: str = policy.VIEW) -> Examination:
    """The examination, or Examination.DoesNotExist when it is out of the actor's scope."""
    return examination_list(actor=actor, permission=permission).get(id=examination_id)


def latest_version(examination: Examination) -> DraftVersion | None:
    return examination.versions.order_by("-number").first()


def version_findings(version: DraftVersion) -> QuerySet[Finding]:
    return version.findings.all()


def unresolved_findings(examination: Examination) -> QuerySet[Finding]:
    """Confirmed findings of the latest version: what still stands between the draft and approval."""
    version = latest_version(examination)
    if version is None:
        return Finding.objects.none()
    return version.findings.filter(status=FindingStatus.CONFIRMED)


def dismissed_proposals(*, actor: Actor) -> QuerySet[Finding]:
    """Engine proposals experts dismissed, for the detector's evaluation set."""
    scope = scope_of(actor, policy.VIEW)
    return (
        Finding.objects.filter(source="engine", status=FindingStatus.DISMISSED)
        .filter(scope.q(company="version__examination__company", unit="version__examination__unit"))
        .select_related("version")
        .order_by("created_at")
    )


def eliminated_findings(*, actor: Actor, examination: Examination, version: DraftVersion) -> QuerySet[Finding]:
    """Findings of earlier versions of the examination that `version` eliminated."""
    scope = scope_of(actor, policy.VIEW)
    return Finding.objects.filter(version__examination=examination, eliminated_in=version).filter(
        scope.q(company="version__examination__company", unit="version__examination__unit")
    )


def findings_pending(examination: Examination) -> int:
    version = latest_version(examination)
    if version is None:
        return 0
    return version.findings.filter(Q(status=FindingStatus.PROPOSED)).count()


def companies_for_examination(*, actor: Actor) -> QuerySet[Company]:
    scope = scope_of(actor, policy.EXAMINE)
    qs = Company.objects.all()
    if not scope.everything:
        qs = qs.filter(Q(id__in=scope.company_ids) | Q(units__id__in=scope.unit_ids)).distinct()
    return qs.order_by("name_ru")


def units_for_examination(*, actor: Actor) -> QuerySet[Unit]:
    return Unit.objects.filter(scope_of(actor, policy.EXAMINE).q(company="company_id", unit="id")).order_by("path")


def finding_get(*, actor: Actor, finding_id: uuid.UUID | str, permission: str = policy.VIEW) -> Finding:
    scope = scope_of(actor, permission)
    return (
        Finding.objects.filter(scope.q(company="version__examination__company", unit="version__examination__unit"))
        .select_related("version__examination")
        .get(id=finding_id)
    )


def provisions_with_findings(version: DraftVersion) -> list[dict]:
    """The draft's provisions, each with its findings and the text split into plain and highlighted parts."""
    by_index: dict[int, list[Finding]] = {}
    for f in version.findings.all():
        by_index.setdefault(f.provision_index, []).append(f)
    out = []
    for i, p in enumerate(version.provisions):
        findings = by_index.get(i, [])
        spans = sorted({(s[0], s[1]) for f in findings if f.status != "dismissed" for s in f.spans if len(s) == 2})
        parts, pos = [], 0
        for start, end in spans:
            if start < pos:
                continue
            parts.append((p["text"][pos:start], False))
            parts.append((p["text"][start:end], True))
            pos = end
        parts.append((p["text"][pos:], False))
        out.append({"index": i, "number": p["number"], "parts": parts, "findings": findings})
    return out
