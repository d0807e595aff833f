from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from senim.risks.models import Level, MeasureStatus, Method, PlanKind


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


class ExerciseForm(forms.Form):
    company = forms.ModelChoiceField(label=_("Company"), queryset=None, empty_label=None)  # type: ignore[var-annotated]
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    period_reviewed = forms.CharField(label=_("Period reviewed"), required=False, max_length=200)
    working_group = forms.CharField(label=_("Working group"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    sources = forms.CharField(label=_("Sources considered"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    method = forms.ChoiceField(label=_("Method"), choices=Method.choices, initial=Method.LEVELS)
    likelihood_scale = forms.CharField(
        label=_("Likelihood scale"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Likelihood × impact only: one point a line, lowest first (empty: the standard five points)."),
    )
    impact_scale = forms.CharField(
        label=_("Impact scale"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One point a line, lowest first (empty: the standard five points)."),
    )
    medium_from = forms.IntegerField(
        label=_("Medium from score"), required=False, min_value=2, help_text=_("Likelihood × impact; default 5.")
    )
    high_from = forms.IntegerField(
        label=_("High from score"), required=False, min_value=2, help_text=_("Likelihood × impact; default 12.")
    )

    def __init__(self, *args: Any, companies: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["company"].queryset = companies  # type: ignore[attr-defined]

    def clean_likelihood_scale(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["likelihood_scale"].splitlines() if line.strip()]

    def clean_impact_scale(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["impact_scale"].splitlines() if line.strip()]


class FunctionAddForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Unit"), queryset=None)  # type: ignore[var-annotated]
    name = forms.CharField(label=_("Function or process"), max_length=1000)

    def __init__(self, *args: Any, units: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units  # type: ignore[attr-defined]


class CatalogueImportForm(forms.Form):
    file = forms.FileField(
        label=_("Catalogue (XLSX or CSV)"),
        help_text=_("Columns: unit (code or name), function, positions (codes separated by semicolons, optional)."),
    )


class AssessForm(forms.Form):
    level = forms.ChoiceField(label=_("Level"), choices=Level.choices)
    risk = forms.CharField(
        label=_("Risk and corruption scheme"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    causes = forms.CharField(label=_("Causes and conditions"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    norm = forms.CharField(label=_("Norm or document"), required=False, max_length=1000)
    controls = forms.CharField(label=_("Existing controls"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    recommendation = forms.CharField(
        label=_("Recommendation"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    positions = forms.ModelMultipleChoiceField(label=_("Positions performing it"), queryset=None, required=False)  # type: ignore[var-annotated]
    likelihood = forms.TypedChoiceField(label=_("Likelihood (inherent)"), coerce=int, required=False)
    impact = forms.TypedChoiceField(label=_("Impact (inherent)"), coerce=int, required=False)
    residual_likelihood = forms.TypedChoiceField(
        label=_("Likelihood after the controls"), coerce=int, required=False, empty_value=None
    )
    residual_impact = forms.TypedChoiceField(
        label=_("Impact after the controls"), coerce=int, required=False, empty_value=None
    )

    def __init__(self, *args: Any, positions: Any, exercise: Any, **kwargs: Any) -> None:
        """In the matrix method the unit rates likelihood and impact (the level is read from them);
        otherwise it chooses the level."""
        super().__init__(*args, **kwargs)
        self.fields["positions"].queryset = positions  # type: ignore[attr-defined]
        matrix = ("likelihood", "impact", "residual_likelihood", "residual_impact")
        if exercise.is_matrix:
            del self.fields["level"]
            for name in matrix:
                labels = exercise.impact_labels if name.endswith("impact") else exercise.likelihood_labels
                field = self.fields[name]
                field.choices = [("", "—")] + [(i, f"{i}. {label}") for i, label in enumerate(labels, start=1)]  # type: ignore[attr-defined]
                field.required = not name.startswith("residual")
        else:
            for name in matrix:
                del self.fields[name]


class ApproveForm(forms.Form):
    decision_number = forms.CharField(label=_("Decision number"), max_length=100)
    approved_on = forms.DateField(label=_("Approved on"), widget=forms.DateInput(attrs={"type": "date"}))
