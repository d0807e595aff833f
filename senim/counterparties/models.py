"""The register of counterparties: who they are, who owns and runs them, how to reach them;
their contracts; applications for counterparties that refuse and the Register of those permitted."""

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from senim.core import validators
from senim.core.i18n import Localized, all_values
from senim.core.models import BaseModel


class Kind(models.TextChoices):
    LEGAL_ENTITY = "legal_entity", _("Legal entity")
    ENTREPRENEUR = "entrepreneur", _("Individual entrepreneur")
    INDIVIDUAL = "individual", _("Individual")


class Category(models.TextChoices):
    NATURAL_MONOPOLY = "natural_monopoly", _("Natural monopoly")
    STATE_BODY = "state_body", _("State body or institution")
    STATE_ENTERPRISE = "state_enterprise", _("State enterprise or company with state participation")
    QUASI_PUBLIC = "quasi_public", _("Quasi-public company")
    PRIVATE = "private", _("Private company")
    FOREIGN = "foreign", _("Foreign company")
    INDIVIDUAL = "individual", _("Individual")


class IdentifierKind(models.TextChoices):
    BIN = "bin", _("BIN (Kazakhstan)")
    IIN = "iin", _("IIN (Kazakhstan)")
    STIR = "stir", _("STIR (Uzbekistan)")
    PINFL = "pinfl", _("PINFL (Uzbekistan)")
    FOREIGN = "foreign", _("Foreign number")


# The identifier kinds each kind of counterparty may carry, and the country each national kind implies.
ALLOWED_IDENTIFIERS = {
    Kind.LEGAL_ENTITY: {IdentifierKind.BIN, IdentifierKind.STIR, IdentifierKind.FOREIGN},
    Kind.ENTREPRENEUR: {IdentifierKind.IIN, IdentifierKind.PINFL, IdentifierKind.STIR, IdentifierKind.FOREIGN},
    Kind.INDIVIDUAL: {IdentifierKind.IIN, IdentifierKind.PINFL, IdentifierKind.FOREIGN},
}
PERSON_IDENTIFIERS = {IdentifierKind.IIN, IdentifierKind.PINFL, IdentifierKind.FOREIGN}
COMPANY_IDENTIFIERS = {IdentifierKind.BIN, IdentifierKind.STIR, IdentifierKind.FOREIGN}
IDENTIFIER_COUNTRY = {
    IdentifierKind.BIN: "KZ",
    IdentifierKind.IIN: "KZ",
    IdentifierKind.STIR: "UZ",
    IdentifierKind.PINFL: "UZ",
}
_CHECKS = {
    IdentifierKind.BIN: validators.validate_bin,
    IdentifierKind.IIN: validators.validate_iin,
    IdentifierKind.STIR: validators.validate_stir,
    IdentifierKind.PINFL: validators.validate_pinfl,
}


def check_identifier(kind: str, number: str, *, field: str = "identifier") -> None:
    """Raise a ValidationError on `field` with the reason when `number` is not a valid `kind`."""
    if not number:
        return
    if kind in _CHECKS:
        try:
            _CHECKS[IdentifierKind(kind)](number)
        except ValidationError as error:
            raise ValidationError({field: error}) from error
    elif kind == IdentifierKind.FOREIGN:
        if len(number) > 40 or not any(ch.isalnum() for ch in number):
            raise ValidationError({field: _("A foreign number has 1 to 40 characters with letters or digits.")})
    else:
        raise ValidationError({f"{field}_kind": _("Choose the type of the number.")})


class Counterparty(BaseModel):
    """A legal entity, individual entrepreneur or individual the group contracts with.

    One counterparty per identifier: a duplicate is merged into the survivor, which then keeps
    the history; the merged record stays, pointing at the survivor, so old links still resolve."""

    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.LEGAL_ENTITY)
    name_ru = models.CharField(_("name (Russian)"), max_length=300, blank=True)
    name_kk = models.CharField(_("name (Kazakh)"), max_length=300, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=300, blank=True)
    name_uz = models.CharField(_("name (Uzbek)"), max_length=300, blank=True)
    legal_form = models.CharField(_("legal form"), max_length=60, blank=True, help_text=_("E.g. LLP, JSC, ТОО, АО."))
    country = models.CharField(_("country"), max_length=2, help_text=_("Two-letter ISO code, e.g. KZ or UZ."))
    category = models.CharField(_("category"), max_length=20, choices=Category, default=Category.PRIVATE)
    identifier_kind = models.CharField(_("number type"), max_length=10, choices=IdentifierKind, blank=True)
    identifier = models.CharField(_("identification number"), max_length=40, blank=True)
    registration_date = models.DateField(_("registration date"), null=True, blank=True)
    address = models.CharField(_("address"), max_length=500, blank=True)
    website = models.CharField(_("website"), max_length=200, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("merged into"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="merged",
    )
    # Case-folded names in every language, legal form and number: one indexed column to search.
    search_text = models.CharField(max_length=1400, editable=False, db_index=True)

    name = Localized("name")

    class Meta:
        verbose_name = _("counterparty")
        verbose_name_plural = _("counterparties")
        constraints = [
            models.UniqueConstraint(
                fields=["country", "identifier"],
                condition=~Q(identifier="") & Q(merged_into__isnull=True),
                name="cp_counterparty_identifier_uniq",
            )
        ]
        indexes = [
            models.Index(fields=["name_ru"], name="cp_counterparty_name_ru_idx"),
            models.Index(fields=["identifier"], name="cp_counterparty_ident_idx"),
            models.Index(fields=["category"], name="cp_counterparty_category_idx"),
        ]

    def __str__(self) -> str:
        return self.name or self.identifier or str(self.pk)

    def clean(self) -> None:
        errors: dict[str, list] = {}
        self.country = (self.country or "").upper()
        if not any((self.name_ru, self.name_kk, self.name_en, self.name_uz)):
            errors.setdefault("name_ru", []).append(_("Give the name in at least one language."))
        if self.identifier and not self.identifier_kind:
            errors.setdefault("identifier_kind", []).append(_("Choose the type of the number."))
        if self.identifier_kind and self.identifier:
            if self.identifier_kind not in ALLOWED_IDENTIFIERS.get(Kind(self.kind), set()):
                errors.setdefault("identifier_kind", []).append(
                    _("This type of number does not fit this kind of counterparty.")
                )
            else:
                try:
                    check_identifier(self.identifier_kind, self.identifier)
                except ValidationError as error:
                    for field, messages in error.message_dict.items():
                        errors.setdefault(field, []).extend(messages)
            expected = IDENTIFIER_COUNTRY.get(IdentifierKind(self.identifier_kind))
            if expected and self.country and self.country != expected:
                errors.setdefault("country", []).append(
                    _("A %(kind)s is issued in %(country)s.")
                    % {"kind": IdentifierKind(self.identifier_kind).label, "country": expected}
                )
        if self.country and (len(self.country) != 2 or not self.country.isalpha()):
            errors.setdefault("country", []).append(_("Give the two-letter ISO code of the country."))
        if errors:
            raise ValidationError(errors)

    @property
    def display_name(self) -> str:
        """The name in the default fallback order (not the reader's language): for exports and jobs."""
        return next(iter(all_values(self, "name")), "") or self.identifier

    def refresh_search_text(self) -> None:
        parts = (*all_values(self, "name"), self.legal_form, self.identifier)
        self.search_text = " ".join(p for p in parts if p).casefold()[:1400]


class Party(BaseModel):
    """A beneficial owner or manager of a counterparty: a person or a company."""

    class Role(models.TextChoices):
        OWNER = "owner", _("Beneficial owner")
        MANAGER = "manager", _("Manager")

    counterparty = models.ForeignKey(
        Counterparty, verbose_name=_("counterparty"), on_delete=models.CASCADE, related_name="parties"
    )
    role = models.CharField(_("role"), max_length=10, choices=Role)
    is_person = models.BooleanField(_("person"), default=True)
    name = models.CharField(_("name"), max_length=300, help_text=_("As written in the documents."))
    name_latin = models.CharField(_("name (Latin)"), max_length=300, blank=True)
    identifier_kind = models.CharField(_("number type"), max_length=10, choices=IdentifierKind, blank=True)
    identifier = models.CharField(_("identification number"), max_length=40, blank=True)
    share = models.DecimalField(_("share, %"), max_digits=6, decimal_places=3, null=True, blank=True)
    position = models.CharField(_("position"), max_length=200, blank=True)
    country = models.CharField(_("country"), max_length=2, blank=True)
    birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    is_official = models.BooleanField(
        _("state official or PEP"),
        default=False,
        help_text=_("A state official, politically exposed person or relative."),
    )

    class Meta:
        verbose_name = _("owner or manager")
        verbose_name_plural = _("owners and managers")
        ordering = ["role", "name"]
        indexes = [models.Index(fields=["identifier"], name="cp_party_ident_idx")]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        errors: dict[str, list] = {}
        self.country = (self.country or "").upper()
        if not self.name.strip():
            errors.setdefault("name", []).append(_("Give the name."))
        if self.identifier and not self.identifier_kind:
            errors.setdefault("identifier_kind", []).append(_("Choose the type of the number."))
        if self.identifier_kind and self.identifier:
            allowed = PERSON_IDENTIFIERS if self.is_person else COMPANY_IDENTIFIERS
            if self.identifier_kind not in allowed:
                errors.setdefault("identifier_kind", []).append(
                    _("A person has an IIN, PINFL or foreign number; a company a BIN, STIR or foreign number.")
                )
            else:
                try:
                    check_identifier(self.identifier_kind, self.identifier)
                except ValidationError as error:
                    for field, messages in error.message_dict.items():
                        errors.setdefault(field, []).extend(messages)
        if self.role == self.Role.OWNER:
            if self.share is not None and not (0 < self.share <= 100):
                errors.setdefault("share", []).append(_("A share is more than 0 and at most 100 %."))
        elif self.share is not None:
            errors.setdefault("share", []).append(_("Only owners have a share."))
        if errors:
            raise ValidationError(errors)


class Contact(BaseModel):
    """A person to contact at the counterparty."""

    counterparty = models.ForeignKey(
        Counterparty, verbose_name=_("counterparty"), on_delete=models.CASCADE, related_name="contacts"
    )
    name = models.CharField(_("name"), max_length=200)
    position = models.CharField(_("position"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ProcurementMethod(models.TextChoices):
    OPEN_TENDER = "open_tender", _("Open tender")
    PRICE_OFFERS = "price_offers", _("Request for price offers / selection of the best offer")
    DIRECT = "direct", _("Direct contract")
    OTHER = "other", _("Other")


class Contract(BaseModel):
    """A contract of a company of the group with a counterparty, and whether it carries the
    anti-corruption clause."""

    company = models.ForeignKey(
        "org.Company", verbose_name=_("company"), on_delete=models.PROTECT, related_name="counterparty_contracts"
    )
    unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("initiating unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="counterparty_contracts",
    )
    number = models.CharField(_("number"), max_length=60)
    date = models.DateField(_("date"))
    counterparty = models.ForeignKey(
        Counterparty, verbose_name=_("counterparty"), on_delete=models.PROTECT, related_name="contracts"
    )
    procurement_method = models.CharField(
        _("procurement method"), max_length=20, choices=ProcurementMethod, default=ProcurementMethod.OTHER
    )
    amount = models.DecimalField(_("amount"), max_digits=18, decimal_places=2, null=True, blank=True)
    currency = models.CharField(_("currency"), max_length=3, default="KZT")
    subject = models.CharField(_("subject"), max_length=500, blank=True)
    term_end = models.DateField(_("valid until"), null=True, blank=True)
    has_clause = models.BooleanField(_("anti-corruption clause included"), default=True)

    class Meta:
        verbose_name = _("contract")
        verbose_name_plural = _("contracts")
        constraints = [models.UniqueConstraint(fields=["company", "number"], name="cp_contract_number_uniq")]
        indexes = [
            models.Index(fields=["date", "id"], name="cp_contract_date_idx"),
            models.Index(fields=["company", "date"], name="cp_contract_company_date_idx"),
        ]

    def __str__(self) -> str:
        return f"№ {self.number}"

    def clean(self) -> None:
        errors: dict[str, list] = {}
        self.currency = (self.currency or "").upper()
        if len(self.currency) != 3 or not self.currency.isalpha():
            errors.setdefault("currency", []).append(_("Give the three-letter currency code, e.g. KZT."))
        if self.amount is not None and self.amount < 0:
            errors.setdefault("amount", []).append(_("The amount cannot be negative."))
        if self.term_end and self.date and self.term_end < self.date:
            errors.setdefault("term_end", []).append(_("The contract ends before its date."))
        if self.unit is not None and self.company_id and self.unit.company_id != self.company_id:
            errors.setdefault("unit", []).append(_("The unit belongs to another company."))
        if errors:
            raise ValidationError(errors)


class RegulationClause(BaseModel):
    """A clause of the internal regulation that decisions on applications cite (a configurable list)."""

    code = models.CharField(_("clause"), max_length=30, unique=True, help_text=_("E.g. 5.3 or 7.1.2."))
    text_ru = models.TextField(_("text (Russian)"), blank=True)
    text_kk = models.TextField(_("text (Kazakh)"), blank=True)
    text_en = models.TextField(_("text (English)"), blank=True)
    text_uz = models.TextField(_("text (Uzbek)"), blank=True)
    is_active = models.BooleanField(_("in force"), default=True)

    text = Localized("text")

    class Meta:
        verbose_name = _("regulation clause")
        verbose_name_plural = _("regulation clauses")
        ordering = ["code"]

    def __str__(self) -> str:
        text = self.text
        return f"{self.code} {text[:80]}" if text else self.code

    def clean(self) -> None:
        if not any((self.text_ru, self.text_kk, self.text_en, self.text_uz)):
            raise ValidationError({"text_ru": _("Give the text in at least one language.")})


class Refusal(models.TextChoices):
    QUESTIONNAIRE = "questionnaire", _("Refuses the questionnaire")
    CLAUSE = "clause", _("Refuses the anti-corruption clause")
    BOTH = "both", _("Refuses both")


class Decision(models.TextChoices):
    REGISTER = "register", _("Enter in the Register (standing approval)")
    ONE_OFF = "one_off", _("One-off approval for these contracts")
    REFERENCE = "reference", _("Answer by reference to an earlier approval")
    NO_CONSIDERATION = "no_consideration", _("Leave without consideration")
    REFUSE = "refuse", _("Refuse")


class Application(BaseModel):
    """An initiating unit's application for approval of contracts with a counterparty that refuses
    the questionnaire, the clause or both. An officer proposes a decision citing a regulation clause;
    an approver (never the same person) approves it, and only then does it take effect."""

    class Status(models.TextChoices):
        FILED = "filed", _("Filed")
        PROPOSED = "proposed", _("Awaiting approval")
        DECIDED = "decided", _("Decided")

    number = models.CharField(_("number"), max_length=30, unique=True, editable=False)
    company = models.ForeignKey(
        "org.Company", verbose_name=_("company"), on_delete=models.PROTECT, related_name="counterparty_applications"
    )
    unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("initiating unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="counterparty_applications",
    )
    counterparty = models.ForeignKey(
        Counterparty, verbose_name=_("counterparty"), on_delete=models.PROTECT, related_name="applications"
    )
    refusal = models.CharField(_("refusal"), max_length=20, choices=Refusal)
    contracts = models.ManyToManyField(
        Contract, verbose_name=_("registered contracts"), blank=True, related_name="applications"
    )
    contract_count = models.PositiveIntegerField(_("number of contracts"), default=1)
    contracts_description = models.TextField(
        _("contracts"), blank=True, help_text=_("Numbers and subjects of the contracts the application covers.")
    )
    justification = models.TextField(
        _("justification"), help_text=_("Why the contracts are needed despite the refusal.")
    )
    filed_on = models.DateField(_("filed on"))
    filed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("filed by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    register_entry = models.ForeignKey(
        "RegisterEntry",
        verbose_name=_("already on the Register"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="flagged_applications",
    )
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.FILED)
    decision = models.CharField(_("decision"), max_length=20, choices=Decision, blank=True)
    clause = models.ForeignKey(
        RegulationClause, verbose_name=_("regulation clause"), null=True, blank=True, on_delete=models.PROTECT
    )
    grounds = models.TextField(_("grounds"), blank=True)
    reference = models.ForeignKey(
        "self",
        verbose_name=_("earlier approval"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="referenced_by",
    )
    register_until = models.DateField(_("on the Register until"), null=True, blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("proposed by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    proposed_at = models.DateTimeField(_("proposed"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True)
    return_comment = models.TextField(_("returned with comment"), blank=True)

    class Meta:
        verbose_name = _("application for approval")
        verbose_name_plural = _("applications for approval")
        ordering = ["-filed_on", "-number"]
        indexes = [models.Index(fields=["filed_on"], name="cp_application_filed_idx")]

    def __str__(self) -> str:
        return self.number


class RegisterEntry(BaseModel):
    """An entry in the Register of counterparties permitted to conclude and execute contracts
    without anti-corruption provisions: a standing approval, optionally until an end date."""

    counterparty = models.ForeignKey(
        Counterparty, verbose_name=_("counterparty"), on_delete=models.PROTECT, related_name="register_entries"
    )
    application = models.OneToOneField(
        Application, verbose_name=_("application"), on_delete=models.PROTECT, related_name="entry"
    )
    refusal = models.CharField(_("refusal"), max_length=20, choices=Refusal)
    grounds = models.TextField(_("grounds"))
    clause = models.ForeignKey(RegulationClause, verbose_name=_("regulation clause"), on_delete=models.PROTECT)
    start_date = models.DateField(_("entered on"))
    end_date = models.DateField(_("until"), null=True, blank=True)
    revoked_on = models.DateField(_("revoked on"), null=True, blank=True)
    revoke_reason = models.TextField(_("reason for revoking"), blank=True)

    class Meta:
        verbose_name = _("Register entry")
        verbose_name_plural = _("Register entries")
        ordering = ["-start_date"]

    def __str__(self) -> str:
        return str(self.counterparty)

    def is_active_on(self, day: dt.date) -> bool:
        return self.revoked_on is None and self.start_date <= day and (self.end_date is None or self.end_date >= day)
