"""Acknowledgement of documents: campaigns (who is asked to read which version by when), new hires
asked automatically, reminders, the employee's own "I have read and understood" with an optional
comprehension check, paper sheets, and asking again after a material change."""

import datetime as dt
import logging
import uuid
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, cast

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from senim.awareness import policy
from senim.awareness.models import (
    AckCampaign,
    Acknowledgement,
    AckRequest,
    Audience,
    CheckStatement,
    DocumentVersion,
    VersionStatus,
)
from senim.core.access import SYSTEM, Actor, PermissionDenied, require
from senim.core.audit import audit_record
from senim.core.bulk import bulk_insert_values
from senim.core.eventdates import backdated_changes, check_event_dates
from senim.core.i18n import CONTENT_LANGUAGES
from senim.org.models import Company, Employee, Position, Unit
from senim.org.selectors import unit_subtree_ids

logger = logging.getLogger(__name__)
REQUEST_FIELDS = (
    "id",
    "created_at",
    "updated_at",
    "campaign",
    "employee",
    "company",
    "unit",
    "due_date",
    "is_new_hire",
    "acknowledgement",
    "reminders_sent",
)


def _require_campaign_scope(actor: Actor | None, company_id: uuid.UUID | None) -> None:
    """Campaigns over the whole group need a group-wide holder (or the system)."""
    scope = require(actor, policy.MANAGE, company_id=company_id) if company_id else require(actor, policy.MANAGE)
    if company_id is None and not scope.everything:
        raise PermissionDenied(policy.MANAGE)


def _in_force_on(version: DocumentVersion, day: dt.date) -> bool:
    if version.status not in {VersionStatus.ADOPTED, VersionStatus.SUPERSEDED, VersionStatus.REPEALED}:
        return False
    starts = version.effective_date or version.decision_date
    return bool(starts and starts <= day and (version.ended_on is None or day < version.ended_on))


def campaign_create(
    *,
    actor: Actor | None,
    version: DocumentVersion,
    title: str,
    deadline: dt.date,
    audience: str = Audience.ALL,
    company: Company | None = None,
    companies: Iterable[Company] = (),
    units: Iterable[Unit] = (),
    positions: Iterable[Position] = (),
    include_new_hires: bool = True,
    hire_window_days: int = 14,
    statements: Sequence[Mapping[str, Any]] = (),
    today: dt.date | None = None,
) -> AckCampaign:
    """A draft campaign asking an audience to acknowledge a version in force. `statements` are
    the optional comprehension check: {"texts": {language: text}, "is_true": bool}."""
    _require_campaign_scope(actor, company.pk if company else None)
    companies, units, positions = list(companies), list(units), list(positions)
    errors: dict[str, str] = {}
    if version.status != VersionStatus.ADOPTED:
        errors["version"] = _("Only a version in force can be acknowledged.")
    if audience == Audience.COMPANIES and not companies:
        errors["companies"] = _("Choose at least one company.")
    if audience == Audience.UNITS and not units:
        errors["units"] = _("Choose at least one unit.")
    if audience == Audience.POSITIONS and not positions:
        errors["positions"] = _("Choose at least one position.")
    if company is not None and any(c.pk != company.pk for c in companies):
        errors["companies"] = _("Only the chosen company can be asked.")
    if company is not None and (
        any(u.company_id != company.pk for u in units) or any(p.company_id != company.pk for p in positions)
    ):
        errors["units"] = _("The units and positions must belong to the chosen company.")
    if deadline < (today or timezone.localdate()):
        errors["deadline"] = _("The deadline is in the past.")
    if not 0 < hire_window_days <= 365:
        errors["hire_window_days"] = _("Give between 1 and 365 days.")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        campaign = AckCampaign(
            version=version,
            title=str(title or "").replace("\x00", "").strip()[:200] or str(version.document.title)[:200],
            company=company,
            audience=audience,
            include_new_hires=include_new_hires,
            hire_window_days=hire_window_days,
            deadline=deadline,
            created_by_id=cast(uuid.UUID, actor.pk) if actor is not None else None,
        )
        campaign.full_clean()
        campaign.save(force_insert=True)
        campaign.companies.set(companies)
        campaign.units.set(units)
        campaign.positions.set(positions)
        for order, statement in enumerate(statements):
            texts = statement.get("texts", {})
            item = CheckStatement(campaign=campaign, order=order, is_true=bool(statement.get("is_true")))
            for language in CONTENT_LANGUAGES:
                setattr(item, f"text_{language}", str(texts.get(language, "")).replace("\x00", "").strip()[:500])
            if not any(getattr(item, f"text_{c}") for c in CONTENT_LANGUAGES):
                raise ValidationError({"statements": _("Every statement of the check needs a text.")})
            item.save(force_insert=True)
        audit_record(
            actor=actor,
            event_type="awareness.campaign.created",
            obj=campaign,
            company_id=company.pk if company else None,
            changes={
                "version": [None, str(version.pk)],
                "audience": [None, audience],
                "deadline": [None, deadline],
                "statements": [None, len(statements)],
            },
        )
    return campaign


def _population(campaign: AckCampaign, hired_since: dt.date | None = None) -> QuerySet[Employee]:
    employees = Employee.objects.filter(
        dismissal_date__isnull=True, company_id__in=campaign.version.document.companies.values("pk")
    )
    if campaign.company_id:
        employees = employees.filter(company_id=campaign.company_id)
    audience = campaign.audience
    if audience == Audience.COMPANIES:
        employees = employees.filter(company_id__in=campaign.companies.values("pk"))
    elif audience == Audience.UNITS:
        employees = employees.filter(unit_id__in=unit_subtree_ids(campaign.units.values_list("pk", flat=True)))
    elif audience == Audience.POSITIONS:
        employees = employees.filter(position_id__in=campaign.positions.values("pk"))
    elif audience == Audience.CORRUPTION_PRONE:
        employees = employees.filter(position__is_corruption_prone=True)
    elif audience in {Audience.NEW_HIRES, Audience.READ_AGAIN}:
        employees = employees.filter(hire_date__gte=hired_since) if hired_since else employees.none()
    return employees


def _add_requests(
    campaign: AckCampaign,
    rows: Iterable[tuple[uuid.UUID, uuid.UUID, uuid.UUID | None, dt.date | None]],
    *,
    new_hires: bool,
) -> int:
    """Ask the employees of `rows` (id, company, unit, hire date) not asked yet; link those who
    already acknowledged the version."""
    asked = set(AckRequest.objects.filter(campaign=campaign).values_list("employee_id", flat=True))
    done = dict(
        Acknowledgement.objects.filter(version=campaign.version, is_stale=False).values_list("employee_id", "pk")
    )
    now = timezone.now()
    values = []
    for employee_id, company_id, unit_id, hire_date in rows:
        if employee_id in asked:
            continue
        asked.add(employee_id)
        due = campaign.deadline
        if new_hires and hire_date:
            due = max(hire_date + dt.timedelta(days=campaign.hire_window_days), timezone.localdate(now))
        values.append(
            (
                uuid.uuid4(),
                now,
                now,
                campaign.pk,
                employee_id,
                company_id,
                unit_id,
                due,
                new_hires,
                done.get(employee_id),
                0,
            )
        )
    return bulk_insert_values(AckRequest, REQUEST_FIELDS, values)


def campaign_launch(*, actor: Actor | None, campaign: AckCampaign, today: dt.date | None = None) -> int:
    """Open a draft campaign and ask its audience; return how many employees were asked."""
    _require_campaign_scope(actor, campaign.company_id)
    if campaign.status != AckCampaign.Status.DRAFT:
        raise ValidationError(_("Only a draft campaign can be launched."))
    if campaign.version.status != VersionStatus.ADOPTED:
        raise ValidationError(_("Only a version in force can be acknowledged."))
    today = today or timezone.localdate()
    since = today - dt.timedelta(days=campaign.hire_window_days)
    with transaction.atomic():
        campaign.status = AckCampaign.Status.OPEN
        campaign.launched_at = timezone.now()
        campaign.save(update_fields=["status", "launched_at", "updated_at"])
        rows = _population(campaign, hired_since=since).values_list("pk", "company_id", "unit_id", "hire_date")
        asked = _add_requests(
            campaign, rows.iterator(chunk_size=5000), new_hires=campaign.audience == Audience.NEW_HIRES
        )
        audit_record(
            actor=actor,
            event_type="awareness.campaign.launched",
            obj=campaign,
            company_id=campaign.company_id,
            changes={"status": [AckCampaign.Status.DRAFT, AckCampaign.Status.OPEN], "asked": [None, asked]},
        )
    return asked


def campaign_sync_new_hires(*, today: dt.date | None = None) -> int:
    """Ask every employee hired since an open campaign was launched (within its window) who is
    not asked yet; the system runs this with the daily reminders. Returns how many were added."""
    today = today or timezone.localdate()
    added = 0
    campaigns = AckCampaign.objects.filter(status=AckCampaign.Status.OPEN, include_new_hires=True).select_related(
        "version__document"
    )
    for campaign in campaigns:
        if campaign.version.status != VersionStatus.ADOPTED:
            continue
        launched = timezone.localdate(campaign.launched_at) if campaign.launched_at else today
        if campaign.audience == Audience.NEW_HIRES:
            population = _population(campaign, hired_since=launched - dt.timedelta(days=campaign.hire_window_days))
        elif campaign.audience == Audience.READ_AGAIN:
            population = _population(campaign, hired_since=launched)
        else:
            population = _population(campaign).filter(hire_date__gte=launched)
        with transaction.atomic():
            rows = population.values_list("pk", "company_id", "unit_id", "hire_date")
            count = _add_requests(campaign, rows, new_hires=True)
            if count:
                audit_record(
                    actor=SYSTEM,
                    event_type="awareness.campaign.new_hires",
                    obj=campaign,
                    company_id=campaign.company_id,
                    changes={"asked": [None, count]},
                )
        added += count
    return added


def campaign_close(*, actor: Actor | None, campaign: AckCampaign) -> AckCampaign:
    _require_campaign_scope(actor, campaign.company_id)
    if campaign.status != AckCampaign.Status.OPEN:
        raise ValidationError(_("Only an open campaign can be closed."))
    with transaction.atomic():
        campaign.status = AckCampaign.Status.CLOSED
        campaign.closed_at = timezone.now()
        campaign.save(update_fields=["status", "closed_at", "updated_at"])
        audit_record(
            actor=actor,
            event_type="awareness.campaign.closed",
            obj=campaign,
            company_id=campaign.company_id,
            changes={"status": [AckCampaign.Status.OPEN, AckCampaign.Status.CLOSED]},
        )
    return campaign


def _address(employee: Employee) -> tuple[str, str]:
    account = getattr(employee, "user_account", None)
    language = (getattr(account, "language", "") or settings.LANGUAGE_CODE) if account else settings.LANGUAGE_CODE
    return employee.email or (account.email if account else ""), language


def campaign_remind(
    *, actor: Actor | None, campaign: AckCampaign | None = None, today: dt.date | None = None
) -> dict[str, int]:
    """E-mail, in each recipient's language, everyone who has not acknowledged an open campaign's
    document (one campaign, or all when None: the system's daily run, which also asks new hires)."""
    _require_campaign_scope(actor, campaign.company_id if campaign else None)
    if campaign is not None and campaign.status != AckCampaign.Status.OPEN:
        raise ValidationError(_("Only an open campaign sends reminders."))
    added = campaign_sync_new_hires(today=today) if campaign is None else 0
    pending = AckRequest.objects.filter(
        acknowledgement__isnull=True,
        campaign__status=AckCampaign.Status.OPEN,
        employee__dismissal_date__isnull=True,
    )
    if campaign is not None:
        pending = pending.filter(campaign=campaign)
    sent = without_address = 0
    now = timezone.now()
    related = ("campaign__version__document", "employee", "employee__user_account")
    for request in pending.select_related(*related).iterator(chunk_size=500):
        email, language = _address(request.employee)
        if not email:
            without_address += 1
            continue
        with translation.override(language):
            document = request.campaign.version.document
            subject = _("Reminder: please read «%(title)s»") % {"title": document.title}
            body = _(
                "Please read «%(title)s» (version %(number)s) and confirm that you have read and understood it "
                "by %(due)s in Senim, under Awareness → Documents to read."
            ) % {
                "title": document.title,
                "number": request.campaign.version.number,
                "due": date_format(request.due_date, "DATE_FORMAT"),
            }
        try:
            send_mail(subject, body, None, [email])
        except OSError:
            logger.warning("Reminder to %s could not be sent", request.employee_id)
            continue
        AckRequest.objects.filter(pk=request.pk).update(reminders_sent=request.reminders_sent + 1, last_reminded_at=now)
        sent += 1
    if campaign is not None or sent:
        audit_record(
            actor=actor,
            event_type="awareness.campaign.reminded",
            obj=campaign,
            object_type="" if campaign else "awareness.ackcampaign",
            object_repr="" if campaign else "all open campaigns",
            company_id=campaign.company_id if campaign else None,
            changes={"sent": [None, sent], "without_address": [None, without_address]},
        )
    return {"sent": sent, "without_address": without_address, "new_hires": added}


def check_statements(*, employee: Employee, version: DocumentVersion) -> list[CheckStatement]:
    """The comprehension check the employee must pass for this version (from their open campaigns)."""
    campaign_ids = AckRequest.objects.filter(
        employee=employee, campaign__version=version, campaign__status=AckCampaign.Status.OPEN
    ).values("campaign_id")
    return list(CheckStatement.objects.filter(campaign_id__in=campaign_ids).order_by("campaign_id", "order"))


def _record(
    *,
    actor: Actor | None,
    employee: Employee,
    version: DocumentVersion,
    acknowledged_on: dt.date,
    source: str,
    backdated: bool = False,
) -> Acknowledgement:
    existing = Acknowledgement.objects.filter(version=version, employee=employee).first()
    if existing is not None and not existing.is_stale:
        raise ValidationError(_("This version has already been acknowledged."))
    if existing is not None:
        existing.delete()
    ack = Acknowledgement(
        version=version,
        document_id=version.document_id,
        employee=employee,
        company_id=employee.company_id,
        unit_id=employee.unit_id,
        acknowledged_on=acknowledged_on,
        source=source,
        recorded_by_id=cast(uuid.UUID, actor.pk) if actor is not None else None,
    )
    ack.full_clean()
    ack.save(force_insert=True)
    AckRequest.objects.filter(employee=employee, campaign__version=version, acknowledgement__isnull=True).update(
        acknowledgement=ack
    )
    audit_record(
        actor=actor,
        event_type="awareness.acknowledged",
        obj=ack,
        company_id=employee.company_id,
        object_repr=f"{employee.full_name} · {version}",
        changes={
            "acknowledged_on": [None, acknowledged_on],
            "source": [None, source],
            "version": [None, version.number],
            **backdated_changes(backdated),
        },
    )
    return ack


def acknowledge(
    *,
    actor: Actor,
    employee: Employee,
    version: DocumentVersion,
    answers: Mapping[str, bool] | None = None,
    today: dt.date | None = None,
) -> Acknowledgement:
    """The employee's own "I have read and understood" of the version in force, after answering
    the comprehension check of their campaign (if it has one) correctly."""
    require(actor, policy.ACKNOWLEDGE, employee_id=employee.pk)
    if version.status != VersionStatus.ADOPTED:
        raise ValidationError(_("This version is no longer in force; read and acknowledge the current one."))
    statements = check_statements(employee=employee, version=version)
    answers = answers or {}
    if statements:
        missing = [s for s in statements if str(s.pk) not in answers]
        if missing:
            raise ValidationError({"answers": _("Answer every statement of the check.")})
        wrong = [s for s in statements if bool(answers[str(s.pk)]) != s.is_true]
        if wrong:
            raise ValidationError(
                {"answers": _("Some answers are not right. Read the document again and try once more.")}
            )
    with transaction.atomic():
        return _record(
            actor=actor,
            employee=employee,
            version=version,
            acknowledged_on=today or timezone.localdate(),
            source=Acknowledgement.Source.SELF,
        )


def acknowledge_on_paper(
    *, actor: Actor | None, employee: Employee, version: DocumentVersion, acknowledged_on: dt.date
) -> Acknowledgement:
    """Record a signed paper acknowledgement sheet: the date must fall while the version was in force."""
    require(actor, policy.MANAGE, company_id=employee.company_id, unit_id=employee.unit_id)
    if not _in_force_on(version, acknowledged_on):
        raise ValidationError(
            {
                "acknowledged_on": _(
                    "The version was not in force on that date; a superseded version cannot be acknowledged."
                )
            }
        )
    backdated = check_event_dates(
        actor=actor,
        company_id=employee.company_id,
        founded_on=employee.company.founded_on,
        dates={"acknowledged_on": acknowledged_on},
        labels={"acknowledged_on": _("Acknowledged on")},
    )
    with transaction.atomic():
        return _record(
            actor=actor,
            employee=employee,
            version=version,
            acknowledged_on=acknowledged_on,
            source=Acknowledgement.Source.PAPER,
            backdated=backdated,
        )


def ask_again(
    *, actor: Actor | None, version: DocumentVersion, deadline: dt.date, material: bool
) -> AckCampaign | None:
    """After `version` came into force: close the open campaigns on earlier versions and ask their
    unanswered employees again; after a material change, earlier acknowledgements become stale and
    those employees are asked again as well. Returns the new open campaign, if anyone is asked."""
    document_id = version.document_id
    earlier = AckCampaign.objects.filter(version__document_id=document_id, status=AckCampaign.Status.OPEN).exclude(
        version=version
    )
    employees = set(
        AckRequest.objects.filter(campaign__in=earlier, acknowledgement__isnull=True).values_list(
            "employee_id", flat=True
        )
    )
    include_new_hires = earlier.filter(include_new_hires=True).exists()
    closed = earlier.update(status=AckCampaign.Status.CLOSED, closed_at=timezone.now())
    stale = 0
    if material:
        old = Acknowledgement.objects.filter(document_id=document_id, is_stale=False).exclude(version=version)
        employees |= set(old.values_list("employee_id", flat=True))
        stale = old.update(is_stale=True)
    rows = Employee.objects.filter(pk__in=employees, dismissal_date__isnull=True).values_list(
        "pk", "company_id", "unit_id", "hire_date"
    )
    campaign = None
    if employees:
        campaign = AckCampaign.objects.create(
            version=version,
            title=_("%(title)s, version %(number)s") % {"title": version.document.title, "number": version.number},
            audience=Audience.READ_AGAIN,
            include_new_hires=include_new_hires,
            deadline=deadline,
            status=AckCampaign.Status.OPEN,
            launched_at=timezone.now(),
            created_by_id=cast(uuid.UUID, actor.pk) if actor is not None else None,
        )
        _add_requests(campaign, rows, new_hires=False)
    audit_record(
        actor=actor,
        event_type="awareness.campaign.asked_again",
        obj=version,
        company_id=version.document.company_id,
        changes={"campaigns_closed": [None, closed], "stale": [None, stale], "asked": [None, len(employees)]},
    )
    return campaign
