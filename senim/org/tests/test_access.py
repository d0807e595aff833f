"""Role matrix for the organisation: what each role sees and may change, inside and outside its scope."""

import pytest

from senim.accounts.tests.factories import user_with_role
from senim.core.access import PermissionDenied
from senim.org import selectors, services

ALL = {"in_root", "in_branch", "in_leaf", "in_b"}


def _visible(user, group):
    ids = set(selectors.employee_list(actor=user).values_list("id", flat=True))
    return {name for name in ALL if getattr(group, name).id in ids}


@pytest.mark.parametrize("role", ["admin", "officer", "investigator", "approver", "auditor"])
def test_group_wide_staff_roles_see_every_employee(group, role):
    assert _visible(user_with_role(role), group) == ALL


@pytest.mark.parametrize("role", ["admin", "officer", "investigator", "approver", "auditor"])
def test_company_scoped_roles_see_only_their_company(group, role):
    assert _visible(user_with_role(role, company=group.b), group) == {"in_b"}


def test_unit_scope_covers_the_subtree_and_nothing_above_it(group):
    officer = user_with_role("officer", unit=group.branch)
    assert _visible(officer, group) == {"in_branch", "in_leaf"}


def test_employee_sees_only_their_own_record(group):
    user = user_with_role("employee", employee=group.in_leaf)
    assert _visible(user, group) == {"in_leaf"}
    assert selectors.company_list(actor=user).count() == 0


def test_user_without_roles_sees_nothing(group):
    from senim.accounts.tests.factories import UserFactory

    assert _visible(UserFactory(), group) == set()


def test_inactive_user_sees_nothing(group):
    user = user_with_role("admin", is_active=False)
    assert _visible(user, group) == set()


@pytest.mark.parametrize("role", ["investigator", "approver", "auditor", "employee"])
def test_read_only_roles_cannot_change_employees(group, role):
    user = user_with_role(role, employee=group.in_leaf)
    with pytest.raises(PermissionDenied):
        services.employee_update(actor=user, employee=group.in_leaf, surname="Changed")


def test_officer_changes_inside_scope_but_not_outside(group):
    officer = user_with_role("officer", unit=group.branch)
    services.employee_update(actor=officer, employee=group.in_leaf, surname="Сейткали")
    group.in_leaf.refresh_from_db()
    assert group.in_leaf.surname == "Сейткали"
    with pytest.raises(PermissionDenied):
        services.employee_update(actor=officer, employee=group.in_root, surname="Nope")


def test_only_group_wide_roles_create_companies(group):
    with pytest.raises(PermissionDenied):
        services.company_create(
            actor=user_with_role("admin", company=group.a),
            name_en="X",
            registration_kind="foreign",
            registration_number="X-1",
            country="DE",
        )
    company = services.company_create(
        actor=user_with_role("admin"), name_en="X", registration_kind="foreign", registration_number="X-1", country="de"
    )
    assert company.country == "DE"
