"""Employee self-service: courses, my tests, taking a test (a plain form; HTMX keeps the timer),
the result, and my certificates as PDF."""

import uuid
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from senim.core import markup
from senim.core.access import ActorRequest
from senim.core.views import login_required, permission_required
from senim.learning import exports, policy, selectors, services
from senim.learning.models import Attempt, Certificate, Course, QuestionType, Test


@permission_required(policy.TAKE)
def my_tests(request: ActorRequest) -> HttpResponse:
    context = {
        "rows": selectors.my_tests(actor=request.user),
        "courses": selectors.course_list(actor=request.user).filter(is_active=True),
        "employee": selectors.own_employee(actor=request.user),
    }
    return render(request, "learning/my_tests.html", context)


@permission_required(policy.TAKE)
def course_detail(request: ActorRequest, course_id: uuid.UUID) -> HttpResponse:
    try:
        course = selectors.course_get(actor=request.user, course_id=course_id)
    except (Course.DoesNotExist, ValidationError, ValueError) as error:
        raise Http404 from error
    pages = [(page, markup.render(page.body)) for page in course.pages.all()]
    return render(request, "learning/course_detail.html", {"course": course, "pages": pages})


@require_POST
@permission_required(policy.TAKE)
def test_start(request: ActorRequest, test_id: uuid.UUID) -> HttpResponse:
    try:
        test = selectors.test_get(actor=request.user, test_id=test_id)
    except (Test.DoesNotExist, ValidationError, ValueError) as error:
        raise Http404 from error
    try:
        attempt = services.attempt_start(actor=request.user, test=test)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("learning:my-tests")
    return redirect("learning:attempt", attempt_id=attempt.pk)


def _questions(attempt: Attempt) -> list[dict[str, Any]]:
    """The drawn questions in order, each with its options in the order they were shown."""
    rows = []
    for item in attempt.items.all():
        question = item.question
        choices = {str(c.pk): c for c in question.choices.all()}
        options = [choices[i] for i in item.option_order if i in choices]
        row: dict[str, Any] = {"item": item, "question": question, "options": options, "name": f"q-{question.pk}"}
        if question.qtype == QuestionType.MATCHING:
            row["left"] = [choices[i] for i in sorted(item.option_order, key=lambda i: choices[i].order)]
        rows.append(row)
    return rows


def _answers_from_post(request: HttpRequest, attempt: Attempt) -> dict[str, Any]:
    """Read q-<question id> fields (matching: q-<question id>-<left id>); unknown ids are kept,
    so that the service refuses answers to questions outside the attempt."""
    answers: dict[str, Any] = {}
    for key in request.POST:
        if not key.startswith("q-"):
            continue
        rest = key[2:]
        if len(rest) > 36 and rest[36] == "-":
            answers.setdefault(rest[:36], {})[rest[37:]] = request.POST[key]
        elif key.endswith("[]"):
            answers[rest[:-2]] = request.POST.getlist(key)
        else:
            answers[rest] = request.POST[key]
    return answers


@permission_required(policy.TAKE)
def attempt_take(request: ActorRequest, attempt_id: uuid.UUID) -> HttpResponse:
    try:
        attempt = selectors.own_attempt(actor=request.user, attempt_id=attempt_id)
    except (Attempt.DoesNotExist, ValidationError, ValueError) as error:
        raise Http404 from error
    if request.method == "POST" and attempt.status == Attempt.Status.IN_PROGRESS:
        try:
            attempt = services.attempt_submit(
                actor=request.user, attempt=attempt, answers=_answers_from_post(request, attempt)
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect("learning:attempt", attempt_id=attempt.pk)
    attempt = services.attempt_close_if_expired(attempt=attempt)
    if attempt.status != Attempt.Status.IN_PROGRESS:
        certificate = Certificate.objects.filter(attempt=attempt).first() if attempt.passed else None
        return render(request, "learning/attempt_result.html", {"attempt": attempt, "certificate": certificate})
    seconds_left = max(0, int((attempt.deadline_at - timezone.now()).total_seconds())) if attempt.deadline_at else None
    context = {"attempt": attempt, "questions": _questions(attempt), "seconds_left": seconds_left}
    return render(request, "learning/attempt_take.html", context)


@permission_required(policy.TAKE)
def my_certificates(request: ActorRequest) -> HttpResponse:
    certificates = selectors.my_certificates(actor=request.user)
    return render(request, "learning/my_certificates.html", {"certificates": certificates})


@login_required
def certificate_pdf(request: ActorRequest, certificate_id: uuid.UUID) -> HttpResponse:
    """One's own certificate, or (officers, auditors) one of an employee in scope."""
    try:
        certificate = selectors.certificate_get(actor=request.user, certificate_id=certificate_id)
    except (Certificate.DoesNotExist, ValidationError, ValueError) as error:
        raise Http404 from error
    response = HttpResponse(exports.certificate_pdf(certificate), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="certificate-{certificate.number}.pdf"'
    return response
