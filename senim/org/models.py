"""The organisation: companies of the group, their unit trees, positions and employees."""

from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Upper
from django.utils.translation import gettext_lazy as _

from senim.core import validators
from senim.core.i18n import Localized
from senim.core.models import BaseModel


class RegistrationKind(models.TextChoices):
    BIN = "bin", _("BIN (Kazakhstan)")
    STIR = "stir", _("STIR (Uzbekistan)")
    FOREIGN = "foreign", _("Foreign registration number")


class Company(BaseModel):
    """A legal entity of the group."""

    name_ru = models.CharField(_("name (Russian)"), max_length=300, blank=True)
    name_kk = models.CharField(_("name (Kazakh)"), max_length=300, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=300, blank=True)
    name_uz = models.CharField(_("name (Uzbek)"), max_length=300, blank=True)
    registration_kind = models.CharField(_("registration number type"), max_length=10, choices=RegistrationKind)
    registration_number = models.CharField(_("registration number"), max_length=40)
    country = models.CharField(_("country"), max_length=2, help_text=_("Two-letter ISO code, e.g. KZ or UZ."))
    is_active = models.BooleanField(_("active"), default=True)
    founded_on = models.DateField(
        _("founded on"),
        null=True,
        blank=True,
        help_text=_("Records dated before this day are refused (e.g. when entering history from paper)."),
    )

    name = Localized("name")

    class Meta:
        verbose_name = _("company")
        verbose_name_plural = _("companies")
        constraints = [
            models.UniqueConstraint(fields=["registration_kind", "registration_number"], name="org_company_regno_uniq")
        ]

    def __str__(self) -> str:
        return self.name or self.registration_number

    def clean(self) -> None:
        if not any((self.name_ru, self.name_kk, self.name_en, self.name_uz)):
            raise ValidationError(_("Give the name in at least one language."))
        check: dict[str, Callable[[str], None]] = {
            RegistrationKind.BIN: validators.validate_bin,
            RegistrationKind.STIR: validators.validate_stir,
        }
        if self.registration_kind in check and self.registration_number:
            try:
                check[self.registration_kind](self.registration_number)
            except ValidationError as error:
                raise ValidationError({"registration_number": error}) from error


class Unit(BaseModel):
    """A structural unit; units form a tree of any depth inside one company."""

    company = models.ForeignKey(Company, verbose_name=_("company"), on_delete=models.PROTECT, related_name="units")
    parent = models.ForeignKey(
        "self", verbose_name=_("parent unit"), null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    code = models.CharField(_("code"), max_length=50)
    name_ru = models.CharField(_("name (Russian)"), max_length=300, blank=True)
    name_kk = models.CharField(_("name (Kazakh)"), max_length=300, blank=True)
    name_en = models.CharField(_("name (English)"), max_length=300, blank=True)
    name_uz = models.CharField(_("name (Uzbek)"), max_length=300, blank=True)
    # Materialised path of ancestor ids ("<id>/<id>/"), so a subtree is one prefix query.
    path = models.CharField(max_length=2000, editable=False, db_index=True)
    depth = models.PositiveSmallIntegerField(default=0, editable=False)

    name = Localized("name")

    class Meta:
        verbose_name = _("structural unit")
        verbose_name_plural = _("structural units")
        constraints = [
            models.UniqueConstraint(fields=["company", "code"], name="org_unit_code_uniq"),
            # The target of the composite foreign keys that keep an employee's or a position's
            # unit inside its company (migration org.0003, org.unit_guard).
            models.UniqueConstraint(fields=["company", "id"], name="org_unit_company_id_uniq"),
        ]

    def __str__(self) -> str:
        return self.name or self.code


class Position(BaseModel):
    """A position (job) in a unit; flags drive the anti-corruption requirements."""

    company = models.ForeignKey(Company, verbose_name=_("company"), on_delete=models.PROTECT, related_name="positions")
    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), null=True, blank=True, on_delete=models.PROTECT, related_name="positions"
    )
    code = models.CharField(_("code"), max_length=50)
    title_ru = models.CharField(_("title (Russian)"), max_length=300, blank=True)
    title_kk = models.CharField(_("title (Kazakh)"), max_length=300, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    title_uz = models.CharField(_("title (Uzbek)"), max_length=300, blank=True)
    is_corruption_prone = models.BooleanField(_("corruption-prone"), default=False)
    requires_ac_agreement = models.BooleanField(_("requires an anti-corruption agreement"), default=False)

    title = Localized("title")

    class Meta:
        verbose_name = _("position")
        verbose_name_plural = _("positions")
        constraints = [models.UniqueConstraint(fields=["company", "code"], name="org_position_code_uniq")]

    def __str__(self) -> str:
        return self.title or self.code

    def clean(self) -> None:
        if self.unit is not None and self.company_id and self.unit.company_id != self.company_id:
            raise ValidationError({"unit": _("The unit belongs to another company.")})


class Employee(BaseModel):
    """A person employed by a company of the group, identified there by a personnel number."""

    company = models.ForeignKey(Company, verbose_name=_("company"), on_delete=models.PROTECT, related_name="employees")
    personnel_number = models.CharField(_("personnel number"), max_length=30)
    surname = models.CharField(_("surname"), max_length=100)
    given_name = models.CharField(_("name"), max_length=100)
    patronymic = models.CharField(_("patronymic"), max_length=100, blank=True)
    surname_latin = models.CharField(_("surname (Latin)"), max_length=100, blank=True)
    given_name_latin = models.CharField(_("name (Latin)"), max_length=100, blank=True)
    patronymic_latin = models.CharField(_("patronymic (Latin)"), max_length=100, blank=True)
    iin = models.CharField(_("IIN"), max_length=12, blank=True, validators=[validators.validate_iin])
    pinfl = models.CharField(_("PINFL"), max_length=14, blank=True, validators=[validators.validate_pinfl])
    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), null=True, blank=True, on_delete=models.PROTECT, related_name="employees"
    )
    position = models.ForeignKey(
        Position, verbose_name=_("position"), null=True, blank=True, on_delete=models.PROTECT, related_name="employees"
    )
    hire_date = models.DateField(_("hire date"), null=True, blank=True)
    dismissal_date = models.DateField(_("dismissal date"), null=True, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    # Case-folded names (both scripts), number and identifiers: one indexed column to search.
    search_text = models.CharField(max_length=700, editable=False, db_index=True)

    class Meta:
        verbose_name = _("employee")
        verbose_name_plural = _("employees")
        constraints = [
            models.UniqueConstraint(fields=["company", "personnel_number"], name="org_employee_number_uniq"),
        ]
        indexes = [
            models.Index(fields=["surname", "given_name"], name="org_employee_name_idx"),
            models.Index(fields=["iin"], name="org_employee_iin_idx"),
            models.Index(fields=["pinfl"], name="org_employee_pinfl_idx"),
            models.Index(fields=["hire_date"], name="org_employee_hire_idx"),
            models.Index(fields=["dismissal_date"], name="org_employee_dismissal_idx"),
            models.Index(Upper("email"), name="org_employee_email_idx"),
        ]

    def __str__(self) -> str:
        return self.full_name

    def clean(self) -> None:
        errors = {}
        if self.unit is not None and self.company_id and self.unit.company_id != self.company_id:
            errors["unit"] = _("The unit belongs to another company.")
        if self.position is not None and self.company_id and self.position.company_id != self.company_id:
            errors["position"] = _("The position belongs to another company.")
        if errors:
            raise ValidationError(errors)

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.surname, self.given_name, self.patronymic) if part)

    @property
    def full_name_latin(self) -> str:
        return " ".join(p for p in (self.surname_latin, self.given_name_latin, self.patronymic_latin) if p)

    @property
    def is_active(self) -> bool:
        return self.dismissal_date is None

    def refresh_search_text(self) -> None:
        parts = (
            self.surname,
            self.given_name,
            self.patronymic,
            self.surname_latin,
            self.given_name_latin,
            self.patronymic_latin,
            self.personnel_number,
            self.iin,
            self.pinfl,
            self.email,
        )
        self.search_text = " ".join(p for p in parts if p).casefold()[:700]


class ImportJob(BaseModel):
    """One import started from the UI, run by the worker; its row is the status page and history."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    kind = models.CharField(_("kind"), max_length=20)
    file_name = models.CharField(_("file"), max_length=200)
    stored_file = models.CharField(max_length=100, editable=False)
    valid_only = models.BooleanField(_("valid rows only"), default=False)
    language = models.CharField(max_length=5, default="en")
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.QUEUED)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("requested by"), null=True, on_delete=models.PROTECT, related_name="+"
    )
    created = models.PositiveIntegerField(_("added"), default=0)
    updated = models.PositiveIntegerField(_("updated"), default=0)
    unchanged = models.PositiveIntegerField(_("unchanged"), default=0)
    skipped = models.PositiveIntegerField(_("rejected"), default=0)
    error = models.TextField(_("error"), blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.kind}: {self.file_name}"

    @property
    def is_finished(self) -> bool:
        return self.status in {self.Status.DONE, self.Status.FAILED}
