from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

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
