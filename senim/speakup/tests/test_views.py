"""Officers' pages: each role inside and outside its scope, case actions, people kept out of
the case, statistics without content, staff intake, and access logging."""

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from conftest import ROLES
from senim.accounts.tests.factories import user_with_role
from senim.core.access import SYSTEM
from senim.core.models import AuditEvent
from senim.speakup import selectors, services
from senim.speakup.models import Case, Status
from senim.speakup.tests.factories import PDF, submit, submit_named, upload

pytestmark = pytest.mark.django_db


def _client(user) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user)
    return client


def _user(role, scope, group):  # type: ignore[no-untyped-def]
    company = {"group": None, "company_a": group.a, "company_b": group.b}[scope]
    employee = group.in_root if role == "employee" else None
    return user_with_role(role, company=company, employee=employee)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("scope", ["group", "company_a", "company_b"])
def test_page_role_matrix(group, role, scope):
    case = submit(company=group.a).case
    user = _user(role, scope, group)
    if role == "investigator":
        services.case_assign(actor=user_with_role("officer"), case=case, users=[user]) if scope != "company_b" else None
    client = _client(user)
    sees_cases = role in {"officer", "investigator"}
    in_scope = scope != "company_b"
    expected = {
        reverse("speakup:case-list"): 200 if sees_cases else 403,
        reverse("speakup:case-intake"): 200 if role == "officer" else 403,
        reverse("speakup:statistics"): 200 if role in {"admin", "officer", "auditor"} else 403,
        reverse("speakup:case-detail", args=[case.pk]): (200 if in_scope else 404) if sees_cases else 403,
    }
    for url, status in expected.items():
        assert client.get(url).status_code == status, (url, role, scope)


def test_anonymous_visitors_are_sent_to_log_in(group):
    case = submit().case
    for url in (reverse("speakup:case-list"), reverse("speakup:case-detail", args=[case.pk])):
        response = Client().get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_list_shows_overdue_cases_and_filters(group):
    officer = user_with_role("officer")
    late = submit(company=group.a).case
    Case.objects.filter(pk=late.pk).update(acknowledge_due=dt.date(2020, 1, 1))
    fresh = submit(kind="question", category="gifts", content={"question": "Pen?"}).case
    client = _client(officer)
    page = client.get(reverse("speakup:case-list")).content.decode()
    assert late.reference in page and fresh.reference in page and "data-overdue" in page
    only_late = client.get(reverse("speakup:case-list"), {"overdue": "on"}).content.decode()
    assert late.reference in only_late and fresh.reference not in only_late
    questions = client.get(reverse("speakup:case-list"), {"kind": "question"}).content.decode()
    assert fresh.reference in questions and late.reference not in questions
    in_a = client.get(reverse("speakup:case-list"), {"company": str(group.a.pk)}).content.decode()
    assert late.reference in in_a and fresh.reference not in in_a
    assert client.get(reverse("speakup:case-list"), {"company": "nonsense", "status": "x"}).status_code == 200


def test_list_query_count_does_not_grow_with_cases(group, django_assert_max_num_queries):
    officer = user_with_role("officer")
    for _ in range(3):
        submit(company=group.a)
    client = _client(officer)
    client.get(reverse("speakup:case-list"))
    for _ in range(10):
        submit(company=group.a)
    with django_assert_max_num_queries(14):
        client.get(reverse("speakup:case-list"))


def test_opening_a_case_is_logged(group):
    officer = user_with_role("officer")
    case = submit_named(uploads=[upload()]).case
    client = _client(officer)
    client.get(reverse("speakup:case-detail", args=[case.pk]))
    event = AuditEvent.objects.get(event_type="speakup.case.viewed")
    assert event.actor_id == officer.pk and event.object_id == str(case.pk)
    log = client.get(reverse("core:audit"), {"object": case.reference}).content.decode()
    assert "speakup.case.viewed" in log and officer.username in log
    file_id = case.attachments.get().pk
    download = client.get(reverse("speakup:case-file", args=[case.pk, file_id]))
    assert download.status_code == 200 and download.content == PDF
    assert AuditEvent.objects.filter(event_type="speakup.file.downloaded").exists()


def test_officer_closes_a_case_from_the_page(group):
    officer = user_with_role("officer")
    case = submit_named(company=group.a).case
    client = _client(officer)
    url = lambda name: reverse(f"speakup:{name}", args=[case.pk])  # noqa: E731
    assert client.post(url("case-status"), {"status": "acknowledged"}).status_code == 302
    assert client.post(url("case-message"), {"body": "Which warehouse?"}).status_code == 302
    assert client.post(url("case-note"), {"body": "Call the auditor."}).status_code == 302
    due = (dt.date.today() + dt.timedelta(days=5)).isoformat()
    assert client.post(url("case-task"), {"title": "Pull invoices", "due": due}).status_code == 302
    assert client.post(url("case-link"), {"role": "unit", "unit": str(group.branch.pk)}).status_code == 302
    bad = client.post(url("case-close"), {"outcome": "nonsense"})
    assert bad.status_code == 400 and Case.objects.get().status == Status.ACKNOWLEDGED
    response = client.post(
        url("case-close"), {"outcome": "partly", "measures": ["disciplinary", "training"], "summary": "Partly."}
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == Status.CLOSED and case.measures == ["disciplinary", "training"]
    page = client.get(url("case-detail")).content.decode()
    assert "Partly." in page and "Call the auditor." in page and "Pull invoices" in page
    reward = client.post(url("case-reward"), {"decided_on": "2026-01-10", "amount": "50000", "currency": "KZT"})
    assert reward.status_code == 302


def test_named_investigator_cannot_open_the_report_naming_them(group):
    officer = user_with_role("officer")
    investigator = user_with_role("investigator", employee=group.in_leaf)
    case = submit(company=group.a).case
    services.case_assign(actor=officer, case=case, users=[investigator])
    client = _client(investigator)
    assert client.get(reverse("speakup:case-detail", args=[case.pk])).status_code == 200
    services.link_add(actor=officer, case=case, role="named", employee=group.in_leaf)
    assert client.get(reverse("speakup:case-detail", args=[case.pk])).status_code == 404
    assert case.reference not in client.get(reverse("speakup:case-list")).content.decode()
    assert client.post(reverse("speakup:case-note", args=[case.pk]), {"body": "x"}).status_code == 404


def test_link_by_personnel_number_and_username(group):
    officer = user_with_role("officer")
    other = user_with_role("officer")
    case = submit(company=group.a).case
    client = _client(officer)
    url = reverse("speakup:case-link", args=[case.pk])
    assert client.post(url, {"role": "named", "personnel_number": group.in_leaf.personnel_number}).status_code == 302
    assert client.post(url, {"role": "witness", "username": other.username}).status_code == 302
    assert client.post(url, {"role": "named", "personnel_number": "NOPE"}).status_code == 400
    assert client.post(url, {"role": "named"}).status_code == 400
    assert case.links.count() == 2
    assert _client(other).get(reverse("speakup:case-detail", args=[case.pk])).status_code == 404


def test_conflict_declaration_from_the_page(group):
    officer, colleague = user_with_role("officer"), user_with_role("officer")
    case = submit().case
    client = _client(colleague)
    response = client.post(reverse("speakup:case-conflict", args=[case.pk]))
    assert response.status_code == 302
    assert client.get(reverse("speakup:case-detail", args=[case.pk])).status_code == 404
    assert _client(officer).get(reverse("speakup:case-detail", args=[case.pk])).status_code == 200


def test_auditor_sees_statistics_not_content(group):
    case = submit(company=group.a).case
    services.case_close(actor=user_with_role("officer"), case=case, outcome="substantiated", measures=["training"])
    auditor = user_with_role("auditor")
    client = _client(auditor)
    page = client.get(reverse("speakup:statistics")).content.decode()
    assert "suppliers for cash" not in page and case.reference not in page
    assert client.get(reverse("speakup:case-detail", args=[case.pk])).status_code == 403
    assert client.get(reverse("speakup:statistics"), {"year": "abc"}).status_code == 200


def test_staff_intake_hands_over_a_receipt(group):
    officer = user_with_role("officer", company=group.a)
    client = _client(officer)
    data = {
        "kind": "report",
        "channel": "hotline",
        "received_on": dt.date.today().isoformat(),
        "company": str(group.a.pk),
        "category": "fraud",
        "what": "Caller: fake invoices at the depot.",
        "identity": "anonymous",
        "language": "kk",
        "issue_receipt": "on",
    }
    response = client.post(reverse("speakup:case-intake"), {**data, "attachments": upload("letter.pdf")})
    assert response.status_code == 200 and b"data-receipt" in response.content
    case = Case.objects.get()
    assert [f["name"] for f in selectors.case_content(actor=SYSTEM, case=case).files] == ["letter.pdf"]
    assert not case.attachments.get().from_reporter
    assert case.channel == "hotline" and case.language == "kk" and case.registered_by == officer
    future = {**data, "received_on": (dt.date.today() + dt.timedelta(days=3)).isoformat()}
    assert b"data-receipt" not in client.post(reverse("speakup:case-intake"), future).content
    other_company = {**data, "company": str(group.b.pk)}
    assert client.post(reverse("speakup:case-intake"), other_company).status_code == 200
    assert Case.objects.count() == 1


def test_question_answered_from_the_page(group):
    officer = user_with_role("officer")
    case = submit(kind="question", content={"question": "May I accept a pen?"}).case
    client = _client(officer)
    response = client.post(reverse("speakup:case-answer", args=[case.pk]), {"answer": "Yes, declare it."})
    assert response.status_code == 302
    assert Case.objects.get().status == Status.ANSWERED


def test_dashboard_tiles(group):
    submit(company=group.a)
    page = _client(user_with_role("officer")).get(reverse("core:dashboard")).content.decode()
    assert "Open Speak Up cases" in page
    auditor_page = _client(user_with_role("auditor")).get(reverse("core:dashboard")).content.decode()
    assert "Open Speak Up cases" not in auditor_page


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("scope", ["group", "company_b"])
def test_action_role_matrix(group, role, scope):
    """Work (notes) for officers and assigned investigators; management (status, closing,
    assignment) for officers only; nothing for other roles; not found outside the scope."""
    case = submit(company=group.a).case
    user = _user(role, scope, group)
    if role == "investigator" and scope == "group":
        services.case_assign(actor=user_with_role("officer"), case=case, users=[user])
    client = _client(user)
    sees = role in {"officer", "investigator"}
    outside = scope == "company_b"

    def expected(allowed: bool) -> int:
        if not sees:
            return 403
        if outside:
            return 404
        return 302 if allowed else 403

    url = lambda name: reverse(f"speakup:{name}", args=[case.pk])  # noqa: E731
    assert client.post(url("case-note"), {"body": "x"}).status_code == expected(True)
    assert client.post(url("case-status"), {"status": "acknowledged"}).status_code == expected(role == "officer")
    closing = {"outcome": "partly", "measures": []}
    assert client.post(url("case-close"), closing).status_code == expected(role == "officer")
    receipt = client.post(url("case-receipt")).status_code
    # a portal report's receipt key is the reporter's alone: refused (back to the case) for officers
    assert receipt == (302 if role == "officer" and not outside else expected(False))
    case.refresh_from_db()
    assert (case.status == Status.CLOSED) == (role == "officer" and not outside)


def test_retaliation_watch_filter(group):
    officer = user_with_role("officer")
    named, anonymous = submit_named().case, submit().case
    for case in (named, anonymous):
        services.case_close(actor=officer, case=case, outcome="substantiated", measures=[])
    page = _client(officer).get(reverse("speakup:case-list"), {"watched": "on"}).content.decode()
    assert named.reference in page and anonymous.reference not in page
