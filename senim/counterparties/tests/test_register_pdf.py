"""The Register of permitted counterparties as a PDF: the page's button, the API endpoint and the
command line; Cyrillic, Kazakh and Uzbek letters are embedded with a DejaVu font, pages are counted."""

import re
import zlib

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from senim.accounts.tests.factories import user_with_role
from senim.counterparties import services
from senim.counterparties.tests.factories import ClauseFactory, CounterpartyFactory

pytestmark = pytest.mark.django_db


def _pdf_text(pdf: bytes) -> bytes:
    """The file with its compressed streams inflated (fonts' ToUnicode maps, object streams)."""
    parts = [pdf]
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            parts.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue
    return b"\n".join(parts)


def _pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b", _pdf_text(pdf)))


def _has_letters(pdf: bytes, text: str) -> bool:
    """Each letter's code point is in a font's ToUnicode map (so it was drawn with a real glyph)."""
    blob = _pdf_text(pdf).upper()
    return all(f"{ord(letter):04X}".encode() in blob for letter in set(text) if letter.strip())


def _enter(group, count: int = 1) -> None:
    officer, approver, clause = user_with_role("officer"), user_with_role("approver"), ClauseFactory()
    for number in range(count):
        counterparty = CounterpartyFactory(name_ru=f"ТОО «Қазақ Ғарыш Өнім» {number}", name_en="")
        application = services.application_file(
            actor=officer,
            company=group.a,
            unit=group.branch,
            counterparty=counterparty,
            refusal="clause",
            justification="Единственный поставщик.",
            contracts=[],
        )
        services.application_propose(
            actor=officer,
            application=application,
            decision="register",
            clause=clause,
            grounds="Oʻzbekiston: yagona yetkazib beruvchi, ўқғҳ",
        )
        services.application_approve(actor=approver, application=application)


def test_the_page_exports_the_register_as_a_pdf_with_kazakh_and_uzbek_letters(group):
    _enter(group)
    client = Client()
    client.force_login(user_with_role("auditor", company=group.b))
    page = client.get(reverse("counterparties:register"))
    assert reverse("counterparties:register-export-pdf").encode() in page.content
    assert b"PDF export is not available" not in page.content
    response = client.get(reverse("counterparties:register-export-pdf"), HTTP_ACCEPT_LANGUAGE="ru")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-") and _pages(response.content) == 1
    assert b"DejaVu" in _pdf_text(response.content)
    assert _has_letters(response.content, "ҚазақҒарышӨнімОʻўқғҳ")


def test_a_long_register_runs_over_several_pages_over_the_api_and_is_scoped(group):
    _enter(group, count=40)
    client = Client()
    client.force_login(user_with_role("officer"))
    response = client.get("/api/v1/counterparties/register.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert _pages(response.content) >= 2
    employee = Client()
    employee.force_login(user_with_role("employee", employee=group.in_b))
    empty = employee.get("/api/v1/counterparties/register.pdf")
    assert empty.status_code == 200 and _pages(empty.content) == 1  # employees see no entries


def test_the_command_writes_a_pdf_beside_the_xlsx(group, tmp_path):
    _enter(group)
    call_command("counterparties", "register", str(tmp_path / "r.pdf"), "--language", "kk")
    call_command("counterparties", "register", str(tmp_path / "r.xlsx"))
    pdf = (tmp_path / "r.pdf").read_bytes()
    assert pdf.startswith(b"%PDF-") and _pages(pdf) == 1 and _has_letters(pdf, "Қазақ")
    assert (tmp_path / "r.xlsx").read_bytes().startswith(b"PK")
