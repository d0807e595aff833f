"""Knowledge-base pages: search and browse (every signed-in role), an article with its files and
view count, editing, answers published from Speak Up questions, views by article, and the whole
base as one PDF."""

import uuid
from urllib.parse import quote

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from senim.core import markup
from senim.core.access import ActorRequest, PermissionDenied
from senim.core.forms import apply_errors
from senim.core.views import paginate, permission_required
from senim.learning import exports, policy, selectors, services, tables
from senim.learning.forms import ArticleForm, AttachmentForm, CategoryForm, FaqForm, YearForm
from senim.learning.models import Article


def _article(request: ActorRequest, article_id: uuid.UUID) -> Article:
    try:
        return selectors.article_get(actor=request.user, article_id=article_id)
    except (Article.DoesNotExist, ValidationError, ValueError) as error:
        raise Http404 from error


@permission_required(policy.READ_KB)
def kb_home(request: ActorRequest) -> HttpResponse:
    query = request.GET.get("q", "")[:200]
    category = request.GET.get("category", "")
    try:
        category_id = uuid.UUID(category) if category else None
    except ValueError:
        category_id = None
    articles = selectors.article_list(
        actor=request.user, query=query, category_id=category_id, kind=request.GET.get("kind", "")[:10]
    )
    context = {
        "categories": selectors.category_list(actor=request.user),
        "query": query,
        "can_edit": request.user.can(policy.EDIT_KB),
    }
    # A search typed with HTMX replaces only the results: render just them, not the layout.
    template = "learning/_kb_results.html" if request.htmx else "learning/kb_home.html"
    return tables.ARTICLES.respond(request, articles, template, context)


@permission_required(policy.READ_KB)
def article_detail(request: ActorRequest, article_id: uuid.UUID) -> HttpResponse:
    article = _article(request, article_id)
    services.article_view(article=article)
    context = {
        "article": article,
        "html": markup.render(article.body),
        "case": selectors.article_case(actor=request.user, article=article),
        "document": selectors.article_document(actor=request.user, article=article),
        "can_edit": request.user.can(policy.EDIT_KB),
        "attachment_form": AttachmentForm(),
    }
    return render(request, "learning/article_detail.html", context)


@permission_required(policy.EDIT_KB)
def article_edit(request: ActorRequest, article_id: uuid.UUID | None = None) -> HttpResponse:
    article = _article(request, article_id) if article_id else None
    form = ArticleForm(
        request.POST or None, instance=article, documents=selectors.linkable_documents(actor=request.user)
    )
    if request.method == "POST" and form.is_valid():
        try:
            if article is None:
                article = services.article_create(actor=request.user, **form.cleaned_data)
            else:
                article = services.article_update(actor=request.user, article=article, data=form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The article was saved."))
            return redirect("learning:article-detail", article_id=article.pk)
    return render(request, "learning/article_form.html", {"form": form, "article": article})


@permission_required(policy.EDIT_KB)
def attachment_add(request: ActorRequest, article_id: uuid.UUID) -> HttpResponse:
    article = _article(request, article_id)
    form = AttachmentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            services.attachment_add(
                actor=request.user,
                article=article,
                name=upload.name,
                data=upload.read(),
                content_type=upload.content_type,
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The file was attached."))
    elif request.method == "POST":
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    return redirect("learning:article-detail", article_id=article.pk)


@permission_required(policy.READ_KB)
def attachment_download(request: ActorRequest, attachment_id: uuid.UUID) -> HttpResponse:
    try:
        attachment = selectors.attachment_get(actor=request.user, attachment_id=attachment_id)
    except Exception as error:  # not found or not visible: both are 404
        raise Http404 from error
    response = HttpResponse(
        selectors.attachment_content(attachment=attachment), content_type="application/octet-stream"
    )
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(attachment.name)}"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@permission_required(policy.EDIT_KB)
def category_create(request: ActorRequest) -> HttpResponse:
    form = CategoryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.category_create(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The category was added."))
            return redirect("learning:kb")
    return render(request, "learning/category_form.html", {"form": form})


@permission_required(policy.EDIT_KB)
def faq_from_case(request: ActorRequest) -> HttpResponse:
    """Choose a Speak Up question, then write the anonymised question and answer to publish."""
    cases = selectors.question_cases(actor=request.user)
    case_id = request.GET.get("case") or request.POST.get("case")
    if not case_id:
        return render(request, "learning/faq_cases.html", {"page_obj": paginate(request, cases, 25)})
    try:
        case = cases.get(pk=case_id)
    except (ValidationError, ValueError, cases.model.DoesNotExist) as error:
        raise Http404 from error
    form = FaqForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            article = services.faq_publish_from_case(actor=request.user, case_id=case.pk, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The answer was published in the knowledge base."))
            return redirect("learning:article-detail", article_id=article.pk)
    return render(request, "learning/faq_form.html", {"form": form, "case": case})


@permission_required(policy.EDIT_KB)
def kb_views(request: ActorRequest) -> HttpResponse:
    form = YearForm(request.GET or None)
    year = (form.cleaned_data.get("year") if form.is_valid() else None) or timezone.localdate().year
    rows = selectors.article_views(actor=request.user, year=year)
    return render(request, "learning/kb_views.html", {"form": form, "rows": rows, "year": year})


@permission_required(policy.READ_KB)
def kb_pdf(request: ActorRequest) -> HttpResponse:
    articles = list(selectors.article_list(actor=request.user).order_by("category__order", "title_en", "pk"))
    if not articles and not request.user.can(policy.READ_KB):
        raise PermissionDenied(policy.READ_KB)
    pdf = exports.knowledge_base_pdf(articles, date=timezone.localdate().strftime("%d.%m.%Y"))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="knowledge-base.pdf"'
    return response
