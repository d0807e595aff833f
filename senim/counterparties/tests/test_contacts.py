"""Contacts of a counterparty are edited on the page and over the API, audited old → new; bad input
is refused with the reason and changes nothing."""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import token_client
from senim.accounts.tests.factories import user_with_role
from senim.core.access import PermissionDenied
from senim.core.models import AuditEvent
from senim.counterparties import services
from senim.counterparties.models import Contact
from senim.counterparties.tests.factories import ContactFactory

pytestmark = pytest.mark.django_db


def _api(user) -> Client:
    return token_client(user)


def test_an_officer_edits_a_contact_on_the_page_and_it_is_audited(group):
    contact = ContactFactory(name="Айгерим", position="Бухгалтер", email="a@example.kz")
    cp = contact.counterparty
    client = Client()
    client.force_login(user_with_role("officer"))
    detail = client.get(reverse("counterparties:counterparty-detail", args=[cp.pk]))
    url = reverse("counterparties:contact-edit", args=[cp.pk, contact.pk])
    assert url.encode() in detail.content
    assert "Бухгалтер" in client.get(url).content.decode()
    response = client.post(
        url, {"name": "Айгерим Серикова", "position": "Главный бухгалтер", "email": "", "phone": "+7 701"}
    )
    assert response.status_code == 302
    contact.refresh_from_db()
    assert (contact.name, contact.position, contact.email, contact.phone) == (
        "Айгерим Серикова",
        "Главный бухгалтер",
        "",
        "+7 701",
    )
    event = AuditEvent.objects.get(event_type="counterparties.contact.updated")
    assert event.changes["position"] == ["Бухгалтер", "Главный бухгалтер"] and event.object_id == str(contact.pk)


def test_bad_input_on_the_page_shows_the_error_and_changes_nothing(group):
    contact = ContactFactory(email="a@example.kz")
    client = Client()
    client.force_login(user_with_role("officer"))
    url = reverse("counterparties:contact-edit", args=[contact.counterparty.pk, contact.pk])
    response = client.post(url, {"name": "", "email": "not-an-address"})
    assert response.status_code == 200
    contact.refresh_from_db()
    assert contact.email == "a@example.kz" and not AuditEvent.objects.filter(
        event_type="counterparties.contact.updated"
    )
    other = ContactFactory()
    wrong = reverse("counterparties:contact-edit", args=[contact.counterparty.pk, other.pk])
    assert client.get(wrong).status_code == 404  # a contact of another counterparty


def test_contacts_are_edited_and_removed_over_the_api(group):
    contact = ContactFactory(name="Айгерим", phone="1")
    base = f"/api/v1/counterparties/counterparties/{contact.counterparty.pk}/contacts/{contact.pk}"
    officer = _api(user_with_role("officer"))
    changed = officer.patch(base, {"phone": "+998 90 123 45 67"}, content_type="application/json")
    assert changed.status_code == 200 and changed.json()["phone"] == "+998 90 123 45 67"
    assert changed.json()["name"] == "Айгерим"
    bad = officer.patch(base, {"email": "nope"}, content_type="application/json")
    assert bad.status_code in (400, 422)
    assert (
        _api(user_with_role("auditor")).patch(base, {"phone": "2"}, content_type="application/json").status_code == 403
    )
    contact.refresh_from_db()
    assert contact.phone == "+998 90 123 45 67"
    assert officer.delete(base).status_code == 204
    assert not Contact.objects.filter(pk=contact.pk).exists()
    assert AuditEvent.objects.filter(event_type="counterparties.contact.removed").count() == 1


def test_only_managers_edit_contacts():
    contact = ContactFactory()
    with pytest.raises(PermissionDenied):
        services.contact_update(actor=user_with_role("auditor"), contact=contact, name="X")


@settings(max_examples=25, deadline=None)
@given(name=st.text(max_size=250), email=st.text(max_size=60))
def test_free_form_input_is_saved_or_refused_never_half_saved(name, email):
    contact = ContactFactory(name="Start", email="")
    try:
        services.contact_update(actor=user_with_role("officer"), contact=contact, name=name, email=email)
    except ValidationError:
        stored = Contact.objects.get(pk=contact.pk)
        assert (stored.name, stored.email) == ("Start", "")
    else:
        stored = Contact.objects.get(pk=contact.pk)
        assert stored.name == name and stored.email == email
