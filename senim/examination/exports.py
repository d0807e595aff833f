"""Files an examination produces: the draft returned with a Word comment at each confirmed finding (its
text untouched), and the signed conclusion as DOCX or PDF in the reader's language."""

import io

import docx
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from senim.core.pdf import html_to_pdf
from senim.examination.messages import DOCUMENT_FINDINGS, FACTOR_BOUND, FACTOR_NAMES, FACTOR_WHY
from senim.examination.models import DraftVersion, Examination, Finding, FindingStatus, Source


def _comment_text(finding: Finding) -> str:
    lines = [f"{finding.code} — {FACTOR_NAMES.get(finding.code, finding.code)}"]
    if finding.source == Source.DOCUMENT:
        lines.append(str(DOCUMENT_FINDINGS.get(finding.provision_text, "")))
    else:
        lines.append(str(FACTOR_WHY.get(finding.code, "")))
    lines.append(_("Recommendation: %(text)s") % {"text": finding.recommendation or FACTOR_BOUND.get(finding.code, "")})
    return "\n".join(line for line in lines if line)


def commented_draft(version: DraftVersion, *, language: str) -> bytes:
    """The draft as a Word file with a comment at each confirmed finding. A DOCX upload keeps its own
    text and formatting; other formats are rebuilt as one paragraph per provision."""
    findings = list(version.findings.filter(status=FindingStatus.CONFIRMED))
    with translation.override(language):
        if version.file_name.lower().endswith(".docx"):
            with default_storage.open(version.stored_as, "rb") as f:
                document = docx.Document(io.BytesIO(f.read()))
            paragraphs = [p for p in _all_paragraphs(document) if p.text.strip()]
        else:
            document = docx.Document()
            document.add_heading(version.examination.title, level=1)
            paragraphs = [document.add_paragraph(f"{p['number']} {p['text']}") for p in version.provisions]
        first = next((p for p in paragraphs if p.runs), None)
        for finding in findings:
            target = first if finding.provision_index == -1 else _find_paragraph(paragraphs, finding.provision_text)
            target = target or first
            if target is not None and target.runs:
                document.add_comment(target.runs, text=_comment_text(finding), author="Senim", initials="S")
        out = io.BytesIO()
        document.save(out)
        return out.getvalue()


def _all_paragraphs(document) -> list:
    paragraphs = list(document.paragraphs)
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                paragraphs.extend(cell.paragraphs)
    return paragraphs


def _find_paragraph(paragraphs: list, text: str):
    """The paragraph where the provision starts: provisions keep the paragraph's text (less its number)."""
    head = " ".join(text.split())[:60]
    for p in paragraphs:
        if head and head in " ".join(p.text.split()):
            return p
    return None


def _context(examination: Examination) -> dict:
    version = examination.versions.order_by("-number").first()
    findings = list(version.findings.exclude(status=FindingStatus.DISMISSED)) if version else []
    rows = [
        {
            "finding": f,
            "name": FACTOR_NAMES.get(f.code, f.code),
            "why": DOCUMENT_FINDINGS.get(f.provision_text, "")
            if f.source == Source.DOCUMENT
            else FACTOR_WHY.get(f.code),
        }
        for f in findings
    ]
    eliminated = Finding.objects.filter(version__examination=examination, eliminated_in__isnull=False)
    return {"examination": examination, "version": version, "rows": rows, "eliminated": eliminated}


def conclusion_pdf(examination: Examination, *, language: str) -> bytes:
    with translation.override(language):
        html = render_to_string("examination/conclusion_print.html", _context(examination))
    return html_to_pdf(html)


def conclusion_docx(examination: Examination, *, language: str) -> bytes:
    with translation.override(language):
        ctx = _context(examination)
        document = docx.Document()
        document.add_heading(_("Conclusion of the anti-corruption examination"), level=1)
        document.add_paragraph(_("Draft: %(title)s") % {"title": examination.title})
        document.add_paragraph(_("Kind: %(kind)s") % {"kind": examination.get_kind_display()})
        document.add_paragraph(
            _("Version examined: %(number)s") % {"number": ctx["version"].number if ctx["version"] else "—"}
        )
        document.add_paragraph(_("Outcome: %(outcome)s") % {"outcome": examination.get_outcome_display() or "—"})
        if ctx["rows"]:
            table = document.add_table(rows=1, cols=4)
            header = table.rows[0].cells
            for cell, text in zip(
                header, (_("Provision"), _("Factor"), _("Why it is risky"), _("Recommendation")), strict=True
            ):
                cell.text = str(text)
            for row in ctx["rows"]:
                f = row["finding"]
                cells = table.add_row().cells
                cells[0].text = f.provision_number or _("Whole document")
                cells[1].text = f"{f.code} — {row['name']}"
                cells[2].text = str(row["why"] or "")
                cells[3].text = f.recommendation or str(FACTOR_BOUND.get(f.code, ""))
        if examination.recommendations:
            document.add_heading(_("Recommendations"), level=2)
            document.add_paragraph(examination.recommendations)
        signer = examination.signed_by.get_full_name() if examination.signed_by else "—"
        document.add_paragraph(
            _("Signed by %(name)s on %(date)s")
            % {"name": signer or str(examination.signed_by), "date": examination.concluded_on or "—"}
        )
        out = io.BytesIO()
        document.save(out)
        return out.getvalue()
