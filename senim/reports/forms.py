import uuid
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from senim.reports.models import Grade
from senim.reports.services import LANGUAGES

LANGUAGE_CHOICES = [("en", _("English")), ("ru", _("Russian")), ("kk", _("Kazakh")), ("uz", _("Uzbek"))]


class ReportForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    company = forms.ChoiceField(label=_("Company"), required=False)
    languages = forms.MultipleChoiceField(
        label=_("Languages"), choices=LANGUAGE_CHOICES, widget=forms.CheckboxSelectMultiple
    )
    title = forms.CharField(label=_("Title"), required=False, max_length=300)
    include_empty_sections = forms.BooleanField(
        label=_("Show sections without data"),
        required=False,
        help_text=_("Sections with no data say so instead of being left out."),
    )

    def __init__(self, *args: Any, companies: list[tuple[str, str]], whole_group: bool, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"year": timezone.localdate().year - 1, "languages": ["ru", "kk", "en"]})
        super().__init__(*args, **kwargs)
        choices = ([("", _("Whole group"))] if whole_group else []) + companies
        self.fields["company"].choices = choices  # type: ignore[attr-defined]
        self.fields["company"].required = not whole_group


class SectionTextForm(forms.Form):
    text = forms.CharField(
        label=_("Text"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Separate paragraphs with an empty line. Write a figure as its code in braces, e.g. "
            "{counterparties.applications}: it prints the computed value with last year's in brackets."
        ),
    )


class OverrideForm(forms.Form):
    code = forms.CharField(label=_("Indicator code"), max_length=100)
    value = forms.DecimalField(label=_("Value"), max_digits=18, decimal_places=2)
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))


__all__ = ["LANGUAGES", "OverrideForm", "ReportForm", "SectionTextForm"]


class AssessmentForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    company = forms.ChoiceField(label=_("Company"), required=False)

    def __init__(self, *args: Any, companies: list[tuple[str, str]], whole_group: bool, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"year": timezone.localdate().year - 1})
        super().__init__(*args, **kwargs)
        self.fields["company"].choices = ([("", _("Whole group"))] if whole_group else []) + companies  # type: ignore[attr-defined]
        self.fields["company"].required = not whole_group


class GradesForm(forms.Form):
    """A grade and its evidence for every indicator of the assessment, in one form."""

    def __init__(self, *args: Any, rows: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [("", "—"), *Grade.choices]
        for row in rows:
            key = str(row.item.id)
            self.fields[f"grade_{key}"] = forms.ChoiceField(
                label=row.item.code, choices=choices, required=False, initial=row.grade
            )
            self.fields[f"evidence_{key}"] = forms.CharField(
                label=_("Evidence"), required=False, initial=row.evidence, widget=forms.Textarea(attrs={"rows": 2})
            )

    def grades(self) -> dict[uuid.UUID, tuple[str, str]]:
        result = {}
        for name, value in self.cleaned_data.items():
            if name.startswith("grade_") and value:
                key = name.removeprefix("grade_")
                result[uuid.UUID(key)] = (value, self.cleaned_data.get(f"evidence_{key}", ""))
        return result


class ExternalResultForm(forms.Form):
    score = forms.DecimalField(label=_("Score given by the Agency"), min_value=0, max_value=100, decimal_places=1)
    note = forms.CharField(label=_("The Agency's conclusion"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class PointsForm(forms.Form):
    """The points of every indicator of a methodology, in one form."""

    def __init__(self, *args: Any, items: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for item in items:
            for grade in ("full", "mostly", "partly"):
                self.fields[f"{grade}_{item.id}"] = forms.IntegerField(
                    label=item.code, min_value=0, max_value=100, initial=getattr(item, f"points_{grade}")
                )

    def points(self) -> dict[uuid.UUID, tuple[int, int, int]]:
        ids = {name.split("_", 1)[1] for name in self.cleaned_data}
        return {
            uuid.UUID(key): (
                self.cleaned_data[f"full_{key}"],
                self.cleaned_data[f"mostly_{key}"],
                self.cleaned_data[f"partly_{key}"],
            )
            for key in ids
        }


class EvidenceFilterForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100, required=False)
    company = forms.ChoiceField(label=_("Company"), required=False)
    edition = forms.ChoiceField(
        label=_("Edition"), choices=[("2016", "ISO 37001:2016"), ("2025", "ISO 37001:2025")], required=False
    )

    def __init__(self, *args: Any, companies: list[tuple[str, str]], whole_group: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["company"].choices = ([("", _("Whole group"))] if whole_group else []) + companies  # type: ignore[attr-defined]


class EvidenceUploadForm(forms.Form):
    clause = forms.ChoiceField(label=_("Clause"))
    title = forms.CharField(label=_("Title"), max_length=300)
    dated = forms.DateField(label=_("Date of the document"), widget=forms.DateInput(attrs={"type": "date"}))
    file = forms.FileField(label=_("File"), required=False)
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, clauses: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["clause"].choices = clauses  # type: ignore[attr-defined]
