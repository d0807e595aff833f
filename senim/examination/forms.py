from typing import cast

from django import forms
from django.utils.translation import gettext_lazy as _

from senim.examination.messages import FACTOR_NAMES
from senim.examination.models import Kind, Status
from senim.org.models import Company, Unit

_DATE = forms.DateInput(attrs={"type": "date"})


class ExaminationFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=[("", _("All")), *Kind.choices], required=False)
    status = forms.ChoiceField(label=_("Status"), choices=[("", _("All")), *Status.choices], required=False)


class ExaminationForm(forms.Form):
    title = forms.CharField(label=_("Draft"), max_length=300)
    kind = forms.ChoiceField(label=_("Kind"), choices=Kind.choices)
    company = forms.ModelChoiceField(label=_("Company"), queryset=Company.objects.none())
    unit = forms.ModelChoiceField(label=_("Initiating unit"), queryset=Unit.objects.none(), required=False)
    deadline = forms.DateField(label=_("Deadline"), required=False, widget=_DATE)
    examined_on = forms.DateField(label=_("Examined on"), required=False, widget=_DATE)
    file = forms.FileField(label=_("Draft file (DOCX, PDF, ODT, TXT)"))

    def __init__(self, *args, companies=None, units=None, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        cast("forms.ModelChoiceField[Company]", self.fields["company"]).queryset = companies
        cast("forms.ModelChoiceField[Unit]", self.fields["unit"]).queryset = units


class VersionForm(forms.Form):
    file = forms.FileField(label=_("Revised draft"))


class ConfirmForm(forms.Form):
    recommendation = forms.CharField(
        label=_("Recommendation"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class DismissForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))


class FindingAddForm(forms.Form):
    provision_index = forms.TypedChoiceField(label=_("Provision"), coerce=int, choices=[])
    code = forms.ChoiceField(label=_("Factor"), choices=[])
    recommendation = forms.CharField(label=_("Recommendation"), widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, provisions=(), language: str = "", **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        if language:  # the options quote the draft: they are in its language, not the reader's
            self.fields["provision_index"].widget.attrs["lang"] = language
        cast("forms.ChoiceField", self.fields["provision_index"]).choices = [
            (i, f"{p['number']} {p['text'][:80]}") for i, p in enumerate(provisions)
        ]
        cast("forms.ChoiceField", self.fields["code"]).choices = [(c, str(n)) for c, n in FACTOR_NAMES.items()]


class ConcludeForm(forms.Form):
    recommendations = forms.CharField(
        label=_("Recommendations"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )


class AcceptRiskForm(forms.Form):
    accepted_by = forms.CharField(label=_("Person accepting the risk"), max_length=200)
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))
