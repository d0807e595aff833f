"""The module's lists through core.lists: each download holds the filtered list of the actor's scope,
and a bad date is a form error, not a 500."""

import pytest
from django.urls import reverse

from conftest import list_export, list_page
from senim.accounts.tests.factories import user_with_role
from senim.awareness import services
from senim.awareness.tests.factories import adopted_code

pytestmark = pytest.mark.django_db


def _document(group, code: str, kind: str, company) -> None:  # type: ignore[no-untyped-def]
    services.document_create(
        actor=user_with_role("officer"),
        kind=kind,
        code=code,
        titles={"ru": f"Документ {code}", "en": f"Document {code}"},
        company=company,
        companies=[company],
        texts={"ru": "Текст."},
    )


def test_the_document_download_follows_the_filters_and_scope(group):
    adopted_code(group)  # applies to both companies, in force
    _document(group, "A-POL", "policy", group.a)
    _document(group, "B-POL", "policy", group.b)
    url = reverse("awareness:document-list")
    header, rows = list_export(user_with_role("officer", company=group.a), url, kind="policy")
    assert header[:2] == ["Number", "Title"]
    assert [row[0] for row in rows] == ["A-POL"]  # company B's policy is outside the scope
    _header, everyone = list_export(user_with_role("officer"), url, kind="policy", sort="-code")
    assert [row[0] for row in everyone] == ["B-POL", "A-POL"]
    _header, in_force = list_export(user_with_role("officer"), url, status="in_force")
    assert [row[0] for row in in_force] == ["AC-CODE"]


def test_the_outsider_download_follows_the_dates_and_scope(group):
    version = adopted_code(group).current_version
    for company, name in ((group.a, "Ахметов Серик"), (group.b, "Karimov Anvar")):
        services.outsider_invite(
            actor=user_with_role("officer"),
            version=version,
            company_id=company.pk,
            kind="board",
            person=services.Person(name, "Член Совета директоров"),
        )
    url = reverse("awareness:outsiders")
    header, rows = list_export(user_with_role("officer", company=group.a), url)
    assert header[0] == "Full name" and [row[0] for row in rows] == ["Ахметов Серик"]
    _header, everyone = list_export(user_with_role("officer"), url, sort="name")
    assert [row[0] for row in everyone] == ["Karimov Anvar", "Ахметов Серик"]
    _header, acknowledged = list_export(user_with_role("officer"), url, date_from="2020-01-01")
    assert acknowledged == []  # nobody has acknowledged yet


@pytest.mark.parametrize(
    "name", ["document-list", "campaign-list", "overdue", "agreement-list", "check-list", "outsiders"]
)
def test_every_list_downloads_and_a_bad_date_is_a_form_error(group, name):
    officer = user_with_role("officer")
    url = reverse(f"awareness:{name}")
    page = list_page(officer, url, date_from="31.02.2025", sort="-nonsense")
    table = page.context["list_table"]
    assert page.context["list_dates"] is None or page.context["list_dates"].errors
    header, _rows = list_export(officer, url, date_from="31.02.2025")
    assert header == [str(column.label) for column in table.columns]
    for column in table.columns:
        if column.sortable:
            list_page(officer, url, sort=f"-{column.key}")
