"""The HTTP API under /api/v1: one NinjaAPI gathering each app's router.

Token (Authorization: Bearer snm_…) or session authentication; errors are JSON with 4xx codes.
"""

import json

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.openapi.docs import Swagger
from ninja.operation import Operation

from senim.accounts.api import router as accounts_router
from senim.accounts.api_auth import SessionAuth, TokenAuth
from senim.awareness.api import router as awareness_router
from senim.conflicts.api import router as conflicts_router
from senim.core.access import PermissionDenied
from senim.core.api import router as core_router
from senim.counterparties.api import router as counterparties_router
from senim.examination.api import router as examination_router
from senim.learning.api import router as learning_router
from senim.org.api import router as org_router
from senim.reports.api import evidence_router, rating_router
from senim.reports.api import router as reports_router
from senim.risks.api import router as risks_router
from senim.screening.api import router as screening_router
from senim.speakup.api import router as speakup_router


class OfflineSwagger(Swagger):
    """Swagger UI from the vendored copy under senim/static (ninja would load it from a CDN, since
    ninja is not an installed app)."""

    template = "api/swagger.html"

    def render_page(self, request: HttpRequest, api: NinjaAPI, **kwargs: object) -> HttpResponse:
        self.settings["url"] = self.get_openapi_url(api, kwargs)
        context = {"swagger_settings": json.dumps(self.settings), "api": api, "add_csrf": True}
        return render(request, self.template, context)


class SenimAPI(NinjaAPI):
    def get_openapi_operation_id(self, operation: Operation) -> str:
        """Name an operation after its app's API and function (`senim_counterparties_api_contract_get`),
        whether the app's API is one module or a package of them, so ids survive a split."""
        module = operation.view_func.__module__.split(".")
        return "_".join([*module[: module.index("api") + 1], operation.view_func.__name__])


api = SenimAPI(
    title="Senim API",
    version="1",
    description="Anti-corruption compliance: organisation, people, access, audit, indicators and screening.",
    urls_namespace="api",
    auth=[TokenAuth(), SessionAuth()],
    docs=OfflineSwagger(),
)
api.add_router("/", core_router)
api.add_router("/accounts/", accounts_router)
api.add_router("/org/", org_router)
api.add_router("/screening/", screening_router)
api.add_router("/counterparties/", counterparties_router)
api.add_router("/speakup/", speakup_router)
api.add_router("/conflicts/", conflicts_router)
api.add_router("/risks/", risks_router)
api.add_router("/examination/", examination_router)
api.add_router("/reports/rating/", rating_router)
api.add_router("/reports/iso37001/", evidence_router)
api.add_router("/reports/", reports_router)
api.add_router("/awareness/", awareness_router)
api.add_router("/learning/", learning_router)


def _error(request: HttpRequest, status: int, detail: object) -> HttpResponse:
    return api.create_response(request, {"detail": detail}, status=status)


@api.exception_handler(PermissionDenied)
def permission_denied(request: HttpRequest, exc: Exception) -> HttpResponse:
    return _error(request, 403, _("You do not have permission to do this."))


@api.exception_handler(ObjectDoesNotExist)
def not_found(request: HttpRequest, exc: Exception) -> HttpResponse:
    return _error(request, 404, _("Not found."))


@api.exception_handler(Http404)
def http_not_found(request: HttpRequest, exc: Exception) -> HttpResponse:
    return _error(request, 404, _("Not found."))


@api.exception_handler(ValidationError)
def invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    detail = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
    return _error(request, 422, detail)


@api.exception_handler(NinjaValidationError)
def invalid_request(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
    return _error(request, 422, exc.errors)


@api.exception_handler(AuthenticationError)
def unauthenticated(request: HttpRequest, exc: Exception) -> HttpResponse:
    return _error(request, 401, _("Authentication required."))


@api.exception_handler(HttpError)
def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    return _error(request, exc.status_code, str(exc))
