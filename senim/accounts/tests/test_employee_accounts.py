"""Accounts for every employee: created or linked from the records, from the HR import and the API,
with the employee role over their own record; deactivated on dismissal."""

import datetime as dt
import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client

from senim.accounts import provisioning, services
from senim.accounts.models import RoleAssignment, User
from senim.accounts.tests.factories import UserFactory, user_with_role
from senim.core import identifiers
from senim.core.access import SYSTEM, PermissionDenied, Role
from senim.core.models import AuditEvent
from senim.org import services as org_services
from senim.org.policy import VIEW_EMPLOYEE
from senim.org.tests.factories import EmployeeFactory

ACCOUNTS = "/api/v1/accounts/employee-accounts"


def _bearer(user) -> dict[str, str]:
    _record, secret = services.api_token_create(actor=user, name="t")
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


def test_provision_creates_an_employee_account_per_employee_with_their_own_scope(group):
    result = provisioning.employee_accounts_provision(actor=SYSTEM)
    assert len(result.created) == 4 and not result.linked
    user = User.objects.get(employee=group.in_leaf)
    assert not user.has_usable_password() and user.is_active
    assert user.username == f"{group.a.registration_number}-{group.in_leaf.personnel_number}".lower()
    assert [(a.role, a.company_id) for a in RoleAssignment.objects.filter(user=user)] == [(Role.EMPLOYEE, group.a.id)]
    scope = user.scope_for(VIEW_EMPLOYEE)
    assert scope.own_employee_ids == {group.in_leaf.id} and not scope.company_ids and not scope.everything
    events = AuditEvent.objects.filter(event_type="accounts.user.created")
    assert events.count() == 4 and events.filter(object_id=str(user.id), actor__isnull=True).exists()
    again = provisioning.employee_accounts_provision(actor=SYSTEM)
    assert not again.created and again.unchanged == 4 and User.objects.count() == 4


def test_an_existing_account_with_the_employees_email_is_linked_not_duplicated(group):
    group.in_root.email = "Ospanov@Alpha.kz"
    group.in_root.save()
    existing = UserFactory(email="ospanov@alpha.kz")
    result = provisioning.employee_accounts_provision(actor=SYSTEM, company_id=group.a.id)
    assert [row["user_id"] for row in result.linked] == [str(existing.id)]
    existing.refresh_from_db()
    assert existing.employee_id == group.in_root.id
    assert User.objects.filter(employee__company=group.a).count() == 3
    assert not User.objects.filter(employee=group.in_b).exists()


def test_dismissed_employees_get_no_account_and_lose_theirs(group):
    provisioning.employee_accounts_provision(actor=SYSTEM)
    org_services.employee_dismiss(actor=user_with_role(Role.OFFICER), employee=group.in_branch, on=dt.date.today())
    user = User.objects.get(employee=group.in_branch)
    assert not user.is_active  # deactivated by the dismissal itself
    assert AuditEvent.objects.filter(event_type="accounts.user.deactivated", object_id=str(user.id)).exists()
    gone = EmployeeFactory(company=group.a, dismissal_date=dt.date(2024, 1, 1))
    provisioning.employee_accounts_provision(actor=SYSTEM)
    assert not User.objects.filter(employee=gone).exists()


def test_company_admin_provisions_only_their_company(group):
    admin_a = user_with_role(Role.ADMIN, company=group.a)
    provisioning.employee_accounts_provision(actor=admin_a, company_id=group.a.id)
    assert User.objects.filter(employee__isnull=False).count() == 3
    with pytest.raises(PermissionDenied):
        provisioning.employee_accounts_provision(actor=admin_a, company_id=group.b.id)
    with pytest.raises(PermissionDenied):
        provisioning.employee_accounts_provision(actor=user_with_role(Role.OFFICER), company_id=group.a.id)
    with pytest.raises(PermissionDenied):  # the whole group needs a group-wide administrator
        provisioning.employee_accounts_provision(actor=admin_a)


HEADER = "company,personnel_number,surname,given_name,patronymic,iin,unit_code,hire_date,email,dismissal_date"


def _file(tmp_path: Path, group, rows: list[tuple[int, str]]) -> Path:
    lines = [HEADER]
    for n, dismissal in rows:
        iin = identifiers.make_iin(dt.date(1985, 5, 1) + dt.timedelta(days=n), "F", 200 + n)
        lines.append(
            f"{group.a.registration_number},N{n:04d},Сейтқали,Әсел,,{iin},LEAF,2024-02-01,a{n}@x.kz,{dismissal}"
        )
    path = tmp_path / "staff.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_hr_import_creates_accounts_and_deactivates_dismissed_when_switched_on(group, tmp_path, settings):
    settings.SENIM_EMPLOYEE_ACCOUNTS = True
    call_command("import", "employees", str(_file(tmp_path, group, [(1, ""), (2, "")])), stdout=io.StringIO())
    users = User.objects.filter(employee__personnel_number__in=["N0001", "N0002"])
    assert users.count() == 2 and {u.email for u in users} == {"a1@x.kz", "a2@x.kz"}
    yesterday = (dt.date.today() - dt.timedelta(days=1)).isoformat()
    call_command("import", "employees", str(_file(tmp_path, group, [(1, ""), (2, yesterday)])), stdout=io.StringIO())
    assert not User.objects.get(employee__personnel_number="N0002").is_active
    assert User.objects.get(employee__personnel_number="N0001").is_active


def test_hr_import_without_the_setting_creates_no_accounts_but_still_deactivates(group, tmp_path, settings):
    settings.SENIM_EMPLOYEE_ACCOUNTS = False
    call_command("import", "employees", str(_file(tmp_path, group, [(1, "")])), stdout=io.StringIO())
    assert not User.objects.exists()
    user = UserFactory()
    provisioning.user_link_employee(actor=SYSTEM, user=user, employee=group.in_leaf)
    officer = user_with_role(Role.OFFICER)
    org_services.employee_update(actor=officer, employee=group.in_leaf, dismissal_date=dt.date.today())
    user.refresh_from_db()
    assert not user.is_active


def test_api_creates_links_and_reports_the_ids(group):
    client = Client()
    admin = _bearer(user_with_role(Role.ADMIN))
    response = client.post(
        ACCOUNTS, {"employee_ids": [str(group.in_leaf.id)]}, content_type="application/json", **admin
    )
    assert response.status_code == 200
    body = response.json()
    assert [row["employee_id"] for row in body["created"]] == [str(group.in_leaf.id)]
    user_id = body["created"][0]["user_id"]
    assert User.objects.get(id=user_id).employee_id == group.in_leaf.id
    spare = UserFactory()
    linked = client.put(
        f"/api/v1/accounts/users/{spare.id}/employee",
        {"employee_id": str(group.in_root.id)},
        content_type="application/json",
        **admin,
    )
    assert linked.status_code == 200 and linked.json()["employee_id"] == str(group.in_root.id)
    clash = client.put(
        f"/api/v1/accounts/users/{spare.id}/employee",
        {"employee_id": str(group.in_leaf.id)},
        content_type="application/json",
        **admin,
    )
    assert clash.status_code == 422
    company = client.post(ACCOUNTS, {"company_id": str(group.b.id)}, content_type="application/json", **admin)
    assert len(company.json()["created"]) == 1
    assert client.post(ACCOUNTS, {}, content_type="application/json", **admin).status_code == 422


def test_api_refuses_employees_outside_the_callers_scope(group):
    client = Client()
    admin_a = _bearer(user_with_role(Role.ADMIN, company=group.a))
    response = client.post(ACCOUNTS, {"employee_ids": [str(group.in_b.id)]}, content_type="application/json", **admin_a)
    assert response.status_code == 404
    officer = _bearer(user_with_role(Role.OFFICER))
    response = client.post(ACCOUNTS, {"company_id": str(group.a.id)}, content_type="application/json", **officer)
    assert response.status_code == 403
    assert not User.objects.filter(employee__isnull=False).exists()


def test_cli_provisions_every_employee(group):
    out = io.StringIO()
    call_command("accounts", "provision", "--format", "json", stdout=out)
    assert len(json.loads(out.getvalue())["created"]) == 4
