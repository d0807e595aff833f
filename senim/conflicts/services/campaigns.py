"""Campaigns: who is asked to submit form A, by when; launching, closing, new hires, reminders."""

import datetime as dt
import logging
import uuid
from collections.abc import Iterable
from typing import cast

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from senim.conflicts import policy
from senim.conflicts.models import Campaign, CampaignRequest, LatePolicy, Population
from senim.core.access import SYSTEM, Actor, PermissionDenied, require
from senim.core.audit import audit_record
from senim.org.models import Company, Employee, Unit
from senim.org.selectors import unit_subtree_ids

logger = logging.getLogger(__name__)


def _require_campaign_scope(actor: Actor, company_id: uuid.UUID | None) -> None:
    scope = require(actor, policy.REVIEW, company_id=company_id) if company_id else require(actor, policy.REVIEW)
    if company_id is None and not scope.everything:
        raise PermissionDenied(policy.REVIEW)


def campaign_create(
    *,
    actor: Actor,
    title: str,
    deadline: dt.date,
    population: str = Population.ALL,
    company: Company | None = None,
    units: Iterable[Unit] = (),
    late_policy: str = LatePolicy.MARK,
    hire_window_days: int = 30,
    today: dt.date | None = None,
) -> Campaign:
    """A draft campaign over the group (group-wide reviewers) or one company."""
    _require_campaign_scope(actor, company.pk if company else None)
    units = list(units)
    errors: dict[str, str] = {}
    if population == Population.COMPANY and company is None:
        errors["company"] = _("Choose the company.")
    if population == Population.UNITS and not units:
        errors["units"] = _("Choose at least one unit.")
    if company is not None and any(u.company_id != company.pk for u in units):
        errors["units"] = _("The units must belong to the chosen company.")
    if deadline < (today or timezone.localdate()):
        errors["deadline"] = _("The deadline is in the past.")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        campaign = Campaign(
            title=str(title or "").replace("\x00", "").strip()[:200],
            company=company,
            population=population,
            deadline=deadline,
            late_policy=late_policy,
            hire_window_days=hire_window_days,
            created_by_id=cast(uuid.UUID, actor.pk),
        )
        campaign.full_clean()
        campaign.save(force_insert=True)
        campaign.units.set(units)
        audit_record(
            actor=actor,
            event_type="conflicts.campaign.created",
            obj=campaign,
            changes={
                "title": [None, campaign.title],
                "population": [None, population],
                "deadline": [None, deadline],
                "units": [None, [str(u.pk) for u in units]],
                "late_policy": [None, late_policy],
            },
        )
    return campaign


def _population(campaign: Campaign, hired_since: dt.date | None = None) -> QuerySet[Employee]:
    employees = Employee.objects.filter(dismissal_date__isnull=True)
    if campaign.company_id:
        employees = employees.filter(company_id=campaign.company_id)
    if campaign.population == Population.UNITS:
        employees = employees.filter(unit_id__in=unit_subtree_ids(campaign.units.values_list("pk", flat=True)))
    elif campaign.population == Population.CORRUPTION_PRONE:
        employees = employees.filter(position__is_corruption_prone=True)
    elif campaign.population == Population.NEW_HIRES:
        employees = employees.filter(hire_date__gte=hired_since) if hired_since else employees.none()
    return employees


def _add_requests(campaign: Campaign, employees: QuerySet[Employee]) -> int:
    asked = set(CampaignRequest.objects.filter(campaign=campaign).values_list("employee_id", flat=True))
    new = []
    for employee_id, company_id, unit_id, hire_date in employees.values_list(
        "pk", "company_id", "unit_id", "hire_date"
    ):
        if employee_id in asked:
            continue
        due = campaign.deadline
        if campaign.population == Population.NEW_HIRES and hire_date:
            due = hire_date + dt.timedelta(days=campaign.hire_window_days)
        new.append(
            CampaignRequest(
                campaign=campaign, employee_id=employee_id, company_id=company_id, unit_id=unit_id, due_date=due
            )
        )
    CampaignRequest.objects.bulk_create(new, batch_size=1000)
    return len(new)


def campaign_launch(*, actor: Actor, campaign: Campaign, today: dt.date | None = None) -> int:
    """Open a draft campaign and ask its population; return how many employees were asked.
    A new-hires campaign asks those hired in the last window and, later, every new hire."""
    _require_campaign_scope(actor, campaign.company_id)
    if campaign.status != Campaign.Status.DRAFT:
        raise ValidationError(_("Only a draft campaign can be launched."))
    today = today or timezone.localdate()
    with transaction.atomic():
        campaign.status = Campaign.Status.OPEN
        campaign.launched_at = timezone.now()
        campaign.save(update_fields=["status", "launched_at", "updated_at"])
        since = today - dt.timedelta(days=campaign.hire_window_days)
        asked = _add_requests(campaign, _population(campaign, hired_since=since))
        audit_record(
            actor=actor,
            event_type="conflicts.campaign.launched",
            obj=campaign,
            changes={"status": [Campaign.Status.DRAFT, Campaign.Status.OPEN], "asked": [None, asked]},
        )
    return asked


def campaign_sync_new_hires(*, today: dt.date | None = None) -> int:
    """Ask every employee hired since an open new-hires campaign was launched (the system runs
    this with the reminders); return how many were added."""
    today = today or timezone.localdate()
    added = 0
    for campaign in Campaign.objects.filter(status=Campaign.Status.OPEN, population=Population.NEW_HIRES):
        launched = timezone.localdate(campaign.launched_at) if campaign.launched_at else today
        since = launched - dt.timedelta(days=campaign.hire_window_days)
        with transaction.atomic():
            count = _add_requests(campaign, _population(campaign, hired_since=since))
            if count:
                audit_record(
                    actor=SYSTEM,
                    event_type="conflicts.campaign.new_hires",
                    obj=campaign,
                    changes={"asked": [None, count]},
                )
        added += count
    return added


def campaign_close(*, actor: Actor, campaign: Campaign) -> Campaign:
    _require_campaign_scope(actor, campaign.company_id)
    if campaign.status != Campaign.Status.OPEN:
        raise ValidationError(_("Only an open campaign can be closed."))
    with transaction.atomic():
        campaign.status = Campaign.Status.CLOSED
        campaign.closed_at = timezone.now()
        campaign.save(update_fields=["status", "closed_at", "updated_at"])
        audit_record(
            actor=actor,
            event_type="conflicts.campaign.closed",
            obj=campaign,
            changes={"status": [Campaign.Status.OPEN, Campaign.Status.CLOSED]},
        )
    return campaign


def _address(request: CampaignRequest) -> tuple[str, str]:
    employee = request.employee
    account = getattr(employee, "user_account", None)
    language = (getattr(account, "language", "") or settings.LANGUAGE_CODE) if account else settings.LANGUAGE_CODE
    email = employee.email or (account.email if account else "")
    return email, language


def campaign_remind(*, actor: Actor, campaign: Campaign | None = None, today: dt.date | None = None) -> dict[str, int]:
    """E-mail every employee who has not yet answered an open campaign (one campaign, or all
    when None: the system's daily run, which also asks new hires). Returns counts."""
    _require_campaign_scope(actor, campaign.company_id if campaign else None)
    added = campaign_sync_new_hires(today=today) if campaign is None else 0
    pending = CampaignRequest.objects.filter(
        declaration__isnull=True, campaign__status=Campaign.Status.OPEN, employee__dismissal_date__isnull=True
    )
    if campaign is not None:
        if campaign.status != Campaign.Status.OPEN:
            raise ValidationError(_("Only an open campaign sends reminders."))
        pending = pending.filter(campaign=campaign)
    sent = without_address = 0
    now = timezone.now()
    for request in pending.select_related("campaign", "employee", "employee__user_account").iterator(chunk_size=500):
        email, language = _address(request)
        if not email:
            without_address += 1
            continue
        with translation.override(language):
            subject = _("Reminder: declaration of conflicts of interest (form A)")
            body = _(
                "Please submit your declaration of conflicts of interest (form A) for «%(title)s» by %(due)s "
                "in Senim, under Conflicts of interest → My declarations."
            ) % {"title": request.campaign.title, "due": date_format(request.due_date, "DATE_FORMAT")}
        try:
            send_mail(subject, body, None, [email])
        except OSError:
            logger.warning("Reminder to %s could not be sent", request.employee_id)
            continue
        CampaignRequest.objects.filter(pk=request.pk).update(
            reminders_sent=request.reminders_sent + 1, last_reminded_at=now
        )
        sent += 1
    if campaign is not None or sent:
        audit_record(
            actor=actor,
            event_type="conflicts.campaign.reminded",
            obj=campaign,
            object_type="" if campaign else "conflicts.campaign",
            object_repr="" if campaign else "all open campaigns",
            changes={"sent": [None, sent], "without_address": [None, without_address]},
        )
    return {"sent": sent, "without_address": without_address, "new_hires": added}
