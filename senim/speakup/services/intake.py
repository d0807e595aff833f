"""Cases coming in: public submissions, staff intake, receipt keys, the reporter's replies, and
the rewrapping of data keys when the master key rotates. Public submissions and replies have no
actor: they are audited as "system" and carry nothing about the sender."""

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from senim.core.access import Actor, require, scope_of
from senim.core.audit import audit_record
from senim.core.eventdates import backdated_changes, check_event_dates
from senim.core.mail import notify_after_commit
from senim.org.models import Company
from senim.speakup import conf, files, notices, policy
from senim.speakup.crypto import CaseCipher, receipt_digest, receipt_new, rewrap
from senim.speakup.models import (
    FINAL_STATUSES,
    Case,
    Category,
    Channel,
    Direction,
    Kind,
    Message,
)
from senim.speakup.services.common import (
    MAX_TEXT,
    QUESTION_FIELDS,
    REPORT_FIELDS,
    Submission,
    choice,
    clean_reporter,
    clean_text,
    company_uuid,
    new_reference,
    require_case,
    store_files,
)

# ---------------------------------------------------------------------------- creation


def case_submit(
    *,
    kind: str,
    category: str,
    content: Mapping[str, Any],
    anonymous: bool,
    reporter: Mapping[str, Any] | None = None,
    company_id: Any = None,
    language: str = "ru",
    uploads: Sequence[files.Upload] = (),
) -> Submission:
    """A report or question from the public portal: stored encrypted, answered with a receipt key.

    Nothing about the sender (address, browser) reaches this function or the database.
    """
    return _case_create(
        actor=None,
        kind=kind,
        channel=Channel.WEB,
        category=category,
        content=content,
        anonymous=anonymous,
        reporter=reporter or {},
        company_id=company_id,
        language=language,
        uploads=uploads,
        received_at=None,
        issue_receipt=True,
    )


def case_register(
    *,
    actor: Actor,
    kind: str,
    channel: str,
    category: str,
    content: Mapping[str, Any],
    anonymous: bool,
    received_on: dt.date,
    reporter: Mapping[str, Any] | None = None,
    company_id: Any = None,
    language: str = "ru",
    uploads: Sequence[files.Upload] = (),
    issue_receipt: bool = True,
) -> Submission:
    """A report taken by the hotline, e-mail, post or in person, registered by an officer."""
    company_id = company_uuid(company_id)
    require(actor, policy.MANAGE, **({"company_id": company_id} if company_id else {}))
    if not company_id and not scope_of(actor, policy.MANAGE).everything:
        raise ValidationError({"company": [_("Choose the company the report concerns.")]})
    if channel == Channel.WEB:
        raise ValidationError({"channel": [_("Choose the channel the report came through.")]})
    company = Company.objects.filter(pk=company_id).first() if company_id else None
    # Never in the future nor before the company existed; a past day (a letter, a paper register,
    # another system) is back-dating, which only officers may do (they alone register cases).
    backdated = check_event_dates(
        actor=actor,
        company_id=company.pk if company else None,
        founded_on=company.founded_on if company else None,
        dates={"received_on": received_on},
        labels={"received_on": _("Date received")},
    )
    received_at = timezone.make_aware(dt.datetime.combine(received_on, dt.time(12)))
    return _case_create(
        actor=actor,
        kind=kind,
        channel=channel,
        category=category,
        content=content,
        anonymous=anonymous,
        reporter=reporter or {},
        company_id=company_id,
        language=language,
        uploads=uploads,
        received_at=min(received_at, timezone.now()),
        issue_receipt=issue_receipt,
        backdated=backdated,
    )


def _case_create(
    *,
    actor: Actor | None,
    kind: str,
    channel: str,
    category: str,
    content: Mapping[str, Any],
    anonymous: bool,
    reporter: Mapping[str, Any],
    company_id: Any,
    language: str,
    uploads: Sequence[files.Upload],
    received_at: dt.datetime | None,
    issue_receipt: bool,
    backdated: bool = False,
) -> Submission:
    kind = choice(kind, Kind, "kind")
    channel = choice(channel, Channel, "channel")
    category = choice(category, Category, "category")
    fields, required = (QUESTION_FIELDS, "question") if kind == Kind.QUESTION else (REPORT_FIELDS, "what")
    text = clean_text(content, fields, required)
    identity = clean_reporter(anonymous, reporter)
    company_id = company_uuid(company_id)
    if company_id and not Company.objects.filter(pk=company_id).exists():
        raise ValidationError({"company": [_("Choose one of the options.")]})
    if language not in {"en", "ru", "kk", "uz"}:
        language = "ru"
    prepared = files.prepare(list(uploads))  # refused before anything is stored
    now = timezone.now()
    received_at = received_at or now
    day = timezone.localdate(received_at)
    cipher, wrapped = CaseCipher.create()
    receipt = receipt_new() if issue_receipt else None
    case = Case(
        kind=kind,
        channel=channel,
        category=category,
        company_id=company_id or None,
        language=language,
        anonymous=anonymous,
        received_at=received_at,
        acknowledge_due=day + dt.timedelta(days=conf.ack_days()),
        feedback_due=day + dt.timedelta(days=conf.feedback_days()),
        registered_by=actor if actor is not None else None,  # type: ignore[misc]
        receipt_digest=receipt_digest(receipt) if receipt else None,
        wrapped_key=wrapped,
        content_sealed=cipher.seal_json(text),
        reporter_sealed=cipher.seal_json(identity),
    )
    for _attempt in range(5):  # a reference collision is possible, if unlikely: draw again
        case.reference = new_reference(now)
        try:
            with transaction.atomic():
                case.save(force_insert=True)
                store_files(case, cipher, prepared, message=None, from_reporter=actor is None)
                audit_record(
                    actor=actor,
                    event_type="speakup.case.registered" if actor else "speakup.case.submitted",
                    obj=case,
                    changes={
                        "kind": kind,
                        "channel": channel,
                        "category": category,
                        "anonymous": anonymous,
                        "files": len(prepared),
                        **({"received_at": [None, received_at]} if backdated else {}),
                        **backdated_changes(backdated),
                    },
                )
                notify_after_commit(notices.case_received, case.pk)
            break
        except IntegrityError:
            if Case.objects.filter(reference=case.reference).exists():
                continue
            raise
    return Submission(case=case, receipt=receipt)


def case_issue_receipt(*, actor: Actor, case: Case) -> str:
    """A new receipt key for a report taken by staff intake (the reporter lost the one handed
    over). A key the reporter chose on the portal is theirs alone: staff never replace it, since
    the new key would open the reporter's view to whoever holds it. The earlier key keeps
    working until the reporter first uses the new one (selectors.case_for_receipt), so issuing
    a key cannot lock the reporter out either."""
    require_case(actor, case, policy.MANAGE)
    if case.registered_by_id is None:
        raise ValidationError(_("The reporter submitted this report on the portal: only they hold its receipt key."))
    receipt = receipt_new()
    with transaction.atomic():
        Case.objects.filter(pk=case.pk).update(pending_receipt_digest=receipt_digest(receipt))
        audit_record(actor=actor, event_type="speakup.case.receipt_issued", obj=case)
    return receipt


# ---------------------------------------------------------------------------- reporter side


def reporter_reply(*, case: Case, body: str, uploads: Sequence[files.Upload] = ()) -> Message:
    """The reporter adds information or answers a question through the portal."""
    text = clean_text({"body": body}, ("body",), required="" if uploads else "body").get("body", "")
    if len(text) > MAX_TEXT:
        raise ValidationError({"body": [_("At most %(limit)s characters.") % {"limit": MAX_TEXT}]})
    if case.status in FINAL_STATUSES:
        raise ValidationError(_("This case is closed; it no longer takes messages."))
    prepared = files.prepare(list(uploads))
    cipher = CaseCipher.unwrap(case.wrapped_key)
    with transaction.atomic():
        message = Message.objects.create(
            case=case, direction=Direction.FROM_REPORTER, body_sealed=cipher.seal(text or "")
        )
        store_files(case, cipher, prepared, message=message, from_reporter=True)
        audit_record(actor=None, event_type="speakup.message.received", obj=case, changes={"files": len(prepared)})
    return message


def rewrap_case_keys() -> int:
    """Rewrap every case's data key under the newest master key; return how many."""
    count = 0
    with transaction.atomic():
        for pk, wrapped in Case.objects.select_for_update().values_list("pk", "wrapped_key").iterator(chunk_size=500):
            Case.objects.filter(pk=pk).update(wrapped_key=rewrap(wrapped))
            count += 1
    return count
