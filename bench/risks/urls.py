"""Senim's URLs plus the plain-Django reference the plans benchmark compares against."""

from django.db.models import Count, Prefetch
from django.http import HttpRequest, HttpResponse
from django.template import engines
from django.urls import path

from senim.risks.models import Measure, MeasureInstance, RiskFunction
from senim.urls import urlpatterns as senim_urlpatterns

_PLAN = engines["django"].from_string(
    "<html><body><table>{% for m in measures %}<tr><td>{{ m.section.title_kk }}</td><td>{{ m.number }}</td>"
    "<td>{{ m.text_kk|linebreaksbr }}</td><td>{{ m.deadline_text }}</td><td>{{ m.completion_form }}</td>"
    "<td>{{ m.executives_text }}</td><td>{{ m.units_text }}</td><td>{{ m.status }}</td>"
    "<td>{% for i in m.instances.all %}{{ i.period }} {% endfor %}</td></tr>{% endfor %}</table></body></html>"
)


def bare_plan(request: HttpRequest, plan_id: str) -> HttpResponse:
    """Plain Django doing the same query: the plan's measures with sections and periods, one table."""
    measures = (
        Measure.objects.filter(plan_id=plan_id)
        .select_related("section", "section__parent")
        .prefetch_related(Prefetch("instances", queryset=MeasureInstance.objects.order_by("due_date")))
        .order_by("position")
    )
    return HttpResponse(_PLAN.render({"measures": measures}, request))


_MAP = engines["django"].from_string(
    "<html><body><table>{% for r in rows %}<tr><td>{{ r.unit__code }}</td><td>{{ r.level }}</td><td>{{ r.n }}</td>"
    "</tr>{% endfor %}</table></body></html>"
)


def bare_map(request: HttpRequest, exercise_id: str) -> HttpResponse:
    """Plain Django doing the map's query: functions counted by unit and level, one table."""
    rows = (
        RiskFunction.objects.filter(exercise_id=exercise_id)
        .values("unit__code", "level")
        .annotate(n=Count("pk"))
        .order_by("unit__code", "level")
    )
    return HttpResponse(_MAP.render({"rows": rows}, request))


urlpatterns = [
    path("bench/bare-plan/<uuid:plan_id>/", bare_plan),
    path("bench/bare-map/<uuid:exercise_id>/", bare_map),
    *senim_urlpatterns,
]
