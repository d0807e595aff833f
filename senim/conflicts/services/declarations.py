"""Form versions, declarations (self-service or paper), their review and settlement measures."""

import datetime as dt
import hashlib
import logging
import uuid
from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any, cast

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from senim.conflicts import policy
from senim.conflicts.models import (
    Campaign,
    CampaignRequest,
    Declaration,
    DeclarationItem,
    FormQuestion,
    FormType,
    FormVersion,
    Holder,
    LatePolicy,
    Measure,
    MeasureKind,
    Outcome,
    Relation,
    Section,
)
from senim.conflicts.screening import screen_declared_companies
from senim.core import files, validators
from senim.core.access import SYSTEM, Actor, PermissionDenied, require, scope_of
from senim.core.approvals import Decision, decision_record
from senim.core.audit import audit_record, diff
from senim.core.eventdates import backdated_changes, check_event_dates
from senim.core.i18n import CONTENT_LANGUAGES
from senim.org.models import Employee

logger = logging.getLogger(__name__)

DEFAULT_QUESTIONS = {
    Section.RELATIVES: gettext_lazy(
        "Do any of your relatives (spouse, parents, children, brothers and sisters, relatives by marriage) "
        "work in a company of the group? Name each, the relation and where they work."
    ),
    Section.INTERESTS: gettext_lazy(
        "Do you or your relatives hold a share in, manage or work for a counterparty or a competitor of the "
        "group? Name the company, the share and the role."
    ),
    Section.OUTSIDE_JOBS: gettext_lazy(
        "Do you have a job outside the group, or a seat on the board of another organisation?"
    ),
    Section.OTHER: gettext_lazy(
        "Are there other circumstances in which your personal interest could affect the impartial "
        "performance of your duties?"
    ),
}
TEXT_LIMIT = 5000


def _clean_text(value: Any, limit: int = 300) -> str:
    return str(value or "").replace("\x00", "").strip()[:limit]


# ---------------------------------------------------------------------------- form versions


def form_version_current(form_type: str) -> FormVersion:
    """The newest version of the form; the first call creates version 1 from the built-in
    questions, in every language."""
    if form_type not in FormType.values:
        raise ValidationError({"form_type": _("Unknown form.")})
    version = FormVersion.objects.filter(form_type=form_type).order_by("-number").first()
    if version is not None:
        return version
    texts: dict[str, dict[str, str]] = {}
    for section, question in DEFAULT_QUESTIONS.items():
        texts[section] = {}
        for language in CONTENT_LANGUAGES:
            with translation.override(language):
                texts[section][language] = str(question)
    return _version_save(actor=SYSTEM, form_type=form_type, texts=texts, note="")


def _version_save(
    *, actor: Actor | None, form_type: str, texts: Mapping[str, Mapping[str, str]], note: str
) -> FormVersion:
    with transaction.atomic():
        number = (FormVersion.objects.filter(form_type=form_type).aggregate(n=Max("number"))["n"] or 0) + 1
        version = FormVersion.objects.create(
            form_type=form_type,
            number=number,
            note=_clean_text(note),
            created_by_id=cast(uuid.UUID, actor.pk) if actor is not None else None,
        )
        FormQuestion.objects.bulk_create(
            FormQuestion(
                version=version,
                section=section,
                **{f"text_{code}": _clean_text(texts[section].get(code), TEXT_LIMIT) for code in CONTENT_LANGUAGES},
            )
            for section in Section.values
        )
        audit_record(
            actor=actor,
            event_type="conflicts.form_version.created",
            obj=version,
            changes={"number": [None, number], "questions": [None, {s: dict(texts[s]) for s in Section.values}]},
        )
    return version


def form_version_create(
    *, actor: Actor, form_type: str, texts: Mapping[str, Mapping[str, str]], note: str = ""
) -> FormVersion:
    """A new version of the form's questions; every section needs its question in all four
    languages. Declarations already made keep the version they answered."""
    scope = require(actor, policy.EDIT_FORMS)
    if not scope.everything:
        raise PermissionDenied(policy.EDIT_FORMS)
    if form_type not in FormType.values:
        raise ValidationError({"form_type": _("Unknown form.")})
    errors = {}
    for section in Section.values:
        for code in CONTENT_LANGUAGES:
            if not _clean_text((texts.get(section) or {}).get(code), TEXT_LIMIT):
                errors[f"{section}_{code}"] = _("Give the question in every language.")
    if errors:
        raise ValidationError(errors)
    return _version_save(actor=actor, form_type=form_type, texts=texts, note=note)


# ---------------------------------------------------------------------------- declarations


def _check_person_identifier(value: str) -> None:
    if len(value) == 12:
        validators.validate_iin(value)
    elif len(value) == 14:
        validators.validate_pinfl(value)
    else:
        raise ValidationError(_("An IIN has 12 digits and a PINFL 14."))


def _check_organisation_identifier(value: str) -> None:
    if len(value) == 12:
        validators.validate_bin(value)
    elif len(value) == 9:
        validators.validate_stir(value)
    else:
        raise ValidationError(_("A BIN has 12 digits and a STIR 9."))


def _build_item(raw: Mapping[str, Any]) -> DeclarationItem:
    """One declared fact from submitted values; raises ValidationError naming the field."""
    section = raw.get("section")
    if section not in Section.values:
        raise ValidationError({"section": _("Unknown section.")})
    share = raw.get("share")
    if share not in (None, ""):
        try:
            share = Decimal(str(share).replace(",", "."))
        except (InvalidOperation, ValueError) as error:
            raise ValidationError({"share": _("Enter the share as a number.")}) from error
        if not share.is_finite() or not 0 <= share <= 100:
            raise ValidationError({"share": _("A share is between 0 and 100 %.")})
    else:
        share = None
    item = DeclarationItem(
        section=section,
        person_name=_clean_text(raw.get("person_name")),
        relation=_clean_text(raw.get("relation"), 10),
        person_identifier=_clean_text(raw.get("person_identifier"), 20).replace(" ", ""),
        workplace=_clean_text(raw.get("workplace")),
        holder=_clean_text(raw.get("holder"), 10),
        organisation=_clean_text(raw.get("organisation")),
        organisation_identifier=_clean_text(raw.get("organisation_identifier"), 20).replace(" ", ""),
        share=share,
        role=_clean_text(raw.get("role"), 200),
        description=_clean_text(raw.get("description"), TEXT_LIMIT),
    )
    errors: dict[str, Any] = {}
    required = {
        Section.RELATIVES: ("person_name", "relation"),
        Section.INTERESTS: ("holder", "organisation"),
        Section.OUTSIDE_JOBS: ("organisation", "role"),
        Section.OTHER: ("description",),
    }[Section(section)]
    for name in required:
        if not getattr(item, name):
            errors[name] = _("This field is required.")
    if section == Section.INTERESTS and item.holder == Holder.RELATIVE and not item.person_name:
        errors["person_name"] = _("Name the relative who holds the interest.")
    if item.relation and item.relation not in Relation.values:
        errors["relation"] = _("Unknown relation.")
    if item.holder and item.holder not in Holder.values:
        errors["holder"] = _("Unknown holder.")
    for name, check in (
        ("person_identifier", _check_person_identifier),
        ("organisation_identifier", _check_organisation_identifier),
    ):
        value = getattr(item, name)
        if value:
            try:
                check(value)
            except ValidationError as error:
                errors[name] = error.messages
    if errors:
        raise ValidationError(errors)
    return item


def _open_requests(employee: Employee) -> list[CampaignRequest]:
    return list(
        CampaignRequest.objects.select_related("campaign")
        .filter(employee=employee, declaration__isnull=True, campaign__status=Campaign.Status.OPEN)
        .order_by("due_date")
    )


def _lateness(requests: list[CampaignRequest], today: dt.date) -> bool:
    """Whether the answer is late; raises ValidationError when a campaign refuses late answers."""
    late = False
    for request in requests:
        if today > request.due_date:
            if request.campaign.late_policy == LatePolicy.REFUSE:
                raise ValidationError(
                    _("The deadline of the campaign «%(title)s» has passed; it does not accept late declarations.")
                    % {"title": request.campaign.title}
                )
            late = True
    return late


SCAN_AREA = "conflicts/scans"


def _store_scan(scan: Any) -> str:
    """Keep the scan of a paper declaration, sealed, in the storage every host shares."""
    return files.file_save(SCAN_AREA, scan, sealed=True)


def scan_read(stored: str) -> bytes:
    """The scan of a paper declaration (FileNotFoundError when it is gone)."""
    return files.file_read(stored, sealed=True)


def declaration_submit(
    *,
    actor: Actor | None,
    employee: Employee,
    form_type: str,
    items: Iterable[Mapping[str, Any]] = (),
    nothing_to_declare: bool = False,
    circumstances: str = "",
    supersedes: Declaration | None = None,
    paper_scan: Any = None,
    today: dt.date | None = None,
    submitted_on: dt.date | None = None,
) -> Declaration:
    """Submit form A or B for `employee`. The employee declares for themselves; an officer
    enters a paper form (with its scan) for an employee in scope. A new form A replaces the
    employee's current one; a form B is replaced only when `supersedes` names it. Answers the
    employee's open campaign requests (form A), marking the answer late or refusing it as each
    campaign says. None is the system (demo data). `submitted_on` is the day a form entered
    from paper or another system was submitted: a past day needs the right to back-date
    (`core.eventdates`); the entry time stays in `created_at`."""
    paper = paper_scan is not None
    if paper:
        require(actor, policy.REVIEW, company_id=employee.company_id, unit_id=employee.unit_id)
    else:
        require(actor, policy.DECLARE, employee_id=employee.pk)
    if form_type not in FormType.values:
        raise ValidationError({"form_type": _("Unknown form.")})
    if not employee.is_active:
        raise ValidationError(_("The employee has left the company."))
    built: list[DeclarationItem] = []
    problems: list[str] = []
    for number, raw in enumerate(items, start=1):
        try:
            built.append(_build_item(raw))
        except ValidationError as error:
            problems.extend(
                _("Item %(number)s: %(problem)s") % {"number": number, "problem": message} for message in error.messages
            )
    if problems:
        raise ValidationError(problems)
    circumstances = _clean_text(circumstances, TEXT_LIMIT)
    if form_type == FormType.A:
        if nothing_to_declare and built:
            raise ValidationError(_("You attested that you have nothing to declare, but listed facts. Choose one."))
        if not nothing_to_declare and not built:
            raise ValidationError(_("List what you declare, or attest that you have nothing to declare."))
    else:
        nothing_to_declare = False
        if not circumstances:
            raise ValidationError({"circumstances": _("Describe the conflict of interest that has arisen.")})
    if supersedes is not None and (supersedes.employee_id != employee.pk or supersedes.form_type != form_type):
        raise ValidationError(_("A new version must be of the same form and employee."))
    today = today or timezone.localdate()
    submitted_at = timezone.now()
    backdated = False
    if submitted_on is not None:
        # A form entered from paper or another system, with the day it was actually submitted.
        backdated = check_event_dates(
            actor=actor,
            company_id=employee.company_id,
            founded_on=employee.company.founded_on,
            dates={"submitted_on": submitted_on},
            labels={"submitted_on": _("Submitted on")},
            today=timezone.localdate(),
        )
        if backdated:
            submitted_at = timezone.make_aware(dt.datetime.combine(submitted_on, dt.time(12, 0)))
            today = submitted_on
    requests = _open_requests(employee) if form_type == FormType.A and not backdated else []
    is_late = _lateness(requests, today)
    with transaction.atomic():
        # The version replaced is read and locked here, in the transaction that replaces it; the
        # unique constraint on `supersedes` refuses a second form replacing it at the same time.
        if supersedes is not None:
            supersedes = Declaration.objects.select_for_update().get(pk=supersedes.pk)
            if supersedes.status == Declaration.Status.SUPERSEDED:
                raise ValidationError(_("This declaration has already been replaced by a newer version."))
        elif form_type == FormType.A:
            supersedes = (
                Declaration.objects.select_for_update()
                .filter(employee=employee, form_type=FormType.A)
                .exclude(status=Declaration.Status.SUPERSEDED)
                .order_by("-submitted_at")
                .first()
            )
        declaration = Declaration(
            employee=employee,
            company_id=employee.company_id,
            unit_id=employee.unit_id,
            form_type=form_type,
            form_version=form_version_current(form_type),
            campaign=requests[0].campaign if requests else None,
            number=supersedes.number + 1 if supersedes else 1,
            supersedes=supersedes,
            nothing_to_declare=nothing_to_declare,
            circumstances=circumstances,
            source=Declaration.Source.PAPER if paper else Declaration.Source.SELF,
            scan_name=_clean_text(getattr(paper_scan, "name", ""), 200) if paper else "",
            is_late=is_late,
            submitted_at=submitted_at,
            submitted_by_id=cast(uuid.UUID, actor.pk) if actor is not None else None,
        )
        if paper:
            declaration.scan_file = _store_scan(paper_scan)
        try:
            with transaction.atomic():
                declaration.save(force_insert=True)
        except IntegrityError as error:
            raise ValidationError(_("This declaration has already been replaced by a newer version.")) from error
        for item in built:
            item.declaration = declaration
            item.full_clean()
        DeclarationItem.objects.bulk_create(built)
        if supersedes is not None:
            Declaration.objects.filter(pk=supersedes.pk).update(status=Declaration.Status.SUPERSEDED)
        if requests:
            CampaignRequest.objects.filter(pk__in=[r.pk for r in requests]).update(declaration=declaration)
        if any(item.organisation and item.section != Section.RELATIVES for item in built):
            declaration_id = str(declaration.pk)
            transaction.on_commit(lambda: screen_declared_companies.enqueue(declaration_id=declaration_id))
        audit_record(
            actor=actor,
            event_type="conflicts.declaration.submitted",
            obj=declaration,
            changes={
                "form_type": [None, form_type],
                "number": [None, declaration.number],
                "source": [None, declaration.source],
                "nothing_to_declare": [None, nothing_to_declare],
                "items": [None, len(built)],
                "is_late": [None, is_late],
                "scan_sha256": [None, _digest(declaration) if paper else None],
                **({"submitted_at": [None, submitted_at]} if backdated else {}),
                **backdated_changes(backdated),
            },
        )
    return declaration


def _digest(declaration: Declaration) -> str:
    return hashlib.sha256(scan_read(declaration.scan_file)).hexdigest()


# The approval step of a declaration (senim.core.approvals; its adapter is conflicts.approvals).
STEP_REVIEW = "declaration.review"


def declaration_review(*, actor: Actor, declaration: Declaration, outcome: str, comment: str) -> Declaration:
    """Assess a declaration once: no conflict closes it; a potential or actual conflict awaits
    its settlement measures. A changed assessment needs a new version of the declaration."""
    require(actor, policy.REVIEW, company_id=declaration.company_id, unit_id=declaration.unit_id)
    if declaration.employee_id == getattr(actor, "employee_id", None):
        raise PermissionDenied(policy.REVIEW)
    if declaration.status == Declaration.Status.SUPERSEDED:
        raise ValidationError(_("This declaration has been replaced by a newer version; review that one."))
    if declaration.is_reviewed:
        raise ValidationError(_("This declaration has already been reviewed."))
    if outcome not in Outcome.values:
        raise ValidationError({"outcome": _("Choose no conflict, potential or actual conflict.")})
    comment = _clean_text(comment, TEXT_LIMIT)
    if outcome != Outcome.NONE and not comment:
        raise ValidationError({"comment": _("Explain the conflict in a comment.")})
    with transaction.atomic():
        before = {"status": declaration.status, "outcome": declaration.outcome}
        declaration.outcome = outcome
        declaration.review_comment = comment
        declaration.status = Declaration.Status.CLOSED if outcome == Outcome.NONE else Declaration.Status.REVIEWED
        declaration.reviewed_by_id = cast(uuid.UUID, actor.pk)
        declaration.reviewed_at = timezone.now()
        declaration.save()
        audit_record(
            actor=actor,
            event_type="conflicts.declaration.reviewed",
            obj=declaration,
            changes=diff(before, {"status": declaration.status, "outcome": outcome}) | {"comment": [None, comment]},
        )
        # A review is a decision of the step whatever the assessment: the outcome says which.
        decision_record(
            actor=actor, obj=declaration, step=STEP_REVIEW, decision=Decision.APPROVE, outcome=outcome, comment=comment
        )
    return declaration


MAX_BULK = 500


def declarations_close_empty(*, actor: Actor, declarations: list[Declaration], comment: str = "") -> list[Declaration]:
    """Close many forms A that declare nothing (the hundreds a yearly campaign brings in) as "no
    conflict": each through `declaration_review`, so each is checked and audited on its own, all in
    one transaction. One that is not a submitted form A with nothing to declare, or that the actor
    may not review, leaves every declaration as it was."""
    if not declarations:
        raise ValidationError(_("Choose at least one declaration."))
    if len(declarations) > MAX_BULK:
        raise ValidationError(_("Close at most %(max)d declarations at a time.") % {"max": MAX_BULK})
    with transaction.atomic():
        closed = []
        for declaration in declarations:
            if not (
                declaration.form_type == FormType.A
                and declaration.nothing_to_declare
                and declaration.status == Declaration.Status.SUBMITTED
            ):
                raise ValidationError(
                    _("%(employee)s: only submitted forms A with nothing to declare are closed together.")
                    % {"employee": declaration.employee.full_name}
                )
            closed.append(
                declaration_review(actor=actor, declaration=declaration, outcome=Outcome.NONE, comment=comment)
            )
        return closed


def measure_add(
    *,
    actor: Actor,
    declaration: Declaration,
    kind: str,
    description: str,
    owner: Any,
    deadline: dt.date,
    subject: str = "",
    today: dt.date | None = None,
) -> Measure:
    """Add a settlement measure to a declaration assessed as a (potential) conflict."""
    require(actor, policy.REVIEW, company_id=declaration.company_id, unit_id=declaration.unit_id)
    if declaration.outcome not in {Outcome.POTENTIAL, Outcome.ACTUAL}:
        raise ValidationError(_("Measures settle a potential or actual conflict; assess the declaration first."))
    if declaration.status != Declaration.Status.REVIEWED:
        raise ValidationError(_("This declaration is no longer open for measures."))
    if kind not in MeasureKind.values:
        raise ValidationError({"kind": _("Unknown measure.")})
    if owner is None or not getattr(owner, "is_active", False):
        raise ValidationError({"owner": _("Choose an active user responsible for the measure.")})
    if deadline < (today or timezone.localdate()):
        raise ValidationError({"deadline": _("The deadline is in the past.")})
    description = _clean_text(description, TEXT_LIMIT)
    if not description:
        raise ValidationError({"description": _("Say what is to be done.")})
    with transaction.atomic():
        measure = Measure.objects.create(
            declaration=declaration,
            kind=kind,
            subject=_clean_text(subject),
            description=description,
            owner=owner,
            deadline=deadline,
        )
        audit_record(
            actor=actor,
            event_type="conflicts.measure.added",
            obj=measure,
            company_id=declaration.company_id,
            changes={
                "declaration": [None, str(declaration.pk)],
                "kind": [None, kind],
                "owner": [None, str(owner.pk)],
                "deadline": [None, deadline],
            },
        )
        measure_id = measure.pk
        transaction.on_commit(lambda: _notify_owner(measure_id))
    return measure


def _notify_owner(measure_id: uuid.UUID) -> None:
    """E-mail the person responsible for a new measure, in their language (after commit; a mail
    failure is logged, never undoes the measure)."""
    measure = Measure.objects.select_related("owner", "declaration__employee").get(pk=measure_id)
    owner = measure.owner
    if not owner.email:
        return
    with translation.override(owner.language or settings.LANGUAGE_CODE):
        subject = _("A measure to settle a conflict of interest is assigned to you")
        body = _(
            "%(measure)s concerning %(employee)s, by %(deadline)s. See Senim, Conflicts of interest → My actions."
        ) % {
            "measure": measure.get_kind_display(),
            "employee": measure.declaration.employee.full_name,
            "deadline": date_format(measure.deadline, "DATE_FORMAT"),
        }
    try:
        send_mail(subject, body, None, [owner.email])
    except OSError:
        logger.warning("The notification of measure %s could not be sent", measure_id)


def measure_complete(*, actor: Actor, measure: Measure, note: str) -> Measure:
    """Mark a measure done (its owner, or a reviewer in scope); the declaration is settled when
    every measure is done."""
    declaration = measure.declaration
    is_owner = getattr(actor, "pk", None) == measure.owner_id
    if not is_owner:
        require(actor, policy.REVIEW, company_id=declaration.company_id, unit_id=declaration.unit_id)
    if measure.is_done:
        raise ValidationError(_("This measure is already done."))
    if declaration.status != Declaration.Status.REVIEWED:
        raise ValidationError(_("This declaration is no longer open for measures."))
    note = _clean_text(note, TEXT_LIMIT)
    if not note:
        raise ValidationError({"note": _("Say how the measure was carried out.")})
    with transaction.atomic():
        measure.done_at = timezone.now()
        measure.done_by_id = cast(uuid.UUID, actor.pk)
        measure.done_note = note
        measure.save()
        audit_record(
            actor=actor,
            event_type="conflicts.measure.done",
            obj=measure,
            company_id=declaration.company_id,
            changes={"done_note": [None, note]},
        )
        if not declaration.measures.filter(done_at__isnull=True).exists():
            declaration.status = Declaration.Status.SETTLED
            declaration.settled_at = timezone.now()
            declaration.save(update_fields=["status", "settled_at", "updated_at"])
            audit_record(
                actor=actor,
                event_type="conflicts.declaration.settled",
                obj=declaration,
                changes={"status": [Declaration.Status.REVIEWED, Declaration.Status.SETTLED]},
            )
    return measure


def may_review(actor: Actor | None, declaration: Declaration) -> bool:
    scope = scope_of(actor, policy.REVIEW)
    return scope.covers(company_id=declaration.company_id, unit_id=declaration.unit_id)
