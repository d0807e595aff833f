"""Writes of reports: create, edit prose, override a figure with a reason, approve (freeze) and
open a corrected version. Every write is audited; an approved version never changes."""

import uuid
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from senim.core import indicators
from senim.core.access import Actor, PermissionDenied, require
from senim.core.audit import audit_record
from senim.core.services import model_create
from senim.reports import content, policy, trace
from senim.reports.models import FigureOverride, Report, SectionText
from senim.reports.sections import get_section

LANGUAGES = ("en", "ru", "kk", "uz")


def _require_report(actor: Actor, permission: str, company_id: uuid.UUID | None) -> None:
    """A company report needs the permission over that company; a group report, group-wide."""
    scope = require(actor, permission, **({"company_id": company_id} if company_id else {}))
    if company_id is None and not scope.everything:
        raise PermissionDenied(permission)


def _check_languages(languages: Iterable[str]) -> list[str]:
    chosen = [code for code in LANGUAGES if code in set(languages)]
    unknown = sorted(set(languages) - set(LANGUAGES))
    if unknown:
        raise ValidationError({"languages": _("Unknown language: %(codes)s.") % {"codes": ", ".join(unknown)}})
    if not chosen:
        raise ValidationError({"languages": _("Choose at least one language.")})
    return chosen


def _require_draft(report: Report) -> None:
    """Refuse to change an approved report, reading its status from the stored row (locked for the
    rest of the transaction), since an instance in hand may predate the approval."""
    if Report.objects.select_for_update().get(pk=report.pk).is_frozen:
        raise ValidationError(_("This report is approved and cannot change; open a new version to correct it."))


def report_create(
    *,
    actor: Actor,
    year: int,
    company_id: uuid.UUID | None,
    languages: Iterable[str],
    title: str = "",
    include_empty_sections: bool = False,
) -> Report:
    _require_report(actor, policy.EDIT, company_id)
    report = Report(
        series=uuid.uuid4(),
        company_id=company_id,
        year=year,
        languages=_check_languages(languages),
        title=title,
        include_empty_sections=include_empty_sections,
        created_by=actor,  # type: ignore[misc]
    )
    return model_create(
        actor=actor,
        instance=report,
        event_type="reports.report.created",
        fields=["year", "company", "languages", "title", "include_empty_sections"],
    )


def section_text_set(*, actor: Actor, report: Report, section: str, language: str, text: str) -> SectionText:
    """Set the author's prose of one section in one language. Figure tokens must name declared
    indicators, so a typo does not print as text in a published report."""
    _require_report(actor, policy.EDIT, report.company_id)
    if get_section(section) is None:
        raise ValidationError({"section": _("Unknown section.")})
    if language not in report.languages:
        raise ValidationError({"language": _("This report is not written in that language.")})
    unknown = content.unknown_tokens(text)
    if unknown:
        raise ValidationError(
            {
                "text": _(
                    "These figures do not exist or are not written as a figure is: %(codes)s. A figure is "
                    "{code}, {code:noun} or {code:gen} (a case: nom, gen, dat, acc, ins, loc, abl), "
                    "optionally with :value or :previous after the code; a word agreeing with a figure is "
                    "{code|form|form|form}."
                )
                % {"codes": ", ".join(f"{{{c}}}" for c in unknown)}
            }
        )
    with transaction.atomic():
        _require_draft(report)
        item, _created = SectionText.objects.select_for_update().get_or_create(
            report=report, section=section, language=language
        )
        if item.text != text:
            old = item.text
            item.text = text
            item.save(update_fields=["text", "updated_at"])
            audit_record(
                actor=actor,
                event_type="reports.text.updated",
                obj=report,
                changes={f"{section}.{language}": [old, text]},
            )
    return item


def figure_override_set(
    *, actor: Actor, report: Report, code: str, value: Decimal | int | float, reason: str
) -> FigureOverride:
    """Replace a computed figure by hand. The reason is required and the act is audited; the
    report shows that the figure was overridden and why."""
    _require_report(actor, policy.EDIT, report.company_id)
    if indicators.get_indicator(code) is None:
        raise ValidationError({"code": _("Unknown indicator.")})
    if not reason.strip():
        raise ValidationError({"reason": _("Give the reason for overriding a computed figure.")})
    with transaction.atomic():
        _require_draft(report)
        existing = FigureOverride.objects.select_for_update().filter(report=report, code=code).first()
        old = str(existing.value) if existing else None
        item = existing or FigureOverride(report=report, code=code, created_by=actor)  # type: ignore[misc]
        item.value = Decimal(str(value))
        item.reason = reason.strip()
        item.full_clean()
        item.save()
        audit_record(
            actor=actor,
            event_type="reports.figure.overridden",
            obj=report,
            changes={code: [old, str(item.value)], "reason": [None, item.reason]},
        )
    return item


def figure_override_remove(*, actor: Actor, report: Report, code: str) -> None:
    _require_report(actor, policy.EDIT, report.company_id)
    with transaction.atomic():
        _require_draft(report)
        existing = FigureOverride.objects.select_for_update().filter(report=report, code=code).first()
        if existing is None:
            return
        audit_record(
            actor=actor, event_type="reports.figure.restored", obj=report, changes={code: [str(existing.value), None]}
        )
        existing.delete()


def report_approve(*, actor: Actor, report: Report) -> Report:
    """Freeze the report: its figures, prose and charts in every language become a snapshot
    that later records cannot change."""
    _require_report(actor, policy.APPROVE, report.company_id)
    with transaction.atomic():
        _require_draft(report)
        report = Report.objects.get(pk=report.pk)
        report.snapshot = content.build(report)
        report.status = Report.Status.APPROVED
        report.approved_at = timezone.now()
        report.approved_by = actor  # type: ignore[assignment]
        report.save(update_fields=["snapshot", "status", "approved_at", "approved_by", "updated_at"])
        trace.freeze(report)
        audit_record(
            actor=actor,
            event_type="reports.report.approved",
            obj=report,
            changes={"status": [Report.Status.DRAFT, Report.Status.APPROVED], "version": [None, report.version]},
        )
    return report


def report_new_version(*, actor: Actor, report: Report) -> Report:
    """Open a draft correcting an approved report: the prose and overrides carry over, the
    figures are computed again, and the approved version stays as it was."""
    _require_report(actor, policy.EDIT, report.company_id)
    with transaction.atomic():
        latest = Report.objects.select_for_update().filter(series=report.series).order_by("-version").first()
        assert latest is not None
        if not latest.is_frozen:
            raise ValidationError(_("A draft of this report is already open."))
        draft = Report(
            series=report.series,
            version=latest.version + 1,
            company_id=latest.company_id,
            year=latest.year,
            languages=latest.languages,
            title=latest.title,
            include_empty_sections=latest.include_empty_sections,
            created_by=actor,  # type: ignore[misc]
        )
        model_create(
            actor=actor,
            instance=draft,
            event_type="reports.report.version_opened",
            fields=["year", "company", "languages", "title", "version"],
        )
        SectionText.objects.bulk_create(
            SectionText(report=draft, section=t.section, language=t.language, text=t.text) for t in latest.texts.all()
        )
        FigureOverride.objects.bulk_create(
            FigureOverride(report=draft, code=o.code, value=o.value, reason=o.reason, created_by=o.created_by)
            for o in latest.overrides.all()
        )
    return draft


def differences(*, older: dict[str, Any], newer: dict[str, Any]) -> list[dict[str, Any]]:
    """Figures whose value differs between two versions' content (a correction shows them)."""
    before = {f["code"]: f for f in older.get("figures", [])}
    changed = []
    for item in newer.get("figures", []):
        old = before.get(item["code"])
        if old is None or old["value"] != item["value"] or old["previous"] != item["previous"]:
            changed.append({"code": item["code"], "old": old and old["value"], "new": item["value"]})
    return changed
