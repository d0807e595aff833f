"""Administrators edit accounts, link them to employees, deactivate them and reset two-factor."""

from django.urls import reverse

from senim.accounts.models import User
from senim.accounts.tests.factories import UserFactory, user_with_role
from senim.core.clients import client_address
from senim.core.models import AuditEvent


def test_admin_links_an_account_to_an_employee_and_deactivates_it(client, group):
    client.force_login(user_with_role("admin"))
    subject = UserFactory()
    response = client.post(
        reverse("accounts:user-edit", args=[subject.pk]),
        {
            "email": "new@example.test",
            "first_name": "Асель",
            "last_name": "",
            "language": "kk",
            "is_active": "",
            "employee_number": group.in_leaf.personnel_number,
            "employee_company": group.a.pk,
        },
    )
    assert response.status_code == 302
    subject.refresh_from_db()
    assert (subject.employee_id, subject.is_active, subject.language) == (group.in_leaf.pk, False, "kk")
    assert AuditEvent.objects.filter(event_type="accounts.user.updated", object_id=str(subject.pk)).exists()


def test_unknown_personnel_number_is_an_inline_error_and_changes_nothing(client, group):
    client.force_login(user_with_role("admin"))
    subject = UserFactory(first_name="Old")
    response = client.post(
        reverse("accounts:user-edit", args=[subject.pk]),
        {
            "email": subject.email,
            "first_name": "New",
            "is_active": "on",
            "employee_number": "NOPE",
            "employee_company": group.a.pk,
        },
    )
    assert response.status_code == 200 and "employee_number" in response.context["form"].errors
    assert User.objects.get(pk=subject.pk).first_name == "Old"


def test_admin_resets_a_users_two_factor_and_it_is_audited(client, group):
    client.force_login(user_with_role("admin"))
    subject = UserFactory(totp_secret="JBSWY3DPEHPK3PXP", totp_confirmed=True)
    client.post(reverse("accounts:two-factor-reset", args=[subject.pk]))
    subject.refresh_from_db()
    assert not subject.totp_confirmed and not subject.totp_secret
    assert AuditEvent.objects.filter(event_type="accounts.two_factor.reset").count() == 1


def test_non_admins_cannot_edit_users(client, group):
    client.force_login(user_with_role("officer"))
    subject = UserFactory()
    assert client.get(reverse("accounts:user-edit", args=[subject.pk])).status_code == 403


def test_client_address_behind_one_trusted_proxy_takes_the_last_hop(rf, settings):
    settings.SENIM_TRUSTED_PROXIES = 1
    request = rf.get("/", HTTP_X_FORWARDED_FOR="6.6.6.6, 10.0.0.7", REMOTE_ADDR="127.0.0.1")
    assert client_address(request) == "10.0.0.7"
    settings.SENIM_TRUSTED_PROXIES = 0
    assert client_address(request) == "127.0.0.1"
