"""Evidence for the ISO 37001 map that Senim does not hold as records: management review minutes,
internal audit reports, board decisions. Files go through Django's storage API."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from senim.core.models import BaseModel


class EvidenceDocument(BaseModel):
    company = models.ForeignKey(
        "org.Company", verbose_name=_("company"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    clause = models.CharField(_("clause"), max_length=10)  # numbered as in the 2016 edition
    title = models.CharField(_("title"), max_length=300)
    dated = models.DateField(_("date of the document"))
    file = models.FileField(_("file"), upload_to="reports/evidence/%Y/", blank=True)
    note = models.TextField(_("note"), blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"), null=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("evidence document")
        verbose_name_plural = _("evidence documents")
        ordering = ["clause", "-dated"]

    def __str__(self) -> str:
        return self.title
