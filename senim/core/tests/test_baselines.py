"""Baseline figures: entered for years without records, shown as entered, replaced by computed values."""

import datetime as dt
import io
import json

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from senim.accounts import services as account_services
from senim.accounts.tests.factories import user_with_role
from senim.core import baselines
from senim.core.access import PermissionDenied
from senim.core.indicators import compute_values
from senim.core.models import AuditEvent, BaselineFigure
from senim.org.tests.factories import EmployeeFactory

BASELINES = "/api/v1/indicators/baselines"
INDICATORS = "/api/v1/indicators"


def _bearer(user) -> dict[str, str]:
    _record, secret = account_services.api_token_create(actor=user, name="t")
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


def _value(year, company_id=None, code="org.hires"):
    return next(v for v in compute_values(year=year, company_id=company_id) if v.code == code)


def test_a_baseline_stands_in_for_a_year_without_records_and_is_marked_entered(group):
    officer = user_with_role("officer")
    baselines.baseline_set(
        actor=officer,
        code="org.hires",
        year=2018,
        value="312",
        source="annual report 2018, p. 57",
        company_id=group.a.id,
    )
    baselines.baseline_set(actor=officer, code="org.hires", year=2017, value="290", source="annual report 2017, p. 41")
    for_a = _value(2019, group.a.id)
    assert (for_a.value, for_a.previous) == (0, 312)
    assert not for_a.value_entered and for_a.previous_entered and for_a.previous_source == "annual report 2018, p. 57"
    group_figure = _value(2018)  # the group's own baseline, not company A's
    assert (group_figure.value, group_figure.previous) == (0, 290)
    assert group_figure.previous_source == "annual report 2017, p. 41"
    assert _value(2018, group.b.id).value == 0  # company B has no baseline


def test_a_computed_value_wins_once_records_exist_for_that_year(group):
    baselines.baseline_set(
        actor=user_with_role("officer"),
        code="org.hires",
        year=2018,
        value="312",
        source="AR 2018",
        company_id=group.a.id,
    )
    assert _value(2018, group.a.id).value == 312
    EmployeeFactory(company=group.a, hire_date=dt.date(2018, 5, 1))
    figure = _value(2018, group.a.id)
    assert figure.value == 1 and not figure.value_entered


def test_entering_again_replaces_the_figure_and_both_are_audited(group):
    officer = user_with_role("officer")
    first, created = baselines.baseline_set(actor=officer, code="org.hires", year=2016, value="10", source="AR 2016")
    second, created_again = baselines.baseline_set(
        actor=officer, code="org.hires", year=2016, value="12.5", source="AR 2016 (corrected)"
    )
    assert created and not created_again and first.pk == second.pk
    assert BaselineFigure.objects.count() == 1
    events = AuditEvent.objects.filter(object_id=str(first.pk)).order_by("seq")
    assert [e.event_type for e in events] == ["core.baseline.entered", "core.baseline.updated"]
    assert events[1].actor_id == officer.pk and events[1].changes["source"] == ["AR 2016", "AR 2016 (corrected)"]
    assert _value(2016).value == pytest.approx(12.5)


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"code": "no.such"}, "code"),
        ({"year": dt.date.today().year + 1}, "year"),
        ({"year": 1999}, "year"),
        ({"value": "-1"}, "value"),
        ({"value": "many"}, "value"),
        ({"source": "  "}, "source"),
    ],
)
def test_bad_figures_are_refused_and_nothing_is_written(group, kwargs, field):
    data = {"code": "org.hires", "year": 2018, "value": "5", "source": "AR"} | kwargs
    with pytest.raises(ValidationError) as error:
        baselines.baseline_set(actor=user_with_role("officer"), **data)
    assert field in error.value.message_dict
    assert not BaselineFigure.objects.exists()


def test_only_officers_and_admins_enter_and_only_in_their_scope(group):
    for role in ["auditor", "approver", "investigator", "employee"]:
        with pytest.raises(PermissionDenied):
            baselines.baseline_set(actor=user_with_role(role), code="org.hires", year=2018, value=1, source="x")
    officer_a = user_with_role("officer", company=group.a)
    baselines.baseline_set(actor=officer_a, code="org.hires", year=2018, value=1, source="x", company_id=group.a.id)
    with pytest.raises(PermissionDenied):
        baselines.baseline_set(actor=officer_a, code="org.hires", year=2018, value=1, source="x", company_id=group.b.id)
    with pytest.raises(PermissionDenied):  # the whole group needs a group-wide role
        baselines.baseline_set(actor=officer_a, code="org.hires", year=2018, value=1, source="x")
    assert BaselineFigure.objects.count() == 1


def test_api_enters_lists_shows_and_deletes_a_figure(group):
    client = Client()
    officer = _bearer(user_with_role("officer"))
    body = {"code": "org.hires", "year": 2018, "company_id": str(group.a.id), "value": 312, "source": "AR 2018, p. 57"}
    response = client.put(BASELINES, body, content_type="application/json", **officer)
    assert response.status_code == 201
    figure_id = response.json()["id"]
    assert client.put(BASELINES, body | {"value": 313}, content_type="application/json", **officer).status_code == 200
    row = next(
        r
        for r in client.get(INDICATORS, {"year": 2019, "company": str(group.a.id)}, **officer).json()
        if r["code"] == "org.hires"
    )
    assert row["previous"] == 313 and row["previous_entered"] and row["previous_source"] == "AR 2018, p. 57"
    assert row["value_entered"] is False
    auditor_b = _bearer(user_with_role("auditor", company=group.b))
    assert client.get(BASELINES, **auditor_b).json() == []
    assert client.put(BASELINES, body, content_type="application/json", **auditor_b).status_code == 404
    bad = client.put(BASELINES, body | {"year": 1990}, content_type="application/json", **officer)
    assert bad.status_code == 422 and "year" in bad.json()["detail"]
    assert client.delete(f"{BASELINES}/{figure_id}", **officer).status_code == 204
    assert not BaselineFigure.objects.exists()


def test_page_enters_and_lists_figures_and_the_indicators_page_marks_them(client, group):
    client.force_login(user_with_role("officer"))
    response = client.post(
        reverse("core:baselines"),
        {"code": "org.hires", "year": 2018, "company": "", "value": "290", "source": "AR 2018, p. 12"},
    )
    assert response.status_code == 302
    page = client.get(reverse("core:baselines")).content.decode()
    assert "AR 2018, p. 12" in page
    indicators_page = client.get(reverse("core:indicators"), {"year": 2019}).content.decode()
    assert "AR 2018, p. 12" in indicators_page
    refused = client.post(reverse("core:baselines"), {"code": "org.hires", "year": 2018, "value": "1", "source": ""})
    assert refused.status_code == 200 and refused.context["form"].errors


def test_an_auditor_sees_the_page_without_the_form(client, group):
    client.force_login(user_with_role("auditor"))
    response = client.get(reverse("core:baselines"))
    assert response.status_code == 200 and not response.context["may_enter"]
    assert client.post(reverse("core:baselines"), {}).status_code == 404


def test_cli_sets_and_the_indicators_json_shows_the_entered_figure(group):
    out = io.StringIO()
    call_command(
        "baseline",
        "set",
        "org.hires",
        "--year",
        "2018",
        "--value",
        "77",
        "--source",
        "AR 2018",
        "--company",
        group.a.registration_number,
        stdout=out,
    )
    assert BaselineFigure.objects.get().company_id == group.a.id
    out = io.StringIO()
    call_command(
        "indicators", "--year", "2019", "--company", group.a.registration_number, "--format", "json", stdout=out
    )
    row = next(r for r in json.loads(out.getvalue()) if r["code"] == "org.hires")
    assert row["previous"] == 77 and row["previous_entered"] is True and row["previous_source"] == "AR 2018"
    table = io.StringIO()
    call_command("indicators", "--year", "2019", "--company", group.a.registration_number, stdout=table)
    assert "77*" in table.getvalue() and "AR 2018" in table.getvalue()
