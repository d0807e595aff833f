"""Senim's URLs plus the plain-Django references the Speak Up benchmark compares against, each
doing the same work as a public page without Senim's layout, components or security work."""

from django import forms
from django.http import HttpRequest, HttpResponse
from django.template import engines
from django.urls import path

from senim.speakup.models import Case, Category
from senim.urls import urlpatterns as senim_urlpatterns

_FORM_PAGE = engines["django"].from_string(
    '<html><body><form method="post" enctype="multipart/form-data">{% csrf_token %}{{ form }}'
    "<button>Send</button></form></body></html>"
)
_TEXT_PAGE = engines["django"].from_string(
    '<html><head><title>{{ title }}</title></head><body><header><form method="post" action="/i18n/">'
    '{% csrf_token %}<select name="language">{% for code, name in languages %}<option value="{{ code }}">'
    "{{ name }}</option>{% endfor %}</select></form></header><main><h1>{{ title }}</h1>"
    "{% for paragraph in paragraphs %}<p>{{ paragraph }}</p>{% endfor %}"
    '{% for label, url in links %}<a href="{{ url }}">{{ label }}</a>{% endfor %}</main></body></html>'
)
_FOLLOW_PAGE = engines["django"].from_string(
    "<html><body><h1>{{ case.reference }}</h1><p>{{ case.get_status_display }}</p>"
    '<form method="post" enctype="multipart/form-data">{% csrf_token %}{{ form }}<button>Send</button></form>'
    "</body></html>"
)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class BareReportForm(forms.Form):
    """The report form's fields, widgets and choices, rendered by Django's own form template."""

    company = forms.ChoiceField(choices=[("", "-"), ("a", "Alpha"), ("b", "Beta"), ("c", "Gamma")], required=False)
    category = forms.ChoiceField(choices=Category.choices)
    what = forms.CharField(widget=forms.Textarea, help_text="Describe it in your own words.")
    when = forms.CharField(required=False)
    where = forms.CharField(required=False)
    people = forms.CharField(required=False, widget=forms.Textarea, help_text="Names, positions, companies.")
    amounts = forms.CharField(required=False)
    how_known = forms.CharField(required=False, widget=forms.Textarea)
    attachments = forms.FileField(required=False, widget=MultipleFileInput)
    identity = forms.ChoiceField(
        choices=[("anonymous", "Anonymous"), ("confidential", "Confidential")], widget=forms.RadioSelect
    )
    name = forms.CharField(required=False)
    email = forms.EmailField(required=False)
    phone = forms.CharField(required=False)
    other = forms.CharField(required=False)


class BareReplyForm(forms.Form):
    body = forms.CharField(widget=forms.Textarea, required=False)
    attachments = forms.FileField(required=False, widget=MultipleFileInput)


def bare(request: HttpRequest) -> HttpResponse:
    """A trivial view: the cost of Django's request cycle and middleware alone."""
    return HttpResponse("ok")


def bare_page(request: HttpRequest) -> HttpResponse:
    """The reference for the text pages: a heading, paragraphs, links and a language form."""
    context = {
        "title": "Speak Up",
        "languages": [("en", "English"), ("ru", "Русский"), ("kk", "Қазақ"), ("uz", "Oʻzbek")],
        "paragraphs": ["Report a suspected breach or ask a question."] * 6,
        "links": [("Report", "/speakup/report/"), ("Ask", "/speakup/question/"), ("Follow up", "/speakup/follow/")],
    }
    return HttpResponse(_TEXT_PAGE.render(context, request))


def bare_form(request: HttpRequest) -> HttpResponse:
    """The reference for the report and question forms."""
    return HttpResponse(_FORM_PAGE.render({"form": BareReportForm()}, request))


def bare_follow(request: HttpRequest) -> HttpResponse:
    """The reference for the follow-up page: find a case by an indexed column from the posted
    value and render it with a reply form (no key hashing, no decryption)."""
    case = Case.objects.filter(reference=request.POST.get("reference", "")).first()
    return HttpResponse(_FOLLOW_PAGE.render({"case": case, "form": BareReplyForm()}, request))


urlpatterns = [
    path("bench/bare/", bare),
    path("bench/bare-page/", bare_page),
    path("bench/bare-form/", bare_form),
    path("bench/bare-follow/", bare_follow),
    *senim_urlpatterns,
]
