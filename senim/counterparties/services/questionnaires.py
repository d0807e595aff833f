"""The anti-corruption questionnaire: versions, personal links, drafts and the single submission,
entry of paper copies by staff, and the red flags answers raise."""

import datetime as dt
import decimal
import hashlib
import secrets
import uuid
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from senim.core import files, identifiers
from senim.core.access import SYSTEM, Actor, require
from senim.core.audit import audit_record
from senim.core.eventdates import backdated_changes, check_event_dates
from senim.core.mail import notify_after_commit
from senim.core.services import model_create, model_update
from senim.core.uploads import check_upload_size
from senim.counterparties import notices, policy
from senim.counterparties.models import (
    Answer,
    AnswerType,
    Counterparty,
    Question,
    Questionnaire,
    QuestionnaireResponse,
)
from senim.counterparties.services.register import _live, _require_group
from senim.org.models import Company

FILE_SUFFIXES = (".pdf", ".jpg", ".jpeg", ".png", ".docx", ".xlsx")
MAX_PERSONS = 50


class LinkUnusable(Exception):
    """A personal link that cannot be used: `reason` is "invalid", "expired" or "submitted"."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class FormTampered(ValidationError):
    """The submitted form is not the one Senim rendered: answers to questions not in the
    questionnaire, or another version. Nothing is saved."""


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


# Files attached to answers and scans of paper copies, sealed in the storage every host shares.
FILE_AREA = "counterparties/questionnaires"


def questionnaire_current() -> Questionnaire | None:
    """The latest published version, which new links and paper entries use."""
    return Questionnaire.objects.filter(published_on__isnull=False).order_by("-version").first()


def questionnaire_send(
    *,
    actor: Actor | None,
    counterparty: Counterparty,
    company: Company,
    valid_days: int = 30,
    include_esg: bool = False,
) -> tuple[QuestionnaireResponse, str]:
    """Create a personal link for the counterparty; return the response and the token, which is
    shown once and kept only as a hash. `include_esg` adds the optional ESG and human-rights section."""
    require(actor, policy.SEND_QUESTIONNAIRE, company_id=company.id)
    _live(counterparty)
    questionnaire = questionnaire_current()
    if questionnaire is None:
        raise ValidationError(_("No questionnaire is published."))
    if not 1 <= valid_days <= 180:
        raise ValidationError({"valid_days": _("A link is valid for 1 to 180 days.")})
    token = secrets.token_urlsafe(24)
    with transaction.atomic():
        response = QuestionnaireResponse.objects.create(
            questionnaire=questionnaire,
            counterparty=counterparty,
            company=company,
            token_hash=_hash(token),
            expires_on=timezone.localdate() + dt.timedelta(days=valid_days),
            sent_by=actor if getattr(actor, "is_authenticated", False) else None,  # type: ignore[misc]
            includes_esg=include_esg,
        )
        audit_record(
            actor=actor,
            event_type="counterparties.questionnaire.sent",
            obj=response,
            company_id=company.id,
            changes={
                "expires_on": [None, str(response.expires_on)],
                "version": [None, questionnaire.version],
                "includes_esg": [None, include_esg],
            },
        )
    return response, token


def response_for_token(token: str) -> QuestionnaireResponse:
    """The response a personal link opens; raises LinkUnusable with the reason otherwise."""
    if not token or len(token) > 100:
        raise LinkUnusable("invalid")
    response = (
        QuestionnaireResponse.objects.select_related("questionnaire", "counterparty")
        .filter(token_hash=_hash(token))
        .first()
    )
    if response is None:
        raise LinkUnusable("invalid")
    if response.status == QuestionnaireResponse.Status.SUBMITTED:
        raise LinkUnusable("submitted")
    if response.expires_on is not None and response.expires_on < timezone.localdate():
        raise LinkUnusable("expired")
    return response


# --- answers ------------------------------------------------------------------------------------------


def _parse_persons(text: str) -> list[dict[str, str]]:
    """One person a line: "name; identifier; role or relation" (the last two optional)."""
    persons = []
    for number, line in enumerate((text or "").splitlines(), start=1):
        if not line.strip():
            continue
        parts = [p.strip() for p in line.replace("\t", ";").split(";")]
        name = parts[0]
        ident = identifiers.normalise_identifier(parts[1]) if len(parts) > 1 else ""
        if not name or len(name) > 300:
            raise ValidationError(_("Line %(line)d: give the person's name.") % {"line": number})
        if ident and ident.isdigit():
            valid = (
                identifiers.is_valid_kz_bin_or_iin(ident, strict=False)
                if len(ident) == 12
                else (identifiers.is_valid_pinfl(ident, strict=False) if len(ident) == 14 else False)
            )
            if not valid:
                raise ValidationError(
                    _("Line %(line)d: “%(number)s” is not a valid IIN or PINFL.") % {"line": number, "number": ident}
                )
        persons.append({"name": name, "identifier": ident[:40], "role": (parts[2] if len(parts) > 2 else "")[:200]})
        if len(persons) > MAX_PERSONS:
            raise ValidationError(_("At most %(max)d persons.") % {"max": MAX_PERSONS})
    return persons


def _parse(question: Question, raw: str) -> Any:
    raw = (raw or "").strip()
    if "\x00" in raw:
        # Multipart bodies pass the NUL middleware; PostgreSQL text cannot hold the character.
        raise ValidationError(_("The answer contains a NUL character, which is not allowed."))
    kind = question.answer_type
    if kind == AnswerType.PERSONS:
        return _parse_persons(raw) or None
    if not raw:
        return None
    if kind == AnswerType.YES_NO:
        if raw not in {"yes", "no"}:
            raise ValidationError(_("Answer yes or no."))
        return raw == "yes"
    if kind == AnswerType.CHOICE:
        if raw not in {c.get("value") for c in question.choices}:
            raise ValidationError(_("Choose one of the options."))
        return raw
    if kind == AnswerType.DATE:
        try:
            value = dt.date.fromisoformat(raw)
        except ValueError as error:
            raise ValidationError(_("Give a date as YYYY-MM-DD.")) from error
        if not 1900 <= value.year <= 2100:
            raise ValidationError(_("Give a date as YYYY-MM-DD."))
        return value.isoformat()
    if kind == AnswerType.NUMBER:
        try:
            number = decimal.Decimal(raw.replace(" ", "").replace(",", "."))
        except decimal.InvalidOperation as error:
            raise ValidationError(_("Give a number.")) from error
        if not number.is_finite() or abs(number) >= 10**15:
            raise ValidationError(_("Give a number."))
        return str(number)
    if len(raw) > 5000:
        raise ValidationError(_("At most %(max)d characters.") % {"max": 5000})
    return raw


def _store_file(response: QuestionnaireResponse, upload: UploadedFile) -> tuple[str, str]:
    name = (upload.name or "file")[-200:]
    if not name.lower().endswith(FILE_SUFFIXES):
        raise ValidationError(_("Attach a PDF, JPG, PNG, DOCX or XLSX file."))
    check_upload_size(upload)
    return name, files.file_save(f"{FILE_AREA}/{response.pk}", upload, suffix=Path(name).suffix.lower(), sealed=True)


def _save_answers(
    response: QuestionnaireResponse,
    data: Mapping[str, str],
    files: Mapping[str, UploadedFile],
    *,
    submit: bool,
) -> int:
    questions = {q.code: q for q in response.asked()}
    # A section left out of this response (the optional ESG one) may come back as empty fields of a
    # form that showed it; an answer in it is refused like any question not asked.
    left_out = {
        q.code
        for q in response.questionnaire.questions.all()
        if q.code not in questions and not data.get(f"q_{q.code}", "").strip() and f"q_{q.code}" not in files
    }
    keys = {key[2:] for key in (*data.keys(), *files.keys()) if key.startswith("q_")}
    unknown = sorted(keys - set(questions) - left_out)
    if unknown:
        raise FormTampered(
            _("Answers to questions not in this questionnaire: %(codes)s.") % {"codes": ", ".join(unknown[:5])}
        )
    existing = {a.question_id: a for a in Answer.objects.filter(response=response)}
    errors: dict[str, Any] = {}
    parsed: dict[str, Any] = {}
    for code, question in questions.items():
        try:
            parsed[code] = _parse(question, data.get(f"q_{code}", ""))
        except ValidationError as error:
            errors[f"q_{code}"] = error.messages
    stored: dict[str, tuple[str, str]] = {}
    for code, question in questions.items():
        upload = files.get(f"q_{code}")
        if upload is not None:
            if question.answer_type != AnswerType.FILE:
                errors[f"q_{code}"] = [_("This question takes no file.")]
                continue
            try:
                stored[code] = _store_file(response, upload)
            except ValidationError as error:
                errors[f"q_{code}"] = error.messages
    if submit:
        for code, question in questions.items():
            has_file = code in stored or bool(existing.get(question.pk) and existing[question.pk].stored_file)
            answered = has_file if question.answer_type == AnswerType.FILE else parsed.get(code) is not None
            if question.is_required and not answered and f"q_{code}" not in errors:
                errors[f"q_{code}"] = [_("This question must be answered.")]
    if errors:
        raise ValidationError(errors)
    count = 0
    for code, question in questions.items():
        answer = existing.get(question.pk) or Answer(response=response, question=question)
        if question.answer_type == AnswerType.FILE:
            if code not in stored:
                continue
            answer.file_name, answer.stored_file = stored[code]
            answer.value = None
        else:
            answer.value = parsed[code]
        answer.save()
        count += 1
    return count


def response_save(
    *,
    response: QuestionnaireResponse,
    data: Mapping[str, str],
    files: Mapping[str, UploadedFile],
    version: str,
    language: str,
    submit: bool,
) -> QuestionnaireResponse:
    """Save the counterparty's answers through its personal link: a draft, or the one submission.
    Answers to questions not in the questionnaire and a tampered version are refused; nothing is saved."""
    if str(response.questionnaire.version) != (version or "").strip():
        raise FormTampered(_("The form does not match this questionnaire. Reload the page."))
    if response.status == QuestionnaireResponse.Status.SUBMITTED:
        raise LinkUnusable("submitted")
    with transaction.atomic():
        locked = QuestionnaireResponse.objects.select_for_update().get(pk=response.pk)
        if locked.status == QuestionnaireResponse.Status.SUBMITTED:
            raise LinkUnusable("submitted")
        count = _save_answers(locked, data, files, submit=submit)
        locked.language = language[:5]
        if submit:
            locked.status = QuestionnaireResponse.Status.SUBMITTED
            locked.submitted_at = timezone.now()
            locked.submitted_on = timezone.localdate()
        else:
            locked.status = QuestionnaireResponse.Status.DRAFT
        locked.save()
        audit_record(
            actor=SYSTEM,
            event_type="counterparties.questionnaire.submitted"
            if submit
            else "counterparties.questionnaire.draft_saved",
            obj=locked,
            company_id=locked.company_id,
            changes={"answers": [None, count], "via": [None, "personal link"]},
        )
        if submit:
            notify_after_commit(notices.questionnaire_received, locked.pk)
    return locked


def response_enter_on_paper(
    *,
    actor: Actor | None,
    counterparty: Counterparty,
    company: Company,
    data: Mapping[str, str],
    files: Mapping[str, UploadedFile],
    scan: UploadedFile | None,
    include_esg: bool = False,
    submitted_on: dt.date | None = None,
) -> QuestionnaireResponse:
    """Enter a questionnaire the counterparty filled on paper, with the scan attached (and, with
    `include_esg`, the answers to the ESG and human-rights section). `submitted_on`: the day the
    counterparty signed it (today by default); an earlier day is back-dating (audited, for those
    who may), never in the future nor before the company existed."""
    require(actor, policy.SEND_QUESTIONNAIRE, company_id=company.id)
    _live(counterparty)
    backdated = check_event_dates(
        actor=actor,
        company_id=company.id,
        founded_on=company.founded_on,
        dates={"submitted_on": submitted_on},
        labels={"submitted_on": _("Submitted on")},
    )
    questionnaire = questionnaire_current()
    if questionnaire is None:
        raise ValidationError(_("No questionnaire is published."))
    if scan is None:
        raise ValidationError({"scan": _("Attach the scan of the paper copy.")})
    with transaction.atomic():
        response = QuestionnaireResponse.objects.create(
            questionnaire=questionnaire,
            counterparty=counterparty,
            company=company,
            status=QuestionnaireResponse.Status.SUBMITTED,
            submitted_at=timezone.now(),
            submitted_on=submitted_on or timezone.localdate(),
            entered_by=actor if getattr(actor, "is_authenticated", False) else None,  # type: ignore[misc]
            includes_esg=include_esg,
        )
        try:
            response.scan_name, response.scan_file = _store_file(response, scan)
        except ValidationError as error:
            raise ValidationError({"scan": error.messages}) from error
        response.save()
        count = _save_answers(response, data, files, submit=True)
        audit_record(
            actor=actor,
            event_type="counterparties.questionnaire.entered",
            obj=response,
            company_id=company.id,
            changes={
                "answers": [None, count],
                "scan": [None, response.scan_name],
                "submitted_on": [None, str(response.submitted_on)],
                **backdated_changes(backdated),
            },
        )
    return response


def answer_raises_flag(question: Question, value: Any) -> bool:
    """Whether an answer is the one that raises the question's red flag."""
    if question.red_flag_id is None or value in (None, "", []):
        return False
    trigger = question.flag_answer or "any"
    if trigger == "any":
        return True
    if trigger == "yes":
        return value is True
    if trigger == "no":
        return value is False
    return str(value) == trigger


# --- versions -----------------------------------------------------------------------------------------


def questionnaire_new_version(*, actor: Actor | None) -> Questionnaire:
    """Copy the latest version into a new draft version, to edit and publish (group-wide only)."""
    _require_group(actor, policy.CONFIGURE)
    latest = Questionnaire.objects.order_by("-version").first()
    if latest is not None and latest.published_on is None:
        raise ValidationError(
            _("Version %(version)d is still a draft: edit and publish it first.") % {"version": latest.version}
        )
    with transaction.atomic():
        draft = Questionnaire.objects.create(
            version=(latest.version + 1) if latest else 1,
            **{f"title_{c}": getattr(latest, f"title_{c}") if latest else "" for c in ("ru", "kk", "en", "uz")},
        )
        if latest is not None:
            for question in latest.questions.all():
                question.pk = None
                question.id = uuid.uuid4()
                question.questionnaire = draft
                question._state.adding = True
                question.save()
        audit_record(
            actor=actor,
            event_type="counterparties.questionnaire.version_created",
            obj=draft,
            changes={"version": [None, draft.version]},
        )
    return draft


QUESTION_FIELDS = [
    "order",
    "code",
    "text_ru",
    "text_kk",
    "text_en",
    "text_uz",
    "answer_type",
    "choices",
    "is_required",
    "red_flag",
    "flag_answer",
    "section",
]


def question_save(
    *, actor: Actor | None, questionnaire: Questionnaire, question: Question | None = None, **data: Any
) -> Question:
    """Add or change a question of a draft version (a published version never changes)."""
    _require_group(actor, policy.CONFIGURE)
    if questionnaire.published_on is not None:
        raise ValidationError(_("A published version cannot change; create a new version."))
    choices = data.get("choices")
    if data.get("answer_type") == AnswerType.CHOICE and not choices:
        raise ValidationError({"choices": _("A choice question needs its options.")})
    if choices and (not isinstance(choices, list) or not all(isinstance(c, dict) and c.get("value") for c in choices)):
        raise ValidationError({"choices": _("Give the options as a list of objects with a value and labels.")})
    if question is None:
        return model_create(
            actor=actor,
            instance=Question(questionnaire=questionnaire, **{k: v for k, v in data.items() if k in QUESTION_FIELDS}),
            event_type="counterparties.question.created",
            fields=QUESTION_FIELDS,
        )
    return model_update(
        actor=actor, instance=question, data=data, fields=QUESTION_FIELDS, event_type="counterparties.question.updated"
    )


def questionnaire_publish(*, actor: Actor | None, questionnaire: Questionnaire) -> Questionnaire:
    _require_group(actor, policy.CONFIGURE)
    if questionnaire.published_on is not None:
        raise ValidationError(_("This version is already published."))
    if not questionnaire.questions.exists():
        raise ValidationError(_("A questionnaire needs at least one question."))
    questionnaire.published_on = timezone.localdate()
    questionnaire.save(update_fields=["published_on", "updated_at"])
    audit_record(
        actor=actor,
        event_type="counterparties.questionnaire.published",
        obj=questionnaire,
        changes={"published_on": [None, questionnaire.published_on.isoformat()]},
    )
    return questionnaire
