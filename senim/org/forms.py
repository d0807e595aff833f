from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from senim.core.forms import ImportUploadForm as CoreImportUploadForm
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


class ImportUploadForm(CoreImportUploadForm):
    KIND_CHOICES = [("employees", _("Employees")), ("units", _("Structural units")), ("positions", _("Positions"))]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, kinds=self.KIND_CHOICES, **kwargs)
