"""The report as a publisher receives it: an HTML page, PDF (WeasyPrint), Word (named styles a
publisher can restyle) and XLSX (every figure with its code, both values and its source). Each
export renders one language from the same content the page shows."""

import io
from typing import Any

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from senim.core.exports import xlsx_append, xlsx_bytes
from senim.core.pdf import html_to_pdf
from senim.reports import charts
from senim.reports.models import Report

FORMATS = {
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _title(report: Report) -> str:
    if report.title:
        return report.title
    owner = report.company.name if report.company else _("The group")
    return _("Anti-corruption report for %(year)s: %(owner)s") % {"year": report.year, "owner": owner}


def html(report: Report, data: dict[str, Any], language: str) -> str:
    with translation.override(language):
        return render_to_string(
            "reports/report_document.html",
            {
                "report": report,
                "title": _title(report),
                "sections": data["languages"].get(language, []),
                "language": language,
                "version": report.version,
            },
        )


def pdf(report: Report, data: dict[str, Any], language: str) -> bytes:
    return html_to_pdf(html(report, data, language))


def docx(report: Report, data: dict[str, Any], language: str) -> bytes:
    from docx import Document
    from docx.shared import Cm

    with translation.override(language):
        document = Document()
        document.core_properties.title = _title(report)
        document.add_heading(_title(report), level=0)
        for section in data["languages"].get(language, []):
            document.add_heading(section["title"], level=1)
            for paragraph in section["paragraphs"]:
                document.add_paragraph(paragraph, style="Body Text")
            if section["empty_message"]:
                document.add_paragraph(section["empty_message"], style="Body Text")
            if section["figures"]:
                table = document.add_table(rows=1, cols=3)
                table.style = "Light List"
                header = table.rows[0].cells
                header[0].text = _("Indicator")
                header[1].text = _("%(year)s (%(previous)s)") % {"year": report.year, "previous": report.year - 1}
                header[2].text = pgettext_unit()
                for item in section["figures"]:
                    row = table.add_row().cells
                    row[0].text = item["title"] + (" *" if item["overridden"] else "")
                    row[1].text = item["text"]
                    row[2].text = item["unit"]
            for chart in section["charts"]:
                image = charts.bar_chart_png(
                    title=chart["title"],
                    labels=chart["labels"],
                    current=chart["current"],
                    previous=chart["previous"],
                    year=report.year,
                )
                document.add_picture(io.BytesIO(image), width=Cm(16))
        overridden = [f for s in data["languages"].get(language, []) for f in s["figures"] if f["overridden"]]
        if overridden:
            document.add_heading(_("Figures entered by hand"), level=2)
            for item in overridden:
                document.add_paragraph(f"{item['title']}: {item['reason']}", style="List Bullet")
        buffer = io.BytesIO()
        document.save(buffer)
        return buffer.getvalue()


def pgettext_unit() -> str:
    return pgettext("unit of measure", "Unit")


def xlsx(report: Report, data: dict[str, Any], language: str) -> bytes:
    from openpyxl import Workbook

    with translation.override(language):
        workbook = Workbook()
        sheet = workbook.create_sheet(_("Figures"))
        workbook.remove(workbook.worksheets[0])
        xlsx_append(
            sheet,
            [
                _("Section"),
                _("Code"),
                _("Indicator"),
                str(report.year),
                str(report.year - 1),
                pgettext_unit(),
                _("Source"),
                _("Reason"),
            ],
        )
        for section in data["languages"].get(language, []):
            for item in section["figures"]:
                source = (
                    _("entered by hand")
                    if item["overridden"]
                    else _("baseline figure: %(source)s") % {"source": "; ".join(item["entered"])}
                    if item.get("entered")
                    else _("computed from records")
                )
                row = [
                    section["title"],
                    item["code"],
                    item["title"],
                    item["value"],
                    item["previous"],
                    item["unit"],
                    source,
                    item["reason"],
                ]
                xlsx_append(sheet, row)
        return xlsx_bytes(workbook)


def render(report: Report, data: dict[str, Any], language: str, fmt: str) -> bytes:
    if fmt == "html":
        return html(report, data, language).encode()
    return {"pdf": pdf, "docx": docx, "xlsx": xlsx}[fmt](report, data, language)


def filename(report: Report, language: str, fmt: str) -> str:
    owner = report.company.registration_number if report.company else "group"
    return f"senim-report-{report.year}-{owner}-v{report.version}-{language}.{fmt}"
