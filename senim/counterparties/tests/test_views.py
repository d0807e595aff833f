"""The register's and the contracts' pages for each role, in and out of scope; bad input never 500s."""

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from senim.accounts.tests.factories import user_with_role
from senim.core import identifiers
from senim.counterparties.models import Contract, Counterparty
from senim.counterparties.tests.factories import CounterpartyFactory, OwnerFactory

pytestmark = pytest.mark.django_db

STAFF = ["admin", "officer", "investigator", "approver", "auditor"]


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def counterparty():
    cp = CounterpartyFactory(name_ru="ТОО «Альфа Снаб»", name_en="")
    OwnerFactory(counterparty=cp)
    return cp


def _contract(group, counterparty, **extra):
    data = {"company": group.a, "unit": group.branch, "number": "A-1", "date": dt.date(2025, 3, 1)}
    data.update(extra)
    return Contract.objects.create(counterparty=counterparty, **data)


@pytest.mark.parametrize("role", STAFF)
def test_staff_open_the_register_and_a_card(group, counterparty, role):
    client = _client(user_with_role(role, company=group.b))
    page = client.get(reverse("counterparties:counterparty-list"), {"q": "альфа"})
    assert page.status_code == 200 and "Альфа Снаб" in page.content.decode()
    card = client.get(reverse("counterparties:counterparty-detail", args=[counterparty.pk]))
    assert card.status_code == 200 and "Сапаров" in card.content.decode()


def test_employees_and_anonymous_users_are_kept_out(group, counterparty):
    client = _client(user_with_role("employee", employee=group.in_leaf))
    assert client.get(reverse("counterparties:counterparty-list")).status_code == 403
    assert client.get(reverse("counterparties:contract-list")).status_code == 403
    assert Client().get(reverse("counterparties:counterparty-list")).status_code == 302


@pytest.mark.parametrize("role", ["investigator", "approver", "auditor"])
def test_read_only_roles_cannot_open_the_forms(group, counterparty, role):
    client = _client(user_with_role(role))
    assert client.get(reverse("counterparties:counterparty-create")).status_code == 403
    assert client.get(reverse("counterparties:counterparty-edit", args=[counterparty.pk])).status_code == 403
    assert client.get(reverse("counterparties:import-upload")).status_code == 403


def test_officer_registers_a_counterparty_and_a_duplicate_number_links_to_the_first(group, counterparty):
    client = _client(user_with_role("officer"))
    number = identifiers.make_bin(2018, 6, 42)
    data = {"kind": "legal_entity", "name_ru": "ТОО «Бета»", "country": "KZ", "category": "private"}
    data |= {"identifier_kind": "bin", "identifier": number, "is_active": "on"}
    created = client.post(reverse("counterparties:counterparty-create"), data)
    assert created.status_code == 302
    again = client.post(reverse("counterparties:counterparty-create"), data | {"name_ru": "Бета"})
    assert again.status_code == 200
    first = Counterparty.objects.get(identifier=number)
    assert reverse("counterparties:counterparty-detail", args=[first.pk]) in again.content.decode()
    assert Counterparty.objects.filter(identifier=number).count() == 1


def test_a_typo_in_the_bin_is_shown_on_the_form_and_nothing_is_saved(group):
    client = _client(user_with_role("officer"))
    number = identifiers.make_bin(2018, 6, 42)
    bad = number[:-1] + str((int(number[-1]) + 1) % 10)
    data = {"kind": "legal_entity", "name_ru": "ТОО «Гамма»", "country": "KZ", "category": "private"}
    page = client.post(
        reverse("counterparties:counterparty-create"), data | {"identifier_kind": "bin", "identifier": bad}
    )
    assert page.status_code == 200 and "check digit" in page.content.decode()
    assert not Counterparty.objects.exists()


def test_officer_adds_an_owner_with_an_invalid_iin_and_sees_the_reason(counterparty):
    client = _client(user_with_role("officer"))
    url = reverse("counterparties:party-create", args=[counterparty.pk])
    page = client.post(
        url, {"role": "owner", "is_person": "on", "name": "Ким", "identifier_kind": "iin", "identifier": "123"}
    )
    assert page.status_code == 200 and "Wrong number of digits" in page.content.decode()
    ok = client.post(url, {"role": "manager", "is_person": "on", "name": "Ким Ольга", "position": "Директор"})
    assert ok.status_code == 302 and counterparty.parties.count() == 2


def test_merge_page_merges_for_group_wide_officers_only(group, counterparty):
    duplicate = CounterpartyFactory(identifier="", identifier_kind="")
    url = reverse("counterparties:counterparty-merge", args=[counterparty.pk])
    scoped = _client(user_with_role("officer", company=group.a))
    page = scoped.post(url, {"duplicate": str(duplicate.pk), "confirm": "on"})
    assert page.status_code == 200
    duplicate.refresh_from_db()
    assert duplicate.merged_into is None
    group_wide = _client(user_with_role("officer"))
    assert group_wide.post(url, {"duplicate": str(duplicate.pk), "confirm": "on"}).status_code == 302
    duplicate.refresh_from_db()
    assert duplicate.merged_into == counterparty


def test_unknown_and_malformed_ids_are_404(counterparty):
    client = _client(user_with_role("officer"))
    assert client.get("/counterparties/00000000-0000-0000-0000-000000000000/").status_code == 404
    assert client.get("/counterparties/contracts/00000000-0000-0000-0000-000000000000/").status_code == 404
    assert client.get("/counterparties/import/nope/").status_code == 404


def test_contracts_are_scoped_by_company(group, counterparty):
    contract = _contract(group, counterparty)
    other = _contract(group, counterparty, company=group.b, unit=None, number="B-1")
    scoped = _client(user_with_role("auditor", company=group.b))
    page = scoped.get(reverse("counterparties:contract-list")).content.decode()
    assert "B-1" in page and "A-1" not in page
    assert scoped.get(reverse("counterparties:contract-detail", args=[contract.pk])).status_code == 404
    assert scoped.get(reverse("counterparties:contract-detail", args=[other.pk])).status_code == 200
    coverage = scoped.get(reverse("counterparties:contract-coverage"))
    assert coverage.status_code == 200


def test_officer_of_one_company_cannot_register_a_contract_for_another(group, counterparty):
    client = _client(user_with_role("officer", company=group.b))
    url = reverse("counterparties:contract-create", args=[counterparty.pk])
    data = {"company": str(group.a.pk), "number": "X-1", "date": "2025-01-10", "procurement_method": "direct"}
    data |= {"currency": "KZT", "has_clause": "on"}
    page = client.post(url, data)
    assert page.status_code == 200 and not Contract.objects.exists()
    page = client.post(url, data | {"company": str(group.b.pk)})
    assert page.status_code == 302 and Contract.objects.get().company == group.b


def test_import_wizard_checks_then_imports_counterparties(tmp_path, group):
    client = _client(user_with_role("officer"))
    number = identifiers.make_bin(2019, 1, 9)
    content = f"name_ru;country;identifier\nТОО «Импорт»;KZ;{number}\nБез страны;;\n".encode()
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("cp.csv", content, content_type="text/csv")
    response = client.post(reverse("counterparties:import-upload"), {"kind": "counterparties", "file": upload})
    assert response.status_code == 302
    preview = client.get(response["Location"])
    assert preview.status_code == 200 and "country" in preview.content.decode()
    token = response["Location"].rstrip("/").split("/")[-1]
    assert reverse("counterparties:import-confirm", args=[token]) in preview.content.decode()  # the shared page
    refused = client.post(reverse("counterparties:import-confirm", args=[token]))
    assert refused.status_code == 302 and not Counterparty.objects.exists()
    done = client.post(reverse("counterparties:import-confirm", args=[token]), {"mode": "valid_only"})
    assert done.status_code == 302 and Counterparty.objects.get().identifier == number


def test_a_contract_links_only_a_verification_of_its_company_and_counterparty(group, counterparty):
    from django.core.exceptions import ValidationError

    from senim.counterparties import services

    officer = user_with_role("officer")
    case = services.case_open(
        actor=officer, company=group.a, counterparty=counterparty, procurement_method="direct", subject="Услуги"
    )
    data = {"company": group.a, "number": "V-1", "date": dt.date(2025, 5, 1), "counterparty": counterparty}
    contract = services.contract_create(actor=officer, verification_case=case, **data)
    assert contract.verification_case == case
    with pytest.raises(ValidationError) as caught:
        services.contract_create(
            actor=officer, verification_case=case, **(data | {"company": group.b, "number": "V-2"})
        )
    assert "verification_case" in caught.value.message_dict


@pytest.mark.parametrize("role", ["officer", "auditor", "approver"])
def test_the_dashboard_shows_the_counterparty_tiles(group, counterparty, role):
    page = _client(user_with_role(role)).get("/")
    assert page.status_code == 200
    assert "Contracts this year" in page.content.decode()


def test_documents_are_attached_downloaded_and_removed_and_odd_files_refused(group, counterparty):
    from django.core.files.uploadedfile import SimpleUploadedFile

    officer = _client(user_with_role("officer"))
    url = reverse("counterparties:document-create", args=[counterparty.pk])
    bad = officer.post(url, {"kind": "charter", "title": "Устав", "upload": SimpleUploadedFile("x.exe", b"MZ")})
    assert bad.status_code == 200 and not counterparty.documents.exists()
    ok = officer.post(url, {"kind": "charter", "title": "Устав", "upload": SimpleUploadedFile("ustav.pdf", b"%PDF")})
    assert ok.status_code == 302
    document = counterparty.documents.get()
    reader = _client(user_with_role("auditor", company=group.b))
    download = reader.get(reverse("counterparties:document-download", args=[counterparty.pk, document.pk]))
    assert download.status_code == 200 and b"".join(download.streaming_content) == b"%PDF"
    assert (
        reader.post(reverse("counterparties:document-remove", args=[counterparty.pk, document.pk])).status_code == 403
    )
    removed = officer.post(reverse("counterparties:document-remove", args=[counterparty.pk, document.pk]))
    assert removed.status_code == 302 and not counterparty.documents.exists()


def test_the_apps_root_leads_to_the_register_and_the_sidebar_marks_one_entry(counterparty):
    client = _client(user_with_role("officer"))
    assert client.get("/counterparties/")["Location"] == reverse("counterparties:counterparty-list")
    page = client.get(reverse("counterparties:application-list")).content.decode()
    assert page.count('aria-current="page"') <= 2  # the sidebar entry and the breadcrumb
