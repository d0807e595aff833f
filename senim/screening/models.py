"""Screening: watchlists with versioned snapshots of their entities, the subjects screened against
them, screening runs, and the hits officers review."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from senim.core.eventdates import is_backdated
from senim.core.models import BaseModel


class WatchlistKind(models.TextChoices):
    SANCTIONS = "sanctions", _("Sanctions")
    PEP = "pep", _("Politically exposed persons")
    DEBARMENT = "debarment", _("Debarment")
    TAX = "tax", _("Tax")
    INTERNAL = "internal", _("Internal")


class Watchlist(BaseModel):
    """A list people and organisations are screened against; its entities live in versions."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=WatchlistKind)
    source = models.CharField(_("source"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    is_enabled = models.BooleanField(_("enabled"), default=True)
    current_version = models.ForeignKey(
        "screening.WatchlistVersion",
        verbose_name=_("current version"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("watchlist")
        verbose_name_plural = _("watchlists")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ImportFormat(models.TextChoices):
    FTM = "ftm", _("FollowTheMoney JSON lines")
    CSV = "csv", _("CSV")
    XLSX = "xlsx", _("Excel workbook (XLSX)")


class WatchlistVersion(BaseModel):
    """One import of a list: a snapshot of its entities and how it differs from the one before.

    The row doubles as the import job: it is created when the import is queued and records the
    outcome. Only a version that imported completely becomes the list's current one.
    """

    class Status(models.TextChoices):
        IMPORTING = "importing", _("Importing")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Failed")

    watchlist = models.ForeignKey(Watchlist, verbose_name=_("list"), on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    file_name = models.CharField(_("file"), max_length=200)
    format = models.CharField(_("format"), max_length=10, choices=ImportFormat)
    mapping = models.JSONField(_("column mapping"), default=dict, blank=True)
    skip_invalid = models.BooleanField(_("skip invalid lines"), default=False)
    base = models.ForeignKey(
        "self",
        verbose_name=_("compared with"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The version that was current when this one was imported."),
    )
    stored_file = models.CharField(max_length=100, blank=True, editable=False)
    language = models.CharField(max_length=5, default="en", editable=False)
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.IMPORTING)
    entity_count = models.PositiveIntegerField(_("entities"), default=0)
    added = models.PositiveIntegerField(_("added"), default=0)
    removed = models.PositiveIntegerField(_("removed"), default=0)
    changed = models.PositiveIntegerField(_("changed"), default=0)
    skipped = models.PositiveIntegerField(_("invalid lines skipped"), default=0)
    ignored = models.PositiveIntegerField(_("other records ignored"), default=0)
    problems = models.JSONField(_("problems"), default=list, blank=True)
    error = models.TextField(_("error"), blank=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("imported by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("list version")
        verbose_name_plural = _("list versions")
        ordering = ["watchlist", "-number"]
        constraints = [models.UniqueConstraint(fields=["watchlist", "number"], name="screening_version_number_uniq")]

    def __str__(self) -> str:
        return f"{self.watchlist.name} v{self.number}"

    @property
    def is_finished(self) -> bool:
        return self.status != self.Status.IMPORTING


class WatchlistEntity(models.Model):
    """A person or organisation of one list version, as imported (names in every script given)."""

    id = models.BigAutoField(primary_key=True)
    version = models.ForeignKey(WatchlistVersion, on_delete=models.CASCADE, related_name="entities")
    entity_id = models.CharField(_("entity ID"), max_length=200)
    schema = models.CharField(_("type"), max_length=30)
    caption = models.CharField(_("name"), max_length=500)
    names = models.JSONField(_("names"), default=list)
    identifiers = models.JSONField(_("identifiers"), default=list)
    birth_dates = models.JSONField(_("birth dates"), default=list)
    countries = models.JSONField(_("countries"), default=list)
    gender = models.CharField(_("gender"), max_length=10, blank=True)
    content_hash = models.CharField(max_length=64)
    properties = models.JSONField(_("properties"), default=dict)

    class Meta:
        verbose_name = _("list entity")
        verbose_name_plural = _("list entities")
        constraints = [models.UniqueConstraint(fields=["version", "entity_id"], name="screening_entity_uniq")]

    def __str__(self) -> str:
        return self.caption

    @property
    def is_person(self) -> bool:
        return self.schema == "Person"


class Subject(BaseModel):
    """What is screened: an employee, a counterparty, an ad-hoc query or a batch row, kept so that
    it is screened again when its lists change and so that decisions stick to it."""

    key = models.CharField(_("key"), max_length=200, unique=True)
    company_id = models.UUIDField(_("company"), null=True, blank=True, db_index=True)
    schema = models.CharField(_("type"), max_length=30)
    label = models.CharField(_("label"), max_length=300, blank=True)
    names = models.JSONField(_("names"), default=list)
    identifiers = models.JSONField(_("identifiers"), default=list)
    birth_dates = models.JSONField(_("birth dates"), default=list)
    countries = models.JSONField(_("countries"), default=list)
    gender = models.CharField(_("gender"), max_length=10, blank=True)
    content_hash = models.CharField(max_length=64)
    watchlists = models.ManyToManyField(Watchlist, verbose_name=_("lists"), related_name="subjects", blank=True)
    all_lists = models.BooleanField(
        _("screened against every list"),
        default=False,
        help_text=_("Screened against every enabled list, so lists added later apply too."),
    )
    last_screened_at = models.DateTimeField(_("last screened"), null=True, blank=True)

    class Meta:
        verbose_name = _("screened subject")
        verbose_name_plural = _("screened subjects")

    def __str__(self) -> str:
        return self.label or (self.names[0] if self.names else self.key)


class ScreeningRun(BaseModel):
    """One screening: a single subject, a batch file, or the re-screening after a list changed."""

    class Kind(models.TextChoices):
        SINGLE = "single", _("Single")
        BATCH = "batch", _("Batch")
        RESCREEN = "rescreen", _("Re-screening")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    lists = models.ManyToManyField(Watchlist, verbose_name=_("lists"), related_name="+", blank=True)
    threshold = models.FloatField(_("threshold"))
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.QUEUED)
    subject_count = models.PositiveIntegerField(_("subjects"), default=0)
    hit_count = models.PositiveIntegerField(_("hits"), default=0)
    skipped = models.PositiveIntegerField(_("rows skipped"), default=0)
    problems = models.JSONField(_("problems"), default=list, blank=True)
    file_name = models.CharField(_("file"), max_length=200, blank=True)
    stored_file = models.CharField(max_length=100, blank=True, editable=False)
    language = models.CharField(max_length=5, default="en", editable=False)
    company_id = models.UUIDField(_("company"), null=True, blank=True)
    trigger = models.ForeignKey(
        WatchlistVersion,
        verbose_name=_("list version"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    error = models.TextField(_("error"), blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("screening run")
        verbose_name_plural = _("screening runs")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {timezone.localtime(self.created_at):%Y-%m-%d %H:%M}"

    @property
    def is_finished(self) -> bool:
        return self.status in {self.Status.DONE, self.Status.FAILED}


class HitStatus(models.TextChoices):
    OPEN = "open", _("Open")
    TRUE_MATCH = "true_match", _("True match")
    FALSE_POSITIVE = "false_positive", _("False positive")
    NEEDS_INFO = "needs_info", _("Needs information")
    # A status rather than a closure reason beside the others: the status is the one workflow
    # state that the hits filter, the API, the dashboard and the indicators already read, and a
    # hit whose list entry is gone is neither decided nor waiting. It is set only by the system
    # (never an officer's decision), so it is not among the review DECISIONS, counts neither as
    # a true match nor as a false positive, and does not stop the pair from being raised again.
    REMOVED = "removed", _("Entry removed from the list")


class Hit(BaseModel):
    """A list entity found for a subject above the threshold, to be decided by an officer.

    `entity_key` names the list entry across versions; with the subject it identifies "the same
    hit" for the rule that a false positive is not raised again until either side changes.
    """

    subject = models.ForeignKey(Subject, verbose_name=_("subject"), on_delete=models.CASCADE, related_name="hits")
    watchlist = models.ForeignKey(Watchlist, verbose_name=_("list"), on_delete=models.CASCADE, related_name="hits")
    entity = models.ForeignKey(
        WatchlistEntity, verbose_name=_("list entity"), on_delete=models.PROTECT, related_name="hits"
    )
    entity_key = models.CharField(max_length=250)
    score = models.FloatField(_("score"))
    explanation = models.JSONField(_("explanation"), default=dict)
    status = models.CharField(_("status"), max_length=20, choices=HitStatus, default=HitStatus.OPEN)
    comment = models.TextField(_("comment"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    # The day the officer decided (`decided_at` keeps when the decision was entered): earlier for a
    # decision taken on paper and entered later (back-dated, audited). Indicators count by it.
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    closed_by_version = models.ForeignKey(
        WatchlistVersion,
        verbose_name=_("closed by list version"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The list version without this entry that closed the hit while it was undecided."),
    )
    subject_hash = models.CharField(max_length=64)
    subject_snapshot = models.JSONField(default=dict)
    entity_hash = models.CharField(max_length=64)
    previous = models.ForeignKey(
        "self", verbose_name=_("previous hit"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    changes = models.JSONField(_("what changed"), default=dict, blank=True)
    run = models.ForeignKey(
        ScreeningRun, verbose_name=_("run"), null=True, blank=True, on_delete=models.SET_NULL, related_name="hits"
    )

    class Meta:
        verbose_name = _("hit")
        verbose_name_plural = _("hits")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["subject", "entity_key"], name="screening_hit_pair_idx"),
            models.Index(fields=["status", "created_at"], name="screening_hit_status_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.subject} ↔ {self.entity.caption}"

    @property
    def is_decided(self) -> bool:
        return self.status in {HitStatus.TRUE_MATCH, HitStatus.FALSE_POSITIVE}

    @property
    def is_backdated(self) -> bool:
        """Decided on an earlier day than the decision was entered (a paper decision)."""
        return is_backdated(self.decided_at, self.decided_on)

    @property
    def is_removed(self) -> bool:
        """Closed by the system because a new version of the list no longer has the entry."""
        return self.status == HitStatus.REMOVED
