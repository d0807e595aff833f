"""Speak Up posters (A3, A4) and pocket cards: the portal's address with a QR code, the hotline's
contacts from the settings and a short promise of anonymity and non-retaliation, in one or several
languages on one sheet. PDF for printing (WeasyPrint), PNG (the PDF's first page, drawn by PDFium)
and SVG for social networks and intranet banners.

The wording comes from translated defaults; a company may replace any of the three texts per
language (PosterText). Nothing here writes to the database.
"""

import html
import io
import textwrap
from dataclasses import dataclass
from typing import Any

import segno
from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from senim.speakup import conf
from senim.speakup.models import PosterLayout, PosterText

FORMATS = ("pdf", "png", "svg")
CONTENT_TYPES = {"pdf": "application/pdf", "png": "image/png", "svg": "image/svg+xml"}
LANGUAGE_CODES = tuple(code for code, _name in settings.LANGUAGES)
_PAGE = {
    PosterLayout.A3: ("297mm 420mm", 1.0),
    PosterLayout.A4: ("210mm 297mm", 0.72),
    PosterLayout.CARD: ("85mm 55mm", 0.2),
}


@dataclass(frozen=True)
class Wording:
    language: str
    headline: str
    body: str
    promise: str
    scan: str
    phone: str
    email: str
    post: str
    portal: str


def poster_url(request: HttpRequest, tag: str = "") -> str:
    """The address the QR code carries: the tag's counting address, or the portal itself."""
    path = reverse("speakup:poster-visit", args=[tag]) if tag else reverse("speakup:portal")
    return request.build_absolute_uri(path)


def default_texts(language: str) -> dict[str, str]:
    """The translated defaults of the three editable texts in `language`."""
    with translation.override(language):
        return {
            "headline": _("Speak up"),
            "body": _(
                "Have you seen a bribe, a kickback, fraud, a hidden conflict of interest or another breach of "
                "our Code? Tell us: by the portal, by phone, by e-mail or by post."
            ),
            "promise": _(
                "You may report without giving your name. Whoever reports in good faith is protected: "
                "no dismissal, demotion or any other retaliation."
            ),
        }


def wording(company_id: Any, languages: list[str]) -> list[Wording]:
    """The texts of each language: the company's own where it wrote them, else the defaults."""
    own = {t.language: t for t in PosterText.objects.filter(company_id=company_id, language__in=languages)}
    result = []
    for language in languages:
        texts = default_texts(language)
        custom = own.get(language)
        if custom is not None:
            texts.update({k: v for k in texts if (v := getattr(custom, k).strip())})
        with translation.override(language):
            result.append(
                Wording(
                    language=language,
                    scan=_("Scan the code or open"),
                    phone=_("Phone"),
                    email=_("E-mail"),
                    post=_("Post"),
                    portal=_("Portal"),
                    **texts,
                )
            )
    return result


def qr_svg(url: str) -> str:
    """The QR code of `url` as a data URI (SVG), black on white with a quiet zone."""
    return str(segno.make(url, error="m").svg_data_uri(scale=10, border=4))


def poster_html(*, url: str, company_name: str, layout: str, texts: list[Wording]) -> str:
    """The poster as a standalone HTML page sized for WeasyPrint."""
    size, scale = _PAGE[PosterLayout(layout)]
    # Several languages share one sheet: the type and the code shrink so that it stays one page.
    shrink = {1: 1.0, 2: 0.7, 3: 0.55, 4: 0.46}[min(4, max(1, len(texts)))]
    scale *= shrink
    hotline = conf.hotline()
    e = html.escape

    def px(value: float) -> str:
        return f"{value * scale:.1f}pt"

    card = layout == PosterLayout.CARD
    blocks = []
    for w in texts:
        promise = "" if card else f'<p class="promise">{e(w.promise)}</p>'
        body = f'<p class="body">{e(w.body)}</p>' if not card else ""
        blocks.append(f'<section lang="{e(w.language)}"><h1>{e(w.headline)}</h1>{body}{promise}</section>')
    first = texts[0]
    contacts = [f"<li><b>{e(first.portal)}</b> {e(url)}</li>"]
    if hotline["phone"]:
        contacts.append(f"<li><b>{e(first.phone)}</b> {e(hotline['phone'])}</li>")
    if hotline["email"]:
        contacts.append(f"<li><b>{e(first.email)}</b> {e(hotline['email'])}</li>")
    if hotline["address"] and not card:
        contacts.append(f"<li><b>{e(first.post)}</b> {e(hotline['address'])}</li>")
    qr_mm = 22 if card else (120 if layout == PosterLayout.A3 else 85) * max(0.55, shrink)
    qr_size = f"{qr_mm:.0f}mm"
    style = f"""
      @page {{ size: {size}; margin: {"3mm" if card else "14mm"}; }}
      body {{ font-family: "DejaVu Sans", sans-serif; color: #14213d; margin: 0; }}
      .company {{ font-size: {px(22)}; color: #555; margin: 0 0 {px(8)}; }}
      h1 {{ font-size: {px(64) if not card else f"{11 * max(0.7, shrink):.1f}pt"}; margin: 0 0 {px(8)};
            color: #0b5394; }}
      section {{ margin-bottom: {px(18)}; }}
      .body {{ font-size: {px(26)}; margin: 0 0 {px(6)}; }}
      .promise {{ font-size: {px(22)}; margin: 0; padding: {px(8)}; background: #eef4fb; }}
      .foot {{ display: flex; gap: {px(20)}; align-items: center; }}
      .foot img {{ width: {qr_size}; height: {qr_size}; }}
      ul {{ list-style: none; padding: 0; margin: 0; font-size: {px(24) if not card else "6.5pt"}; }}
      li {{ margin-bottom: {px(6)}; }}
      .scan {{ font-size: {px(20) if not card else "6pt"}; color: #555; }}
    """
    return (
        f'<!doctype html><html lang="{e(first.language)}"><head><meta charset="utf-8">'
        f"<title>{e(first.headline)}</title><style>{style}</style></head><body>"
        f'<p class="company">{e(company_name)}</p>{"".join(blocks)}'
        f'<div class="foot"><img alt="QR" src="{qr_svg(url)}"><div>'
        f'<p class="scan">{e(first.scan)}</p><ul>{"".join(contacts)}</ul></div></div></body></html>'
    )


def poster_pdf(**kwargs: object) -> bytes:
    from weasyprint import HTML

    return bytes(HTML(string=poster_html(**kwargs)).write_pdf())  # type: ignore[arg-type]


def pdf_to_png(data: bytes, *, dpi: int = 150) -> bytes:
    """The first page of a PDF as a PNG image."""
    import pypdfium2

    document = pypdfium2.PdfDocument(data)
    try:
        image = document[0].render(scale=dpi / 72).to_pil()
    finally:
        document.close()
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def poster_svg(*, url: str, company_name: str, layout: str, texts: list[Wording]) -> str:
    """A 1200×630 banner (the size social networks preview) with the same texts and QR code."""
    del layout  # a banner has one size
    hotline = conf.hotline()
    e = html.escape
    lines: list[str] = []
    y = 60
    lines.append(f'<text x="40" y="{y}" font-size="20" fill="#555">{e(company_name)}</text>')
    y += 20
    per_language = max(1, len(texts))
    for w in texts:
        y += 46
        lines.append(
            f'<text x="40" y="{y}" font-size="38" font-weight="bold" fill="#0b5394" lang="{e(w.language)}">'
            f"{e(w.headline)}</text>"
        )
        for part in textwrap.wrap(w.promise, 70)[: 3 if per_language < 3 else 1]:
            y += 26
            lines.append(f'<text x="40" y="{y}" font-size="19" lang="{e(w.language)}">{e(part)}</text>')
    contact = [url, hotline["phone"], hotline["email"]]
    y = 590 - 28 * (len([c for c in contact if c]) - 1)
    for item in (c for c in contact if c):
        lines.append(f'<text x="40" y="{y}" font-size="22" font-weight="bold">{e(item)}</text>')
        y += 28
    qr = segno.make(url, error="m")
    qr_markup = qr.svg_inline(scale=10, border=4, omitsize=True)
    qr_markup = qr_markup.replace("<svg ", '<svg x="860" y="150" width="320" height="320" ', 1)
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630" '
        'font-family="DejaVu Sans, sans-serif">'
        '<rect width="1200" height="630" fill="#ffffff"/><rect width="1200" height="12" fill="#0b5394"/>'
        f"{''.join(lines)}{qr_markup}</svg>"
    )


def render(*, url: str, company_id: Any, company_name: str, layout: str, languages: list[str], fmt: str) -> bytes:
    """The poster in `fmt` (pdf, png or svg)."""
    texts = wording(company_id, languages)
    if fmt == "svg":
        return poster_svg(url=url, company_name=company_name, layout=layout, texts=texts).encode()
    pdf = poster_pdf(url=url, company_name=company_name, layout=layout, texts=texts)
    return pdf if fmt == "pdf" else pdf_to_png(pdf)
