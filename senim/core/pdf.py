"""HTML to PDF with WeasyPrint, for every printable document (the Register, a case report, a
screening certificate). WeasyPrint, left to itself, builds a new font configuration for every
document: Fontconfig reads and matches every font on the system each time, most of a small PDF's
time. One configuration per process is kept and reused, so only the process's first PDF pays for
loading Pango and the fonts (and `warm_up` lets a worker pay it before its first request)."""

import logging
import threading
from typing import Any

_lock = threading.Lock()
_font_config: Any = None


def _fonts() -> Any:
    global _font_config
    with _lock:
        if _font_config is None:
            from weasyprint.text.fonts import FontConfiguration

            _font_config = FontConfiguration()
        return _font_config


def html_to_pdf(html: str, *, base_url: str | None = None, url_fetcher: Any = None) -> bytes:
    """The PDF of an HTML document (its own <style>; DejaVu Sans covers Cyrillic, Kazakh and Uzbek).
    `url_fetcher` as WeasyPrint takes it (e.g. one refusing every external resource)."""
    logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)  # not ten INFO lines a PDF
    from weasyprint import HTML  # imported here: it loads Pango, which only PDFs need

    fonts = _fonts()
    options = {"url_fetcher": url_fetcher} if url_fetcher is not None else {}
    return bytes(HTML(string=html, base_url=base_url, **options).write_pdf(font_config=fonts))


def warm_up() -> None:
    """Load Pango and the fonts now (a worker's start), not on a user's first PDF."""
    html_to_pdf('<html><body style="font-family: DejaVu Sans">Senim</body></html>')
