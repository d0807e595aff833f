"""Forms of the awareness pages. Choices of companies, units and versions come from selectors in
the views, so a form never offers what the user may not see."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from senim.awareness.models import ApprovingBody, Audience, CandidateCheck, DocumentKind
from senim.core.i18n import CONTENT_LANGUAGES

DATE = {"type": "date"}
LANGUAGE_LABELS = {"ru": _("Russian"), "kk": _("Kazakh"), "en": _("English"), "uz": _("Uzbek")}


MARKDOWN_HELP = _(
    "Markdown: # headings, **bold**, lists, tables and links. Scripts and unsafe markup are removed when shown."
)


class DocumentFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=[("", _("Any")), *DocumentKind.choices])
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[
            ("", _("Any")),
            ("in_force", _("In force")),
            ("draft", _("Not yet adopted")),
            ("repealed", _("Repealed")),
        ],
    )
    in_force_on = forms.DateField(label=_("In force on"), required=False, widget=forms.DateInput(attrs=DATE))
    submitted_from = forms.DateField(label=_("Submitted from"), required=False, widget=forms.DateInput(attrs=DATE))
    submitted_to = forms.DateField(label=_("Submitted until"), required=False, widget=forms.DateInput(attrs=DATE))


class DocumentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=DocumentKind.choices)
    code = forms.CharField(label=_("Registration number"), max_length=50)
    company = forms.ChoiceField(label=_("Owner company"))
    owner_unit = forms.ChoiceField(label=_("Owner unit"), required=False)
    companies = forms.MultipleChoiceField(
        label=_("Applies to"), required=False, help_text=_("Leave empty for the owner company only.")
    )

    def __init__(self, *args: Any, companies: list[tuple[str, str]], units: list[tuple[str, str]], **kwargs: Any):
        super().__init__(*args, **kwargs)
        for language in CONTENT_LANGUAGES:
            self.fields[f"title_{language}"] = forms.CharField(
                label=_("Title (%(language)s)") % {"language": LANGUAGE_LABELS[language]},
                required=False,
                max_length=400,
            )
        for language in CONTENT_LANGUAGES:
            self.fields[f"text_{language}"] = forms.CharField(
                label=_("Text (%(language)s)") % {"language": LANGUAGE_LABELS[language]},
                required=False,
                help_text=MARKDOWN_HELP,
                widget=forms.Textarea(attrs={"rows": 6}),
            )
        self.fields["company"].choices = companies  # type: ignore[attr-defined]
        self.fields["companies"].choices = companies  # type: ignore[attr-defined]
        self.fields["owner_unit"].choices = [("", "—"), *units]  # type: ignore[attr-defined]

    def values(self, base: str) -> dict[str, str]:
        return {c: self.cleaned_data.get(f"{base}_{c}", "") for c in CONTENT_LANGUAGES}


class VersionTextForm(forms.Form):
    is_material = forms.BooleanField(
        label=_("Material change"),
        required=False,
        help_text=_("Earlier acknowledgements become stale and employees are asked again."),
    )
    change_note = forms.CharField(label=_("What changed"), required=False, max_length=500)

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        for language in CONTENT_LANGUAGES:
            self.fields[f"text_{language}"] = forms.CharField(
                label=_("Text (%(language)s)") % {"language": LANGUAGE_LABELS[language]},
                required=False,
                help_text=MARKDOWN_HELP,
                widget=forms.Textarea(attrs={"rows": 8}),
            )

    def texts(self) -> dict[str, str]:
        return {c: self.cleaned_data.get(f"text_{c}", "") for c in CONTENT_LANGUAGES}


class FileForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), choices=list(LANGUAGE_LABELS.items()))
    file = forms.FileField(label=_("File"), help_text=_("PDF, DOCX, DOC, ODT, RTF or TXT."))


class SubmitForm(forms.Form):
    approving_body = forms.ChoiceField(label=_("Approving body"), choices=ApprovingBody.choices)
    submitted_on = forms.DateField(label=_("Submitted on"), widget=forms.DateInput(attrs=DATE))


class AdoptForm(forms.Form):
    decision_number = forms.CharField(label=_("Decision number"), max_length=50)
    decision_date = forms.DateField(label=_("Decision date"), widget=forms.DateInput(attrs=DATE))
    effective_date = forms.DateField(
        label=_("Effective date"),
        required=False,
        widget=forms.DateInput(attrs=DATE),
        help_text=_("The decision date if empty."),
    )


class RepealForm(forms.Form):
    decision_number = forms.CharField(label=_("Decision number"), max_length=50)
    repealed_on = forms.DateField(label=_("Repealed from"), widget=forms.DateInput(attrs=DATE))


class ReviseForm(forms.Form):
    is_material = forms.BooleanField(label=_("Material change"), required=False)
    change_note = forms.CharField(label=_("What changes"), required=False, max_length=500)


class NoteForm(forms.Form):
    note = forms.CharField(label=_("Note"), required=False, max_length=500)


class CampaignForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200, required=False)
    company = forms.ChoiceField(label=_("Company"), required=False)
    audience = forms.ChoiceField(
        label=_("Who is asked"), choices=[c for c in Audience.choices if c[0] != Audience.READ_AGAIN]
    )
    companies = forms.MultipleChoiceField(label=_("Companies"), required=False)
    units = forms.MultipleChoiceField(label=_("Units"), required=False, help_text=_("With all units below them."))
    positions = forms.MultipleChoiceField(label=_("Positions"), required=False)
    deadline = forms.DateField(label=_("Deadline"), widget=forms.DateInput(attrs=DATE))
    include_new_hires = forms.BooleanField(label=_("Ask new hires automatically"), required=False, initial=True)
    hire_window_days = forms.IntegerField(
        label=_("Days after hire to acknowledge"), min_value=1, max_value=365, initial=14
    )

    def __init__(
        self,
        *args: Any,
        companies: list[tuple[str, str]],
        units: list[tuple[str, str]],
        positions: list[tuple[str, str]],
        whole_group: bool,
        **kwargs: Any,
    ):
        super().__init__(*args, **kwargs)
        self.fields["company"].choices = ([("", _("The whole group"))] if whole_group else []) + companies  # type: ignore[attr-defined]
        self.fields["companies"].choices = companies  # type: ignore[attr-defined]
        self.fields["units"].choices = units  # type: ignore[attr-defined]
        self.fields["positions"].choices = positions  # type: ignore[attr-defined]
        for index in range(3):
            self.fields[f"statement_{index}"] = forms.CharField(
                label=_("Check statement %(number)s") % {"number": index + 1}, required=False, max_length=500
            )
            self.fields[f"statement_{index}_true"] = forms.BooleanField(
                label=_("This statement is true"), required=False
            )

    def statements(self, language: str) -> list[dict[str, Any]]:
        result = []
        for index in range(3):
            text = self.cleaned_data.get(f"statement_{index}", "").strip()
            if text:
                result.append({"texts": {language: text}, "is_true": self.cleaned_data.get(f"statement_{index}_true")})
        return result


class PaperForm(forms.Form):
    company = forms.ChoiceField(label=_("Company"))
    personnel_number = forms.CharField(label=_("Personnel number"), max_length=30)
    acknowledged_on = forms.DateField(label=_("Signed on"), widget=forms.DateInput(attrs=DATE))

    def __init__(self, *args: Any, companies: list[tuple[str, str]], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["company"].choices = companies  # type: ignore[attr-defined]


class ImportForm(forms.Form):
    file = forms.FileField(label=_("CSV or XLSX file"))


class AgreementForm(forms.Form):
    number = forms.CharField(label=_("Agreement number"), max_length=50)
    concluded_on = forms.DateField(label=_("Concluded on"), widget=forms.DateInput(attrs=DATE))
    scan = forms.FileField(label=_("Scan of the signed agreement"), required=False)


class HireRecordForm(forms.Form):
    company = forms.ChoiceField(label=_("Company"))
    personnel_number = forms.CharField(label=_("Personnel number"), max_length=30)
    contract_number = forms.CharField(label=_("Contract number"), max_length=50, required=False)
    contract_date = forms.DateField(label=_("Contract date"), widget=forms.DateInput(attrs=DATE))
    has_obligations = forms.BooleanField(label=_("Contains anti-corruption obligations"), required=False, initial=True)

    def __init__(self, *args: Any, companies: list[tuple[str, str]], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["company"].choices = companies  # type: ignore[attr-defined]


class CandidateCheckForm(forms.Form):
    company = forms.ChoiceField(label=_("Company"))
    full_name = forms.CharField(label=_("Full name"), max_length=300)
    full_name_latin = forms.CharField(label=_("Full name (Latin)"), max_length=300, required=False)
    identifier = forms.CharField(label=_("IIN or PINFL"), max_length=20, required=False)
    birth_date = forms.DateField(label=_("Birth date"), required=False, widget=forms.DateInput(attrs=DATE))
    personnel_number = forms.CharField(
        label=_("Personnel number (existing employee)"),
        max_length=30,
        required=False,
        help_text=_("For a check before moving an employee into a corruption-prone position."),
    )
    dismissed_for_breach = forms.BooleanField(label=_("Previously dismissed for a breach"), required=False)
    dismissal_note = forms.CharField(label=_("Details of the dismissal"), max_length=500, required=False)

    def __init__(self, *args: Any, companies: list[tuple[str, str]], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["company"].choices = companies  # type: ignore[attr-defined]


class ConclusionForm(forms.Form):
    conclusion = forms.ChoiceField(label=_("Conclusion"), choices=CandidateCheck.Conclusion.choices)
    reasons = forms.CharField(label=_("Reasons"), required=False, widget=forms.Textarea(attrs={"rows": 4}))
