"""Form helpers shared by every app."""

import uuid
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from senim.core.uploads import check_upload_size


def apply_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """Show a service's ValidationError on the form: field errors inline, the rest on top."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


class PeriodForm(forms.Form):
    """A date range filter; both ends optional."""

    start = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self) -> dict:
        data = super().clean() or {}
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            raise ValidationError(_("The start of the period is after its end."))
        return data


class IndicatorFilterForm(forms.Form):
    """A year and a company among `choices` (with "Whole group" first for group-wide readers): the
    filter of every page that shows indicator figures, so they count the same group or company."""

    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100, required=False)
    company = forms.ChoiceField(label=_("Company"), required=False)

    def __init__(self, *args: Any, choices: list[tuple[uuid.UUID, str]], whole_group: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.whole_group = whole_group
        self.company_ids = [str(pk) for pk, _name in choices]
        field = self.fields["company"]
        named = [(str(pk), name) for pk, name in choices]
        field.choices = ([("", _("Whole group"))] if whole_group else []) + named  # type: ignore[attr-defined]

    def year_and_company(self) -> tuple[int, uuid.UUID | None]:
        """The chosen year (this year by default) and company: None is the whole group for
        group-wide readers, else the first company the reader may see (None when there is none)."""
        data = self.cleaned_data if self.is_valid() else {}
        year = data.get("year") or timezone.localdate().year
        chosen = data.get("company") or (None if self.whole_group else next(iter(self.company_ids), None))
        return year, (uuid.UUID(chosen) if chosen else None)


class ImportUploadForm(forms.Form):
    """What an import's upload page asks: the kind of file (`kinds`: value, label) and the file."""

    kind = forms.ChoiceField(label=_("What the file contains"))
    file = forms.FileField(label=_("CSV or XLSX file"))

    def __init__(self, *args: Any, kinds: list[tuple[str, Any]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = kinds  # type: ignore[attr-defined]

    def clean_file(self):  # type: ignore[no-untyped-def]
        upload = self.cleaned_data["file"]
        check_upload_size(upload)
        if not upload.name.lower().endswith((".csv", ".xlsx", ".txt")):
            raise ValidationError(_("Upload a .csv or .xlsx file."))
        return upload
