from typing import cast

from django import forms
from django.utils.translation import gettext_lazy as _

from senim.core.uploads import check_upload_size
from senim.org.models import Company, Employee, Position, Unit
from senim.org.services import COMPANY_FIELDS, EMPLOYEE_FIELDS, POSITION_FIELDS, UNIT_FIELDS


class CompanyForm(forms.ModelForm):
    class Meta:
        model = Company
        fields = COMPANY_FIELDS


class UnitForm(forms.ModelForm):
    class Meta:
        model = Unit
        fields = [f for f in UNIT_FIELDS if f != "company"]


class PositionForm(forms.ModelForm):
    class Meta:
        model = Position
        fields = [f for f in POSITION_FIELDS if f != "company"]


class EmployeeForm(forms.ModelForm):
    class Meta:
        model = Employee
        fields = EMPLOYEE_FIELDS
        widgets = {
            "hire_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "dismissal_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args, companies=None, units=None, positions=None, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        if companies is not None:
            cast("forms.ModelChoiceField[Company]", self.fields["company"]).queryset = companies
        if units is not None:
            cast("forms.ModelChoiceField[Unit]", self.fields["unit"]).queryset = units
        if positions is not None:
            cast("forms.ModelChoiceField[Position]", self.fields["position"]).queryset = positions


class ImportUploadForm(forms.Form):
    KIND_CHOICES = [("employees", _("Employees")), ("units", _("Structural units")), ("positions", _("Positions"))]

    kind = forms.ChoiceField(label=_("What the file contains"), choices=KIND_CHOICES)
    file = forms.FileField(label=_("CSV or XLSX file"))

    def clean_file(self):  # type: ignore[no-untyped-def]
        upload = self.cleaned_data["file"]
        check_upload_size(upload)
        if not upload.name.lower().endswith((".csv", ".xlsx", ".txt")):
            raise forms.ValidationError(_("Upload a .csv or .xlsx file."))
        return upload
