"""The public Speak Up portal: no account, no JavaScript needed, nothing about the visitor kept.

Every response is marked not to be cached and to send no referrer to other sites. The receipt key
never appears in a URL: the follow-up pages are reached by posting it, and each form on them
carries it again (hidden), so no session ties a browser to a case.
"""

from collections.abc import Callable
from functools import lru_cache, wraps
from typing import Any

from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods

from senim.core.forms import apply_errors
from senim.speakup import conf, limits, nonces, ratelimit, selectors, services
from senim.speakup.downloads import file_response
from senim.speakup.forms import QuestionForm, ReceiptForm, ReplyForm, ReportForm
from senim.speakup.models import FINAL_STATUSES, Attachment, Case, Kind

PUBLIC_METHODS = ["GET", "HEAD", "POST"]
REPLAYED = gettext_lazy(
    "This form was already sent. Nothing was added again; open the case with your receipt key to check."
)


def public(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """No cache, no referrer to other sites, and a body larger than any allowed upload refused from
    its declared length before anything reads it. CSRF is checked after that check, not by the
    middleware first (which would read, and store, a multipart body of any size)."""
    protected = csrf_protect(view)

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method == "POST" and limits.body_too_large(request):
            context = _context(max_mb=conf.max_file_mb(), max_files=conf.max_files())
            response = render(request, "speakup/public/too_large.html", context, status=413)
        else:
            response = protected(request, *args, **kwargs)
        # Not "no-referrer": browsers then send "Origin: null" with form posts, which CSRF refuses.
        response["Referrer-Policy"] = "same-origin"
        return response

    return csrf_exempt(never_cache(require_http_methods(PUBLIC_METHODS)(wrapper)))


def _context(**extra: Any) -> dict[str, Any]:
    return {"hotline": conf.hotline(), **extra}


# The pages below that are the same for every visitor are rendered once per template, language,
# address and settings, with these slots where each visitor's CSRF token and one-time form token go.
_CSRF_SLOT = "senim-speakup-csrf-slot"
_NONCE_SLOT = "senim-speakup-nonce-slot"
_PAGES: dict[tuple[str, ...], str] = {}
_PAGES_MAX = 64


def _shell(request: HttpRequest, template: str, vary: tuple[Any, ...] = (), **extra: Any) -> str | None:
    """The page, from a copy made once per template, language, address, contacts and `vary` (what
    else it depends on), with this visitor's CSRF and one-time tokens put in; None when the page
    must be rendered as usual (a query string or pending messages make it particular)."""
    if request.GET or len(get_messages(request)):
        return None
    context = _context(**extra)
    key = (template, get_language() or "", request.path, repr(context["hotline"]), repr(vary))
    html = _PAGES.get(key)
    if html is None:
        html = render_to_string(template, {**context, "csrf_token": _CSRF_SLOT, "nonce": _NONCE_SLOT}, request)
        if len(_PAGES) >= _PAGES_MAX:
            _PAGES.clear()
        _PAGES[key] = html
    if _NONCE_SLOT in html:
        html = html.replace(_NONCE_SLOT, nonces.issue())
    return html.replace(_CSRF_SLOT, get_token(request))


def _same_for_all(request: HttpRequest, template: str, vary: tuple[Any, ...] = (), **extra: Any) -> HttpResponse:
    """A page that holds nothing particular to the visitor, served from its copy (_shell)."""
    html = _shell(request, template, vary, **extra)
    if html is None:
        return render(request, template, _context(nonce=nonces.issue(), **extra))
    return HttpResponse(html)


def _language() -> str:
    code = (get_language() or "ru").split("-")[0]
    return code if code in {"en", "ru", "kk", "uz"} else "ru"


@public
def portal(request: HttpRequest) -> HttpResponse:
    return _same_for_all(request, "speakup/public/portal.html")


@public
def anonymity(request: HttpRequest) -> HttpResponse:
    return _same_for_all(request, "speakup/public/anonymity.html", (conf.max_file_mb(),), max_mb=conf.max_file_mb())


def _submit(request: HttpRequest, kind: str) -> HttpResponse:
    form_class = QuestionForm if kind == Kind.QUESTION else ReportForm
    companies = selectors.public_companies()
    form = form_class(request.POST or None, request.FILES or None, companies=companies)
    template = "speakup/public/question.html" if kind == Kind.QUESTION else "speakup/public/report.html"
    if request.method == "POST":
        limit = conf.submissions_per_hour()
        if ratelimit.exceeded(request, "submit", limit):
            form.add_error(None, _("Too many submissions from this connection. Please try again in an hour."))
        elif form.is_valid() and not nonces.consume(request.POST.get("nonce", "")):
            form.add_error(None, REPLAYED)
        elif form.is_valid():
            ratelimit.count(request, "submit", limit)
            try:
                submission = services.case_submit(
                    kind=kind,
                    category=form.cleaned_data["category"],
                    content=form.content(),
                    anonymous=form.anonymous,
                    reporter=form.reporter(),
                    company_id=form.cleaned_data.get("company") or None,
                    language=_language(),
                    uploads=form.cleaned_data.get("attachments") or [],
                )
            except ValidationError as error:
                apply_errors(form, error)
            else:
                context = _context(receipt=submission.receipt, case=submission.case)
                return render(request, "speakup/public/receipt.html", context)
    if not form.is_bound:
        blank = _blank_form(kind, _language(), tuple(companies))
        extra = {"form_html": blank, "max_mb": conf.max_file_mb(), "max_files": conf.max_files()}
        return _same_for_all(request, template, (tuple(companies), *extra.values()), form=None, **extra)
    blank = ""
    context = _context(
        form=form, form_html=blank, max_mb=conf.max_file_mb(), max_files=conf.max_files(), nonce=nonces.issue()
    )
    return render(request, template, context)


@lru_cache(maxsize=8)
def _blank_reply(language: str) -> str:
    """The empty reply form of the follow-up page, rendered once per language."""
    with translation.override(language):
        return mark_safe(render_to_string("components/form.html", {"form": ReplyForm()}))  # noqa: S308  (our own template's output)


@lru_cache(maxsize=32)
def _blank_form(kind: str, language: str, companies: tuple[tuple[Any, str], ...]) -> str:
    """The empty form's fields, the same for every visitor: rendered once per language and list of
    companies (the CSRF token and the one-time nonce stay outside it)."""
    form_class = QuestionForm if kind == Kind.QUESTION else ReportForm
    with translation.override(language):
        return mark_safe(render_to_string("components/form.html", {"form": form_class(companies=list(companies))}))  # noqa: S308  (our own template's output)


@public
def report(request: HttpRequest) -> HttpResponse:
    return _submit(request, Kind.REPORT)


@public
def question(request: HttpRequest) -> HttpResponse:
    return _submit(request, Kind.QUESTION)


def _open_case(request: HttpRequest, form: ReceiptForm) -> Case | None:
    """The case the posted receipt key opens; counts failures against the client's hourly limit.
    Every failure gives the same plain message, whatever was wrong with the key."""
    limit = conf.receipt_failures_per_hour()
    if ratelimit.exceeded(request, "receipt", limit):
        form.add_error(None, _("Too many attempts with wrong keys. Please try again in an hour."))
        return None
    if not form.is_valid():
        return None
    case = selectors.case_for_receipt(key=form.cleaned_data["receipt"])
    if case is None:
        ratelimit.count(request, "receipt", limit)
        form.add_error(None, _("This receipt key does not open any report. Check it and try again."))
    return case


_BODY_SLOT = "senim-speakup-body-slot"


def _follow_page(request: HttpRequest, case: Case, receipt: str, **extra: Any) -> HttpResponse:
    """The case as the reporter sees it: its own part rendered for this case, inside the page's
    layout, which is the same for every case (_shell)."""
    context = _context(
        case=case,
        receipt=receipt,
        data=selectors.case_content(actor=selectors.Reporter(case), case=case),
        reply_form=extra.get("reply_form") or ReplyForm(),
        reply_html="" if extra.pop("reply_form", None) else _blank_reply(_language()),
        can_reply=case.status not in FINAL_STATUSES,
        nonce=nonces.issue(),
        max_mb=conf.max_file_mb(),
        **extra,
    )
    body = render_to_string("speakup/public/_follow_body.html", context, request)
    shell = _shell(request, "speakup/public/follow.html", body=_BODY_SLOT)
    if shell is None:
        return render(request, "speakup/public/follow.html", _context(body=mark_safe(body)))  # noqa: S308  (our own template's output)
    return HttpResponse(shell.replace(_BODY_SLOT, body, 1))


@public
def follow(request: HttpRequest) -> HttpResponse:
    """Enter the receipt key (GET shows the form); a POST with a valid key shows the case, and
    one with a message as well adds it."""
    form = ReceiptForm(request.POST or None)
    if request.method != "POST":
        return _same_for_all(request, "speakup/public/follow_key.html", form=ReceiptForm())
    case = _open_case(request, form)
    if case is None:
        return render(request, "speakup/public/follow_key.html", _context(form=form), status=200)
    receipt = form.cleaned_data["receipt"]
    if request.POST.get("action") != "reply":
        return _follow_page(request, case, receipt)
    reply = ReplyForm(request.POST, request.FILES)
    if reply.is_valid() and not nonces.consume(request.POST.get("nonce", "")):
        reply.add_error(None, REPLAYED)
    elif reply.is_valid():
        try:
            services.reporter_reply(
                case=case,
                body=reply.cleaned_data.get("body") or "",
                uploads=reply.cleaned_data.get("attachments") or [],
            )
        except ValidationError as error:
            apply_errors(reply, error)
        else:
            return _follow_page(request, case, receipt, sent=True)
    return _follow_page(request, case, receipt, reply_form=reply)


@public
def follow_file(request: HttpRequest) -> HttpResponse:
    """Download a file of the case the posted receipt key opens."""
    if request.method != "POST":
        raise Http404
    form = ReceiptForm(request.POST)
    case = _open_case(request, form)
    if case is None:
        return render(request, "speakup/public/follow_key.html", _context(form=form))
    try:
        name, kind, data = selectors.attachment_get(
            actor=selectors.Reporter(case), case=case, attachment_id=request.POST.get("file", "")
        )
    except (Attachment.DoesNotExist, ValidationError, ValueError) as error:
        raise Http404 from error
    return file_response(name, kind, data)
