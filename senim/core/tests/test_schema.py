"""The published OpenAPI schema, and property-based fuzzing of every operation it describes.

Schemathesis reads /api/v1/openapi.json from the WSGI application, generates requests for each
operation (a bounded, derandomised number per operation) and sends them, authenticated with the
API token of a group-wide compliance officer and of an employee, against a database holding the
`group` fixture. Whatever it sends, the API must answer with a client error at worst, never a
5xx, and every response must match the schema the operation declares. This runs in the normal
test suite, on SQLite and on PostgreSQL (DATABASE_URL).
"""

import json

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.errors import LoaderError
from schemathesis.specs.openapi.checks import response_schema_conformance

from senim.accounts import services as account_services
from senim.accounts.tests.factories import user_with_role
from senim.wsgi import application

SCHEMA_URL = "/api/v1/openapi.json"


@pytest.fixture
def wsgi_keeps_the_test_connection():
    """Requests sent straight to the WSGI handler end with `close_old_connections`, which on
    PostgreSQL closes the connection holding the test's transaction (and its data). Django's own
    test client detaches that handler for the same reason; do likewise."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture(params=["officer", "employee"])
def role_headers(request, group, wsgi_keeps_the_test_connection) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """The bearer token of an officer over the whole group, or of an employee (own record)."""
    employee = group.in_leaf if request.param == "employee" else None
    user = user_with_role(request.param, employee=employee)
    _record, secret = account_services.api_token_create(actor=user, name="schemathesis")
    return {"Authorization": f"Bearer {secret}"}


def test_openapi_schema_is_served_as_json_and_describes_the_api(client, db):
    response = client.get(SCHEMA_URL)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    document = response.json()
    assert document["openapi"].startswith("3.")
    assert document["info"]["title"] == "Senim API"
    paths = set(document["paths"])
    assert {
        "/api/v1/org/employees",
        "/api/v1/org/employees/{employee_id}",
        "/api/v1/org/imports/{kind}",
        "/api/v1/accounts/me",
        "/api/v1/accounts/tokens",
        "/api/v1/indicators",
        "/api/v1/audit-events",
    } <= paths
    # both ways in are declared: the bearer token and the session cookie
    schemes = document["components"]["securitySchemes"]
    assert {scheme["type"] for scheme in schemes.values()} >= {"http", "apiKey"}
    assert json.dumps(document)  # serialisable as served


def test_openapi_schema_needs_no_authentication(db):
    from django.test import Client

    response = Client(raise_request_exception=False).get(SCHEMA_URL)
    assert response.status_code not in {401, 403}


def test_interactive_docs_are_served(client, db):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert SCHEMA_URL in response.content.decode()


def _load_served_schema() -> tuple[object | None, LoaderError | None]:
    """Load the schema the application serves, once, at collection time (schemathesis's lazy
    `from_fixture` loader does not work with pytest 9: it sets `request.node._nodeid`)."""
    try:
        return schemathesis.openapi.from_wsgi(SCHEMA_URL, application), None
    except LoaderError as error:
        return None, error


SCHEMA, SCHEMA_ERROR = _load_served_schema()

FUZZ_SETTINGS = settings(
    max_examples=8,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
        HealthCheck.data_too_large,
    ],
)


def test_schema_loaded_from_the_application():
    assert SCHEMA is not None, f"{SCHEMA_URL} could not be loaded: {SCHEMA_ERROR}"


if SCHEMA is not None:

    @pytest.mark.slow
    @SCHEMA.parametrize()  # type: ignore[attr-defined]
    @FUZZ_SETTINGS
    def test_no_generated_request_causes_a_server_error(case, role_headers):
        """Every operation, fed schema-conforming and boundary inputs, answers below 500, and any
        success it reports matches the response schema it declares."""
        response = case.call(headers=role_headers)
        assert response.status_code < 500, (
            f"{case.method} {case.formatted_path} → {response.status_code}\n"
            f"query={case.query!r}\nbody={case.body!r}\n{response.text[:2000]}"
        )
        case.validate_response(response, checks=[not_a_server_error, response_schema_conformance], headers=role_headers)
