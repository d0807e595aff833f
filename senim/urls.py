from django.urls import include, path

from senim.accounts.views import set_language
from senim.api import api

urlpatterns = [
    path("", include("senim.core.urls")),
    path("accounts/", include("senim.accounts.urls")),
    path("org/", include("senim.org.urls")),
    path("screening/", include("senim.screening.urls")),
    path("counterparties/", include("senim.counterparties.urls")),
    path("speakup/", include("senim.speakup.urls")),
    path("conflicts/", include("senim.conflicts.urls")),
    path("risks/", include("senim.risks.urls")),
    path("examination/", include("senim.examination.urls")),
    path("reports/", include("senim.reports.urls")),
    path("awareness/", include("senim.awareness.urls")),
    path("learning/", include("senim.learning.urls")),
    path("i18n/setlang/", set_language, name="set_language"),
    path("api/v1/", api.urls),
    path("oidc/", include("mozilla_django_oidc.urls")),  # single sign-on, when SENIM_OIDC_CLIENT_ID is set
]
