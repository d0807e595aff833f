"""Officer pages that build courses: a course with its pages (Markdown) and their files, and single
questions of a bank typed by hand."""

import uuid

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from senim.core.access import ActorRequest
from senim.core.forms import apply_errors
from senim.core.views import get_or_404, permission_required
from senim.learning import policy, selectors, services, tables
from senim.learning.forms import AttachmentForm, CourseForm, CoursePageForm, QuestionForm


@permission_required(policy.MANAGE)
def course_list(request: ActorRequest) -> HttpResponse:
    form = CourseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            course = services.course_create(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The course was created."))
            return redirect("learning:course-edit", course_id=course.pk)
    courses = selectors.course_list(actor=request.user).prefetch_related("pages", "tests")
    return tables.COURSES.respond(request, courses, "learning/courses.html", {"form": form})


@permission_required(policy.MANAGE)
def course_edit(request: ActorRequest, course_id: uuid.UUID) -> HttpResponse:
    """The course's titles and summary, its pages, and a new page."""
    course = get_or_404(selectors.course_get, actor=request.user, course_id=course_id)
    form = CourseForm(request.POST if "save_course" in request.POST else None, instance=course)
    page_form = CoursePageForm(request.POST if "add_page" in request.POST else None, prefix="page")
    target = form if "save_course" in request.POST else page_form
    if request.method == "POST" and target.is_valid():
        try:
            if target is form:
                services.course_update(actor=request.user, course=course, data=form.cleaned_data)
            else:
                page = services.page_create(actor=request.user, course=course, **page_form.cleaned_data)
        except ValidationError as error:
            apply_errors(target, error)
        else:
            messages.success(request, _("The course was saved.") if target is form else _("The page was added."))
            if target is form:
                return redirect("learning:course-edit", course_id=course.pk)
            return redirect("learning:page-edit", page_id=page.pk)
    context = {"course": course, "form": form, "page_form": page_form}
    return render(request, "learning/course_edit.html", context)


@permission_required(policy.MANAGE)
def page_edit(request: ActorRequest, page_id: uuid.UUID) -> HttpResponse:
    page = get_or_404(selectors.page_get, actor=request.user, page_id=page_id)
    form = CoursePageForm(request.POST or None, instance=page)
    if request.method == "POST" and form.is_valid():
        try:
            services.page_update(actor=request.user, page=page, data=form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The page was saved."))
            return redirect("learning:course-edit", course_id=page.course_id)
    context = {"page": page, "form": form, "upload_form": AttachmentForm()}
    return render(request, "learning/page_edit.html", context)


@require_POST
@permission_required(policy.MANAGE)
def page_attach(request: ActorRequest, page_id: uuid.UUID) -> HttpResponse:
    page = get_or_404(selectors.page_get, actor=request.user, page_id=page_id)
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            services.attachment_add(
                actor=request.user, page=page, name=upload.name, data=upload.read(), content_type=upload.content_type
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The file was attached."))
    else:
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    return redirect("learning:page-edit", page_id=page.pk)


@permission_required(policy.MANAGE)
def question_create(request: ActorRequest, bank_id: uuid.UUID) -> HttpResponse:
    bank = get_or_404(selectors.bank_get, actor=request.user, bank_id=bank_id)
    form = QuestionForm(request.POST or None, initial={"language": request.LANGUAGE_CODE})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.question_create(
                actor=request.user,
                category=services.category_get_or_create(bank=bank, name=data["category"].strip()),
                qtype=data["qtype"],
                name=data["name"],
                choices=form.choices(data["qtype"]),
                answer_true=data["answer_true"],
                **{f: data[f] for f in ("text_ru", "text_kk", "text_en", "text_uz")},
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The question was added."))
            return redirect("learning:bank-detail", bank_id=bank.pk)
    categories = selectors.bank_categories(actor=request.user, bank=bank).values_list("name", flat=True)
    return render(request, "learning/question_form.html", {"form": form, "bank": bank, "categories": categories})


@permission_required(policy.MANAGE)
def question_edit(request: ActorRequest, question_id: uuid.UUID) -> HttpResponse:
    question = get_or_404(selectors.question_get, actor=request.user, question_id=question_id)
    language = request.POST.get("language") or request.LANGUAGE_CODE
    initial = {
        "name": question.name,
        "is_active": question.is_active,
        "answer_true": {True: "true", False: "false"}.get(question.answer_true, ""),  # type: ignore[arg-type]
        "language": language,
        "options": QuestionForm.options_text(question, language),
        **{f"text_{c}": getattr(question, f"text_{c}") for c in ("ru", "kk", "en", "uz")},
    }
    form = QuestionForm(request.POST or None, initial=initial, editing=True)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k not in ("language", "options")}
        choices = form.choices(question.qtype)
        unchanged = form.cleaned_data["options"].strip() == initial["options"].strip()
        try:
            services.question_update(
                actor=request.user, question=question, data=data, choices=None if unchanged else choices
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The question was saved."))
            return redirect("learning:bank-detail", bank_id=question.category.bank_id)
    return render(request, "learning/question_form.html", {"form": form, "question": question})
