"""API of the learning module under /api/v1/learning (the same services and selectors as the pages).

The xAPI endpoint takes one statement or a list, as an LRS does, from a caller with an API token
holding learning.manage; statements whose verb is not a completion are accepted and ignored."""

import json
import uuid
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from ninja import File, Query, Router, Status
from ninja.files import UploadedFile
from ninja.pagination import paginate

from senim.core import markup
from senim.core.access import ActorRequest, PermissionDenied
from senim.core.endpoints import patch_data, refuse_large_upload, require
from senim.core.pagination import Pagination
from senim.learning import policy, selectors, services
from senim.learning.models import Attempt, Category, QuestionType
from senim.learning.schemas import (
    AnswersIn,
    ArticleIn,
    ArticleOut,
    ArticleQuery,
    AttemptOut,
    AttendeesIn,
    CertificateOut,
    CompletionOut,
    CountOut,
    EventIn,
    EventOut,
    LearningAttachmentOut,
    LearningCourseIn,
    LearningCourseOut,
    LearningCoursePatchIn,
    LearningPageIn,
    LearningPageOut,
    LearningPagePatchIn,
    LearningQuestionIn,
    LearningQuestionOut,
    LearningQuestionPatchIn,
    MyTestOut,
    ResultOut,
    UnitShareOut,
    YearQuery,
)
from senim.org import selectors as org_selectors

router = Router(tags=["Knowledge and training"])
MAX_STATEMENTS = 1000


def _require(request: ActorRequest, permission: str) -> None:
    """Refuse callers without the permission before ids are resolved, so they get 403, not 404."""
    if request.user.scope_for(permission).is_empty:
        raise PermissionDenied(permission)


def _article_out(article: Any, *, with_html: bool = False) -> dict[str, Any]:
    return {
        "id": article.pk,
        "kind": article.kind,
        "title": article.title,
        "category": str(article.category) if article.category_id else None,
        "published_on": article.published_on,
        "html": markup.render(article.body) if with_html else "",
    }


# ------------------------------------------------------------------------------------ knowledge base


@router.get("/articles", response=list[ArticleOut], summary="Search and list knowledge-base articles")
@paginate(Pagination)
def article_list(request: ActorRequest, filters: Query[ArticleQuery]):  # type: ignore[no-untyped-def]
    _require(request, policy.READ_KB)
    articles = selectors.article_list(
        actor=request.user, query=filters.q, kind=filters.kind, category_id=filters.category
    )
    return [_article_out(a) for a in articles]


@router.get("/articles/{article_id}", response=ArticleOut, summary="One article, its text as sanitised HTML")
def article_get(request: ActorRequest, article_id: uuid.UUID):  # type: ignore[no-untyped-def]
    _require(request, policy.READ_KB)
    article = selectors.article_get(actor=request.user, article_id=article_id)
    services.article_view(article=article)
    return _article_out(article, with_html=True)


@router.post("/articles", response={201: ArticleOut}, summary="Write an article (Markdown)")
def article_create(request: ActorRequest, payload: ArticleIn):  # type: ignore[no-untyped-def]
    _require(request, policy.EDIT_KB)
    data = payload.dict(exclude={"category_id"})
    category = Category.objects.filter(pk=payload.category_id).first() if payload.category_id else None
    article = services.article_create(actor=request.user, category=category, **data)
    return Status(201, _article_out(article, with_html=True))


# ------------------------------------------------------------------------------------ building courses


def _page_out(page: Any) -> dict[str, Any]:
    return {
        "id": page.pk,
        "course_id": page.course_id,
        "order": page.order,
        "title": page.title,
        "html": markup.render(page.body),
        "attachments": [{"id": a.pk, "name": a.name, "size": a.size} for a in page.attachments.all()],
    }


def _course_out(course: Any, *, with_pages: bool = True) -> dict[str, Any]:
    pages = [_page_out(p) for p in course.pages.all()] if with_pages else []
    return {
        "id": course.pk,
        "title": course.title,
        "summary": course.summary,
        "is_active": course.is_active,
        "pages": pages,
    }


def _question_out(question: Any) -> dict[str, Any]:
    return {
        "id": question.pk,
        "bank_id": question.category.bank_id,
        "category": question.category.name,
        "type": question.qtype,
        "name": question.name,
        "text": question.text,
        "is_active": question.is_active,
        "answer_true": question.answer_true,
        "choices": [{"id": str(c.pk), "text": c.text, "match": c.match} for c in question.choices.all()],
    }


@router.get("/courses", response=list[LearningCourseOut], summary="Courses, for those who build them")
@paginate(Pagination)
def course_list(request: ActorRequest):  # type: ignore[no-untyped-def]
    require(request, policy.MANAGE)
    return [_course_out(c, with_pages=False) for c in selectors.course_list(actor=request.user)]


@router.post("/courses", response={201: LearningCourseOut}, summary="Create a course")
def course_create(request: ActorRequest, payload: LearningCourseIn):  # type: ignore[no-untyped-def]
    require(request, policy.MANAGE)
    course = services.course_create(actor=request.user, **payload.dict())
    return Status(201, _course_out(course, with_pages=False))


@router.get("/courses/{course_id}", response=LearningCourseOut, summary="A course with its pages and files")
def course_get(request: ActorRequest, course_id: uuid.UUID):  # type: ignore[no-untyped-def]
    if request.user.scope_for(policy.TAKE).is_empty:  # employees read courses, their builders too
        require(request, policy.MANAGE)
    return _course_out(selectors.course_get(actor=request.user, course_id=course_id))


@router.patch("/courses/{course_id}", response=LearningCourseOut, summary="Edit a course")
def course_update(request: ActorRequest, course_id: uuid.UUID, payload: LearningCoursePatchIn):  # type: ignore[no-untyped-def]
    require(request, policy.MANAGE)
    course = selectors.course_get(actor=request.user, course_id=course_id)
    services.course_update(actor=request.user, course=course, data=patch_data(payload))
    return _course_out(selectors.course_get(actor=request.user, course_id=course_id))


@router.post("/courses/{course_id}/pages", response={201: LearningPageOut}, summary="Add a page (Markdown)")
def page_create(request: ActorRequest, course_id: uuid.UUID, payload: LearningPageIn):  # type: ignore[no-untyped-def]
    require(request, policy.MANAGE)
    course = selectors.course_get(actor=request.user, course_id=course_id)
    page = services.page_create(actor=request.user, course=course, **payload.dict())
    return Status(201, _page_out(selectors.page_get(actor=request.user, page_id=page.pk)))


@router.patch("/pages/{page_id}", response=LearningPageOut, summary="Edit a course page")
def page_update(request: ActorRequest, page_id: uuid.UUID, payload: LearningPagePatchIn):  # type: ignore[no-untyped-def]
    require(request, policy.MANAGE)
    page = selectors.page_get(actor=request.user, page_id=page_id)
    services.page_update(actor=request.user, page=page, data=patch_data(payload))
    return _page_out(selectors.page_get(actor=request.user, page_id=page_id))


@router.post("/pages/{page_id}/attachments", response={201: LearningAttachmentOut}, summary="Attach a file to a page")
def page_attach(request: ActorRequest, page_id: uuid.UUID, file: File[UploadedFile]):  # type: ignore[no-untyped-def]
    require(request, policy.MANAGE)
    refuse_large_upload(file)
    page = selectors.page_get(actor=request.user, page_id=page_id)
    attachment = services.attachment_add(
        actor=request.user, page=page, name=file.name or "file", data=file.read(), content_type=file.content_type or ""
    )
    return Status(201, {"id": attachment.pk, "name": attachment.name, "size": attachment.size})


@router.post("/banks/{bank_id}/questions", response={201: LearningQuestionOut}, summary="Add one question to a bank")
def question_create(request: ActorRequest, bank_id: uuid.UUID, payload: LearningQuestionIn):  # type: ignore[no-untyped-def]
    require(request, policy.MANAGE)
    bank = selectors.bank_get(actor=request.user, bank_id=bank_id)
    data = payload.dict(exclude={"category", "type", "choices", "answer_true", "name"})
    question = services.question_create(
        actor=request.user,
        category=services.category_get_or_create(bank=bank, name=payload.category.strip()),
        qtype=payload.type,
        name=payload.name,
        answer_true=payload.answer_true,
        choices=[c.dict() for c in payload.choices],
        **data,
    )
    return Status(201, _question_out(selectors.question_get(actor=request.user, question_id=question.pk)))


@router.get("/questions/{question_id}", response=LearningQuestionOut, summary="One question of a bank")
def question_get(request: ActorRequest, question_id: uuid.UUID):  # type: ignore[no-untyped-def]
    require(request, policy.MANAGE)
    return _question_out(selectors.question_get(actor=request.user, question_id=question_id))


@router.patch(
    "/questions/{question_id}", response=LearningQuestionOut, summary="Correct, retire or (if never drawn) re-answer"
)
def question_update(request: ActorRequest, question_id: uuid.UUID, payload: LearningQuestionPatchIn):  # type: ignore[no-untyped-def]
    require(request, policy.MANAGE)
    question = selectors.question_get(actor=request.user, question_id=question_id)
    data = patch_data(payload)
    choices = data.pop("choices", None)
    services.question_update(actor=request.user, question=question, data=data, choices=choices)
    return _question_out(selectors.question_get(actor=request.user, question_id=question_id))


# ------------------------------------------------------------------------------------ tests


@router.get("/my/tests", response=list[MyTestOut], summary="The caller's tests with attempts and result")
def my_tests(request: ActorRequest):  # type: ignore[no-untyped-def]
    _require(request, policy.TAKE)
    return [
        {
            "test_id": row.test.pk,
            "title": row.test.title,
            "due_date": row.due_date,
            "attempts": len(row.attempts),
            "attempts_left": row.attempts_left,
            "score": row.result.score if row.result else None,
            "passed": row.result.passed if row.result else None,
        }
        for row in selectors.my_tests(actor=request.user)
    ]


def _attempt_out(attempt: Attempt) -> dict[str, Any]:
    questions = []
    if attempt.status == Attempt.Status.IN_PROGRESS:
        for item in attempt.items.select_related("question").prefetch_related("question__choices"):
            choices = {str(c.pk): c for c in item.question.choices.all()}
            options = [{"id": i, "text": choices[i].text, "match": choices[i].match} for i in item.option_order]
            left = []
            if item.question.qtype == QuestionType.MATCHING:
                left = [{"id": i, "text": choices[i].text} for i in sorted(choices, key=lambda i: choices[i].order)]
                options = [{"id": o["id"], "text": "", "match": o["match"]} for o in options]
            else:
                options = [{"id": o["id"], "text": o["text"]} for o in options]
            questions.append(
                {
                    "id": item.question_id,
                    "type": item.question.qtype,
                    "text": item.question.text,
                    "options": options,
                    "left": left,
                }
            )
    return {
        "id": attempt.pk,
        "test_id": attempt.test_id,
        "number": attempt.number,
        "status": attempt.status,
        "started_at": attempt.started_at,
        "deadline_at": attempt.deadline_at,
        "finished_at": attempt.finished_at,
        "score": attempt.score,
        "passed": attempt.passed,
        "questions": questions,
    }


@router.post("/tests/{test_id}/attempts", response={201: AttemptOut}, summary="Start (or resume) an attempt")
def attempt_start(request: ActorRequest, test_id: uuid.UUID):  # type: ignore[no-untyped-def]
    _require(request, policy.TAKE)
    test = selectors.test_get(actor=request.user, test_id=test_id)
    return Status(201, _attempt_out(services.attempt_start(actor=request.user, test=test)))


@router.get("/attempts/{attempt_id}", response=AttemptOut, summary="One of the caller's attempts")
def attempt_get(request: ActorRequest, attempt_id: uuid.UUID):  # type: ignore[no-untyped-def]
    _require(request, policy.TAKE)
    return _attempt_out(selectors.own_attempt(actor=request.user, attempt_id=attempt_id))


@router.post("/attempts/{attempt_id}/submit", response=AttemptOut, summary="Submit the answers and get the score")
def attempt_submit(request: ActorRequest, attempt_id: uuid.UUID, payload: AnswersIn):  # type: ignore[no-untyped-def]
    _require(request, policy.TAKE)
    attempt = selectors.own_attempt(actor=request.user, attempt_id=attempt_id)
    return _attempt_out(services.attempt_submit(actor=request.user, attempt=attempt, answers=payload.answers))


@router.get("/my/certificates", response=list[CertificateOut])
def my_certificates(request: ActorRequest):  # type: ignore[no-untyped-def]
    _require(request, policy.TAKE)
    return list(selectors.my_certificates(actor=request.user))


# ------------------------------------------------------------------------------------ results and events


@router.get("/results", response=list[ResultOut], summary="Finished attempts in the caller's scope")
@paginate(Pagination)
def results(request: ActorRequest, filters: Query[YearQuery]):  # type: ignore[no-untyped-def]
    _require(request, policy.VIEW_RESULTS)
    return selectors.attempt_list(actor=request.user, year=filters.year)


@router.get("/results/units", response=list[UnitShareOut], summary="Share of staff trained by unit")
def results_by_unit(request: ActorRequest, filters: Query[YearQuery]):  # type: ignore[no-untyped-def]
    _require(request, policy.VIEW_RESULTS)
    return [
        {
            "unit_id": r.unit.pk,
            "unit": str(r.unit),
            "staff": r.staff,
            "trained": r.trained,
            "share": r.share,
            "band": r.band,
        }
        for r in selectors.trained_share_by_unit(actor=request.user, year=filters.year)
    ]


@router.get("/events", response=list[EventOut])
@paginate(Pagination)
def event_list(request: ActorRequest):  # type: ignore[no-untyped-def]
    _require(request, policy.VIEW_RESULTS)
    return selectors.event_list(actor=request.user).order_by("-date", "pk")


@router.post("/events", response={201: EventOut}, summary="Record a classroom or special course")
def event_create(request: ActorRequest, payload: EventIn):  # type: ignore[no-untyped-def]
    _require(request, policy.MANAGE)
    company = org_selectors.company_get(actor=request.user, company_id=payload.company_id)
    event = services.event_create(actor=request.user, company=company, **payload.dict(exclude={"company_id"}))
    return Status(201, event)


@router.post("/events/{event_id}/attendees", response=CountOut, summary="Add attendees by personnel number")
def event_attendees(request: ActorRequest, event_id: uuid.UUID, payload: AttendeesIn):  # type: ignore[no-untyped-def]
    _require(request, policy.MANAGE)
    event = selectors.event_get(actor=request.user, event_id=event_id)
    return {
        "added": services.attendees_add(actor=request.user, event=event, personnel_numbers=payload.personnel_numbers)
    }


@router.post("/xapi/statements", response=list[CompletionOut], summary="Completions from an external LMS (xAPI)")
def xapi_statements(request: ActorRequest):  # type: ignore[no-untyped-def]
    """One statement or a list (the JSON body, as an LRS takes it); all are recorded or none
    (a bad statement is a 422)."""
    _require(request, policy.MANAGE)
    try:
        payload = json.loads(request.body)
    except ValueError as error:
        raise ValidationError(_("The body is not JSON.")) from error
    statements = payload if isinstance(payload, list) else [payload]
    if not all(isinstance(s, dict) for s in statements):
        raise ValidationError(_("Each statement must be a JSON object."))
    if len(statements) > MAX_STATEMENTS:
        raise ValidationError(
            ngettext(
                "At most %(count)s statement per request.", "At most %(count)s statements per request.", MAX_STATEMENTS
            )
            % {"count": MAX_STATEMENTS}
        )
    with transaction.atomic():
        recorded = [services.xapi_record(actor=request.user, statement=s) for s in statements]
    return [c for c in recorded if c is not None]
