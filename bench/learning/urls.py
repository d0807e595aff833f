"""Senim's URLs plus the plain-Django reference the knowledge-base benchmark compares against:
one indexed query (25 articles of a category, by the category's index) rendered as a bare list,
and the knowledge-base search rendered the same bare way (the search alone, without the layout)."""

from django.http import HttpRequest, HttpResponse
from django.template import engines
from django.urls import path

from senim.learning import selectors
from senim.learning.models import Article
from senim.urls import urlpatterns as senim_urlpatterns

_LIST = engines["django"].from_string(
    "<html><body><ul>{% for a in articles %}<li><a href='/learning/kb/{{ a.pk }}/'>{{ a.title }}</a></li>"
    "{% endfor %}</ul></body></html>"
)


def bare_indexed(request: HttpRequest) -> HttpResponse:
    articles = list(Article.objects.filter(category_id=request.GET["category"]).order_by("category_id", "pk")[:25])
    return HttpResponse(_LIST.render({"articles": articles}))


def bare_search(request: HttpRequest) -> HttpResponse:
    articles = list(selectors.article_list(actor=request.user, query=request.GET["q"])[:25])  # type: ignore[arg-type]
    return HttpResponse(_LIST.render({"articles": articles}))


urlpatterns = [
    path("bench/bare-indexed/", bare_indexed),
    path("bench/bare-search/", bare_search),
    *senim_urlpatterns,
]
