from typing import Any, cast

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from senim.core.uploads import check_upload_size
from senim.screening.importing import FIELDS
from senim.screening.models import HitStatus, ImportFormat, Watchlist, WatchlistKind

SCHEMA_CHOICES = [("Person", _("Person")), ("Organization", _("Organisation")), ("", _("Any"))]
DECISION_CHOICES = [
    (HitStatus.TRUE_MATCH, HitStatus.TRUE_MATCH.label),
    (HitStatus.FALSE_POSITIVE, HitStatus.FALSE_POSITIVE.label),
    (HitStatus.NEEDS_INFO, HitStatus.NEEDS_INFO.label),
]
FIELD_LABELS = {
    "id": _("Entity ID"),
    "name": _("Name"),
    "aliases": _("Other names (separated by ; or |)"),
    "schema": _("Type (person or organisation)"),
    "birth_date": _("Birth date"),
    "country": _("Country"),
    "identifier": _("Identifiers (BIN, IIN, INN, passport…)"),
    "gender": _("Gender"),
}


class _ListsMixin:
    """A "lists" checkbox field over the enabled lists the view passes in."""

    fields: dict[str, forms.Field]

    def _set_lists(self, lists: QuerySet[Watchlist] | None) -> None:
        field = self.fields["lists"]
        assert isinstance(field, forms.ModelMultipleChoiceField)
        field.queryset = lists if lists is not None else Watchlist.objects.none()


def _upload_size_check(upload: Any) -> Any:
    return check_upload_size(upload)


class SearchForm(_ListsMixin, forms.Form):
    name = forms.CharField(label=_("Name"), max_length=300)
    schema = forms.ChoiceField(label=_("Type"), choices=SCHEMA_CHOICES, required=False, initial="Person")
    identifier = forms.CharField(
        label=_("Identifier"), max_length=100, required=False, help_text=_("BIN, IIN, INN, STIR, PINFL or passport.")
    )
    birth_date = forms.CharField(
        label=_("Birth date"), max_length=10, required=False, help_text=_("YYYY-MM-DD, or the year alone.")
    )
    country = forms.CharField(label=_("Country"), max_length=2, required=False, help_text=_("Two letters, e.g. KZ."))
    lists = forms.ModelMultipleChoiceField(
        label=_("Lists"),
        queryset=Watchlist.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None chosen: every enabled list."),
    )

    def __init__(self, *args: Any, lists: QuerySet[Watchlist] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._set_lists(lists)


class HitFilterForm(forms.Form):
    q = forms.CharField(label=_("Name"), max_length=200, required=False)
    status = forms.ChoiceField(label=_("Status"), choices=[("", _("All")), *list(HitStatus.choices)], required=False)
    kind = forms.ChoiceField(
        label=_("List kind"), choices=[("", _("All")), *list(WatchlistKind.choices)], required=False
    )
    watchlist = forms.ModelChoiceField(
        label=_("List"), queryset=Watchlist.objects.none(), required=False, empty_label=_("All")
    )
    run = forms.UUIDField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, lists: QuerySet[Watchlist] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["watchlist"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = lists if lists is not None else Watchlist.objects.none()


class DecisionForm(forms.Form):
    status = forms.ChoiceField(label=_("Decision"), choices=DECISION_CHOICES, widget=forms.RadioSelect)
    comment = forms.CharField(
        label=_("Comment"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Why: what you checked and what you found."),
    )
    decided_on = forms.DateField(
        label=_("Decided on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Leave empty for today; an earlier day enters a decision taken on paper (back-dated)."),
    )

    def __init__(self, *args: Any, closed: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if closed:  # closed by the system (entry removed from the list): not back to waiting
            status = cast(forms.ChoiceField, self.fields["status"])
            status.choices = [c for c in DECISION_CHOICES if c[0] != HitStatus.NEEDS_INFO]


class BulkDecisionForm(forms.Form):
    """One decision and one reason for the hits ticked on the list."""

    status = forms.ChoiceField(label=_("Decision"), choices=DECISION_CHOICES)
    comment = forms.CharField(
        label=_("Reason"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Recorded as the comment of every hit ticked."),
    )
    decided_on = forms.DateField(
        label=_("Decided on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Leave empty for today; an earlier day enters a decision taken on paper (back-dated)."),
    )


class WatchlistForm(forms.ModelForm):
    class Meta:
        model = Watchlist
        fields = ["name", "kind", "source", "description", "owner"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, owners: QuerySet | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["owner"]
        assert isinstance(field, forms.ModelChoiceField)
        if owners is not None:
            field.queryset = owners


class VersionUploadForm(forms.Form):
    file = forms.FileField(label=_("File"), help_text=_("JSON lines (.jsonl, .json), CSV or XLSX."))
    format = forms.ChoiceField(
        label=_("Format"),
        choices=[("", _("By the file's extension")), *list(ImportFormat.choices)],
        required=False,
    )
    skip_invalid = forms.BooleanField(
        label=_("Skip invalid lines"),
        required=False,
        help_text=_("Otherwise the first invalid line stops the import and nothing changes."),
    )

    def clean_file(self) -> Any:
        upload = _upload_size_check(self.cleaned_data["file"])
        if not upload.name.lower().endswith((".jsonl", ".json", ".ndjson", ".csv", ".txt", ".xlsx")):
            raise forms.ValidationError(_("Upload a .jsonl, .csv or .xlsx file."))
        return upload

    def chosen_format(self) -> str:
        chosen = self.cleaned_data.get("format")
        if chosen:
            return str(chosen)
        name = self.cleaned_data["file"].name.lower()
        return "xlsx" if name.endswith(".xlsx") else "csv" if name.endswith((".csv", ".txt")) else "ftm"


class MappingForm(forms.Form):
    """Which column holds each field; the header decides the choices, `default_mapping` the start."""

    default_schema = forms.ChoiceField(
        label=_("Type of rows without a type column"),
        choices=[("Person", _("Person")), ("Organization", _("Organisation"))],
    )

    def __init__(self, *args: Any, header: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        columns = [("", "—")] + [(c, c) for c in header]
        for target in FIELDS:
            if target == "identifier":
                self.fields[target] = forms.MultipleChoiceField(
                    label=FIELD_LABELS[target],
                    choices=columns[1:],
                    required=False,
                    widget=forms.CheckboxSelectMultiple,
                )
            else:
                self.fields[target] = forms.ChoiceField(
                    label=FIELD_LABELS[target], choices=columns, required=target == "name"
                )

    def mapping(self) -> dict[str, Any]:
        data = self.cleaned_data
        mapping: dict[str, Any] = {t: data.get(t) for t in FIELDS if data.get(t)}
        mapping["identifier"] = list(data.get("identifier") or [])
        mapping["default_schema"] = data["default_schema"]
        return mapping


class BatchForm(_ListsMixin, forms.Form):
    file = forms.FileField(
        label=_("CSV or XLSX file"),
        help_text=_("A “name” column; optional “id”, “schema”, “identifier”, “birth_date” and “country” columns."),
    )
    company = forms.ChoiceField(label=_("Company the people and organisations belong to"), required=False)
    lists = forms.ModelMultipleChoiceField(
        label=_("Lists"),
        queryset=Watchlist.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None chosen: every enabled list."),
    )

    def __init__(
        self,
        *args: Any,
        lists: QuerySet[Watchlist] | None = None,
        companies: list[tuple[str, str]],
        whole_group: bool,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self._set_lists(lists)
        field = self.fields["company"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [*([("", _("None (the whole group)"))] if whole_group else []), *companies]
        field.required = not whole_group

    def clean_file(self) -> Any:
        upload = _upload_size_check(self.cleaned_data["file"])
        if not upload.name.lower().endswith((".csv", ".txt", ".xlsx")):
            raise forms.ValidationError(_("Upload a .csv or .xlsx file."))
        return upload
