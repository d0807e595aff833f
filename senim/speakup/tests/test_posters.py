"""Speak Up posters and pocket cards: every layout fits one page with a readable QR code, several
languages share a sheet, a company's wording replaces the defaults, tags count visits without
knowing the visitor, and pages, API and command line answer the officer of the company only."""

import io
import json

import pypdf
import pytest
import zxingcpp
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from PIL import Image

from conftest import token_client
from senim.accounts.tests.factories import user_with_role
from senim.core.access import PermissionDenied
from senim.core.indicators import compute_values
from senim.core.models import AuditEvent
from senim.speakup import posters, services
from senim.speakup.models import PosterTag, PosterVisit

pytestmark = pytest.mark.django_db
URL = "https://senim.example.kz/speakup/p/north-gate/"


def _qr(png: bytes) -> list[str]:
    return [code.text for code in zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))]


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)


@pytest.mark.parametrize(
    ("layout", "languages"),
    [("a4", ["ru"]), ("a3", ["ru", "kk", "en", "uz"]), ("card", ["kk", "ru"]), ("a4", ["uz", "en", "kk"])],
)
def test_a_poster_is_one_page_whose_qr_code_reads_back(group, layout, languages):
    pdf = posters.render(
        url=URL, company_id=group.a.pk, company_name="Alpha", layout=layout, languages=languages, fmt="pdf"
    )
    assert len(pypdf.PdfReader(io.BytesIO(pdf)).pages) == 1
    assert _qr(posters.pdf_to_png(pdf)) == [URL]


def test_each_language_speaks_its_own_words_and_the_hotline_is_printed(group, settings):
    settings.SENIM_SPEAKUP_PHONE = "+7 727 000 11 22"
    pdf = posters.render(
        url=URL, company_id=group.a.pk, company_name="Alpha", layout="a3", languages=["ru", "kk", "en"], fmt="pdf"
    )
    text = " ".join(_text(pdf).split())
    for language in ("ru", "kk", "en"):
        assert posters.default_texts(language)["headline"] in text
    assert posters.default_texts("ru")["headline"] != posters.default_texts("en")["headline"]
    assert "+7 727 000 11 22" in text


def test_a_companys_wording_replaces_the_default_and_a_blank_field_keeps_it(group):
    officer = user_with_role("officer", company=group.a)
    services.poster_text_save(
        actor=officer, company_id=group.a.pk, language="ru", data={"headline": "Сообщите нам", "promise": ""}
    )
    (ru,) = posters.wording(group.a.pk, ["ru"])
    assert ru.headline == "Сообщите нам"
    assert ru.promise == posters.default_texts("ru")["promise"]
    (other,) = posters.wording(group.b.pk, ["ru"])
    assert other.headline == posters.default_texts("ru")["headline"]
    assert AuditEvent.objects.filter(event_type="speakup.poster_text.saved").count() == 1


def test_the_svg_banner_carries_the_texts_and_a_qr_code(group):
    svg = posters.render(url=URL, company_id=group.a.pk, company_name="Alpha", layout="a4", languages=["kk"], fmt="svg")
    assert svg.startswith(b"<svg") and posters.default_texts("kk")["headline"].encode() in svg


def test_a_visit_through_a_tag_is_counted_and_nothing_about_the_visitor_is_kept(group):
    officer = user_with_role("officer", company=group.a)
    tag = services.poster_tag_create(actor=officer, company_id=group.a.pk, label="North gate, shift room")
    assert tag.code == "north-gate-shift-room"
    client = Client(REMOTE_ADDR="203.0.113.9", HTTP_USER_AGENT="Phone")
    for _ in range(3):
        response = client.get(reverse("speakup:poster-visit", args=[tag.code]))
        assert response.status_code == 302 and response["Location"] == reverse("speakup:portal")
        assert not response.cookies
    client.get(reverse("speakup:poster-visit", args=["no-such-tag"]))
    (visit,) = PosterVisit.objects.all()
    assert visit.count == 3
    stored = json.dumps([list(PosterVisit.objects.values()), list(PosterTag.objects.values())], default=str)
    assert "203.0.113.9" not in stored and "Phone" not in stored
    year = visit.month.year
    values = {v.code: v.value for v in compute_values(year=year, company_id=group.a.pk)}
    assert values["speakup.poster_visits"] == 3
    values_b = {v.code: v.value for v in compute_values(year=year, company_id=group.b.pk)}
    assert values_b["speakup.poster_visits"] == 0


def test_a_tag_is_unique_and_an_officer_of_another_company_cannot_make_one(group):
    officer = user_with_role("officer", company=group.a)
    services.poster_tag_create(actor=officer, company_id=group.a.pk, label="Gate", code="gate")
    with pytest.raises(Exception, match="already in use"):
        services.poster_tag_create(actor=officer, company_id=group.a.pk, label="Gate 2", code="gate")
    with pytest.raises(PermissionDenied):
        services.poster_tag_create(actor=officer, company_id=group.b.pk, label="Other", code="other")


@pytest.mark.parametrize(
    ("role", "allowed"), [("officer", True), ("admin", True), ("auditor", False), ("employee", False)]
)
def test_the_poster_page_and_download_follow_the_role(group, role, allowed):
    user = user_with_role(role, company=group.a, employee=group.in_root if role == "employee" else None)
    client = Client()
    client.force_login(user)
    page = client.get(reverse("speakup:posters"))
    assert page.status_code == (200 if allowed else 403)
    query = {"company": str(group.a.pk), "layout": "card", "languages": ["ru"], "format": "png", "tag": ""}
    response = client.get(reverse("speakup:poster-download"), query)
    assert response.status_code == (200 if allowed else 403)
    if allowed:
        assert response["Content-Type"] == "image/png"
        assert _qr(response.content) == ["http://testserver/speakup/"]


def test_the_download_refuses_another_companys_posters_and_bad_choices(group):
    client = Client()
    client.force_login(user_with_role("officer", company=group.a))
    other = {"company": str(group.b.pk), "layout": "a4", "languages": ["ru"], "format": "pdf"}
    assert client.get(reverse("speakup:poster-download"), other).status_code == 400  # not a choice for this officer
    no_language = {"company": str(group.a.pk), "layout": "a4", "format": "pdf"}
    response = client.get(reverse("speakup:poster-download"), no_language)
    assert response.status_code == 400 and b"poster-form" in response.content


def test_the_page_creates_a_tag_from_the_form(group):
    client = Client()
    client.force_login(user_with_role("officer", company=group.a))
    response = client.post(reverse("speakup:poster-tag-create"), {"company": str(group.a.pk), "label": "Depot 2"})
    assert response.status_code == 302 and PosterTag.objects.get().code == "depot-2"


def test_the_wording_page_saves_one_language(group):
    client = Client()
    client.force_login(user_with_role("officer", company=group.a))
    url = reverse("speakup:poster-texts", args=[group.a.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"language": "kk", "kk-headline": "Хабарлаңыз", "kk-body": "", "kk-promise": ""})
    assert response.status_code == 302
    assert posters.wording(group.a.pk, ["kk"])[0].headline == "Хабарлаңыз"
    assert client.get(reverse("speakup:poster-texts", args=[group.b.pk])).status_code == 404


def test_the_api_makes_posters_and_tags_and_saves_wording(group):
    client = token_client(user_with_role("officer", company=group.a))
    created = client.post(
        "/api/v1/speakup/poster-tags",
        {"company_id": str(group.a.pk), "label": "Canteen", "code": "canteen"},
        content_type="application/json",
    )
    assert created.status_code == 201 and created.json()["url"].endswith("/speakup/p/canteen/")
    response = client.get(
        "/api/v1/speakup/posters",
        {"company_id": str(group.a.pk), "layout": "a4", "languages": "ru,kk", "format": "png", "tag": "canteen"},
    )
    assert response.status_code == 200 and _qr(response.content) == ["http://testserver/speakup/p/canteen/"]
    bad = client.get("/api/v1/speakup/posters", {"company_id": str(group.a.pk), "languages": "ru,fr", "format": "doc"})
    assert bad.status_code == 422
    assert client.get("/api/v1/speakup/posters", {"company_id": str(group.b.pk)}).status_code == 404
    saved = client.put(
        f"/api/v1/speakup/poster-texts/{group.a.pk}/uz",
        {"headline": "Xabar bering"},
        content_type="application/json",
    )
    assert saved.status_code == 200 and saved.json()["headline"] == "Xabar bering"
    listed = client.get("/api/v1/speakup/poster-tags").json()
    assert [t["code"] for t in listed] == ["canteen"] and listed[0]["visits"] == 0
    auditor = token_client(user_with_role("auditor", company=group.a))
    assert auditor.get("/api/v1/speakup/poster-tags").status_code == 403


def test_the_command_line_writes_a_poster(group, tmp_path):
    officer = user_with_role("officer", company=group.a)
    services.poster_tag_create(actor=officer, company_id=group.a.pk, label="Depot", code="depot")
    out = tmp_path / "card.png"
    call_command(
        "speakup",
        "poster",
        "--company",
        group.a.registration_number,
        "--base-url",
        "https://senim.example.kz/",
        "--layout",
        "card",
        "--languages",
        "en",
        "--format",
        "png",
        "--tag",
        "depot",
        "--output",
        str(out),
    )
    assert _qr(out.read_bytes()) == ["https://senim.example.kz/speakup/p/depot/"]
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("speakup", "poster", "--company", "NOPE", "--base-url", "https://x", "--output", str(out))
