"""E-learning writes: courses and pages, question banks, tests and their draw rules, attempts
(start, submit, time-out), certificates and assignments with reminders."""

import datetime as dt
import logging
import random
import uuid
from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from senim.core.access import Actor, PermissionDenied, require
from senim.core.audit import audit_record
from senim.core.i18n import CONTENT_LANGUAGES, language_fields
from senim.core.services import model_create
from senim.learning import policy
from senim.learning.banks import ParseResult
from senim.learning.models import (
    Assignment,
    AssignmentItem,
    Attempt,
    AttemptQuestion,
    Audience,
    Certificate,
    Choice,
    Course,
    CoursePage,
    Question,
    QuestionBank,
    QuestionCategory,
    QuestionType,
    Test,
    TestRule,
)
from senim.learning.services.common import require_group
from senim.org.models import Employee
from senim.org.selectors import unit_subtree_ids

logger = logging.getLogger(__name__)

__all__ = [
    "GRACE",
    "answers_check",
    "assignment_create",
    "assignment_remind",
    "assignment_sync",
    "attempt_close_if_expired",
    "attempt_start",
    "attempt_submit",
    "attempt_time_out",
    "bank_create",
    "bank_import",
    "category_get_or_create",
    "certificate_issue",
    "course_create",
    "page_create",
    "question_create",
    "test_create",
]

# Network and clock slack after the time limit before answers are refused.
GRACE = dt.timedelta(seconds=30)


# ------------------------------------------------------------------------------------ content


def _pick(data: Mapping[str, Any], names: list[str]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k in names}


def course_create(*, actor: Actor, **data: Any) -> Course:
    require_group(actor, policy.MANAGE)
    fields = [*language_fields("title"), *language_fields("summary"), "is_active"]
    course = Course(**_pick(data, fields))
    if not any(getattr(course, f) for f in language_fields("title")):
        raise ValidationError({"title_ru": _("Give the title in at least one language.")})
    return model_create(actor=actor, instance=course, event_type="learning.course.created", fields=fields)


def page_create(*, actor: Actor, course: Course, **data: Any) -> CoursePage:
    require_group(actor, policy.MANAGE)
    fields = ["order", *language_fields("title"), *language_fields("body")]
    page = CoursePage(course=course, **_pick(data, fields))
    if not any(getattr(page, f) for f in language_fields("title")):
        raise ValidationError({"title_ru": _("Give the title in at least one language.")})
    return model_create(actor=actor, instance=page, event_type="learning.page.created", fields=fields)


def bank_create(*, actor: Actor, title: str) -> QuestionBank:
    require_group(actor, policy.MANAGE)
    return model_create(
        actor=actor, instance=QuestionBank(title=title), event_type="learning.bank.created", fields=["title"]
    )


def category_get_or_create(*, bank: QuestionBank, name: str) -> QuestionCategory:
    category, _created = QuestionCategory.objects.get_or_create(bank=bank, name=(name or _("General"))[:200])
    return category


def bank_import(*, actor: Actor, bank: QuestionBank, parsed: ParseResult, language: str) -> int:
    """Add the questions a reader understood to the bank, in `language`; all or nothing.
    Return how many were added (the reader's problems are reported by the caller)."""
    require_group(actor, policy.MANAGE)
    if language not in CONTENT_LANGUAGES:
        raise ValidationError({"language": _("Choose one of the content languages.")})
    with transaction.atomic():
        for item in parsed.questions:
            category = category_get_or_create(bank=bank, name=item.category)
            choices = [
                {f"text_{language}": c.text[:500], f"match_{language}": c.match[:500], "is_correct": c.correct}
                for c in item.choices
            ]
            question_create(
                actor=actor,
                category=category,
                qtype=item.qtype,
                name=item.name,
                choices=choices,
                answer_true=item.answer_true,
                audit=False,
                **{f"text_{language}": item.text},
            )
        audit_record(
            actor=actor,
            event_type="learning.bank.imported",
            obj=bank,
            changes={"questions": [None, len(parsed.questions)], "left_out": [None, len(parsed.problems)]},
        )
    return len(parsed.questions)


def check_question(qtype: str, answer_true: bool | None, choices: list[dict[str, Any]]) -> None:
    correct = [c for c in choices if c.get("is_correct")]
    if qtype == QuestionType.SINGLE and (len(choices) < 2 or len(correct) != 1):
        raise ValidationError(_("A single-choice question needs at least two options, exactly one of them correct."))
    if qtype == QuestionType.MULTIPLE and (len(choices) < 2 or not correct):
        raise ValidationError(_("A multiple-choice question needs at least two options, one or more correct."))
    if qtype == QuestionType.TRUE_FALSE and answer_true is None:
        raise ValidationError(_("Say whether the statement is true or false."))
    if qtype == QuestionType.MATCHING and (
        len(choices) < 2 or any(not any(c.get(f) for f in language_fields("match")) for c in choices)
    ):
        raise ValidationError(_("A matching question needs at least two pairs, each with its match."))
    if qtype == QuestionType.SHORT and not choices:
        raise ValidationError(_("A short-answer question needs at least one accepted answer."))


def question_create(
    *,
    actor: Actor,
    category: QuestionCategory,
    qtype: str,
    choices: list[dict[str, Any]] | None = None,
    answer_true: bool | None = None,
    name: str = "",
    audit: bool = True,
    **texts: str,
) -> Question:
    """Create a question with its options (or pairs, or accepted answers)."""
    require_group(actor, policy.MANAGE)
    choices = choices or []
    if qtype not in QuestionType.values:
        raise ValidationError({"qtype": _("Unknown question type.")})
    text_fields = language_fields("text")
    if not any(texts.get(f) for f in text_fields):
        raise ValidationError({"text_ru": _("Give the question in at least one language.")})
    check_question(qtype, answer_true, choices)
    choice_fields = [*language_fields("text"), *language_fields("match"), "is_correct"]
    with transaction.atomic():
        question = Question(
            category=category,
            qtype=qtype,
            name=name[:200],
            answer_true=answer_true if qtype == QuestionType.TRUE_FALSE else None,
            **_pick(texts, text_fields),
        )
        question.full_clean()
        question.save(force_insert=True)
        Choice.objects.bulk_create(
            [Choice(question=question, order=i, **_pick(c, choice_fields)) for i, c in enumerate(choices)]
        )
        if audit:
            audit_record(
                actor=actor,
                event_type="learning.question.created",
                obj=question,
                changes={"qtype": [None, qtype], "category": [None, category.name]},
            )
    return question


def test_create(*, actor: Actor, rules: list[tuple[QuestionCategory, int]], **data: Any) -> Test:
    """Create a test drawing `count` questions from each category of `rules`."""
    require_group(actor, policy.MANAGE)
    fields = [
        "course",
        *language_fields("title"),
        "time_limit_minutes",
        "pass_mark",
        "max_attempts",
        "wait_hours",
        "grading",
        "shuffle",
        "is_active",
    ]
    test = Test(**_pick(data, fields))
    if not any(getattr(test, f) for f in language_fields("title")):
        raise ValidationError({"title_ru": _("Give the title in at least one language.")})
    if not rules:
        raise ValidationError({"rules": _("Draw questions from at least one category.")})
    with transaction.atomic():
        model_create(actor=actor, instance=test, event_type="learning.test.created", fields=fields)
        for category, count in rules:
            available = category.questions.filter(is_active=True).count()
            if count < 1 or count > available:
                raise ValidationError(
                    {
                        "rules": _("Category «%(category)s» has %(available)s questions; %(count)s were asked for.")
                        % {"category": category.name, "available": available, "count": count}
                    }
                )
            TestRule.objects.create(test=test, category=category, count=count)
    return test


# ------------------------------------------------------------------------------------ attempts


def _own_employee(actor: Actor) -> Employee:
    ids = require(actor, policy.TAKE).own_employee_ids
    employee = Employee.objects.filter(pk__in=ids, dismissal_date__isnull=True).first()
    if employee is None:
        raise PermissionDenied(policy.TAKE)
    return employee


def _option_order(question: Question, rng: random.Random, shuffle: bool) -> list[str]:
    ids = [str(choice.pk) for choice in question.choices.all()]
    if question.qtype in (QuestionType.SINGLE, QuestionType.MULTIPLE, QuestionType.MATCHING) and shuffle:
        rng.shuffle(ids)
    return ids if question.qtype != QuestionType.SHORT else []


def attempt_time_out(*, attempt: Attempt, now: dt.datetime | None = None) -> Attempt:
    """Close an attempt whose time ran out, grading only the answers saved before the limit."""
    with transaction.atomic():
        attempt = Attempt.objects.select_for_update().get(pk=attempt.pk)
        if attempt.status != Attempt.Status.IN_PROGRESS:
            return attempt
        _grade(attempt, now or timezone.now(), Attempt.Status.TIMED_OUT)
    return attempt


def _expired(attempt: Attempt, now: dt.datetime) -> bool:
    return attempt.deadline_at is not None and now > attempt.deadline_at + GRACE


def attempt_close_if_expired(*, attempt: Attempt, now: dt.datetime | None = None) -> Attempt:
    """Close an attempt in progress whose time limit (and grace) has passed, so a page opened late
    shows the result instead of questions that can no longer be answered."""
    if attempt.status == Attempt.Status.IN_PROGRESS and _expired(attempt, now or timezone.now()):
        return attempt_time_out(attempt=attempt, now=now)
    return attempt


def attempt_start(
    *, actor: Actor, test: Test, now: dt.datetime | None = None, rng: random.Random | None = None
) -> Attempt:
    """Start (or resume) the actor's attempt at a test, drawing its questions.

    Refused beyond the number of attempts allowed, before the wait between attempts is over, and
    once the test has been passed (a passed test is not retaken)."""
    employee = _own_employee(actor)
    now = now or timezone.now()
    rng = rng or random.SystemRandom()
    if not test.is_active:
        raise ValidationError(_("This test is closed."))
    with transaction.atomic():
        previous = list(Attempt.objects.select_for_update().filter(test=test, employee=employee).order_by("number"))
        for attempt in previous:
            if attempt.status == Attempt.Status.IN_PROGRESS:
                if not _expired(attempt, now):
                    return attempt
                _grade(attempt, now, Attempt.Status.TIMED_OUT)
        finished = [a for a in previous if a.status != Attempt.Status.IN_PROGRESS]
        if any(a.passed for a in finished) and test.grading == Test.Grading.BEST:
            raise ValidationError(_("You have already passed this test."))
        if test.max_attempts is not None and len(previous) >= test.max_attempts:
            raise ValidationError(
                ngettext(
                    "You have used the %(count)s attempt allowed for this test.",
                    "You have used all %(count)s attempts allowed for this test.",
                    test.max_attempts,
                )
                % {"count": test.max_attempts}
            )
        if finished and test.wait_hours:
            last_end = max(a.finished_at or a.started_at for a in finished)
            opens = last_end + dt.timedelta(hours=test.wait_hours)
            if now < opens:
                raise ValidationError(
                    _("The next attempt opens at %(time)s.")
                    % {"time": timezone.localtime(opens).strftime("%d.%m.%Y %H:%M")}
                )
        attempt = Attempt(
            test=test,
            employee=employee,
            company_id=employee.company_id,
            unit_id=employee.unit_id,
            number=(max((a.number for a in previous), default=0)) + 1,
            started_at=now,
            deadline_at=now + dt.timedelta(minutes=test.time_limit_minutes) if test.time_limit_minutes else None,
            language=(translation.get_language() or settings.LANGUAGE_CODE)[:5],
        )
        drawn: list[Question] = []
        for rule in test.rules.select_related("category"):
            pool = list(Question.objects.filter(category=rule.category, is_active=True).prefetch_related("choices"))
            if len(pool) < rule.count:
                raise ValidationError(
                    _("The test cannot be drawn: category «%(category)s» has too few questions.")
                    % {"category": rule.category.name}
                )
            drawn += rng.sample(pool, rule.count)
        if test.shuffle:
            rng.shuffle(drawn)
        try:
            with transaction.atomic():
                attempt.save(force_insert=True)
        except IntegrityError as error:
            raise ValidationError(_("An attempt was started at the same moment; open the test again.")) from error
        AttemptQuestion.objects.bulk_create(
            [
                AttemptQuestion(
                    attempt=attempt, question=q, position=i, option_order=_option_order(q, rng, test.shuffle)
                )
                for i, q in enumerate(drawn, start=1)
            ]
        )
        audit_record(
            actor=actor,
            event_type="learning.attempt.started",
            obj=attempt,
            changes={"number": [None, attempt.number], "questions": [None, len(drawn)]},
            company_id=attempt.company_id,
        )
    return attempt


def _normalise(text: str) -> str:
    return " ".join(str(text).casefold().split())


def _clean_response(item: AttemptQuestion, value: Any) -> Any:
    """The answer in a canonical shape, or ValidationError if it does not fit the question."""
    qtype = item.question.qtype
    options = set(item.option_order)
    bad = ValidationError(_("An answer does not fit its question."))
    if value is None or value == "" or value == []:
        return None
    if qtype == QuestionType.SINGLE:
        if str(value) not in options:
            raise bad
        return str(value)
    if qtype == QuestionType.MULTIPLE:
        values = [value] if isinstance(value, str) else value
        if not isinstance(values, list) or not {str(v) for v in values} <= options:
            raise bad
        return sorted({str(v) for v in values})
    if qtype == QuestionType.TRUE_FALSE:
        if isinstance(value, bool):
            return value
        if str(value).lower() in ("true", "false"):
            return str(value).lower() == "true"
        raise bad
    if qtype == QuestionType.MATCHING:
        if not isinstance(value, dict) or not set(value) <= options or not {str(v) for v in value.values()} <= options:
            raise bad
        return {str(k): str(v) for k, v in value.items() if v}
    if not isinstance(value, str) or len(value) > 500:
        raise bad
    return value.strip()


def _is_correct(question: Question, choices: list[Choice], response: Any) -> bool:
    if response is None:
        return False
    qtype = question.qtype
    if qtype == QuestionType.SINGLE:
        return any(str(c.pk) == response and c.is_correct for c in choices)
    if qtype == QuestionType.MULTIPLE:
        return set(response) == {str(c.pk) for c in choices if c.is_correct}
    if qtype == QuestionType.TRUE_FALSE:
        return bool(response == question.answer_true)
    if qtype == QuestionType.MATCHING:
        # Each left-hand option must be paired with itself (a choice is a pair: text ↔ match).
        return len(response) == len(choices) and all(k == v for k, v in response.items())
    accepted = {_normalise(getattr(c, f)) for c in choices for f in language_fields("text") if getattr(c, f)}
    return _normalise(response) in accepted


def answers_check(*, attempt: Attempt, answers: Mapping[str, Any]) -> dict[str, Any]:
    """Validate answers against the attempt's own questions; return them cleaned by question id."""
    return _check_answers(list(attempt.items.select_related("question")), answers)


def _check_answers(loaded: list[AttemptQuestion], answers: Mapping[str, Any]) -> dict[str, Any]:
    items = {str(item.question_id): item for item in loaded}
    foreign = [key for key in answers if str(key) not in items]
    if foreign:
        raise ValidationError(_("The answers include questions that are not part of this attempt."))
    return {key: _clean_response(items[str(key)], value) for key, value in answers.items()}


def _items(attempt: Attempt) -> list[AttemptQuestion]:
    return list(attempt.items.select_related("question").prefetch_related("question__choices"))


def _grade(
    attempt: Attempt, now: dt.datetime, status: str, items: list[AttemptQuestion] | None = None, fields: tuple = ()
) -> None:
    """Mark each answer and the attempt; `items` already loaded (with new `fields`) are saved with
    the marks in one statement."""
    items = _items(attempt) if items is None else items
    right = 0
    for item in items:
        item.is_correct = _is_correct(item.question, list(item.question.choices.all()), item.response)
        right += item.is_correct
    AttemptQuestion.objects.bulk_update(items, ["is_correct", *fields])
    attempt.status = status
    attempt.finished_at = min(now, attempt.deadline_at + GRACE) if attempt.deadline_at else now
    attempt.score = round(100 * right / len(items)) if items else 0
    attempt.passed = attempt.score >= attempt.test.pass_mark
    attempt.save(update_fields=["status", "finished_at", "score", "passed", "updated_at"])
    audit_record(
        actor=None,
        event_type="learning.attempt.finished",
        obj=attempt,
        changes={"status": [Attempt.Status.IN_PROGRESS, status], "score": [None, attempt.score]},
        company_id=attempt.company_id,
    )
    if attempt.passed:
        certificate_issue(attempt=attempt)
        AssignmentItem.objects.filter(
            assignment__test_id=attempt.test_id, employee_id=attempt.employee_id, completed_at__isnull=True
        ).update(completed_at=attempt.finished_at)


def attempt_submit(
    *, actor: Actor, attempt: Attempt, answers: Mapping[str, Any], now: dt.datetime | None = None
) -> Attempt:
    """Record the answers of one's own attempt and grade it.

    Answers to questions outside the attempt are refused (nothing is saved). After the time limit
    the attempt is closed with what was saved before it, and the late answers are refused."""
    employee = _own_employee(actor)
    if attempt.employee_id != employee.pk:
        raise PermissionDenied(policy.TAKE)
    now = now or timezone.now()
    if attempt.status != Attempt.Status.IN_PROGRESS:
        raise ValidationError(_("This attempt is already finished."))
    if _expired(attempt, now):
        attempt_time_out(attempt=attempt, now=now)
        raise ValidationError(_("The time limit has passed: the answers were not accepted."))
    with transaction.atomic():
        attempt = Attempt.objects.select_for_update().select_related("test").get(pk=attempt.pk)
        if attempt.status != Attempt.Status.IN_PROGRESS:
            raise ValidationError(_("This attempt is already finished."))
        items = _items(attempt)
        cleaned = _check_answers(items, answers)
        for item in items:
            if str(item.question_id) in cleaned:
                item.response = cleaned[str(item.question_id)]
        _grade(attempt, now, Attempt.Status.SUBMITTED, items=items, fields=("response",))
    return attempt


# ------------------------------------------------------------------------------------ certificates


def _certificate_number(issued_on: dt.date) -> str:
    return f"{issued_on.year}-{uuid.uuid4().hex[:10].upper()}"


def certificate_issue(
    *, attempt: Attempt | None = None, attendance: Any = None, issued_on: dt.date | None = None
) -> Certificate:
    """Issue the certificate of a passed attempt or of an attendance (once)."""
    if attempt is not None:
        existing = Certificate.objects.filter(attempt=attempt).first()
        if existing:
            return existing
        certificate = Certificate(
            attempt=attempt,
            employee_id=attempt.employee_id,
            company_id=attempt.company_id,
            unit_id=attempt.unit_id,
            title=attempt.test.title[:300],
            issued_on=issued_on or timezone.localdate(attempt.finished_at),
        )
    else:
        existing = Certificate.objects.filter(attendance=attendance).first()
        if existing:
            return existing
        certificate = Certificate(
            attendance=attendance,
            employee_id=attendance.employee_id,
            company_id=attendance.company_id,
            unit_id=attendance.unit_id,
            title=attendance.event.title[:300],
            hours=attendance.event.hours,
            issued_on=issued_on or attendance.event.date,
        )
    certificate.number = _certificate_number(certificate.issued_on)
    certificate.save(force_insert=True)
    audit_record(
        actor=None,
        event_type="learning.certificate.issued",
        obj=certificate,
        changes={"number": [None, certificate.number]},
        company_id=certificate.company_id,
    )
    return certificate


# ------------------------------------------------------------------------------------ assignments


def _audience(assignment: Assignment, today: dt.date) -> QuerySet[Employee]:
    employees = Employee.objects.filter(dismissal_date__isnull=True)
    if assignment.company_id:
        employees = employees.filter(company_id=assignment.company_id)
    if assignment.audience == Audience.UNITS:
        employees = employees.filter(unit_id__in=unit_subtree_ids(assignment.units.values_list("pk", flat=True)))
    elif assignment.audience == Audience.CORRUPTION_PRONE:
        employees = employees.filter(position__is_corruption_prone=True)
    elif assignment.audience == Audience.NEW_HIRES:
        # Those still within their probation: hired no more than probation_days ago.
        employees = employees.filter(hire_date__gte=today - dt.timedelta(days=assignment.probation_days))
    return employees


def _passed_since(assignment: Assignment) -> dt.datetime | None:
    if assignment.audience == Audience.CORRUPTION_PRONE and assignment.year:
        return dt.datetime(assignment.year, 1, 1, tzinfo=dt.UTC)
    return None


def _add_items(assignment: Assignment, today: dt.date) -> int:
    asked = set(AssignmentItem.objects.filter(assignment=assignment).values_list("employee_id", flat=True))
    passed = Attempt.objects.filter(test_id=assignment.test_id, passed=True)
    since = _passed_since(assignment)
    if since:
        passed = passed.filter(finished_at__gte=since)
    passed_at = dict(passed.order_by("finished_at").values_list("employee_id", "finished_at"))
    new = []
    for employee_id, company_id, unit_id, hire_date in _audience(assignment, today).values_list(
        "pk", "company_id", "unit_id", "hire_date"
    ):
        if employee_id in asked:
            continue
        due = assignment.due_date
        if assignment.audience == Audience.NEW_HIRES and hire_date:
            due = hire_date + dt.timedelta(days=assignment.probation_days)
        if due is None:  # a new hire without a hire date has no probation to count from
            continue
        new.append(
            AssignmentItem(
                assignment=assignment,
                employee_id=employee_id,
                company_id=company_id,
                unit_id=unit_id,
                due_date=due,
                completed_at=passed_at.get(employee_id),
            )
        )
    AssignmentItem.objects.bulk_create(new, batch_size=1000)
    return len(new)


def assignment_create(
    *,
    actor: Actor,
    test: Test,
    audience: str,
    company: Any = None,
    units: list[Any] | None = None,
    due_date: dt.date | None = None,
    probation_days: int = 90,
    today: dt.date | None = None,
) -> Assignment:
    """Assign a test to an audience and ask everyone in it now; new hires join as they arrive."""
    today = today or timezone.localdate()
    if company is not None:
        require(actor, policy.MANAGE, company_id=company.pk)
    else:
        if not require(actor, policy.MANAGE).everything:
            raise PermissionDenied(policy.MANAGE)
    if audience != Audience.NEW_HIRES and due_date is None:
        raise ValidationError({"due_date": _("Give the due date.")})
    if audience == Audience.UNITS and not units:
        raise ValidationError({"units": _("Choose at least one unit.")})
    assignment = Assignment(
        test=test,
        audience=audience,
        company=company,
        due_date=due_date,
        probation_days=probation_days,
        year=due_date.year if due_date and audience == Audience.CORRUPTION_PRONE else None,
        created_by=actor,  # type: ignore[misc]
    )
    with transaction.atomic():
        model_create(
            actor=actor,
            instance=assignment,
            event_type="learning.assignment.created",
            fields=["audience", "due_date", "probation_days"],
        )
        if units:
            assignment.units.set(units)
        _add_items(assignment, today)
    return assignment


def assignment_sync(*, today: dt.date | None = None) -> int:
    """Ask new hires and newly corruption-prone staff, and renew yearly assignments for the new
    year (the system runs this daily with the reminders); return how many were asked."""
    today = today or timezone.localdate()
    added = 0
    for assignment in Assignment.objects.filter(audience=Audience.CORRUPTION_PRONE, year__lt=today.year):
        same_company = {"company_id": assignment.company_id} if assignment.company_id else {"company__isnull": True}
        renewed = Assignment.objects.filter(
            test_id=assignment.test_id, audience=assignment.audience, year=today.year, **same_company
        ).exists()
        if not renewed and assignment.due_date:
            with transaction.atomic():
                due = assignment.due_date.replace(year=today.year)
                following = Assignment.objects.create(
                    test_id=assignment.test_id,
                    company_id=assignment.company_id,
                    audience=assignment.audience,
                    due_date=due,
                    year=today.year,
                    probation_days=assignment.probation_days,
                )
                audit_record(actor=None, event_type="learning.assignment.renewed", obj=following, changes={})
    for assignment in Assignment.objects.filter(audience__in=[Audience.NEW_HIRES, Audience.CORRUPTION_PRONE]).exclude(
        audience=Audience.CORRUPTION_PRONE, year__lt=today.year
    ):
        with transaction.atomic():
            added += _add_items(assignment, today)
    return added


def assignment_remind(*, today: dt.date | None = None, within_days: int = 7) -> dict[str, int]:
    """E-mail everyone whose assigned test is due within `within_days` or overdue; return counts."""
    today = today or timezone.localdate()
    added = assignment_sync(today=today)
    pending = AssignmentItem.objects.filter(
        completed_at__isnull=True,
        due_date__lte=today + dt.timedelta(days=within_days),
        employee__dismissal_date__isnull=True,
    ).select_related("assignment__test", "employee", "employee__user_account")
    sent = without_address = 0
    now = timezone.now()
    for item in pending.iterator(chunk_size=500):
        account = getattr(item.employee, "user_account", None)
        email = item.employee.email or (account.email if account else "")
        if not email:
            without_address += 1
            continue
        language = (getattr(account, "language", "") if account else "") or settings.LANGUAGE_CODE
        with translation.override(language):
            subject = _("Reminder: a mandatory anti-corruption test")
            body = _(
                "Please pass the test «%(title)s» by %(due)s in Senim, under Knowledge and training → My tests."
            ) % {
                "title": item.assignment.test.title,
                "due": item.due_date.strftime("%d.%m.%Y"),
            }
        try:
            send_mail(subject, body, None, [email])
        except OSError:
            logger.warning("Reminder to %s could not be sent", item.employee_id)
            continue
        AssignmentItem.objects.filter(pk=item.pk).update(reminders_sent=item.reminders_sent + 1, last_reminded_at=now)
        sent += 1
    return {"sent": sent, "without_address": without_address, "added": added}
