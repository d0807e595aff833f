"""The Register of counterparties permitted without anti-corruption provisions as an XLSX workbook
or a PDF document (rendered by WeasyPrint with the DejaVu fonts, so that Cyrillic, Kazakh and Uzbek
letters print)."""

import datetime as dt
from collections.abc import Iterable

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from senim.core.exports import xlsx_append, xlsx_bytes
from senim.core.pdf import html_to_pdf
from senim.counterparties.models import RegisterEntry


def register_xlsx(entries: Iterable[RegisterEntry], *, on: dt.date) -> bytes:
    """One row per entry, headed by the title and the date, with the columns a report needs."""
    book = Workbook(write_only=False)
    sheet = book.active
    assert sheet is not None
    sheet.title = _("Register")[:31]
    sheet.append(
        [_("Register of counterparties permitted to conclude and execute contracts without anti-corruption provisions")]
    )
    sheet["A1"].font = Font(bold=True, size=12)
    sheet.append([_("As of %(date)s") % {"date": on.strftime("%d.%m.%Y")}])
    sheet.append([])
    header = [
        _("No."),
        _("Counterparty"),
        _("Number"),
        _("Country"),
        _("Category"),
        _("Refusal"),
        _("Grounds"),
        _("Regulation clause"),
        _("Application"),
        _("Entered on"),
        _("Until"),
        _("Status"),
    ]
    sheet.append(header)
    for cell in sheet[4]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for number, entry in enumerate(entries, start=1):
        cp = entry.counterparty
        status = _("Revoked") if entry.revoked_on else (_("In force") if entry.is_active_on(on) else _("Expired"))
        xlsx_append(
            sheet,
            [
                number,
                cp.name,
                cp.identifier,
                cp.country,
                cp.get_category_display(),
                entry.get_refusal_display(),
                entry.grounds,
                entry.clause.code,
                entry.application.number,
                entry.start_date,
                entry.end_date,
                status,
            ],
        )
    for column, width in zip("ABCDEFGHIJKL", (6, 40, 16, 8, 28, 24, 50, 12, 14, 12, 12, 12), strict=True):
        sheet.column_dimensions[column].width = width
    return xlsx_bytes(book)


def _status(entry: RegisterEntry, on: dt.date) -> str:
    if entry.revoked_on:
        return _("Revoked")
    return _("In force") if entry.is_active_on(on) else _("Expired")


def register_pdf(entries: Iterable[RegisterEntry], *, on: dt.date) -> bytes:
    """The same columns as the workbook on landscape A4 pages, numbered, with the title and the date."""
    rows = [
        {
            "number": number,
            "name": entry.counterparty.name,
            "identifier": entry.counterparty.identifier,
            "country": entry.counterparty.country,
            "category": entry.counterparty.get_category_display(),
            "refusal": entry.get_refusal_display(),
            "grounds": entry.grounds,
            "clause": entry.clause.code,
            "application": entry.application.number,
            "start": entry.start_date.strftime("%d.%m.%Y"),
            "end": entry.end_date.strftime("%d.%m.%Y") if entry.end_date else "—",
            "status": _status(entry, on),
        }
        for number, entry in enumerate(entries, start=1)
    ]
    html = render_to_string(
        "counterparties/register_pdf.html",
        {"rows": rows, "date": on.strftime("%d.%m.%Y"), "language": translation.get_language() or "en"},
    )
    return html_to_pdf(html)
