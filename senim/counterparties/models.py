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
from senim.core.translit import to_latin


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
        for code in settings.SENIM_CONTENT_LANGUAGE_FALLBACK:
            value = getattr(self, f"name_{code}", "")
            if value:
                return str(value)
        return self.identifier

    def refresh_search_text(self) -> None:
        """Names as written and in Latin letters (so a Latin spelling finds a Cyrillic-only name and
        the duplicate check can pre-select candidates), legal form and number, case-folded."""
        names = list(all_values(self, "name"))
        latin = [to_latin(n) for n in names]
        parts = (*names, *latin, self.legal_form, self.identifier)
        seen: list[str] = []
        for part in parts:
            if part and part.casefold() not in seen:
                seen.append(part.casefold())
        self.search_text = " ".join(seen)[:1400]


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
    verification_case = models.ForeignKey(
        "VerificationCase",
        verbose_name=_("verification"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contracts",
    )
    # The employee who approved or signed the contract on the company's side. SET_NULL rather than
    # PROTECT: removing an employee record must not be blocked by the contract register, and the
    # approval stays in the contract's audit history.
    approved_by = models.ForeignKey(
        "org.Employee",
        verbose_name=_("approved by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="approved_contracts",
    )

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
        if self.approved_by is not None and self.company_id and self.approved_by.company_id != self.company_id:
            errors.setdefault("approved_by", []).append(_("The approver must be an employee of this company."))
        case = self.verification_case
        if case is not None and (case.counterparty_id != self.counterparty_id or case.company_id != self.company_id):
            errors.setdefault("verification_case", []).append(
                _("The verification must be of this company and this counterparty.")
            )
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


class Level(models.TextChoices):
    SIMPLIFIED = "simplified", _("Simplified")
    STANDARD = "standard", _("Standard")
    ENHANCED = "enhanced", _("Enhanced, with forensic audit")


class RiskLevel(models.TextChoices):
    LOW = "low", _("Low")
    MEDIUM = "medium", _("Medium")
    HIGH = "high", _("High")


LEVEL_ORDER = [Level.SIMPLIFIED, Level.STANDARD, Level.ENHANCED]
RISK_ORDER = [RiskLevel.LOW, RiskLevel.MEDIUM, RiskLevel.HIGH]


class RedFlag(BaseModel):
    """A red flag of the configurable catalogue; its weight adds to a verification's risk score."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    title_ru = models.CharField(_("title (Russian)"), max_length=300, blank=True)
    title_kk = models.CharField(_("title (Kazakh)"), max_length=300, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    title_uz = models.CharField(_("title (Uzbek)"), max_length=300, blank=True)
    weight = models.PositiveSmallIntegerField(_("weight"), default=10)
    is_active = models.BooleanField(_("in use"), default=True)

    title = Localized("title")

    class Meta:
        verbose_name = _("red flag")
        verbose_name_plural = _("red flags")
        ordering = ["-weight", "code"]

    def __str__(self) -> str:
        return self.title or self.code


class DueDiligenceRule(BaseModel):
    """A rule choosing the due diligence level: a verification gets the highest level among the
    active rules whose conditions all hold (an empty condition holds for everything)."""

    level = models.CharField(_("level"), max_length=20, choices=Level)
    procurement_method = models.CharField(_("procurement method"), max_length=20, choices=ProcurementMethod, blank=True)
    category = models.CharField(_("category"), max_length=20, choices=Category, blank=True)
    min_amount = models.DecimalField(_("amount from"), max_digits=18, decimal_places=2, null=True, blank=True)
    currency = models.CharField(_("currency"), max_length=3, default="KZT")
    min_risk = models.CharField(_("risk from"), max_length=10, choices=RiskLevel, blank=True)
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        verbose_name = _("due diligence rule")
        verbose_name_plural = _("due diligence rules")
        ordering = ["level", "procurement_method", "min_amount"]

    def __str__(self) -> str:
        return str(self.get_level_display())

    def matches(self, *, method: str, category: str, amount: object, currency: str, risk: str) -> bool:
        if not self.is_active:
            return False
        if self.procurement_method and self.procurement_method != method:
            return False
        if self.category and self.category != category:
            return False
        if self.min_amount is not None and (amount is None or currency != self.currency or amount < self.min_amount):  # type: ignore[operator]
            return False
        return not (self.min_risk and RISK_ORDER.index(RiskLevel(risk)) < RISK_ORDER.index(RiskLevel(self.min_risk)))


class VerificationCase(BaseModel):
    """The verification of a counterparty before a contract: level, checklist, red flags, risk,
    conclusion, approvals and validity."""

    class Status(models.TextChoices):
        OPEN = "open", _("In progress")
        CONCLUDED = "concluded", _("Awaiting approval")
        AWAITING_SECOND = "awaiting_second", _("Awaiting second approval")
        APPROVED = "approved", _("Approved")

    class Conclusion(models.TextChoices):
        PERMITTED = "permitted", _("Contract permitted")
        CONDITIONS = "conditions", _("Permitted with conditions")
        NOT_PERMITTED = "not_permitted", _("Contract not permitted")

    company = models.ForeignKey(
        "org.Company", verbose_name=_("company"), on_delete=models.PROTECT, related_name="verification_cases"
    )
    unit = models.ForeignKey(
        "org.Unit", verbose_name=_("initiating unit"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    counterparty = models.ForeignKey(
        Counterparty, verbose_name=_("counterparty"), on_delete=models.PROTECT, related_name="verification_cases"
    )
    procurement_method = models.CharField(_("procurement method"), max_length=20, choices=ProcurementMethod)
    amount = models.DecimalField(_("amount"), max_digits=18, decimal_places=2, null=True, blank=True)
    currency = models.CharField(_("currency"), max_length=3, default="KZT")
    subject = models.CharField(_("subject"), max_length=500)
    opened_on = models.DateField(_("opened on"))
    level = models.CharField(_("due diligence level"), max_length=20, choices=Level)
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.OPEN)
    risk_score = models.PositiveIntegerField(_("risk score"), default=0)
    risk_level = models.CharField(_("risk level"), max_length=10, choices=RiskLevel, default=RiskLevel.LOW)
    conclusion = models.CharField(_("conclusion"), max_length=20, choices=Conclusion, blank=True)
    conclusion_text = models.TextField(_("reasoning"), blank=True)
    concluded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("concluded by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    approved_on = models.DateField(_("approved on"), null=True, blank=True)
    second_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("second approver"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    needs_reverification = models.BooleanField(_("re-verification needed"), default=False)
    reverification_reason = models.CharField(_("why re-verify"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("verification")
        verbose_name_plural = _("verifications")
        ordering = ["-opened_on", "-created_at"]
        indexes = [models.Index(fields=["opened_on"], name="cp_case_opened_idx")]

    def __str__(self) -> str:
        return f"{self.counterparty} · {self.opened_on.isoformat()}"


class CaseCheck(BaseModel):
    """One item of a verification's checklist."""

    class Status(models.TextChoices):
        PENDING = "pending", _("To do")
        DONE = "done", _("Done, no concern")
        CONCERN = "concern", _("Done, concern found")
        NOT_APPLICABLE = "not_applicable", _("Not applicable")

    case = models.ForeignKey(VerificationCase, on_delete=models.CASCADE, related_name="checks")
    code = models.CharField(_("check"), max_length=40)
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.PENDING)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        verbose_name = _("check")
        verbose_name_plural = _("checks")
        constraints = [models.UniqueConstraint(fields=["case", "code"], name="cp_casecheck_uniq")]

    def __str__(self) -> str:
        return self.code


class CaseFlag(BaseModel):
    """A red flag raised on a verification, automatically (with the finding) or by an officer."""

    case = models.ForeignKey(VerificationCase, on_delete=models.CASCADE, related_name="flags")
    flag = models.ForeignKey(RedFlag, verbose_name=_("red flag"), on_delete=models.PROTECT, related_name="+")
    is_automatic = models.BooleanField(_("raised automatically"), default=False)
    detail = models.TextField(_("detail"), blank=True)

    class Meta:
        verbose_name = _("raised red flag")
        verbose_name_plural = _("raised red flags")
        constraints = [models.UniqueConstraint(fields=["case", "flag"], name="cp_caseflag_uniq")]

    def __str__(self) -> str:
        return str(self.flag)


class Questionnaire(BaseModel):
    """A version of the anti-corruption questionnaire. A published version never changes: edits go
    into a new draft version, so every response keeps the questions it answered."""

    version = models.PositiveIntegerField(_("version"), unique=True)
    title_ru = models.CharField(_("title (Russian)"), max_length=300, blank=True)
    title_kk = models.CharField(_("title (Kazakh)"), max_length=300, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    title_uz = models.CharField(_("title (Uzbek)"), max_length=300, blank=True)
    published_on = models.DateField(_("published on"), null=True, blank=True)

    title = Localized("title")

    class Meta:
        verbose_name = _("questionnaire")
        verbose_name_plural = _("questionnaires")
        ordering = ["-version"]

    def __str__(self) -> str:
        return f"{self.title} v{self.version}"


class AnswerType(models.TextChoices):
    YES_NO = "yes_no", _("Yes or no")
    CHOICE = "choice", _("Choice")
    TEXT = "text", _("Text")
    DATE = "date", _("Date")
    NUMBER = "number", _("Number")
    FILE = "file", _("File")
    PERSONS = "persons", _("List of persons")


class Question(BaseModel):
    questionnaire = models.ForeignKey(Questionnaire, on_delete=models.CASCADE, related_name="questions")
    order = models.PositiveSmallIntegerField(_("order"))
    code = models.SlugField(_("code"), max_length=40)
    text_ru = models.TextField(_("text (Russian)"), blank=True)
    text_kk = models.TextField(_("text (Kazakh)"), blank=True)
    text_en = models.TextField(_("text (English)"), blank=True)
    text_uz = models.TextField(_("text (Uzbek)"), blank=True)
    answer_type = models.CharField(_("answer type"), max_length=10, choices=AnswerType)
    # For a choice: [{"value": "...", "ru": "...", "kk": "...", "en": "...", "uz": "..."}, ...]
    choices = models.JSONField(_("choices"), default=list, blank=True)
    is_required = models.BooleanField(_("required"), default=True)
    red_flag = models.ForeignKey(
        RedFlag, verbose_name=_("red flag"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # The answer that raises the red flag: "yes" for a yes/no question, a choice value, or "any" (any
    # non-empty answer, e.g. a list of persons).
    flag_answer = models.CharField(_("answer raising the flag"), max_length=60, blank=True)

    text = Localized("text")

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["questionnaire", "order"]
        constraints = [models.UniqueConstraint(fields=["questionnaire", "code"], name="cp_question_code_uniq")]

    def __str__(self) -> str:
        return self.code


class QuestionnaireResponse(BaseModel):
    """One counterparty's questionnaire: sent as a personal link (draft, then submitted once) or
    entered by staff from a paper copy with its scan."""

    class Status(models.TextChoices):
        SENT = "sent", _("Sent")
        DRAFT = "draft", _("Draft saved")
        SUBMITTED = "submitted", _("Submitted")

    questionnaire = models.ForeignKey(Questionnaire, on_delete=models.PROTECT, related_name="responses")
    counterparty = models.ForeignKey(
        Counterparty, verbose_name=_("counterparty"), on_delete=models.PROTECT, related_name="questionnaires"
    )
    company = models.ForeignKey(
        "org.Company", verbose_name=_("company"), on_delete=models.PROTECT, related_name="counterparty_questionnaires"
    )
    # Only the SHA-256 of the personal link's token is kept; the link itself is shown once.
    token_hash = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)
    expires_on = models.DateField(_("link valid until"), null=True, blank=True)
    language = models.CharField(_("language"), max_length=5, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.SENT)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entered by staff"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    scan_file = models.CharField(max_length=200, blank=True, editable=False)
    scan_name = models.CharField(_("scan of the paper copy"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("questionnaire response")
        verbose_name_plural = _("questionnaire responses")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.counterparty} · v{self.questionnaire.version}"


class Answer(BaseModel):
    response = models.ForeignKey(QuestionnaireResponse, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="+")
    value = models.JSONField(_("answer"), null=True, blank=True)
    file_name = models.CharField(max_length=200, blank=True)
    stored_file = models.CharField(max_length=200, blank=True, editable=False)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [models.UniqueConstraint(fields=["response", "question"], name="cp_answer_uniq")]

    def __str__(self) -> str:
        return f"{self.question.code}: {self.value}"


class Document(BaseModel):
    """A document of the counterparty's file: charter, registration, licence, financial statements."""

    class Kind(models.TextChoices):
        CHARTER = "charter", _("Charter")
        REGISTRATION = "registration", _("Registration certificate")
        LICENCE = "licence", _("Licence")
        FINANCIAL = "financial", _("Financial statements")
        OTHER = "other", _("Other")

    counterparty = models.ForeignKey(
        Counterparty, verbose_name=_("counterparty"), on_delete=models.CASCADE, related_name="documents"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.OTHER)
    title = models.CharField(_("title"), max_length=300)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    file_name = models.CharField(_("file"), max_length=200)
    stored_file = models.CharField(max_length=200, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["kind", "title"]

    def __str__(self) -> str:
        return self.title
