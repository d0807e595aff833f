"""Senim's URLs plus the references the page benchmark compares against, measured in the same run:
a trivial view, and a plain dashboard doing the dashboard's own queries (the same tile and chart
functions) rendered by a minimal template without Senim's layout, navigation or components."""

from django.http import HttpRequest, HttpResponse
from django.template import engines
from django.urls import path

from senim.core.dashboard import charts, tiles
from senim.urls import urlpatterns as senim_urlpatterns

_DASHBOARD = engines["django"].from_string(
    "<html><body>{% for tile in tiles %}<p>{{ tile.label }}: {{ tile.value }}</p>{% endfor %}"
    "{% for chart in charts %}<figure>{{ chart.svg|safe }}</figure>{% endfor %}</body></html>"
)


def bare(request: HttpRequest) -> HttpResponse:
    """A trivial view: the cost of Django's request cycle and middleware alone."""
    return HttpResponse("ok")


def bare_dashboard(request: HttpRequest) -> HttpResponse:
    """The dashboard's own queries (every app's tiles and charts for this user), plain template."""
    return HttpResponse(_DASHBOARD.render({"tiles": tiles(request), "charts": charts(request)}, request))


urlpatterns = [path("bench/bare/", bare), path("bench/bare-dashboard/", bare_dashboard), *senim_urlpatterns]
