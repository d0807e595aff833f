"""Single sign-on against a real OpenLDAP server (Debian's slapd, started here on a loopback port)
and an OpenID Connect provider stub served in-process; password log-in keeps working."""

import base64
import json
import os
import shutil
import socket
import subprocess
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from django.test import Client
from django.urls import reverse

from senim.accounts.models import RoleAssignment, User
from senim.accounts.tests.factories import UserFactory
from senim.core.access import Role
from senim.core.models import AuditEvent
from senim.org.tests.factories import EmployeeFactory

SLAPD = shutil.which("slapd") or "/usr/sbin/slapd"
SUFFIX = "dc=senim,dc=test"
ADMIN_DN = f"cn=admin,{SUFFIX}"
ADMIN_PASSWORD = "admin-secret"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def ldap_server(tmp_path_factory):
    """A real slapd on 127.0.0.1 with a few people in ou=people."""
    if not os.path.exists(SLAPD):
        if os.environ.get("CI"):
            pytest.fail("slapd is not installed (Debian package slapd; .ci/run installs it)")
        pytest.skip("slapd is not installed (Debian package slapd)")
    import ldap
    import ldap.modlist

    base = tmp_path_factory.mktemp("slapd")
    (base / "db").mkdir()
    conf = base / "slapd.conf"
    schema = Path("/etc/ldap/schema")
    conf.write_text(
        "\n".join(
            [
                *(f"include {schema / name}.schema" for name in ["core", "cosine", "inetorgperson", "nis"]),
                f"pidfile {base / 'slapd.pid'}",
                "modulepath /usr/lib/ldap",
                "moduleload back_mdb",
                "database mdb",
                "maxsize 10485760",
                f'suffix "{SUFFIX}"',
                f'rootdn "{ADMIN_DN}"',
                f"rootpw {ADMIN_PASSWORD}",
                f"directory {base / 'db'}",
                "",
            ]
        )
    )
    port = _free_port()
    uri = f"ldap://127.0.0.1:{port}"
    process = subprocess.Popen(
        [SLAPD, "-f", str(conf), "-h", f"{uri}/", "-d", "0"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        connection = None
        for _ in range(100):
            try:
                connection = ldap.initialize(uri)
                connection.simple_bind_s(ADMIN_DN, ADMIN_PASSWORD)
                break
            except ldap.SERVER_DOWN:
                if process.poll() is not None:
                    raise RuntimeError(process.stderr.read().decode() if process.stderr else "slapd stopped") from None
                time.sleep(0.1)
        assert connection is not None

        def add(dn: str, attrs: dict[str, list[str]]) -> None:
            connection.add_s(dn, ldap.modlist.addModlist({k: [v.encode() for v in vs] for k, vs in attrs.items()}))

        add(SUFFIX, {"objectClass": ["dcObject", "organization"], "dc": ["senim"], "o": ["Senim test"]})
        add(f"ou=people,{SUFFIX}", {"objectClass": ["organizationalUnit"], "ou": ["people"]})
        people = [
            ("aseitkali", "Seitkali", "P-7001", "a.seitkali@alpha.kz"),
            ("bkarimov", "Karimov", "", "b.karimov@beta.uz"),
            ("officer1", "Officer", "", "officer1@senim.kz"),
            ("stranger", "Stranger", "P-9999", "stranger@elsewhere.kz"),
        ]
        for uid, surname, number, mail in people:
            attrs = {
                "objectClass": ["inetOrgPerson"],
                "uid": [uid],
                "cn": [uid],
                "sn": [surname],
                "mail": [mail],
                "userPassword": [f"{uid}-pass"],
            }
            if number:
                attrs["employeeNumber"] = [number]
            add(f"uid={uid},ou=people,{SUFFIX}", attrs)
        connection.unbind_s()
        yield uri
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def ldap_settings(settings, ldap_server):
    from django_auth_ldap.config import LDAPSearch

    settings.SENIM_LDAP_ENABLED = True
    settings.AUTH_LDAP_SERVER_URI = ldap_server
    settings.AUTH_LDAP_BIND_DN = ADMIN_DN
    settings.AUTH_LDAP_BIND_PASSWORD = ADMIN_PASSWORD
    settings.AUTH_LDAP_USER_SEARCH = LDAPSearch(f"ou=people,{SUFFIX}", 2, "(uid=%(user)s)")
    return settings


def _log_in(client: Client, username: str, password: str):
    return client.post(reverse("accounts:login"), {"username": username, "password": password})


def test_ldap_user_is_mapped_to_their_employee_by_personnel_number(group, ldap_settings):
    employee = EmployeeFactory(company=group.a, personnel_number="P-7001", email="")
    client = Client()
    response = _log_in(client, "aseitkali", "aseitkali-pass")
    assert response.status_code == 302
    user = User.objects.get(employee=employee)  # the account was created on first sign-in
    assert client.session["_auth_user_id"] == str(user.pk)
    assert [(a.role, a.company_id) for a in RoleAssignment.objects.filter(user=user)] == [(Role.EMPLOYEE, group.a.id)]
    assert AuditEvent.objects.filter(event_type="accounts.user.logged_in", object_id=str(user.pk)).exists()
    # a second sign-in uses the same account
    second = Client()
    _log_in(second, "aseitkali", "aseitkali-pass")
    assert second.session["_auth_user_id"] == str(user.pk) and User.objects.filter(employee=employee).count() == 1


def test_ldap_user_is_mapped_by_email_when_there_is_no_personnel_number(group, ldap_settings):
    group.in_b.email = "B.Karimov@beta.uz"
    group.in_b.save()
    client = Client()
    assert _log_in(client, "bkarimov", "bkarimov-pass").status_code == 302
    assert User.objects.get(pk=client.session["_auth_user_id"]).employee_id == group.in_b.id


def test_ldap_compliance_staff_without_employee_record_use_their_existing_account(group, ldap_settings):
    officer = UserFactory(username="officer1", email="officer1@senim.kz")
    client = Client()
    assert _log_in(client, "officer1", "officer1-pass").status_code == 302
    assert client.session["_auth_user_id"] == str(officer.pk)


def test_ldap_refuses_wrong_passwords_unknown_people_and_dismissed_employees(group, ldap_settings):
    EmployeeFactory(company=group.a, personnel_number="P-7001", dismissal_date="2024-01-01")
    for username, password in [("aseitkali", "wrong"), ("stranger", "stranger-pass"), ("aseitkali", "aseitkali-pass")]:
        client = Client()
        response = _log_in(client, username, password)
        assert response.status_code == 200 and "_auth_user_id" not in client.session, username
    assert not User.objects.exists()


def test_password_log_in_still_works_with_ldap_on(group, ldap_settings):
    UserFactory(username="local", password="a-long-local-password-1")
    user = User.objects.get(username="local")
    user.set_password("a-long-local-password-1")
    user.save()
    client = Client()
    assert _log_in(client, "local", "a-long-local-password-1").status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


# --- OpenID Connect -------------------------------------------------------------------------------


def _b64(number: int) -> str:
    raw = number.to_bytes((number.bit_length() + 7) // 8, "big")
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


class _Provider:
    """An OpenID Connect provider stub: token, user info and JWKS endpoints over real HTTP."""

    def __init__(self) -> None:
        self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.kid = "test-key"
        self.nonce = ""
        self.claims: dict[str, str] = {}
        self.codes: set[str] = set()
        provider = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def _json(self, body: object, status: int = 200) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self) -> None:
                if self.path == "/jwks":
                    numbers = provider.key.public_key().public_numbers()
                    key = {"kty": "RSA", "kid": provider.kid, "alg": "RS256", "use": "sig"}
                    self._json({"keys": [key | {"n": _b64(numbers.n), "e": _b64(numbers.e)}]})
                elif self.path == "/userinfo" and self.headers.get("Authorization") == "Bearer access-1":
                    self._json({"sub": "subject-1", **provider.claims})
                else:
                    self._json({"error": "not found"}, 404)

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", "0"))
                form = parse_qs(self.rfile.read(length).decode())
                if self.path != "/token" or form.get("code", [""])[0] not in provider.codes:
                    self._json({"error": "invalid_grant"}, 400)
                    return
                now = int(time.time())
                id_token = jwt.encode(
                    {
                        "iss": "http://stub",
                        "aud": form["client_id"][0],
                        "sub": "subject-1",
                        "iat": now,
                        "exp": now + 300,
                        "nonce": provider.nonce,
                    },
                    provider.key,
                    algorithm="RS256",
                    headers={"kid": provider.kid},
                )
                self._json({"access_token": "access-1", "token_type": "Bearer", "id_token": id_token})

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def oidc(settings):
    provider = _Provider()
    settings.SENIM_OIDC_ENABLED = True
    settings.SENIM_OIDC_PROVIDER_NAME = "Keycloak"
    settings.OIDC_RP_CLIENT_ID = "senim"
    settings.OIDC_RP_CLIENT_SECRET = "client-secret"
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = f"{provider.url}/authorize"
    settings.OIDC_OP_TOKEN_ENDPOINT = f"{provider.url}/token"
    settings.OIDC_OP_USER_ENDPOINT = f"{provider.url}/userinfo"
    settings.OIDC_OP_JWKS_ENDPOINT = f"{provider.url}/jwks"
    settings.OIDC_RP_SIGN_ALGO = "RS256"
    settings.AUTHENTICATION_BACKENDS = [*settings.AUTHENTICATION_BACKENDS, "senim.accounts.sso.SenimOIDCBackend"]
    yield provider
    provider.close()


def _oidc_sign_in(client: Client, provider: _Provider, claims: dict[str, str]):
    start = client.get(reverse("oidc_authentication_init"))
    assert start.status_code == 302 and start["Location"].startswith(provider.url + "/authorize")
    query = parse_qs(urlsplit(start["Location"]).query)
    provider.nonce, provider.claims = query["nonce"][0], claims
    code = uuid.uuid4().hex
    provider.codes.add(code)
    return client.get(reverse("oidc_authentication_callback"), {"code": code, "state": query["state"][0]})


def test_login_page_offers_the_identity_provider(client, db, oidc):
    page = client.get(reverse("accounts:login")).content.decode()
    assert "Sign in with Keycloak" in page and reverse("oidc_authentication_init") in page


def test_oidc_user_is_mapped_to_their_employee_by_personnel_number_claim(group, oidc):
    employee = EmployeeFactory(company=group.b, personnel_number="UZ-42", email="")
    client = Client()
    response = _oidc_sign_in(client, oidc, {"employee_number": "UZ-42", "email": "someone@beta.uz"})
    assert response.status_code == 302 and response["Location"] == reverse("core:dashboard")
    user = User.objects.get(employee=employee)
    assert client.session["_auth_user_id"] == str(user.pk)
    assert client.get(reverse("core:dashboard")).status_code == 200


def test_oidc_user_is_mapped_by_email(group, oidc):
    group.in_root.email = "ospanov@alpha.kz"
    group.in_root.save()
    client = Client()
    _oidc_sign_in(client, oidc, {"email": "OSPANOV@alpha.kz"})
    assert User.objects.get(pk=client.session["_auth_user_id"]).employee_id == group.in_root.id


def test_oidc_refuses_someone_who_is_neither_employee_nor_user(group, oidc):
    client = Client()
    response = _oidc_sign_in(client, oidc, {"email": "nobody@elsewhere.kz", "employee_number": "X-1"})
    assert response.status_code == 302 and "sso=failed" in response["Location"]
    assert "_auth_user_id" not in client.session and not User.objects.exists()
