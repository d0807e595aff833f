"""Senim's URLs plus the plain-Django references the Speak Up benchmark compares against."""

from django import forms
from django.http import HttpRequest, HttpResponse
from django.template import engines
from django.urls import path

from senim.urls import urlpatterns as senim_urlpatterns

_FORM_PAGE = engines["django"].from_string(
    '<html><body><form method="post">{% csrf_token %}{{ form }}<button>Send</button></form></body></html>'
)


class BareReportForm(forms.Form):
    """The report form's fields without Senim's layout, labels, help or translations."""

    company = forms.ChoiceField(choices=[("", "-")], required=False)
    category = forms.ChoiceField(choices=[("bribery", "Bribery"), ("fraud", "Fraud"), ("other", "Other")])
    what = forms.CharField(widget=forms.Textarea)
    when = forms.CharField(required=False)
    where = forms.CharField(required=False)
    people = forms.CharField(required=False, widget=forms.Textarea)
    amounts = forms.CharField(required=False)
    how_known = forms.CharField(required=False, widget=forms.Textarea)
    attachments = forms.FileField(required=False)
    identity = forms.ChoiceField(choices=[("anonymous", "Anonymous"), ("confidential", "Confidential")])
    name = forms.CharField(required=False)
    email = forms.EmailField(required=False)
    phone = forms.CharField(required=False)


def bare(request: HttpRequest) -> HttpResponse:
    """A trivial view: the cost of Django's request cycle and middleware alone."""
    return HttpResponse("ok")


def bare_form(request: HttpRequest) -> HttpResponse:
    """Plain Django rendering a form with the report's fields (the reference for form pages)."""
    return HttpResponse(_FORM_PAGE.render({"form": BareReportForm()}, request))


urlpatterns = [path("bench/bare/", bare), path("bench/bare-form/", bare_form), *senim_urlpatterns]
