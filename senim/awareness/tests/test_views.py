"""Awareness pages: every page renders for an officer, an employee reads and acknowledges, the
web import shows the bad row and writes nothing until the valid rows are chosen."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils.translation import override as translation_override

from senim.awareness import services
from senim.awareness.models import Acknowledgement, AgreementObligation
from senim.awareness.tests.factories import adopted_code, employee_user, officer
from senim.org.tests.factories import EmployeeFactory, PositionFactory

pytestmark = pytest.mark.django_db


def _client(user) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def world(group):
    actor = officer()
    code = adopted_code(group, actor)
    campaign = services.campaign_create(
        actor=actor,
        version=code.current_version,
        title="Code 2026",
        deadline=dt.date.today() + dt.timedelta(days=5),
        statements=[{"texts": {"en": "Bribes are forbidden", "kk": "Пара алуға тыйым салынған"}, "is_true": True}],
    )
    services.campaign_launch(actor=actor, campaign=campaign)
    position = PositionFactory(company=group.a, unit=group.leaf, code="PROC", requires_ac_agreement=True)
    EmployeeFactory(company=group.a, unit=group.leaf, position=position, hire_date=dt.date.today())
    services.obligations_sync()
    check = services.candidate_check_run(actor=actor, company=group.a, full_name="Петров Пётр")
    return {"officer": actor, "code": code, "campaign": campaign, "check": check}


def test_every_officer_page_renders(world):
    client = _client(world["officer"])
    version = world["code"].current_version
    obligation = AgreementObligation.objects.get()
    for url in [
        reverse("awareness:document-list"),
        reverse("awareness:document-list") + "?status=in_force&in_force_on=2026-04-01",
        reverse("awareness:document-create"),
        reverse("awareness:document-detail", args=[world["code"].pk]),
        reverse("awareness:campaign-list"),
        reverse("awareness:campaign-create", args=[version.pk]),
        reverse("awareness:campaign-detail", args=[world["campaign"].pk]),
        reverse("awareness:overdue"),
        reverse("awareness:paper-entry", args=[version.pk]),
        reverse("awareness:import", args=["acknowledgements"]) + f"?version={version.pk}",
        reverse("awareness:import", args=["agreements"]),
        reverse("awareness:agreement-list") + "?missing=1",
        reverse("awareness:agreement-record", args=[obligation.pk]),
        reverse("awareness:hire-record"),
        reverse("awareness:check-list"),
        reverse("awareness:check-create"),
        reverse("awareness:check-detail", args=[world["check"].pk]),
        reverse("core:dashboard"),
    ]:
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)


def test_an_employee_reads_and_acknowledges_after_the_check(world, group):
    user = employee_user(group.in_leaf)
    client = _client(user)
    version = world["code"].current_version
    assert "Anti-Corruption Code" in client.get(reverse("awareness:my-reading")).content.decode()
    page = reverse("awareness:read-version", args=[version.pk])
    statement = world["campaign"].statements.get()
    wrong = client.post(page, {f"answer_{statement.pk}": "false"})
    assert wrong.status_code == 200 and not Acknowledgement.objects.exists()
    done = client.post(page, {f"answer_{statement.pk}": "true"})
    assert done.status_code == 302 and Acknowledgement.objects.get().employee == group.in_leaf
    assert client.get(reverse("awareness:document-list")).status_code == 403
    assert client.get(reverse("awareness:check-list")).status_code == 403


def test_the_web_import_reports_the_bad_row_and_imports_valid_rows_only_when_chosen(world, group):
    client = _client(world["officer"])
    version = world["code"].current_version
    body = f"табельный_номер;дата\n{group.in_leaf.personnel_number};05.03.2026\nNOPE;05.03.2026\n"
    url = reverse("awareness:import", args=["acknowledgements"]) + f"?version={version.pk}"
    response = client.post(url, {"file": SimpleUploadedFile("sheet.csv", body.encode())})
    content = response.content.decode()
    assert "import-errors" in content and not Acknowledgement.objects.exists()
    token = response.context["token"]
    client.post(reverse("awareness:import-confirm", args=[token]), {"valid_only": "1"})
    assert Acknowledgement.objects.count() == 1


def test_a_version_is_submitted_and_adopted_through_the_pages(world, group):
    client = _client(world["officer"])
    document = services.document_create(
        actor=world["officer"], kind="order", code="ORD", titles={"ru": "Приказ"}, company=group.a, texts={"ru": "Т"}
    )
    version = document.versions.get()
    client.post(
        reverse("awareness:version-action", args=[version.pk, "submit"]),
        {"approving_body": "head", "submitted_on": "2026-01-10"},
    )
    client.post(
        reverse("awareness:version-decide", args=[version.pk]),
        {"decision": "approve", "decision_number": "5", "decision_date": "2026-01-20"},
    )
    version.refresh_from_db()
    assert version.status == "adopted" and version.decision_number == "5"
    outsider = _client(officer(company=group.b))
    assert outsider.get(reverse("awareness:document-detail", args=[document.pk])).status_code == 404


def _queries(client, url) -> int:  # type: ignore[no-untyped-def]
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_list_pages_do_not_query_per_row(world, group):
    client = _client(world["officer"])
    urls = [
        reverse("awareness:document-list"),
        reverse("awareness:campaign-list"),
        reverse("awareness:agreement-list"),
        reverse("awareness:check-list"),
        reverse("awareness:campaign-detail", args=[world["campaign"].pk]),
    ]
    before = {url: _queries(client, url) for url in urls}
    actor = world["officer"]
    for n in range(3):
        document = services.document_create(
            actor=actor, kind="order", code=f"O-{n}", titles={"en": f"Order {n}"}, company=group.a, texts={"en": "T"}
        )
        services.version_submit(
            actor=actor, version=document.versions.get(), approving_body="head", submitted_on=dt.date(2026, 1, 1)
        )
        services.candidate_check_run(actor=actor, company=group.a, full_name=f"Петров Пётр {n}")
    position = AgreementObligation.objects.get().position
    for _n in range(3):
        EmployeeFactory(company=group.a, unit=group.leaf, position=position, hire_date=dt.date.today())
    services.obligations_sync()
    for url in urls:
        assert _queries(client, url) == before[url], url


def test_a_documents_text_is_markdown_shown_sanitised(world, group):
    """The reader sees the Markdown as HTML; a script the author typed is removed with its content."""
    version = world["code"].current_version
    type(version).objects.filter(pk=version.pk).update(
        text_en="# Gifts\n\n- **No** cash\n\n<script>alert('x')</script><a href=\"javascript:alert(1)\">link</a>"
    )
    client = _client(employee_user(group.in_leaf))
    with translation_override("en"):
        page = client.get(reverse("awareness:read-version", args=[version.pk]), HTTP_ACCEPT_LANGUAGE="en")
    html = page.content.decode()
    assert "<h1>Gifts</h1>" in html and "<strong>No</strong>" in html
    assert "alert('x')" not in html and "javascript:" not in html
