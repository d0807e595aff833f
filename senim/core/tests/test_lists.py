"""core.lists on real lists: sorting by a column from the query string, the date range, and the
CSV/XLSX download of exactly what the page lists (scoped, formula-safe), for every list that uses it."""

import datetime as dt
import io

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from senim.accounts.tests.factories import user_with_role
from senim.counterparties.models import Contract, Counterparty, VerificationCase
from senim.counterparties.tests.factories import CounterpartyFactory

pytestmark = pytest.mark.django_db


def _client(user) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user)
    return client


def _names(response) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(item) for item in response.context["page_obj"].object_list]


@pytest.fixture
def register(group):
    alpha = CounterpartyFactory(name_ru="Альфа", name_en="Alpha")
    beta = CounterpartyFactory(name_ru="Бета", name_en="Beta")
    evil = CounterpartyFactory(name_ru='=HYPERLINK("http://x")', name_en='=HYPERLINK("http://x")')
    for number, (cp, day, amount) in enumerate(
        [(alpha, dt.date(2025, 1, 10), 500), (beta, dt.date(2025, 6, 1), 100), (evil, dt.date(2024, 3, 3), 900)]
    ):
        Contract.objects.create(
            counterparty=cp, company=group.a, unit=group.branch, number=f"C-{number}", date=day, amount=amount
        )
    Contract.objects.create(counterparty=beta, company=group.b, number="B-1", date=dt.date(2025, 2, 2), amount=1)
    return {"alpha": alpha, "beta": beta, "evil": evil}


def test_a_column_named_in_the_query_string_sorts_the_list_both_ways(group, register):
    client = _client(user_with_role("officer"))
    url = reverse("counterparties:contract-list")
    up = client.get(url, {"sort": "amount"})
    down = client.get(url, {"sort": "-amount"})
    amounts = [c.amount for c in up.context["page_obj"].object_list]
    assert amounts == sorted(amounts) and len(amounts) == 4
    assert [c.amount for c in down.context["page_obj"].object_list] == sorted(amounts, reverse=True)
    assert up.context["current_sort"] == "amount"
    # an unknown or unsortable column falls back to the default, never an error
    odd = client.get(url, {"sort": "-method'; DROP"})
    assert odd.status_code == 200 and odd.context["current_sort"] == "-date"


def test_the_date_range_narrows_the_list_and_a_bad_range_is_an_error_not_a_500(group, register):
    client = _client(user_with_role("officer"))
    url = reverse("counterparties:contract-list")
    ranged = client.get(url, {"date_from": "2025-01-01", "date_to": "2025-03-31"})
    assert sorted(c.number for c in ranged.context["page_obj"].object_list) == ["B-1", "C-0"]
    reversed_range = client.get(url, {"date_from": "2025-12-01", "date_to": "2025-01-01"})
    assert reversed_range.status_code == 200 and reversed_range.context["list_dates"].errors
    assert len(reversed_range.context["page_obj"].object_list) == 4
    assert client.get(url, {"date_from": "not a date"}).status_code == 200


def test_the_csv_download_is_the_filtered_sorted_list_of_the_actors_scope_and_formula_safe(group, register):
    in_a = _client(user_with_role("officer", company=group.a))
    response = in_a.get(reverse("counterparties:contract-list"), {"sort": "-amount", "export": "csv"})
    body = b"".join(response.streaming_content).decode("utf-8")
    lines = body.splitlines()
    assert response["Content-Type"].startswith("text/csv") and body.startswith("\ufeff")
    assert [line.split(",")[0] for line in lines[1:]] == ["C-2", "C-0", "C-1"]  # company B's contract left out
    assert "'=HYPERLINK" in body and ",=HYPERLINK" not in body


def test_the_xlsx_download_keeps_numbers_dates_and_formula_text_as_text(group, register):
    response = _client(user_with_role("officer")).get(
        reverse("counterparties:contract-list"), {"export": "xlsx", "date_from": "2024-01-01"}
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Number" and len(rows) == 5
    evil = next(row for row in rows if row[0] == "C-2")
    assert evil[3] == '=HYPERLINK("http://x")' and evil[5] == 900
    assert isinstance(evil[1], dt.datetime)
    cell = next(c for c in sheet["D"] if c.value == '=HYPERLINK("http://x")')
    assert cell.data_type == "s"


def test_the_counterparty_list_shows_and_sorts_by_risk_and_due_diligence(group, register):
    officer = user_with_role("officer")
    common = {"company": group.a, "procurement_method": "open_tender", "subject": "Works", "level": "standard"}
    VerificationCase.objects.create(
        counterparty=register["beta"], opened_on=dt.date(2025, 1, 1), risk_level="high", status="approved", **common
    )
    VerificationCase.objects.create(
        counterparty=register["alpha"], opened_on=dt.date(2025, 1, 1), risk_level="medium", **common
    )
    client = _client(officer)
    page = client.get(reverse("counterparties:counterparty-list"), {"sort": "-risk"})
    listed = list(page.context["page_obj"].object_list)
    assert [c.pk for c in listed[:2]] == [register["beta"].pk, register["alpha"].pk]
    html = page.content.decode()
    assert "High" in html and "Approved" in html and "Not verified" in html
    # someone who sees no verifications sees no risk either
    outside = _client(user_with_role("officer", company=group.b)).get(reverse("counterparties:counterparty-list"))
    assert all(c.dd_risk is None for c in outside.context["page_obj"].object_list)
    assert Counterparty.objects.count() == 3


@pytest.mark.parametrize(
    "name",
    [
        "counterparties:counterparty-list",
        "counterparties:contract-list",
        "counterparties:case-list",
        "counterparties:application-list",
        "speakup:case-list",
        "screening:hit-list",
        "conflicts:declaration-list",
        "conflicts:alert-list",
        "conflicts:gift-list",
    ],
)
def test_every_list_sorts_filters_by_date_and_downloads(group, name):
    client = _client(user_with_role("officer"))
    url = reverse(name)
    page = client.get(url)
    assert page.status_code == 200
    table = page.context["list_table"]
    assert table.date_field and page.context["list_dates"] is not None
    for column in table.columns:
        if column.sortable:
            assert client.get(url, {"sort": f"-{column.key}", "date_from": "2020-01-01"}).status_code == 200
    csv = client.get(url, {"export": "csv"})
    header = next(iter(csv.streaming_content)).decode("utf-8")
    assert header.lstrip("\ufeff").startswith(str(table.columns[0].label))
    assert client.get(url, {"export": "xlsx"})["Content-Type"].startswith("application/vnd.openxmlformats")


def _queries(client, url) -> int:  # type: ignore[no-untyped-def]
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def test_list_pages_make_as_many_queries_for_forty_rows_as_for_four(group):
    """No query per row on the hot lists (related objects are joined or prefetched)."""
    officer = user_with_role("officer")
    client = _client(officer)
    urls = [reverse(name) for name in ("counterparties:counterparty-list", "counterparties:contract-list",
                                       "counterparties:case-list", "counterparties:application-list")]  # fmt: skip

    def add(count: int, start: int) -> None:
        common = {"procurement_method": "open_tender", "subject": "Works", "level": "standard"}
        for n in range(start, start + count):
            cp = CounterpartyFactory(name_ru=f"Контрагент {n}")
            Contract.objects.create(counterparty=cp, company=group.a, unit=group.branch, number=f"N-{n}",
                                    date=dt.date(2025, 1, 1))  # fmt: skip
            VerificationCase.objects.create(counterparty=cp, company=group.a, opened_on=dt.date(2025, 1, 1), **common)

    add(4, 0)
    few = [_queries(client, url) for url in urls]
    add(36, 4)
    assert [_queries(client, url) for url in urls] == few
