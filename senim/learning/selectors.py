"""Learning's reads, scoped by the actor: the knowledge base (any signed-in role), one's own
tests, attempts and certificates, and for officers and auditors the results, assignments and
events of the employees in their scope."""

import datetime as dt
import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from django.core.files.storage import default_storage
from django.db.models import Count, Q, QuerySet, Sum
from django.utils import timezone

from senim.awareness import selectors as awareness_selectors
from senim.awareness.models import Document
from senim.core.access import Actor, scope_of
from senim.core.i18n import localized
from senim.learning import policy
from senim.learning.banks import ParsedChoice, ParsedQuestion
from senim.learning.models import (
    Article,
    ArticleKey,
    ArticleViewDay,
    Assignment,
    AssignmentItem,
    Attachment,
    Attempt,
    Attendance,
    Category,
    Certificate,
    Course,
    CoursePage,
    ExternalCompletion,
    Question,
    QuestionBank,
    QuestionCategory,
    Test,
    TrainingEvent,
)
from senim.learning.textsearch import query_keys
from senim.org.models import Employee, Unit
from senim.speakup import selectors as speakup_selectors

# ------------------------------------------------------------------------------------ knowledge base


def _kb_readable(actor: Actor) -> bool:
    return not scope_of(actor, policy.READ_KB).is_empty


def category_list(*, actor: Actor) -> QuerySet[Category]:
    if not _kb_readable(actor):
        return Category.objects.none()
    return Category.objects.annotate(article_count=Count("articles", filter=Q(articles__is_published=True)))


def article_list(
    *, actor: Actor, query: str = "", category_id: Any = None, kind: str = "", include_drafts: bool = False
) -> QuerySet[Article]:
    """Articles the actor may read, narrowed by a search query (every word must match, in any of
    its word forms and either script), a category and a kind. Drafts only for editors."""
    if not _kb_readable(actor):
        return Article.objects.none()
    qs = Article.objects.all()
    if not (include_drafts and actor.can(policy.EDIT_KB)):
        qs = qs.filter(is_published=True)
    if category_id:
        qs = qs.filter(category_id=category_id)
    if kind:
        qs = qs.filter(kind=kind)
    for keys in query_keys(query):
        qs = qs.filter(pk__in=ArticleKey.objects.filter(key__in=keys).values("article_id"))
    return qs.select_related("category").order_by("-published_on", "title_en", "pk")


def article_get(*, actor: Actor, article_id: uuid.UUID | str) -> Article:
    """An article the actor may read; raises Article.DoesNotExist otherwise (drafts for editors only)."""
    return article_list(actor=actor, include_drafts=True).prefetch_related("attachments").get(pk=article_id)


def attachment_get(*, actor: Actor, attachment_id: uuid.UUID | str) -> Attachment:
    readable = article_list(actor=actor, include_drafts=True).values("pk")
    courses = course_list(actor=actor).values("pk")
    return Attachment.objects.filter(Q(article__in=readable) | Q(page__course__in=courses)).get(pk=attachment_id)


def attachment_content(*, attachment: Attachment) -> bytes:
    """The bytes of an attachment: from Django's storage, or from the row for files kept there."""
    if attachment.stored_as:
        with default_storage.open(attachment.stored_as, "rb") as stored:
            return stored.read()
    return bytes(attachment.data)


def article_case(*, actor: Actor, article: Article) -> Any:
    """The Speak Up case an FAQ entry came from, if the actor may open it; else None."""
    if not article.speakup_case_id:
        return None
    try:
        return speakup_selectors.case_get(actor=actor, case_id=article.speakup_case_id)
    except Exception:  # any "not visible" outcome (not found, no right) is simply no link
        return None


def linkable_documents(*, actor: Actor) -> QuerySet[Any]:
    """Internal documents of the registry the actor may see, to link an article to."""
    return awareness_selectors.document_list(actor=actor)


def article_document(*, actor: Actor, article: Article) -> tuple[Any, bool] | None:
    """The linked internal document and whether the actor may open it in the registry; the
    title is shown to every reader (the knowledge base explains the documents everyone follows)."""
    if not article.document_id:
        return None
    document = Document.objects.filter(pk=article.document_id).first()
    if document is None:
        return None
    try:
        awareness_selectors.document_get(actor=actor, document_id=document.pk)
    except Exception:  # not visible in the registry: the title only
        return document, False
    return document, True


def question_cases(*, actor: Actor) -> QuerySet[Any]:
    """Speak Up questions the actor may open, to publish an answer from."""
    return speakup_selectors.case_list(actor=actor, filters=speakup_selectors.CaseFilter(kind="question"))


def article_views(*, actor: Actor, year: int) -> list[dict[str, Any]]:
    """Views per article in a year, most read first (counts only, no readers)."""
    if not _kb_readable(actor):
        return []
    rows = (
        ArticleViewDay.objects.filter(day__year=year)
        .values("article_id")
        .annotate(views=Sum("count"))
        .order_by("-views")
    )
    articles = Article.objects.in_bulk([row["article_id"] for row in rows])
    return [{"article": articles[row["article_id"]], "views": row["views"]} for row in rows]


# ------------------------------------------------------------------------------------ courses and tests


def own_employee(*, actor: Actor) -> Employee | None:
    ids = scope_of(actor, policy.TAKE).own_employee_ids
    return Employee.objects.filter(pk__in=ids, dismissal_date__isnull=True).select_related("company", "unit").first()


def course_list(*, actor: Actor) -> QuerySet[Course]:
    if scope_of(actor, policy.TAKE).is_empty and scope_of(actor, policy.MANAGE).is_empty:
        return Course.objects.none()
    qs = Course.objects.all()
    if not actor.can(policy.MANAGE):
        qs = qs.filter(is_active=True)
    return qs


def course_get(*, actor: Actor, course_id: uuid.UUID | str) -> Course:
    return course_list(actor=actor).prefetch_related("pages__attachments", "tests").get(pk=course_id)


def test_list(*, actor: Actor) -> QuerySet[Test]:
    if scope_of(actor, policy.TAKE).is_empty and scope_of(actor, policy.MANAGE).is_empty:
        return Test.objects.none()
    qs = Test.objects.select_related("course")
    if not actor.can(policy.MANAGE):
        qs = qs.filter(is_active=True)
    return qs


def test_get(*, actor: Actor, test_id: uuid.UUID | str) -> Test:
    return test_list(actor=actor).prefetch_related("rules__category").get(pk=test_id)


def bank_list(*, actor: Actor) -> QuerySet[QuestionBank]:
    if scope_of(actor, policy.MANAGE).is_empty:
        return QuestionBank.objects.none()
    return QuestionBank.objects.annotate(question_count=Count("categories__questions"))


def bank_get(*, actor: Actor, bank_id: uuid.UUID | str) -> QuestionBank:
    return bank_list(actor=actor).get(pk=bank_id)


def bank_categories(*, actor: Actor, bank: QuestionBank) -> QuerySet[QuestionCategory]:
    """The categories of a question bank, for a course manager."""
    if scope_of(actor, policy.MANAGE).is_empty:
        return QuestionCategory.objects.none()
    return QuestionCategory.objects.filter(bank=bank)


def page_get(*, actor: Actor, page_id: uuid.UUID | str) -> CoursePage:
    """A course page for a course manager; raises CoursePage.DoesNotExist otherwise."""
    if scope_of(actor, policy.MANAGE).is_empty:
        raise CoursePage.DoesNotExist
    return CoursePage.objects.select_related("course").prefetch_related("attachments").get(pk=page_id)


def question_get(*, actor: Actor, question_id: uuid.UUID | str) -> Question:
    """A question of a bank for a course manager; raises Question.DoesNotExist otherwise."""
    if scope_of(actor, policy.MANAGE).is_empty:
        raise Question.DoesNotExist
    return Question.objects.select_related("category__bank").prefetch_related("choices").get(pk=question_id)


def bank_questions(*, bank: QuestionBank, language: str) -> list[ParsedQuestion]:
    """The bank's questions in one language (falling back to the others), for export."""
    out = []
    questions = Question.objects.filter(category__bank=bank).select_related("category").prefetch_related("choices")
    for q in questions.order_by("category__name", "created_at"):
        out.append(
            ParsedQuestion(
                qtype=q.qtype,
                text=localized(q, "text", language),
                category=q.category.name,
                name=q.name,
                choices=[
                    ParsedChoice(localized(c, "text", language), c.is_correct, localized(c, "match", language))
                    for c in q.choices.all()
                ],
                answer_true=q.answer_true,
            )
        )
    return out


class Graded(Protocol):
    """What deciding which attempt counts reads: an Attempt, or a lighter row with its fields."""

    @property
    def number(self) -> int: ...
    @property
    def status(self) -> str: ...
    @property
    def score(self) -> int | None: ...


def counted[G: Graded](attempts: Sequence[G], grading: str) -> G | None:
    """The finished attempt that counts: the best score (ties: the earliest) or the last one."""
    finished = [a for a in attempts if a.status != Attempt.Status.IN_PROGRESS]
    if not finished:
        return None
    if grading == Test.Grading.LAST:
        return max(finished, key=lambda a: a.number)
    return max(finished, key=lambda a: (a.score or 0, -a.number))


@dataclass
class MyTest:
    test: Test
    attempts: list[Attempt] = field(default_factory=list)
    due_date: dt.date | None = None
    result: Attempt | None = None

    @property
    def in_progress(self) -> Attempt | None:
        return next((a for a in self.attempts if a.status == Attempt.Status.IN_PROGRESS), None)

    @property
    def attempts_left(self) -> int | None:
        return None if self.test.max_attempts is None else max(0, self.test.max_attempts - len(self.attempts))


def my_tests(*, actor: Actor) -> list[MyTest]:
    """The actor's assigned and available tests with their attempts and counted result."""
    employee = own_employee(actor=actor)
    if employee is None:
        return []
    attempts: dict[Any, list[Attempt]] = defaultdict(list)
    for attempt in Attempt.objects.filter(employee=employee).order_by("number"):
        attempts[attempt.test_id].append(attempt)
    due = dict(
        AssignmentItem.objects.filter(employee=employee, completed_at__isnull=True)
        .order_by("-due_date")
        .values_list("assignment__test_id", "due_date")
    )
    rows = []
    for test in Test.objects.filter(Q(is_active=True) | Q(pk__in=list(attempts))).select_related("course"):
        mine = attempts.get(test.pk, [])
        rows.append(MyTest(test=test, attempts=mine, due_date=due.get(test.pk), result=counted(mine, test.grading)))
    rows.sort(key=lambda r: (r.due_date is None, r.due_date or dt.date.max, r.test.title))
    return rows


def own_attempt(*, actor: Actor, attempt_id: uuid.UUID | str) -> Attempt:
    employee = own_employee(actor=actor)
    return (
        Attempt.objects.filter(employee=employee)
        .select_related("test")
        .prefetch_related("items__question__choices")
        .get(pk=attempt_id)
    )


def _results_scope(actor: Actor) -> Q:
    return scope_of(actor, policy.VIEW_RESULTS).q(company="company", unit="unit")


def attempt_list(*, actor: Actor, test_id: Any = None, year: int | None = None) -> QuerySet[Attempt]:
    if scope_of(actor, policy.VIEW_RESULTS).is_empty:
        return Attempt.objects.none()
    qs = Attempt.objects.filter(_results_scope(actor)).exclude(status=Attempt.Status.IN_PROGRESS)
    if test_id:
        qs = qs.filter(test_id=test_id)
    if year:
        qs = qs.filter(finished_at__year=year)
    return qs.select_related("test", "employee", "unit").order_by("-finished_at")


def my_certificates(*, actor: Actor) -> QuerySet[Certificate]:
    employee = own_employee(actor=actor)
    return Certificate.objects.filter(employee=employee).order_by("-issued_on")


def certificate_get(*, actor: Actor, certificate_id: uuid.UUID | str) -> Certificate:
    """One's own certificate, or one of an employee in the actor's results scope."""
    own = scope_of(actor, policy.TAKE).own_employee_ids
    visible = Q(employee_id__in=own) if own else Q(pk__in=[])
    if not scope_of(actor, policy.VIEW_RESULTS).is_empty:
        visible |= _results_scope(actor)
    return Certificate.objects.filter(visible).select_related("employee", "company").get(pk=certificate_id)


def assignment_list(*, actor: Actor) -> QuerySet[Assignment]:
    scope = scope_of(actor, policy.VIEW_RESULTS)
    if scope.is_empty:
        return Assignment.objects.none()
    qs = Assignment.objects.all() if scope.everything else Assignment.objects.filter(company_id__in=scope.company_ids)
    return qs.select_related("test", "company").annotate(
        asked=Count("items", distinct=True),
        done=Count("items", filter=Q(items__completed_at__isnull=False), distinct=True),
    )


def overdue_items(*, actor: Actor, today: dt.date | None = None) -> QuerySet[AssignmentItem]:
    """Assigned tests not passed by their due date, for employees in the actor's scope."""
    if scope_of(actor, policy.VIEW_RESULTS).is_empty:
        return AssignmentItem.objects.none()
    today = today or timezone.localdate()
    return (
        AssignmentItem.objects.filter(_results_scope(actor), completed_at__isnull=True, due_date__lt=today)
        .filter(employee__dismissal_date__isnull=True)
        .select_related("employee", "unit", "assignment__test")
        .order_by("due_date", "employee__surname")
    )


def event_list(*, actor: Actor, year: int | None = None) -> QuerySet[TrainingEvent]:
    scope = scope_of(actor, policy.VIEW_RESULTS)
    if scope.is_empty:
        return TrainingEvent.objects.none()
    qs = TrainingEvent.objects.filter(scope.q(company="company"))
    if year:
        qs = qs.filter(date__year=year)
    return qs.annotate(attendee_count=Count("attendees")).select_related("company")


def event_get(*, actor: Actor, event_id: uuid.UUID | str) -> TrainingEvent:
    return event_list(actor=actor).get(pk=event_id)


def event_attendees(*, event: TrainingEvent) -> QuerySet[Attendance]:
    return event.attendees.select_related("employee", "unit", "certificate").order_by("employee__surname")


def completion_list(*, actor: Actor) -> QuerySet[ExternalCompletion]:
    if scope_of(actor, policy.VIEW_RESULTS).is_empty:
        return ExternalCompletion.objects.none()
    return ExternalCompletion.objects.filter(_results_scope(actor)).select_related("employee")


# ------------------------------------------------------------------------------------ figures by unit

# The Uzbek effectiveness rating grades the share of staff trained at 70, 50 and 30 per cent.
RATING_BANDS = (70, 50, 30)


@dataclass
class UnitShare:
    unit: Unit
    staff: int
    trained: int

    @property
    def share(self) -> int:
        return round(100 * self.trained / self.staff) if self.staff else 0

    @property
    def band(self) -> int:
        """The highest band reached (70, 50 or 30), or 0 below 30 %."""
        return next((band for band in RATING_BANDS if self.share >= band), 0)


def trained_employee_ids(*, year: int, company_id: Any = None) -> set[Any]:
    """Employees trained in the year: a finished test attempt, an external completion or a training
    event attended, each counted by the date it happened."""
    attempts = Attempt.objects.filter(finished_at__year=year).exclude(status=Attempt.Status.IN_PROGRESS)
    external = ExternalCompletion.objects.filter(completed_on__year=year)
    events = Attendance.objects.filter(event__date__year=year)
    if company_id:
        attempts, external, events = (
            attempts.filter(company_id=company_id),
            external.filter(company_id=company_id),
            events.filter(company_id=company_id),
        )
    ids: set[Any] = set(attempts.values_list("employee_id", flat=True))
    ids |= set(external.values_list("employee_id", flat=True))
    ids |= set(events.values_list("employee_id", flat=True))
    return ids


def staff_on(day: dt.date) -> QuerySet[Employee]:
    """Employees on the payroll on a day (hired by then, not yet dismissed)."""
    return Employee.objects.filter(Q(hire_date__isnull=True) | Q(hire_date__lte=day)).filter(
        Q(dismissal_date__isnull=True) | Q(dismissal_date__gt=day)
    )


def trained_share_by_unit(*, actor: Actor, year: int) -> list[UnitShare]:
    """For each unit in the actor's scope: staff at the end of the year and how many were trained."""
    scope = scope_of(actor, policy.VIEW_RESULTS)
    if scope.is_empty:
        return []
    trained = trained_employee_ids(year=year)
    staff: dict[Any, int] = defaultdict(int)
    done: dict[Any, int] = defaultdict(int)
    employees = staff_on(dt.date(year, 12, 31)).filter(scope.q(company="company", unit="unit"), unit__isnull=False)
    for employee_id, unit_id in employees.values_list("pk", "unit_id"):
        staff[unit_id] += 1
        done[unit_id] += employee_id in trained
    units = Unit.objects.in_bulk(list(staff))
    rows = [UnitShare(unit=units[uid], staff=staff[uid], trained=done[uid]) for uid in staff]
    return sorted(rows, key=lambda r: (r.unit.company_id, r.unit.path))
