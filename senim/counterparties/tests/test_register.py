"""The register: identifiers validated with the reason, one counterparty per number, merges,
name-based duplicate suggestions, screening of the counterparty and its parties, and the
selector the conflicts-of-interest module matches against."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given, settings
from hypothesis import strategies as st

from senim.accounts.tests.factories import user_with_role
from senim.core import identifiers
from senim.core.access import SYSTEM, PermissionDenied
from senim.core.models import AuditEvent
from senim.counterparties import selectors, services
from senim.counterparties.models import Counterparty, Party
from senim.counterparties.tests.factories import (
    ContactFactory,
    CounterpartyFactory,
    ManagerFactory,
    OwnerFactory,
)

pytestmark = pytest.mark.django_db

GOOD_BIN = identifiers.make_bin(2015, 3, 777)


def _create(actor, **extra):
    data = {
        "kind": "legal_entity",
        "name_ru": "ТОО «Тест»",
        "country": "KZ",
        "identifier_kind": "bin",
        "identifier": GOOD_BIN,
    }
    data.update(extra)
    return services.counterparty_create(actor=actor, **data)


def test_officer_registers_a_counterparty_with_an_audit_event():
    officer = user_with_role("officer")
    counterparty = _create(officer, identifier=f"{GOOD_BIN[:4]} {GOOD_BIN[4:]}")
    assert counterparty.identifier == GOOD_BIN
    assert AuditEvent.objects.filter(event_type="counterparties.counterparty.created", object_id=str(counterparty.pk))
    assert "тест" in counterparty.search_text


def test_a_bin_with_a_typo_is_refused_with_the_reason():
    bad = GOOD_BIN[:-1] + str((int(GOOD_BIN[-1]) + 1) % 10)
    with pytest.raises(ValidationError) as caught:
        _create(user_with_role("officer"), identifier=bad)
    assert "check digit" in str(caught.value.message_dict["identifier"])
    assert not Counterparty.objects.exists()


def test_a_person_number_does_not_fit_a_legal_entity_and_the_country_must_match():
    officer = user_with_role("officer")
    iin = identifiers.make_iin(dt.date(1980, 2, 2), "F", 12)
    with pytest.raises(ValidationError) as caught:
        _create(officer, identifier_kind="iin", identifier=iin)
    assert "identifier_kind" in caught.value.message_dict
    with pytest.raises(ValidationError) as caught:
        _create(officer, country="UZ")
    assert "country" in caught.value.message_dict


def test_a_second_counterparty_with_the_same_number_is_refused_with_a_link_to_the_first():
    officer = user_with_role("officer")
    first = _create(officer)
    with pytest.raises(services.DuplicateCounterparty) as caught:
        _create(officer, name_ru="Другое имя")
    assert caught.value.existing == first
    other = _create(officer, identifier=identifiers.make_bin(2016, 4, 55))
    with pytest.raises(services.DuplicateCounterparty):
        services.counterparty_update(actor=officer, counterparty=other, identifier=GOOD_BIN)


@pytest.mark.parametrize("role", ["investigator", "approver", "auditor", "employee"])
def test_roles_without_manage_cannot_register(role):
    with pytest.raises(PermissionDenied):
        _create(user_with_role(role))


@pytest.mark.parametrize("role", ["admin", "officer", "investigator", "approver", "auditor"])
def test_staff_roles_read_the_whole_register_even_when_company_scoped(group, role):
    counterparty = CounterpartyFactory()
    assert list(selectors.counterparty_list(actor=user_with_role(role, company=group.b))) == [counterparty]


def test_employees_and_users_without_roles_see_no_counterparty(group):
    CounterpartyFactory()
    assert not selectors.counterparty_list(actor=user_with_role("employee", employee=group.in_b)).exists()


def test_search_finds_any_language_and_the_number():
    counterparty = CounterpartyFactory(name_kk="«Жол құрылыс» ЖШС", name_en="Zhol Qurylys LLP")
    officer = user_with_role("officer")
    assert list(selectors.counterparty_list(actor=officer, query="құрылыс")) == [counterparty]
    assert list(selectors.counterparty_list(actor=officer, query=counterparty.identifier)) == [counterparty]
    assert not selectors.counterparty_list(actor=officer, query="nothing-like-it").exists()


def test_owner_shares_are_bounded_and_only_owners_have_one():
    counterparty = CounterpartyFactory()
    officer = user_with_role("officer")
    services.party_add(actor=officer, counterparty=counterparty, role="owner", name="А", share=Decimal("60"))
    with pytest.raises(ValidationError):
        services.party_add(actor=officer, counterparty=counterparty, role="owner", name="Б", share=Decimal("50"))
    with pytest.raises(ValidationError):
        services.party_add(actor=officer, counterparty=counterparty, role="manager", name="В", share=Decimal("5"))
    with pytest.raises(ValidationError):
        services.party_add(
            actor=officer, counterparty=counterparty, role="owner", name="Г", identifier_kind="bin", identifier="1"
        )
    assert Party.objects.filter(counterparty=counterparty).count() == 1


def test_merge_moves_history_fills_gaps_and_keeps_the_duplicate_pointing_at_the_survivor():
    admin = user_with_role("admin")
    survivor = CounterpartyFactory(address="")
    duplicate = CounterpartyFactory(identifier="", identifier_kind="", address="Алматы, Абая 1")
    OwnerFactory(counterparty=duplicate)
    ContactFactory(counterparty=duplicate)
    services.counterparty_merge(actor=admin, survivor=survivor, duplicate=duplicate)
    survivor.refresh_from_db()
    duplicate.refresh_from_db()
    assert survivor.parties.count() == 1 and survivor.contacts.count() == 1
    assert survivor.address == "Алматы, Абая 1"
    assert duplicate.merged_into == survivor and not duplicate.is_active
    assert selectors.counterparty_get(actor=admin, counterparty_id=duplicate.pk).merged_into == survivor
    assert duplicate not in selectors.counterparty_list(actor=admin)
    assert AuditEvent.objects.filter(event_type="counterparties.counterparty.merged").count() == 1


def test_merging_needs_the_whole_group_and_two_different_live_counterparties(group):
    a, b = CounterpartyFactory(), CounterpartyFactory()
    with pytest.raises(PermissionDenied):
        services.counterparty_merge(actor=user_with_role("officer", company=group.a), survivor=a, duplicate=b)
    with pytest.raises(ValidationError):
        services.counterparty_merge(actor=user_with_role("admin"), survivor=a, duplicate=a)


def test_the_number_of_a_merged_counterparty_may_be_registered_again_only_through_the_survivor():
    admin = user_with_role("admin")
    survivor = CounterpartyFactory(identifier="", identifier_kind="")
    duplicate = CounterpartyFactory()
    services.counterparty_merge(actor=admin, survivor=survivor, duplicate=duplicate)
    survivor.refresh_from_db()
    assert survivor.identifier == duplicate.identifier


def test_similar_names_are_suggested_across_scripts_and_legal_forms():
    officer = user_with_role("officer")
    target = CounterpartyFactory(name_ru="ТОО «Казахстан Темир Сервис»", name_en="")
    CounterpartyFactory(name_ru="АО «Совсем Другое»", name_en="")
    found = selectors.counterparty_similar(actor=officer, names=["Kazakhstan Temir Servis LLP"])
    assert [cp for cp, _score in found] == [target]
    assert selectors.counterparty_similar(actor=officer, names=["Kazakhstan Temir Servis"], exclude_id=target.pk) == []


def test_parties_for_matching_lists_counterparties_owners_and_managers():
    counterparty = CounterpartyFactory(name_ru="", name_kk="", name_en="Gamma LLP")
    owner = OwnerFactory(counterparty=counterparty)
    ManagerFactory(counterparty=counterparty, name="Ким Ольга", identifier_kind="", identifier="")
    merged = CounterpartyFactory()
    OwnerFactory(counterparty=merged)
    Counterparty.objects.filter(pk=merged.pk).update(merged_into=counterparty)
    rows = [r for r in selectors.counterparty_parties_for_matching() if r.counterparty_id == counterparty.id]
    assert {(r.role, r.name) for r in rows} == {
        ("counterparty", "Gamma LLP"),
        ("owner", owner.name),
        ("manager", "Ким Ольга"),
    }
    owner_row = next(r for r in rows if r.role == "owner")
    assert owner_row.share == Decimal("51") and owner_row.identifier == owner.identifier and owner_row.is_person
    assert owner_row.counterparty_name == "Gamma LLP" and owner_row.country == "KZ"
    assert all(r.counterparty_id != merged.id for r in selectors.counterparty_parties_for_matching())


def test_screening_uses_stable_subject_keys_for_the_counterparty_and_each_party():
    from senim.screening.models import Subject

    counterparty = CounterpartyFactory()
    party = OwnerFactory(counterparty=counterparty)
    services.counterparty_screen(actor=user_with_role("officer"), counterparty=counterparty)
    services.counterparty_screen(actor=SYSTEM, counterparty=counterparty)
    keys = set(Subject.objects.values_list("key", flat=True))
    assert keys == {f"counterparties.counterparty:{counterparty.pk}", f"counterparties.party:{party.pk}"}


@settings(max_examples=40, deadline=None)
@given(number=st.text(max_size=20))
def test_any_typed_number_is_either_stored_valid_or_refused_with_a_validation_error(number):
    counterparty = Counterparty(
        kind="legal_entity", name_en="X", country="KZ", identifier_kind="bin", identifier=number
    )
    try:
        counterparty.full_clean()
    except ValidationError:
        return
    assert number == "" or identifiers.is_valid_bin(number, strict=False)


def test_names_missing_in_the_readers_language_sort_by_their_fallback():
    from django.utils import translation

    officer = user_with_role("officer")
    b = CounterpartyFactory(name_ru="Б-компания", name_kk="", name_en="")
    a = CounterpartyFactory(name_ru="", name_kk="А-компания", name_en="")
    c = CounterpartyFactory(name_ru="В-компания", name_kk="", name_en="")
    with translation.override("kk"):
        assert list(selectors.counterparty_list(actor=officer)) == [a, b, c]
        assert list(selectors.counterparty_list(actor=officer, sort="-name")) == [c, b, a]


def test_the_history_keeps_the_merged_duplicates_events_for_group_wide_auditors(group):
    admin = user_with_role("admin")
    survivor = _create(admin)
    duplicate = services.counterparty_create(actor=admin, name_ru="Дубль", country="KZ")
    services.party_add(actor=admin, counterparty=duplicate, role="manager", name="Ким")
    services.counterparty_merge(actor=admin, survivor=survivor, duplicate=duplicate)
    types = [
        e.event_type for e in selectors.counterparty_history(actor=user_with_role("auditor"), counterparty=survivor)
    ]
    assert "counterparties.party.created" in types and "counterparties.counterparty.merged" in types
    assert types.count("counterparties.counterparty.created") == 2
    scoped = user_with_role("auditor", company=group.a)
    assert selectors.counterparty_history(actor=scoped, counterparty=survivor) == []


def test_a_latin_spelling_finds_a_name_written_only_in_cyrillic():
    counterparty = CounterpartyFactory(name_ru="ТОО «Нурлы Жол»", name_en="")
    assert list(selectors.counterparty_list(actor=user_with_role("auditor"), query="nurly zhol")) == [counterparty]
