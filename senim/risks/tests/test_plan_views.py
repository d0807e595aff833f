"""Plan pages for each role inside and outside its scope; import with a preview where a deadline not
understood is set by hand; reporting progress; exports that read back."""

import io

import docx
import openpyxl
import pytest
from django.test import Client
from django.urls import reverse

from senim.accounts.tests.factories import user_with_role
from senim.core.access import SYSTEM
from senim.risks import services
from senim.risks.importing.reader import read_plan
from senim.risks.models import DeadlineKind, Plan
from senim.risks.tests.factories import roadmap_docx

pytestmark = pytest.mark.django_db

ROLES = ["admin", "officer", "investigator", "approver", "auditor", "employee"]
VIEWERS = {"admin", "officer", "approver", "auditor"}


def _client(user) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def plan(group, tmp_path):
    return services.plan_import(actor=SYSTEM, company=group.a, understood=read_plan(roadmap_docx(tmp_path)))


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("scope", ["company_a", "company_b"])
def test_plan_pages_by_role_and_scope(group, plan, role, scope):
    company = group.a if scope == "company_a" else group.b
    employee = group.in_branch if role == "employee" else None
    client = _client(user_with_role(role, company=company, employee=employee))
    measure = plan.measures.first()
    urls = [
        reverse("risks:plan-detail", args=[plan.pk]),
        reverse("risks:plan-detail", args=[plan.pk]) + "?view=units",
        reverse("risks:plan-detail", args=[plan.pk]) + "?view=timeline",
        reverse("risks:plan-timeline", args=[plan.pk]),
        reverse("risks:plan-export", args=[plan.pk, "xlsx"]),
        reverse("risks:measure-detail", args=[measure.pk]),
    ]
    list_response = client.get(reverse("risks:plan-list"))
    for url in urls:
        status = client.get(url).status_code
        if role not in VIEWERS:
            assert status == 403, url
        elif scope == "company_b":
            assert status == 404, url
        else:
            assert status == 200, url
    if role in VIEWERS:
        assert (plan.title in list_response.content.decode()) == (scope == "company_a")


def test_import_preview_lets_a_person_set_the_deadline_not_understood(group, tmp_path):
    officer = user_with_role("officer", company=group.a)
    client = _client(officer)
    path = roadmap_docx(tmp_path)
    with path.open("rb") as handle:
        response = client.post(reverse("risks:plan-import"), {"file": handle, "company": group.a.pk, "kind": "roadmap"})
    assert response.status_code == 302
    preview = client.get(response["Location"])
    page = preview.content.decode()
    assert "Басқарма шешімі бойынша" in page
    assert not Plan.objects.exists()
    line = read_plan(path).deadlines_to_set[0].line
    saved = client.post(response["Location"], {f"deadline-{line}": "2028 ж."})
    assert saved.status_code == 302
    plan = Plan.objects.get()
    measure = plan.measures.get(deadline_text="2028 ж.")
    assert measure.deadline_kind == DeadlineKind.DUE
    assert not plan.measures.filter(deadline_kind="unset").exists()


def test_a_word_file_without_a_table_is_explained_and_nothing_saved(group, tmp_path):
    client = _client(user_with_role("officer", company=group.a))
    document = docx.Document()
    document.add_paragraph("Только текст")
    document.save(str(tmp_path / "text.docx"))
    with (tmp_path / "text.docx").open("rb") as handle:
        response = client.post(reverse("risks:plan-import"), {"file": handle, "company": group.a.pk, "kind": "roadmap"})
    page = client.get(response["Location"]).content.decode()
    assert "No table was found" in page
    assert client.post(response["Location"]).status_code == 200
    assert not Plan.objects.exists()


def test_reporting_a_period_and_setting_a_deadline_from_the_pages(group, plan):
    client = _client(user_with_role("officer", company=group.a))
    measure = plan.measures.get(number="11")
    response = client.post(reverse("risks:measure-detail", args=[measure.pk]), {"deadline_text": "непонятно"})
    assert response.status_code == 200 and "not understood" in response.content.decode()
    client.post(reverse("risks:measure-detail", args=[measure.pk]), {"deadline_text": "ежегодно"})
    measure.refresh_from_db()
    assert measure.deadline_kind == DeadlineKind.RECURRING
    instance = measure.instances.order_by("due_date").first()
    client.post(
        reverse("risks:instance-report", args=[instance.pk]),
        {"status": "done", "completed_on": "2025-12-01", "note": "Бұйрық шықты"},
    )
    instance.refresh_from_db()
    assert instance.status == "done"
    auditor = _client(user_with_role("auditor", company=group.a))
    assert (
        auditor.post(reverse("risks:instance-report", args=[instance.pk]), {"status": "not_started"}).status_code == 403
    )


def test_exports_keep_the_layout_with_the_status_added(group, plan):
    client = _client(user_with_role("officer", company=group.a))
    xlsx = client.get(reverse("risks:plan-export", args=[plan.pk, "xlsx"]))
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx.content)).active
    values = [[c for c in row if c] for row in sheet.iter_rows(values_only=True)]
    assert values[1][-1] == "Status"
    assert any(row and row[0].startswith("E —") for row in values)
    assert sum(1 for row in values if row and str(row[0]).isdigit()) == 11
    document = client.get(reverse("risks:plan-export", args=[plan.pk, "docx"]))
    path = io.BytesIO(document.content)
    assert len(docx.Document(path).tables[0].rows) > 11
