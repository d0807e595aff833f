"""Dashboard, indicators and the audit trail; the `permission_required` guard for every app; the
load balancer's health check."""

import datetime as dt
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from django import forms
from django.apps import apps
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from senim.core import approvals, health, indicators, selectors
from senim.core.access import ActorRequest
from senim.core.dashboard import charts as dashboard_charts
from senim.core.dashboard import tiles as dashboard_tiles
from senim.core.exports import csv_response
from senim.core.forms import IndicatorFilterForm, PeriodForm
from senim.core.policy import VIEW_AUDIT, VIEW_INDICATORS

T = TypeVar("T")


def permission_required(permission: str) -> Callable[..., Any]:
    """Require a signed-in user holding `permission` somewhere; scope checks stay in selectors."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not request.user.can(permission):  # type: ignore[union-attr]
                raise DjangoPermissionDenied
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def login_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    return wrapper


def get_or_404(selector: Callable[..., T], **kwargs: Any) -> T:
    """Call a `*_get` selector; an object that does not exist, lies outside the actor's scope or is
    named by a malformed id is a 404 page, the one answer for all three."""
    try:
        return selector(**kwargs)
    except (ObjectDoesNotExist, ValidationError, ValueError) as error:
        raise Http404 from error


def paginate(request: HttpRequest, items: Any, per_page: int = 25) -> Any:
    return Paginator(items, per_page).get_page(request.GET.get("page"))


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    waiting = approvals.queue_for(request.user) if request.user.is_authenticated else []  # type: ignore[arg-type]
    context = {"tiles": dashboard_tiles(request), "charts": dashboard_charts(request), "waiting": waiting}
    return render(request, "core/dashboard.html", context)


@permission_required(VIEW_INDICATORS)
def indicator_list(request: ActorRequest) -> HttpResponse:
    """Indicator values for a year and the year before, for the group or one company the
    actor may report on (the first such company when the actor has no group-wide role)."""
    scope = request.user.scope_for(VIEW_INDICATORS)
    choices = indicators.company_choices(request.user)
    form = IndicatorFilterForm(request.GET or None, choices=choices, whole_group=scope.everything)
    year, company = form.year_and_company()
    values = indicators.compute_values(year=year, company_id=company) if (scope.everything or company) else []
    context = {"form": form, "year": year, "values": values, "sections": _by_module(values)}
    return render(request, "core/indicators.html", context)


def _by_module(values: list[indicators.IndicatorValue]) -> list[tuple[str, list[indicators.IndicatorValue]]]:
    """Indicators grouped under their module's name, modules in the order of INSTALLED_APPS."""
    order = {config.label: position for position, config in enumerate(apps.get_app_configs())}
    groups: dict[str, list[indicators.IndicatorValue]] = {}
    for value in values:
        groups.setdefault(value.module, []).append(value)
    labels = sorted(groups, key=lambda label: (order.get(label, len(order)), label))
    return [(_module_title(label), groups[label]) for label in labels]


def _module_title(label: str) -> str:
    try:
        return str(apps.get_app_config(label).verbose_name)
    except LookupError:
        return label


class AuditFilterForm(PeriodForm):
    actor = forms.CharField(label=_("Actor"), required=False, max_length=100)
    event_type = forms.CharField(label=_("Event type"), required=False, max_length=100)
    object = forms.CharField(label=_("Object"), required=False, max_length=100)


def _audit_events(request: ActorRequest) -> tuple[AuditFilterForm, Any]:
    form = AuditFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    events = selectors.audit_event_list(
        actor=request.user,
        actor_query=data.get("actor", ""),
        event_type=data.get("event_type", ""),
        object_query=data.get("object", ""),
        start=data.get("start"),
        end=data.get("end"),
    )
    return form, events


@permission_required(VIEW_AUDIT)
def audit_list(request: ActorRequest) -> HttpResponse:
    form, events = _audit_events(request)
    context = {"form": form, "page_obj": paginate(request, events, 50), "event_types": selectors.audit_event_types()}
    return render(request, "core/audit_list.html", context)


@permission_required(VIEW_AUDIT)
def audit_export(request: ActorRequest) -> StreamingHttpResponse:
    """The filtered events as CSV, streamed so a year of events never sits in memory."""
    _form, events = _audit_events(request)
    header = [
        _("Sequence"),
        _("Time"),
        _("Actor"),
        _("Event type"),
        _("Object type"),
        _("Object ID"),
        _("Object"),
        _("Changes"),
        _("Hash"),
    ]

    rows = (
        [e.seq, e.occurred_at.isoformat(), e.actor_label, e.event_type, e.object_type, e.object_id, e.object_repr,
         e.changes, e.hash]
        for e in events.iterator(chunk_size=2000)
    )  # fmt: skip
    return csv_response(filename=f"senim-audit-{dt.date.today().isoformat()}.csv", header=header, rows=rows)


@never_cache
@require_safe
def healthz(request: HttpRequest) -> HttpResponse:
    """For a load balancer: 200 when this host reaches the database, the cache and the storage,
    503 otherwise; `{"database": "ok", "cache": "ok", "storage": "ok"}`. No sign-in, no user data."""
    healthy, results = health.status()
    return JsonResponse(results, status=200 if healthy else 503)
