"""Counterparties: who they are, their identifiers, who owns and runs them, how to reach them, their file."""

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


class Criticality(models.TextChoices):
    LOW = "low", _("Low")
    MEDIUM = "medium", _("Medium")
    HIGH = "high", _("High: hard to replace or critical to operations")


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
    # A supplier above the configured spend, or of high criticality, is significant: verified on a
    # schedule (SENIM_SIGNIFICANT_SUPPLIER_*). Marked by `significant_suppliers_mark`, audited.
    criticality = models.CharField(_("criticality of supply"), max_length=10, choices=Criticality, blank=True)
    is_significant = models.BooleanField(_("significant supplier"), default=False)
    significant_reason = models.CharField(_("why significant"), max_length=300, blank=True)
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
    def legal_form_shown(self) -> str:
        """The legal form to write beside the name in the reader's language: none when the name
        already says it (in any script), so a form is never said twice."""
        from senim.counterparties.names import carries_legal_form

        if not self.legal_form or carries_legal_form(str(self.name or "")):
            return ""
        return self.legal_form

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
