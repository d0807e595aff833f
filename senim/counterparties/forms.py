from typing import cast

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from senim.counterparties.models import Contact, Contract, Counterparty, Party
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


class ImportUploadForm(forms.Form):
    KIND_CHOICES = [("counterparties", _("Counterparties")), ("contracts", _("Contracts"))]

    kind = forms.ChoiceField(label=_("What the file contains"), choices=KIND_CHOICES)
    file = forms.FileField(label=_("CSV or XLSX file"))

    def clean_file(self):  # type: ignore[no-untyped-def]
        upload = self.cleaned_data["file"]
        limit = settings.SENIM_MAX_UPLOAD_MB * 1024 * 1024
        if upload.size > limit:
            raise forms.ValidationError(
                _("The file is larger than %(limit)d MB."), params={"limit": settings.SENIM_MAX_UPLOAD_MB}
            )
        if not upload.name.lower().endswith((".csv", ".xlsx", ".txt")):
            raise forms.ValidationError(_("Upload a .csv or .xlsx file."))
        return upload
