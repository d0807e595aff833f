"""The baseline figures page: indicator values entered for years before Senim held records."""

import uuid
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from senim.core import baselines, indicators
from senim.core.access import ActorRequest
from senim.core.models import BaselineFigure
from senim.core.policy import ENTER_BASELINES, VIEW_INDICATORS
from senim.core.views import permission_required


class BaselineForm(forms.Form):
    code = forms.ChoiceField(label=gettext_lazy("Indicator"))
    year = forms.IntegerField(label=gettext_lazy("Year"), min_value=baselines.EARLIEST_YEAR)
    company = forms.ChoiceField(label=gettext_lazy("Company"), required=False)
    value = forms.DecimalField(label=gettext_lazy("Value"), min_value=0, max_digits=18, decimal_places=4)
    source = forms.CharField(
        label=gettext_lazy("Source"),
        max_length=300,
        help_text=gettext_lazy("Where the figure comes from, e.g. “annual report 2024, p. 57”."),
    )

    def __init__(self, *args: Any, companies: list[tuple[str, str]], whole_group: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["code"].choices = [(i.code, f"{i.code} · {i.title}") for i in indicators.all_indicators()]  # type: ignore[attr-defined]
        self.fields["company"].choices = ([("", _("Whole group"))] if whole_group else []) + companies  # type: ignore[attr-defined]
        self.fields["year"].max_value = timezone.localdate().year  # type: ignore[attr-defined]


def _company_names(actor: Any) -> dict[str, str]:
    return {str(pk): name for pk, name in indicators.company_choices(actor)}


@permission_required(VIEW_INDICATORS)
def baseline_list(request: ActorRequest) -> HttpResponse:
    may_enter = request.user.can(ENTER_BASELINES)
    scope = request.user.scope_for(ENTER_BASELINES)
    names = _company_names(request.user)
    enter_choices = [(pk, name) for pk, name in names.items() if scope.covers(company_id=uuid.UUID(pk))]
    form = BaselineForm(request.POST or None, companies=enter_choices, whole_group=scope.everything)
    if request.method == "POST":
        if not may_enter:
            raise Http404
        if form.is_valid():
            data = form.cleaned_data
            try:
                figure, created = baselines.baseline_set(
                    actor=request.user,
                    code=data["code"],
                    year=data["year"],
                    value=data["value"],
                    source=data["source"],
                    company_id=uuid.UUID(data["company"]) if data["company"] else None,
                )
            except ValidationError as error:
                for field, problems in error.message_dict.items():
                    form.add_error(field if field in form.fields else None, problems)
            else:
                if created:
                    messages.success(request, _("The figure for %(year)s was entered.") % {"year": figure.year})
                else:
                    messages.success(request, _("The figure for %(year)s was replaced.") % {"year": figure.year})
                return redirect("core:baselines")
    figures = list(baselines.baseline_list(actor=request.user))
    titles = {i.code: str(i.title) for i in indicators.all_indicators()}
    rows = [
        {
            "figure": figure,
            "title": titles.get(figure.code, figure.code),
            "company": names.get(str(figure.company_id), "") if figure.company_id else _("Whole group"),
            "may_delete": may_enter
            and (scope.everything if figure.company_id is None else scope.covers(company_id=figure.company_id)),
        }
        for figure in figures
    ]
    context = {"form": form, "rows": rows, "may_enter": may_enter}
    return render(request, "core/baselines.html", context)


@permission_required(ENTER_BASELINES)
def baseline_delete(request: ActorRequest, baseline_id: uuid.UUID) -> HttpResponse:
    if request.method != "POST":
        return redirect("core:baselines")
    try:
        figure = baselines.baseline_get(actor=request.user, baseline_id=baseline_id)
    except BaselineFigure.DoesNotExist as missing:
        raise Http404 from missing
    baselines.baseline_delete(actor=request.user, figure=figure)
    messages.success(request, _("The figure was removed."))
    return redirect("core:baselines")
