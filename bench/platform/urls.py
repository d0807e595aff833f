"""Senim's URLs plus the references the benchmark compares against, measured in the same run."""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.template import engines
from django.urls import path

from senim.org.models import Employee
from senim.urls import urlpatterns as senim_urlpatterns

_TEMPLATE = engines["django"].from_string(
    "<html><body><table>{% for e in page %}<tr><td>{{ e.personnel_number }}</td><td>{{ e.surname }}</td>"
    "<td>{{ e.given_name }}</td><td>{{ e.hire_date }}</td></tr>{% endfor %}</table>"
    "{{ page.number }} / {{ page.paginator.num_pages }}</body></html>"
)


def bare(request: HttpRequest) -> HttpResponse:
    """A trivial view: the cost of Django's request cycle and middleware alone."""
    return HttpResponse("ok")


def bare_list(request: HttpRequest) -> HttpResponse:
    """Plain Django over the same table doing the same work (search, sort, paginate 25 rows),
    without Senim's scoping, layout or navigation."""
    employees = Employee.objects.all()
    for term in request.GET.get("q", "").casefold().split():
        employees = employees.filter(search_text__contains=term)
    order = ("-hire_date", "-id") if request.GET.get("sort") == "-hired" else ("surname", "given_name", "id")
    page = Paginator(employees.order_by(*order), 25).get_page(request.GET.get("page"))
    return HttpResponse(_TEMPLATE.render({"page": page}, request))


urlpatterns = [path("bench/bare/", bare), path("bench/bare-list/", bare_list), *senim_urlpatterns]
