from typing import cast

from django import forms
from django.utils.translation import gettext_lazy as _

from senim.counterparties.models import (
    Application,
    CaseCheck,
    Contact,
    Contract,
    Counterparty,
    Decision,
    Document,
    DueDiligenceRule,
    Party,
    ProcurementMethod,
    RedFlag,
    Refusal,
    RegulationClause,
    VerificationCase,
)
from senim.counterparties.services import CONTACT_FIELDS, CONTRACT_FIELDS, COUNTERPARTY_FIELDS, PARTY_FIELDS
from senim.org.models import Company, Unit

_DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class CounterpartyForm(forms.ModelForm):
    class Meta:
        model = Counterparty
        fields = COUNTERPARTY_FIELDS
        widgets = {"registration_date": _DATE, "notes": forms.Textarea(attrs={"rows": 3})}

    def _post_clean(self) -> None:
        # The service validates (and refuses duplicates with a link); the form only parses.
        pass


class PartyForm(forms.ModelForm):
    class Meta:
        model = Party
        fields = PARTY_FIELDS
        widgets = {"birth_date": _DATE}

    def _post_clean(self) -> None:
        pass


class ContactForm(forms.ModelForm):
    class Meta:
        model = Contact
        fields = CONTACT_FIELDS

    def _post_clean(self) -> None:
        pass


class MergeForm(forms.Form):
    duplicate = forms.UUIDField(label=_("Duplicate to merge into this counterparty"))
    confirm = forms.BooleanField(
        label=_("I understand that the duplicate's owners, managers, contacts and contracts move here."),
    )


class ContractForm(forms.ModelForm):
    class Meta:
        model = Contract
        fields = CONTRACT_FIELDS
        widgets = {"date": _DATE, "term_end": _DATE}

    def __init__(self, *args, companies=None, units=None, counterparties=None, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        if companies is not None:
            cast("forms.ModelChoiceField[Company]", self.fields["company"]).queryset = companies
        if units is not None:
            cast("forms.ModelChoiceField[Unit]", self.fields["unit"]).queryset = units
        if counterparties is not None:
            cast("forms.ModelChoiceField[Counterparty]", self.fields["counterparty"]).queryset = counterparties

    def _post_clean(self) -> None:
        pass


class ClauseForm(forms.ModelForm):
    class Meta:
        model = RegulationClause
        fields = ["code", "text_ru", "text_kk", "text_en", "text_uz", "is_active"]
        widgets = {f"text_{code}": forms.Textarea(attrs={"rows": 2}) for code in ("ru", "kk", "en", "uz")}

    def _post_clean(self) -> None:
        pass


class ApplicationForm(forms.Form):
    company = forms.ModelChoiceField(label=_("Company"), queryset=Company.objects.none())
    unit = forms.ModelChoiceField(label=_("Initiating unit"), queryset=Unit.objects.none(), required=False)
    refusal = forms.ChoiceField(label=_("The counterparty refuses"), choices=Refusal.choices)
    contracts = forms.ModelMultipleChoiceField(
        label=_("Registered contracts"), queryset=Contract.objects.none(), required=False
    )
    contract_count = forms.IntegerField(label=_("Number of contracts"), min_value=1, max_value=10000, initial=1)
    contracts_description = forms.CharField(
        label=_("Contracts"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Numbers and subjects of the contracts the application covers."),
    )
    justification = forms.CharField(
        label=_("Justification"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Why the contracts are needed despite the refusal."),
    )
    filed_on = forms.DateField(
        label=_("Filed on"),
        required=False,
        widget=_DATE,
        help_text=_("Leave empty for today; an earlier day enters an application from paper (back-dated)."),
    )

    def __init__(self, *args, companies=None, units=None, contracts=None, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        cast("forms.ModelChoiceField[Company]", self.fields["company"]).queryset = companies
        cast("forms.ModelChoiceField[Unit]", self.fields["unit"]).queryset = units
        cast("forms.ModelMultipleChoiceField[Contract]", self.fields["contracts"]).queryset = contracts


class ProposeForm(forms.Form):
    decision = forms.ChoiceField(label=_("Decision"), choices=Decision.choices)
    clause = forms.ModelChoiceField(label=_("Regulation clause"), queryset=RegulationClause.objects.none())
    grounds = forms.CharField(
        label=_("Grounds"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )
    reference = forms.ModelChoiceField(
        label=_("Earlier approval (for an answer by reference)"), queryset=Application.objects.none(), required=False
    )
    register_until = forms.DateField(label=_("On the Register until (optional)"), required=False, widget=_DATE)

    def __init__(self, *args, clauses=None, references=None, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        cast("forms.ModelChoiceField[RegulationClause]", self.fields["clause"]).queryset = clauses
        cast("forms.ModelChoiceField[Application]", self.fields["reference"]).queryset = references


class ApproveForm(forms.Form):
    decided_on = forms.DateField(
        label=_("Decided on"),
        required=False,
        widget=_DATE,
        help_text=_("Leave empty for today; an earlier day enters a decision taken on paper (back-dated)."),
    )


class CommentForm(forms.Form):
    comment = forms.CharField(label=_("Comment"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3}))


class CaseForm(forms.Form):
    company = forms.ModelChoiceField(label=_("Company"), queryset=Company.objects.none())
    unit = forms.ModelChoiceField(label=_("Initiating unit"), queryset=Unit.objects.none(), required=False)
    procurement_method = forms.ChoiceField(label=_("Procurement method"), choices=ProcurementMethod.choices)
    subject = forms.CharField(label=_("Subject"), max_length=500)
    amount = forms.DecimalField(label=_("Amount"), required=False, min_value=0, max_digits=18, decimal_places=2)
    currency = forms.RegexField(label=_("Currency"), regex=r"^[A-Za-z]{3}$", initial="KZT", max_length=3)
    opened_on = forms.DateField(
        label=_("Opened on"),
        required=False,
        widget=_DATE,
        help_text=_("Leave empty for today; an earlier day enters a verification done on paper (back-dated)."),
    )

    def __init__(self, *args, companies=None, units=None, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        cast("forms.ModelChoiceField[Company]", self.fields["company"]).queryset = companies
        cast("forms.ModelChoiceField[Unit]", self.fields["unit"]).queryset = units


class CheckForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=CaseCheck.Status.choices)
    comment = forms.CharField(label=_("Comment"), required=False, max_length=5000)


class FlagRaiseForm(forms.Form):
    flag = forms.ModelChoiceField(label=_("Red flag"), queryset=RedFlag.objects.none())
    detail = forms.CharField(label=_("What was found"), required=False, max_length=5000)

    def __init__(self, *args, flags=None, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        cast("forms.ModelChoiceField[RedFlag]", self.fields["flag"]).queryset = flags


class ConcludeForm(forms.Form):
    conclusion = forms.ChoiceField(label=_("Conclusion"), choices=VerificationCase.Conclusion.choices)
    text = forms.CharField(label=_("Reasoning"), max_length=10000, widget=forms.Textarea(attrs={"rows": 4}))


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=300)


class RedFlagForm(forms.ModelForm):
    class Meta:
        model = RedFlag
        fields = ["code", "title_ru", "title_kk", "title_en", "title_uz", "weight", "is_active"]

    def _post_clean(self) -> None:
        pass


class RuleForm(forms.ModelForm):
    class Meta:
        model = DueDiligenceRule
        fields = ["level", "procurement_method", "category", "min_amount", "currency", "min_risk", "is_active"]

    def _post_clean(self) -> None:
        pass


class DocumentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=Document.Kind.choices)
    title = forms.CharField(label=_("Title"), max_length=300)
    valid_until = forms.DateField(label=_("Valid until"), required=False, widget=_DATE)
    upload = forms.FileField(label=_("File"))
