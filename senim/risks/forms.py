from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from senim.risks.models import MeasureStatus, PlanKind


class PlanUploadForm(forms.Form):
    file = forms.FileField(label=_("Plan file (DOCX or XLSX)"))
    company: forms.ModelChoiceField[Any] = forms.ModelChoiceField(label=_("Company"), queryset=None, empty_label=None)
    kind = forms.ChoiceField(label=_("Kind of plan"), choices=PlanKind.choices, initial=PlanKind.ROADMAP)

    def __init__(self, *args: Any, companies: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["company"].queryset = companies  # type: ignore[attr-defined]


class DeadlineForm(forms.Form):
    deadline_text = forms.CharField(
        label=_("Deadline"),
        max_length=300,
        help_text=_("As people write it: “2027”, “31.12.2027”, “by 2030”, “annually”, “from 2026”, “as needed”."),
    )


class ReportForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=MeasureStatus.choices)
    completed_on = forms.DateField(
        label=_("Completed on"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    note = forms.CharField(label=_("Progress"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    link = forms.URLField(label=_("Link to evidence"), required=False, assume_scheme="https")
