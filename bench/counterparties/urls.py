"""Senim's URLs plus the plain-Django references the counterparties benchmark compares against."""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.template import engines
from django.urls import path

from senim.counterparties.models import Contract, Counterparty
from senim.urls import urlpatterns as senim_urlpatterns

_CP = engines["django"].from_string(
    "<html><body><table>{% for c in page %}<tr><td>{{ c.name_ru }}</td><td>{{ c.identifier }}</td>"
    "<td>{{ c.kind }}</td><td>{{ c.category }}</td><td>{{ c.country }}</td></tr>{% endfor %}</table>"
    "{{ page.number }} / {{ page.paginator.num_pages }}</body></html>"
)
_CT = engines["django"].from_string(
    "<html><body><table>{% for c in page %}<tr><td>{{ c.number }}</td><td>{{ c.date }}</td>"
    "<td>{{ c.company.name_ru }}</td><td>{{ c.counterparty.name_ru }}</td><td>{{ c.procurement_method }}</td>"
    "<td>{{ c.amount }}</td><td>{{ c.has_clause }}</td></tr>{% endfor %}</table>"
    "{{ page.number }} / {{ page.paginator.num_pages }}</body></html>"
)


def bare(request: HttpRequest) -> HttpResponse:
    """A trivial view: the cost of Django's request cycle and middleware alone."""
    return HttpResponse("ok")


def bare_counterparties(request: HttpRequest) -> HttpResponse:
    """Plain Django over the same table doing the same work (search, sort, paginate 25 rows)."""
    qs = Counterparty.objects.filter(merged_into__isnull=True)
    for term in request.GET.get("q", "").casefold().split():
        qs = qs.filter(search_text__contains=term)
    page = Paginator(qs.order_by("name_ru", "id"), 25).get_page(request.GET.get("page"))
    return HttpResponse(_CP.render({"page": page}, request))


def bare_contracts(request: HttpRequest) -> HttpResponse:
    qs = Contract.objects.select_related("company", "counterparty")
    if request.GET.get("year"):
        qs = qs.filter(date__year=int(request.GET["year"]))
    page = Paginator(qs.order_by("-date", "-number", "-id"), 50).get_page(request.GET.get("page"))
    return HttpResponse(_CT.render({"page": page}, request))


urlpatterns = [
    path("bench/bare/", bare),
    path("bench/bare-counterparties/", bare_counterparties),
    path("bench/bare-contracts/", bare_contracts),
    *senim_urlpatterns,
]
