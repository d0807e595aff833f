"""Printable documents: a certificate, and the whole knowledge base as one offline PDF
(WeasyPrint, fonts from the system; no network is touched: images are not fetched)."""

from typing import Any

from django.template.loader import render_to_string
from django.utils import translation

from senim.core import markup
from senim.core.pdf import html_to_pdf
from senim.learning.models import Article, Certificate


def _pdf(html: str) -> bytes:
    def no_fetch(url: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
        raise ValueError("external resources are not fetched")

    return html_to_pdf(html, url_fetcher=no_fetch)


def certificate_pdf(certificate: Certificate) -> bytes:
    html = render_to_string(
        "learning/certificate_pdf.html",
        {"certificate": certificate, "language": translation.get_language() or "en"},
    )
    return _pdf(html)


def knowledge_base_pdf(articles: list[Article], *, date: str) -> bytes:
    """Every article in the active language (with the usual fallback), one after another."""
    entries = [
        {"title": a.title, "category": str(a.category) if a.category else "", "html": markup.render(a.body)}
        for a in articles
    ]
    html = render_to_string(
        "learning/kb_pdf.html",
        {"entries": entries, "date": date, "language": translation.get_language() or "en"},
    )
    return _pdf(html)
