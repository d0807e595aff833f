"""core.charts draws comparable bars and stacked columns as SVG; the dashboard shows Speak Up reports
by month and category, verifications by risk, clause coverage by company and gifts by month, each
within the viewer's scope and with its figures as a table."""

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from senim.accounts.tests.factories import user_with_role
from senim.conflicts import services as conflict_services
from senim.conflicts.tests.factories import employee_user
from senim.core.charts import Series, bars_svg, columns_svg
from senim.core.dashboard import counts_by_month, last_months, month_label
from senim.counterparties.models import Contract, VerificationCase
from senim.counterparties.tests.factories import CounterpartyFactory
from senim.speakup.models import Case
from senim.speakup.tests.factories import submit


def test_bars_draw_one_bar_per_series_and_category_and_escape_labels():
    svg = bars_svg(
        title="<Risk>", labels=["Low & fine", "High"], series=[Series("2026", [3, 1]), Series("2025", [0, 4])]
    )
    assert svg.count("<rect") == 4 + 2  # bars and the legend
    assert "&lt;Risk&gt;" in svg and "Low &amp; fine" in svg and "<Risk>" not in svg
    assert 'role="img"' in svg and "<title>" in svg


def test_columns_stack_the_series_and_write_the_totals_in_the_readers_format():
    with translation.override("ru"):
        svg = columns_svg(title="T", labels=["Jan", "Feb"], series=[Series("A", [1000, 0]), Series("B", [234, 0])])
    assert svg.count("<rect") == 2 + 2  # two segments in January, none in February; the legend
    assert "1\xa0234" in svg or "1 234" in svg


def test_last_months_end_with_this_month_and_cross_the_year():
    months = last_months(dt.date(2026, 2, 17), 4)
    assert months == [dt.date(2025, 11, 1), dt.date(2025, 12, 1), dt.date(2026, 1, 1), dt.date(2026, 2, 1)]
    with translation.override("ru"):
        assert month_label(dt.date(2026, 1, 1)).endswith("26")


@pytest.mark.django_db
def test_counts_by_month_groups_rows_by_month_and_key(group):
    officer = user_with_role("officer")
    today = timezone.localdate()
    months = last_months(today, 3)
    for day in (today, today, months[0]):
        conflict_services.gift_declare(
            actor=officer, employee=group.in_leaf, kind="received", party_kind="official", party_name="X",
            occasion="Visit", description="Book", value="10", currency="KZT", date=day, today=today,
        )  # fmt: skip
    from senim.conflicts.models import Gift

    counts = counts_by_month(Gift.objects.all(), date_field="date", key="kind", months=months)
    assert counts == {"received": [1, 0, 2]}


@pytest.mark.django_db
def test_the_dashboard_compares_with_charts_within_scope(group):
    today = timezone.localdate()
    submit(category="bribery", company=group.a)
    submit(category="fraud", company=group.a)
    assert Case.objects.count() == 2
    cp = CounterpartyFactory()
    common = {"counterparty": cp, "procurement_method": "open_tender", "subject": "Works", "level": "standard"}
    VerificationCase.objects.create(company=group.a, opened_on=today, risk_level="high", **common)
    Contract.objects.create(counterparty=cp, company=group.a, number="1", date=today, has_clause=True)
    Contract.objects.create(counterparty=cp, company=group.a, number="2", date=today, has_clause=False)
    conflict_services.gift_declare(
        actor=employee_user(group.in_leaf), employee=group.in_leaf, kind="received", party_kind="official",
        party_name="X", occasion="Visit", description="Book", value="10", currency="KZT", date=today, today=today,
    )  # fmt: skip
    client = Client()
    client.force_login(user_with_role("officer"))
    page = client.get(reverse("core:dashboard"))
    titles = [chart.title for chart in page.context["charts"]]
    assert titles == [
        f"Verifications of {today.year} by risk",
        f"Contracts of {today.year} with the anti-corruption clause, % by company",
        "Speak Up reports by month and category",
        "Gifts and hospitality by month",
    ]
    html = page.content.decode()
    assert html.count("<svg") >= 4 and "<script" not in html.split("<main", 1)[-1].split("</main>")[0]
    coverage = page.context["charts"][1]
    assert coverage.rows[1][1:] == [2, 1, 50.0]
    # another company's officer sees none of company A's figures
    other = Client()
    other.force_login(user_with_role("officer", company=group.b))
    assert other.get(reverse("core:dashboard")).context["charts"] == []
