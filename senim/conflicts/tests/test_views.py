"""Conflicts pages: each page for each role inside and outside its scope, an employee never
reaching another's declaration, submitting form A and a gift, review and settlement from the pages."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from conftest import ROLES
from senim.accounts.tests.factories import user_with_role
from senim.conflicts import jobs, services
from senim.conflicts.models import Alert, Declaration, DetectionRun, Gift
from senim.conflicts.tests.factories import TODAY, employee_user, relative, submit, threshold
from senim.org.tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db

VIEWERS = {"admin", "officer", "auditor"}
REVIEWERS = {"admin", "officer"}
GIFT_VIEWERS = {"admin", "officer", "approver", "auditor"}


def _client(user) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def world(group):
    declaration = submit(group.in_leaf)
    threshold()
    gift = services.gift_declare(
        actor=employee_user(group.in_leaf),
        employee=group.in_leaf,
        kind="received",
        party_kind="official",
        party_name="Асқар Нұрланов",
        occasion="Visit",
        description="A book",
        value="1000",
        currency="KZT",
        date=TODAY,
        today=TODAY,
    )
    officer = user_with_role("officer")
    campaign = services.campaign_create(actor=officer, title="2026", deadline=dt.date.today() + dt.timedelta(days=9))
    daughter = EmployeeFactory(company=group.a, unit=group.root, surname="Иванова", given_name="Анна", patronymic="")
    submit(group.in_leaf, items=[relative("Иванова Анна", "child", person_identifier=daughter.iin)])
    run = jobs.detection_run(run=DetectionRun.objects.create())
    declaration = Declaration.objects.exclude(status="superseded").get(employee=group.in_leaf)
    return {"declaration": declaration, "gift": gift, "campaign": campaign, "alert": Alert.objects.first(), "run": run}


def _user(role, scope, group):  # type: ignore[no-untyped-def]
    company = {"group": None, "company_b": group.b}[scope]
    employee = group.in_branch if role == "employee" else None
    return user_with_role(role, company=company, employee=employee)


def _pages(world) -> dict[str, tuple[str, set[str]]]:  # type: ignore[no-untyped-def]
    return {
        "declarations": (reverse("conflicts:declaration-list"), VIEWERS),
        "paper": (reverse("conflicts:paper-entry"), REVIEWERS),
        "campaigns": (reverse("conflicts:campaign-list"), VIEWERS),
        "campaign-new": (reverse("conflicts:campaign-create"), REVIEWERS),
        "alerts": (reverse("conflicts:alert-list"), VIEWERS),
        "runs": (reverse("conflicts:run-list"), VIEWERS),
        "forms": (reverse("conflicts:form-versions"), REVIEWERS),
        "gifts": (reverse("conflicts:gift-list"), GIFT_VIEWERS),
        "totals": (reverse("conflicts:gift-totals"), GIFT_VIEWERS),
        "thresholds": (reverse("conflicts:thresholds"), {"admin"}),
        "my": (reverse("conflicts:my-declarations"), {"employee"}),
        "my-gifts": (reverse("conflicts:my-gifts"), {"employee"}),
        "declare": (reverse("conflicts:declaration-create", args=["a"]), {"employee"}),
        "gift-new": (reverse("conflicts:gift-create"), {"employee"}),
    }


def _objects(world) -> dict[str, tuple[str, set[str]]]:  # type: ignore[no-untyped-def]
    return {
        "declaration": (reverse("conflicts:declaration-detail", args=[world["declaration"].pk]), VIEWERS),
        "campaign": (reverse("conflicts:campaign-detail", args=[world["campaign"].pk]), VIEWERS),
        "alert": (reverse("conflicts:alert-detail", args=[world["alert"].pk]), VIEWERS),
        "run": (reverse("conflicts:run-detail", args=[world["run"].pk]), VIEWERS),
        "gift": (reverse("conflicts:gift-detail", args=[world["gift"].pk]), GIFT_VIEWERS),
    }


@pytest.mark.parametrize("role", ROLES)
def test_page_role_matrix(world, group, role):
    client = _client(_user(role, "group", group))
    for name, (url, allowed) in _pages(world).items():
        status = client.get(url).status_code
        assert status == (200 if role in allowed else 403), (name, role, status)
    for name, (url, allowed) in _objects(world).items():
        status = client.get(url).status_code
        expected = 200 if role in allowed else 403
        if name in {"declaration", "gift"} and role not in allowed:
            expected = 404  # reachable by their owner, so the page asks for a login only
        assert status == expected, (name, role, status)


@pytest.mark.parametrize("role", sorted(VIEWERS))
def test_objects_of_another_company_are_not_found(world, group, role):
    client = _client(_user(role, "company_b", group))
    for name, (url, _allowed) in _objects(world).items():
        if name in {"campaign", "run"}:
            continue
        assert client.get(url).status_code == 404, name


def test_an_employee_reads_their_own_declaration_never_another(world, group):
    own = _client(employee_user(group.in_leaf))
    url = reverse("conflicts:declaration-detail", args=[world["declaration"].pk])
    assert own.get(url).status_code == 200
    assert own.get(reverse("conflicts:gift-detail", args=[world["gift"].pk])).status_code == 200
    other = _client(employee_user(group.in_branch))
    assert other.get(url).status_code == 404
    assert other.get(reverse("conflicts:gift-detail", args=[world["gift"].pk])).status_code == 404


def test_an_employee_submits_form_a_from_the_page(group):
    client = _client(employee_user(group.in_branch))
    url = reverse("conflicts:declaration-create", args=["a"])
    page = client.get(url)
    assert "relatives-TOTAL_FORMS" in page.content.decode()
    data = {
        f"{s}-{k}": v
        for s in ("relatives", "interests", "outside_jobs", "other")
        for k, v in (("TOTAL_FORMS", "2"), ("INITIAL_FORMS", "0"))
    }
    data |= {"relatives-0-person_name": "Касымов Болат", "relatives-0-relation": "sibling", "truthful": "on"}
    response = client.post(url, data)
    assert response.status_code == 302
    declaration = Declaration.objects.get(employee=group.in_branch)
    assert declaration.items.get().person_name == "Касымов Болат"
    bad = client.post(url, data | {"relatives-0-relation": ""})
    assert bad.status_code == 200 and Declaration.objects.count() == 1
    nothing = client.post(url, {k: v for k, v in data.items() if not k.startswith("relatives-0")})
    assert nothing.status_code == 200 and "nothing to declare" in nothing.content.decode()


def test_review_and_settle_from_the_pages(world, group):
    officer = user_with_role("officer", company=group.a)
    manager = user_with_role("approver", company=group.a, employee=group.in_root)
    client = _client(officer)
    declaration = world["declaration"]
    url = reverse("conflicts:declaration-review", args=[declaration.pk])
    client.post(url, {"decision": "potential", "comment": "Daughter in the same line."})
    declaration.refresh_from_db()
    assert declaration.outcome == "potential"
    deadline = (dt.date.today() + dt.timedelta(days=5)).isoformat()
    response = client.post(
        reverse("conflicts:measure-add", args=[declaration.pk]),
        {"kind": "reporting_line", "description": "Move her.", "owner": manager.pk, "deadline": deadline},
    )
    assert response.status_code == 302
    manager_client = _client(manager)
    actions = manager_client.get(reverse("conflicts:my-actions"))
    assert "Move her." in actions.content.decode()
    assert manager_client.get(reverse("conflicts:declaration-detail", args=[declaration.pk])).status_code == 404
    measure = declaration.measures.get()
    manager_client.post(reverse("conflicts:measure-done", args=[measure.pk]), {"note": "Order 5."})
    declaration.refresh_from_db()
    assert declaration.status == Declaration.Status.SETTLED
    own = _client(employee_user(group.in_leaf)).get(reverse("conflicts:declaration-detail", args=[declaration.pk]))
    assert "Daughter in the same line." in own.content.decode()


def test_paper_entry_from_the_page(world, group):
    client = _client(user_with_role("officer", company=group.a))
    data = {
        f"{s}-{k}": v
        for s in ("relatives", "interests", "outside_jobs", "other")
        for k, v in (("TOTAL_FORMS", "1"), ("INITIAL_FORMS", "0"))
    }
    data |= {
        "company": str(group.a.pk),
        "personnel_number": group.in_root.personnel_number,
        "form_type": "a",
        "nothing_to_declare": "on",
        "truthful": "on",
        "scan": SimpleUploadedFile("scan.pdf", b"%PDF"),
    }
    response = client.post(reverse("conflicts:paper-entry"), data)
    assert response.status_code == 302
    declaration = Declaration.objects.get(employee=group.in_root)
    assert declaration.source == "paper"
    assert client.get(reverse("conflicts:declaration-scan", args=[declaration.pk])).status_code == 200
    data["scan"] = SimpleUploadedFile("scan.exe", b"MZ")
    data["personnel_number"] = group.in_leaf.personnel_number
    assert "PDF, JPEG, PNG or TIFF" in client.post(reverse("conflicts:paper-entry"), data).content.decode()
    assert not Declaration.objects.filter(employee=group.in_leaf, source="paper").exists()
    data["personnel_number"] = group.in_b.personnel_number
    data["scan"] = SimpleUploadedFile("scan.pdf", b"%PDF")
    assert "personnel number" in client.post(reverse("conflicts:paper-entry"), data).content.decode()


def test_paper_entry_keeps_the_day_it_was_submitted(world, group):
    client = _client(user_with_role("officer", company=group.a))
    data = {
        f"{s}-{k}": v
        for s in ("relatives", "interests", "outside_jobs", "other")
        for k, v in (("TOTAL_FORMS", "1"), ("INITIAL_FORMS", "0"))
    }
    data |= {
        "company": str(group.a.pk),
        "personnel_number": group.in_root.personnel_number,
        "form_type": "a",
        "nothing_to_declare": "on",
        "truthful": "on",
        "scan": SimpleUploadedFile("scan.pdf", b"%PDF"),
        "submitted_on": (dt.date.today() + dt.timedelta(days=3)).isoformat(),
    }
    refused = client.post(reverse("conflicts:paper-entry"), data)
    assert refused.status_code == 200 and refused.context["paper_form"].errors["submitted_on"]
    data["submitted_on"] = "2024-03-14"
    data["scan"] = SimpleUploadedFile("scan.pdf", b"%PDF")
    assert client.post(reverse("conflicts:paper-entry"), data).status_code == 302
    declaration = Declaration.objects.get(employee=group.in_root)
    assert declaration.submitted_at.date() == dt.date(2024, 3, 14) and declaration.is_backdated


def test_gift_declared_and_approved_from_the_pages(world, group):
    employee = _client(employee_user(group.in_branch))
    response = employee.post(
        reverse("conflicts:gift-create"),
        {
            "kind": "received",
            "party_kind": "counterparty",
            "party_name": "Serik",
            "occasion": "Meeting",
            "description": "Watch",
            "value": "-5",
            "currency": "KZT",
            "date": TODAY.isoformat(),
        },
    )
    assert response.status_code == 200 and not Gift.objects.filter(employee=group.in_branch).exists()
    approver = _client(user_with_role("approver", company=group.a))
    gift = world["gift"]
    page = approver.get(reverse("conflicts:gift-detail", args=[gift.pk])).content.decode()
    assert "Link to the counterparty register" in page
    response = approver.post(reverse("conflicts:gift-link", args=[gift.pk]), {"identifier": "000000000000"})
    assert response.status_code == 200 and "No counterparty" in response.content.decode()
    response = approver.post(reverse("conflicts:gift-decide", args=[gift.pk]), {"decision": "approve", "comment": ""})
    assert response.status_code == 302
    gift.refresh_from_db()
    assert gift.status == Gift.Status.APPROVED


def test_campaign_launch_and_detection_start_from_the_pages(world, group, django_capture_on_commit_callbacks):
    client = _client(user_with_role("officer"))
    campaign = world["campaign"]
    client.post(reverse("conflicts:campaign-action", args=[campaign.pk, "launch"]))
    campaign.refresh_from_db()
    assert campaign.status == "open"
    page = client.get(reverse("conflicts:campaign-detail", args=[campaign.pk]))
    assert page.status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("conflicts:run-start"))
    assert response.status_code == 302
    assert client.get(reverse("conflicts:alert-list") + "?status=open&disclosed=no").status_code == 200


def test_a_new_form_version_needs_all_languages(group):
    client = _client(user_with_role("officer"))
    url = reverse("conflicts:form-version-create", args=["b"])
    assert client.get(url).status_code == 200
    response = client.post(url, {"note": "x"})
    assert response.status_code == 200
    services.form_version_current("b")
    data = {
        f"{s}_{c}": f"Q {s} {c}"
        for s in ("relatives", "interests", "outside_jobs", "other")
        for c in ("ru", "kk", "en", "uz")
    }
    assert client.post(url, data).status_code == 302
    assert services.form_version_current("b").number == 2


def test_list_pages_make_a_fixed_number_of_queries(world, group, django_assert_max_num_queries):
    """No query per row: the lists read employees, companies and units in the same query."""
    for employee in (group.in_root, group.in_branch, group.in_b):
        submit(employee)
    client = _client(user_with_role("officer"))
    for name in ("declaration-list", "gift-list", "alert-list", "campaign-list"):
        client.get(reverse(f"conflicts:{name}"))  # warm the session and caches
        with django_assert_max_num_queries(14):
            assert client.get(reverse(f"conflicts:{name}")).status_code == 200


def test_any_role_declares_for_their_own_record_outside_their_scope(group):
    """An auditor of company B whose own employee record is in company A still declares."""
    auditor = user_with_role("auditor", company=group.b, employee=group.in_root)
    client = _client(auditor)
    assert client.get(reverse("conflicts:declaration-create", args=["b"])).status_code == 200
    assert client.get(reverse("conflicts:gift-create")).status_code == 200
    assert (
        _client(user_with_role("auditor")).get(reverse("conflicts:declaration-create", args=["a"])).status_code == 403
    )


def test_the_gifts_register_exports_as_csv_within_scope(world, group):
    client = _client(user_with_role("approver", company=group.a))
    response = client.get(reverse("conflicts:gift-export") + "?status=pending")
    body = b"".join(response.streaming_content).decode("utf-8")
    assert response.status_code == 200 and body.startswith("\ufeff")
    assert "A book" in body and body.count("\n") == 2
    outsider = _client(user_with_role("approver", company=group.b))
    assert b"".join(outsider.get(reverse("conflicts:gift-export")).streaming_content).decode().count("\n") == 1
    assert _client(employee_user(group.in_leaf)).get(reverse("conflicts:gift-export")).status_code == 403


@pytest.mark.parametrize("role", ROLES)
def test_write_actions_role_matrix(world, group, role):
    """Each write page refuses roles without its permission (403) and leaves the data unchanged."""
    client = _client(_user(role, "group", group))
    declaration, gift, campaign, alert = world["declaration"], world["gift"], world["campaign"], world["alert"]
    actions = [
        (reverse("conflicts:declaration-review", args=[declaration.pk]), {"decision": "none"}, REVIEWERS),
        (reverse("conflicts:campaign-action", args=[campaign.pk, "launch"]), {}, REVIEWERS),
        (reverse("conflicts:alert-detail", args=[alert.pk]), {"status": "dismissed", "comment": "x"}, REVIEWERS),
        (reverse("conflicts:gift-decide", args=[gift.pk]), {"decision": "approve"}, {"admin", "officer", "approver"}),
        (
            reverse("conflicts:gift-hand-over", args=[gift.pk]),
            {"date": TODAY.isoformat(), "received_by": "x"},
            REVIEWERS,
        ),
        (reverse("conflicts:thresholds"), {"country": "KZ", "year": 2030, "unit_value": "1", "units": "1"}, {"admin"}),
        (reverse("conflicts:run-start"), {}, REVIEWERS),
    ]
    for url, data, allowed in actions:
        status = client.post(url, data).status_code
        if role in allowed:
            assert status in {200, 302}, (url, role, status)
        else:
            assert status in {403, 404}, (url, role, status)
    declaration.refresh_from_db()
    gift.refresh_from_db()
    campaign.refresh_from_db()
    assert (declaration.outcome == "none") == (role in REVIEWERS)
    assert (campaign.status == "open") == (role in REVIEWERS)
    assert (gift.status == "approved") == (role in {"admin", "officer", "approver"})


def test_the_register_flags_repeated_gifts(group):
    threshold()
    for days in (5, 50, 100):
        services.gift_declare(
            actor=employee_user(group.in_leaf),
            employee=group.in_leaf,
            kind="received",
            party_kind="counterparty",
            party_name="Serik",
            party_organisation="ТОО «Жолдас Строй»",
            occasion="Visit",
            description="Sweets",
            value="1000",
            currency="KZT",
            date=dt.date.today() - dt.timedelta(days=days),
        )
    page = _client(user_with_role("officer")).get(reverse("conflicts:gift-list")).content.decode()
    assert page.count(">repeated<") == 3
