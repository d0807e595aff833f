"""Forms of the conflicts pages. The services validate again; these forms give early, inline errors."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.forms import formset_factory
from django.utils.translation import gettext_lazy as _

from senim.conflicts.models import (
    AlertKind,
    Declaration,
    FormType,
    Gift,
    GiftKind,
    Holder,
    LatePolicy,
    MeasureKind,
    PartyKind,
    Population,
    Relation,
    Section,
)
from senim.conflicts.services import CURRENCIES
from senim.core.i18n import CONTENT_LANGUAGES

SCAN_SUFFIXES = (".pdf", ".jpg", ".jpeg", ".png", ".tif", ".tiff")
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
LANGUAGE_LABELS = {"ru": _("Russian"), "kk": _("Kazakh"), "en": _("English"), "uz": _("Uzbek")}


class _ItemForm(forms.Form):
    """A row of one section; an untouched row is ignored, a started row must be complete."""

    section: str = ""
    required_fields: tuple[str, ...] = ()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if any(v not in (None, "") for v in data.values()):
            for name in self.required_fields:
                if data.get(name) in (None, ""):
                    self.add_error(name, _("This field is required."))
        return data

    def item(self) -> dict[str, Any] | None:
        data = getattr(self, "cleaned_data", None) or {}
        if not any(v not in (None, "") for v in data.values()):
            return None
        return {"section": self.section, **data}


class RelativeForm(_ItemForm):
    section = Section.RELATIVES
    required_fields = ("person_name", "relation")
    person_name = forms.CharField(label=_("Full name"), max_length=300, required=False)
    relation = forms.ChoiceField(label=_("Relation"), choices=[("", "—"), *Relation.choices], required=False)
    person_identifier = forms.CharField(label=_("IIN or PINFL, if known"), max_length=20, required=False)
    workplace = forms.CharField(label=_("Company and unit where they work"), max_length=300, required=False)


class InterestForm(_ItemForm):
    section = Section.INTERESTS
    required_fields = ("holder", "organisation")
    holder = forms.ChoiceField(label=_("Whose interest"), choices=[("", "—"), *Holder.choices], required=False)
    person_name = forms.CharField(label=_("Relative's full name"), max_length=300, required=False)
    organisation = forms.CharField(label=_("Company"), max_length=300, required=False)
    organisation_identifier = forms.CharField(label=_("BIN or STIR, if known"), max_length=20, required=False)
    share = forms.DecimalField(label=_("Share, %"), min_value=0, max_value=100, decimal_places=2, required=False)
    role = forms.CharField(label=_("Role (owner, director, employee…)"), max_length=200, required=False)


class OutsideJobForm(_ItemForm):
    section = Section.OUTSIDE_JOBS
    required_fields = ("organisation", "role")
    organisation = forms.CharField(label=_("Organisation"), max_length=300, required=False)
    organisation_identifier = forms.CharField(label=_("BIN or STIR, if known"), max_length=20, required=False)
    role = forms.CharField(label=_("Job or board seat"), max_length=200, required=False)


class OtherForm(_ItemForm):
    section = Section.OTHER
    required_fields = ("description",)
    description = forms.CharField(
        label=_("Describe the circumstance"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


SECTION_FORMSETS: dict[str, Any] = {
    Section.RELATIVES: formset_factory(RelativeForm, extra=3, max_num=30),
    Section.INTERESTS: formset_factory(InterestForm, extra=3, max_num=30),
    Section.OUTSIDE_JOBS: formset_factory(OutsideJobForm, extra=2, max_num=30),
    Section.OTHER: formset_factory(OtherForm, extra=2, max_num=30),
}


class DeclarationForm(forms.Form):
    nothing_to_declare = forms.BooleanField(
        label=_("I attest that I have nothing to declare: none of the questions applies to me."), required=False
    )
    circumstances = forms.CharField(
        label=_("The conflict of interest that has arisen"),
        help_text=_("What happened, when, which decision or counterparty it concerns."),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )
    truthful = forms.BooleanField(
        label=_("I confirm that the information is true and complete."),
        required=True,
    )


class PaperForm(forms.Form):
    company = forms.ChoiceField(label=_("Company"))
    personnel_number = forms.CharField(label=_("Personnel number"), max_length=30)
    form_type = forms.ChoiceField(label=_("Form"), choices=FormType.choices)
    scan = forms.FileField(label=_("Scan of the signed paper form"), help_text=_("PDF or image, as signed."))
    submitted_on = forms.DateField(
        label=_("Submitted on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("The day the employee signed and handed in the form; leave empty for today."),
    )

    def __init__(self, *args: Any, companies: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["company"].choices = companies  # type: ignore[attr-defined]

    def clean_scan(self) -> Any:
        scan = self.cleaned_data["scan"]
        if not scan.name.lower().endswith(SCAN_SUFFIXES):
            raise ValidationError(_("Attach the scan as PDF, JPEG, PNG or TIFF."))
        if not scan.size:
            raise ValidationError(_("The file is empty."))
        return scan


def build_item_formsets(data: Any = None, initial: dict[str, list[dict[str, Any]]] | None = None) -> dict[str, Any]:
    return {
        section: factory(data, prefix=section, initial=(initial or {}).get(section))
        for section, factory in SECTION_FORMSETS.items()
    }


def collect_items(formsets: dict[str, Any]) -> list[dict[str, Any]]:
    return [item for formset in formsets.values() for form in formset.forms if (item := form.item())]


class MeasureForm(forms.Form):
    kind = forms.ChoiceField(label=_("Measure"), choices=MeasureKind.choices)
    subject = forms.CharField(label=_("Counterparty or person concerned"), max_length=300, required=False)
    description = forms.CharField(label=_("What is to be done"), widget=forms.Textarea(attrs={"rows": 2}))
    owner: forms.ModelChoiceField = forms.ModelChoiceField(label=_("Responsible"), queryset=None)  # type: ignore[arg-type]
    deadline = forms.DateField(label=_("Deadline"), widget=DATE)

    def __init__(self, *args: Any, owners: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = owners  # type: ignore[attr-defined]


class MeasureDoneForm(forms.Form):
    note = forms.CharField(label=_("How it was done"), widget=forms.Textarea(attrs={"rows": 2}))


class CampaignForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    population = forms.ChoiceField(label=_("Who is asked"), choices=Population.choices)
    company = forms.ChoiceField(label=_("Company"), required=False)
    units = forms.MultipleChoiceField(label=_("Units (with the units below them)"), required=False)
    deadline = forms.DateField(label=_("Deadline"), widget=DATE)
    hire_window_days = forms.IntegerField(
        label=_("Days a new hire has to declare"), min_value=1, max_value=365, initial=30
    )
    late_policy = forms.ChoiceField(label=_("Late submissions"), choices=LatePolicy.choices)

    def __init__(
        self,
        *args: Any,
        companies: list[tuple[str, str]],
        units: list[tuple[str, str]],
        whole_group: bool,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["company"].choices = ([("", _("Whole group"))] if whole_group else []) + companies  # type: ignore[attr-defined]
        self.fields["units"].choices = units  # type: ignore[attr-defined]


class FormVersionForm(forms.Form):
    note = forms.CharField(label=_("What changed"), max_length=300, required=False)

    def __init__(self, *args: Any, initial_texts: dict[str, dict[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for section, label in Section.choices:
            for code in CONTENT_LANGUAGES:
                self.fields[f"{section}_{code}"] = forms.CharField(
                    label=f"{label} · {LANGUAGE_LABELS[code]}",
                    widget=forms.Textarea(attrs={"rows": 2}),
                    initial=initial_texts.get(section, {}).get(code, ""),
                )

    def texts(self) -> dict[str, dict[str, str]]:
        data = self.cleaned_data
        return {s: {c: data.get(f"{s}_{c}", "") for c in CONTENT_LANGUAGES} for s in Section.values}


class DeclarationFilterForm(forms.Form):
    q = forms.CharField(label=_("Employee"), required=False, max_length=100)
    status = forms.ChoiceField(label=_("Status"), choices=[("", _("All")), *Declaration.Status.choices], required=False)
    form_type = forms.ChoiceField(label=_("Form"), choices=[("", _("All")), *FormType.choices], required=False)
    declared = forms.ChoiceField(
        label=_("Content"),
        choices=[("", _("All")), ("nothing", _("Nothing to declare")), ("something", _("Something declared"))],
        required=False,
    )


class AlertFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("All")), ("open", _("Open")), ("confirmed", _("Confirmed")), ("dismissed", _("Dismissed"))],
        required=False,
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=[("", _("All")), *AlertKind.choices], required=False)
    disclosed = forms.ChoiceField(
        label=_("Disclosed"),
        choices=[("", _("All")), ("no", _("Not disclosed")), ("yes", _("Disclosed"))],
        required=False,
    )


class AlertDecisionForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            ("confirmed", _("Confirmed: the link exists")),
            ("dismissed", _("Dismissed: not the same person or no link")),
        ],
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(label=_("Comment"), widget=forms.Textarea(attrs={"rows": 3}))


class GiftForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=GiftKind.choices)
    is_hospitality = forms.BooleanField(label=_("Hospitality (meal, travel, event)"), required=False)
    party_kind = forms.ChoiceField(label=_("The other party is"), choices=PartyKind.choices)
    party_name = forms.CharField(label=_("From or to whom (person)"), max_length=300)
    party_organisation = forms.CharField(label=_("Their organisation"), max_length=300, required=False)
    occasion = forms.CharField(label=_("Occasion"), max_length=300)
    description = forms.CharField(label=_("Description"), widget=forms.Textarea(attrs={"rows": 2}))
    value = forms.DecimalField(label=_("Value (estimated)"), max_digits=14, decimal_places=2)
    currency = forms.ChoiceField(label=_("Currency"), choices=[(c, c) for c in CURRENCIES])
    date = forms.DateField(label=_("Date"), widget=DATE)

    def clean_value(self) -> Any:
        value = self.cleaned_data["value"]
        if value is not None and value < 0:
            raise ValidationError(_("The value cannot be negative."))
        return value


class GiftDecidedOnForm(forms.Form):
    """The day of a gift decision taken on paper, shown in the approval box above the comment."""

    decided_on = forms.DateField(
        label=_("Decided on"),
        widget=DATE,
        required=False,
        help_text=_("Only for a decision taken earlier on paper; empty means today."),
    )


class HandOverForm(forms.Form):
    date = forms.DateField(label=_("Handed over on"), widget=DATE)
    received_by = forms.CharField(label=_("Received by"), max_length=300)
    storage = forms.CharField(label=_("Kept at"), max_length=300, required=False)


class LinkCounterpartyForm(forms.Form):
    identifier = forms.CharField(label=_("BIN or STIR of the counterparty"), max_length=40)


class GiftFilterForm(forms.Form):
    q = forms.CharField(label=_("Employee or source"), required=False, max_length=100)
    status = forms.ChoiceField(label=_("Status"), choices=[("", _("All"))], required=False)
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100, required=False)
    handed_over = forms.ChoiceField(
        label=_("Handed over"),
        choices=[("", _("All")), ("yes", _("Handed over")), ("no", _("Not handed over"))],
        required=False,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [("", _("All")), *Gift.Status.choices]  # type: ignore[attr-defined]


class ThresholdForm(forms.Form):
    country = forms.ChoiceField(
        label=_("Country"), choices=[("KZ", _("Kazakhstan (MRP)")), ("UZ", _("Uzbekistan (BRV)"))]
    )
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    unit_value = forms.DecimalField(label=_("Value of one MRP or BRV"), max_digits=12, decimal_places=2, min_value=0)
    units = forms.DecimalField(label=_("Threshold, in MRP or BRV"), max_digits=8, decimal_places=2, min_value=0)
