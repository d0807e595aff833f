from typing import Any, cast

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from senim.accounts.models import User
from senim.core.access import Role
from senim.org.models import Company, Unit


class LoginForm(forms.Form):
    username = forms.CharField(
        label=_("Username or e-mail"),
        max_length=254,
        widget=forms.TextInput(attrs={"autocomplete": "username", "autofocus": True}),
    )
    password = forms.CharField(
        label=_("Password"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Six-digit code"),
        max_length=10,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}),
    )


class LoginCodeForm(forms.Form):
    """The second log-in step: an authenticator code, or one of the recovery codes."""

    code = forms.CharField(
        label=_("Code"),
        max_length=40,
        help_text=_("The six-digit code from your authenticator app, or one of your recovery codes."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True}),
    )


class PasswordConfirmForm(forms.Form):
    password = forms.CharField(label=_("Your password"), strip=False, widget=forms.PasswordInput)


class TokenForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=100, help_text=_("What the token is for, e.g. “HR sync”."))
    expires_at = forms.DateTimeField(
        label=_("Expires"), required=False, widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    read_only = forms.BooleanField(
        label=_("Read-only"), required=False, help_text=_("The token may only read, never change anything.")
    )


class LanguageForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)


class UserForm(forms.ModelForm):
    password = forms.CharField(
        label=_("Initial password"),
        required=False,
        strip=False,
        widget=forms.PasswordInput,
        help_text=_("Leave empty to let the user set one through a password reset."),
    )

    class Meta:
        model = User
        fields = ["username", "email", "first_name", "last_name", "language"]


class RoleAssignmentForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    company = forms.ModelChoiceField(
        label=_("Company"),
        queryset=Company.objects.none(),
        required=False,
        help_text=_("Leave company and unit empty for the whole group."),
    )
    unit = forms.ModelChoiceField(label=_("Unit subtree"), queryset=Unit.objects.none(), required=False)

    def __init__(self, *args, companies=None, units=None, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        cast("forms.ModelChoiceField[Company]", self.fields["company"]).queryset = (
            companies if companies is not None else Company.objects.none()
        )
        cast("forms.ModelChoiceField[Unit]", self.fields["unit"]).queryset = (
            units if units is not None else Unit.objects.none()
        )


class UserEditForm(forms.ModelForm):
    """Account details an administrator may change, and the link to the person's employee record."""

    employee_number = forms.CharField(
        label=_("Personnel number"),
        required=False,
        max_length=30,
        help_text=_("Link the account to this employee (needed for the employee role). Leave empty to unlink."),
    )
    employee_company = forms.ModelChoiceField(
        label=_("Employee's company"), queryset=Company.objects.none(), required=False
    )

    class Meta:
        model = User
        fields = ["email", "first_name", "last_name", "language", "is_active"]

    def __init__(self, *args: Any, companies: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if companies is not None:
            cast("forms.ModelChoiceField[Company]", self.fields["employee_company"]).queryset = companies
        if self.instance.employee_id:
            self.initial.setdefault("employee_number", self.instance.employee.personnel_number)
            self.initial.setdefault("employee_company", self.instance.employee.company_id)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("employee_number") and not data.get("employee_company"):
            self.add_error("employee_company", _("Choose the employee's company."))
        return data
