"""Core models: the abstract base every domain model extends, and the audit trail."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from senim.core.eventdates import is_backdated


class BaseModel(models.Model):
    """A UUID key (nothing guessable in URLs) and creation/update timestamps."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True


class AuditEvent(models.Model):
    """One recorded change. Rows are only ever inserted: database triggers refuse UPDATE and
    DELETE, and each row carries the hash of the one before, so `senim audit verify` detects
    an edit made behind the application's back."""

    seq = models.BigIntegerField(_("sequence"), unique=True, editable=False)
    occurred_at = models.DateTimeField(_("time"), db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("actor"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        db_constraint=False,
    )
    actor_label = models.CharField(_("actor"), max_length=200)
    event_type = models.CharField(_("event type"), max_length=100, db_index=True)
    object_type = models.CharField(_("object type"), max_length=100, blank=True, db_index=True)
    object_id = models.CharField(_("object ID"), max_length=64, blank=True, db_index=True)
    object_repr = models.CharField(_("object"), max_length=300, blank=True)
    company_id = models.UUIDField(_("company"), null=True, blank=True, db_index=True)
    changes = models.JSONField(_("changes"), default=dict, blank=True)
    prev_hash = models.CharField(max_length=64, editable=False)
    hash = models.CharField(max_length=64, editable=False)

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        ordering = ["-seq"]

    def __str__(self) -> str:
        return f"#{self.seq} {self.event_type} {self.object_repr}"


class AuditChainHead(models.Model):
    """The single row that serialises writers of the chain and remembers its tip, so that
    deleting the newest events is detected as well as editing older ones."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    seq = models.BigIntegerField(default=0)
    hash = models.CharField(max_length=64, default="0" * 64)
    # Events from this sequence number on are keyed (HMAC under the audit key, core.audit); the
    # ones before it were recorded before keying existed. The marker is itself signed under the
    # audit key, so moving it to pass rewritten events off as old ones is detected.
    keyed_from_seq = models.BigIntegerField(null=True, blank=True)
    keyed_mac = models.CharField(max_length=64, blank=True, default="")

    class Meta:
        verbose_name = _("audit chain head")

    def __str__(self) -> str:
        return f"#{self.seq} {self.hash[:12]}"


class BaselineFigure(BaseModel):
    """An indicator's value for a year before Senim held records, entered by an officer with its
    source ("annual report 2024, p. 57"). Shown as entered, never as computed; a value computed
    from records wins once records exist for that year. `company_id` None is the whole group."""

    code = models.CharField(_("indicator"), max_length=60)
    year = models.PositiveSmallIntegerField(_("year"))
    company_id = models.UUIDField(_("company"), null=True, blank=True, db_index=True)
    value = models.DecimalField(_("value"), max_digits=18, decimal_places=4)
    source = models.CharField(_("source"), max_length=300)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("baseline figure")
        verbose_name_plural = _("baseline figures")
        ordering = ["code", "-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["code", "year", "company_id"],
                condition=models.Q(company_id__isnull=False),
                name="core_baseline_company_uniq",
            ),
            models.UniqueConstraint(
                fields=["code", "year"], condition=models.Q(company_id__isnull=True), name="core_baseline_group_uniq"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.year}: {self.value}"


class SecurityCounter(models.Model):
    """Security state on one host without Redis (`senim.core.limits`): a rate-limit counter, a
    lock-out flag or a used one-time token, kept until it expires, never evicted before."""

    key = models.CharField(max_length=200, primary_key=True)
    value = models.BigIntegerField(default=0)
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("security counter")
        verbose_name_plural = _("security counters")

    def __str__(self) -> str:
        return self.key


class ApprovalDecision(BaseModel):
    """One approver's decision at one approval step of any module's object (a verification, an
    application, a declaration...): approve, return for rework or refuse, with the comment. The
    object is named by its model label and id, so core needs no foreign key to other apps."""

    class Decision(models.TextChoices):
        APPROVE = "approve", pgettext_lazy("decision", "Approved")
        RETURN = "return", _("Returned for rework")
        REFUSE = "refuse", pgettext_lazy("decision", "Refused")

    object_type = models.CharField(_("object type"), max_length=100)
    object_id = models.UUIDField(_("object"))
    step = models.CharField(_("step"), max_length=40)
    decision = models.CharField(_("decision"), max_length=10, choices=Decision)
    # The module's own outcome where its step has more than approve/return/refuse (a declaration
    # review's "potential conflict"); its label comes from the module's flow (senim.core.approvals).
    outcome = models.CharField(_("outcome"), max_length=40, blank=True)
    comment = models.TextField(_("comment"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # The day the decision was taken (`created_at` keeps when it was entered): earlier for a
    # decision taken on paper and entered later (back-dated, audited).
    decided_on = models.DateField(_("decided on"), null=True, blank=True)

    class Meta:
        verbose_name = _("approval decision")
        verbose_name_plural = _("approval decisions")
        ordering = ["created_at"]
        indexes = [models.Index(fields=["object_type", "object_id"], name="core_approval_object_idx")]

    def __str__(self) -> str:
        return f"{self.step}: {self.get_decision_display()}"

    @property
    def is_backdated(self) -> bool:
        """Entered after the day it was taken (a paper decision)."""
        return is_backdated(self.created_at, self.decided_on)
