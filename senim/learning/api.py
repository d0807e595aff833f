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
from ninja import Query, Router, Status
from ninja.pagination import paginate

from senim.core.access import ActorRequest, PermissionDenied
from senim.core.pagination import Pagination
from senim.learning import markup, policy, selectors, services
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
