import logging
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "senim.settings")
application = get_wsgi_application()

from senim.screening import indexes  # noqa: E402  (needs the apps loaded above)

# A web process answers "being built" rather than building a screening index inside a request.
indexes.WEB_PROCESS = True

if os.environ.get("SENIM_PDF_WARM_UP", "1") != "0":
    # Each worker loads Pango and the fonts as it starts, so no user waits for them on a first PDF.
    try:
        from senim.core.pdf import warm_up

        warm_up()
    except Exception:  # a server without WeasyPrint's libraries still serves everything else
        logging.getLogger(__name__).warning("PDF warm-up failed", exc_info=True)
