"""The likelihood × impact method: scales and bands checked when the exercise opens, the level read
from the ratings (residual after the controls, never above the inherent), the heat maps on the page,
in the DOCX and over the API."""

import io
import json

import docx
import openpyxl
import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from senim.accounts import services as account_services
from senim.accounts.tests.factories import user_with_role
from senim.risks import riskmap, selectors, services
from senim.risks.models import Exercise, RiskFunction

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(group):
    return user_with_role("officer", company=group.a)


def _matrix(group, officer, **scales):
    return services.exercise_create(actor=officer, company=group.a, year=2026, method="matrix", **scales)


@pytest.mark.parametrize(
    ("scales", "field"),
    [
        ({"likelihood_scale": ["Редко"]}, "likelihood_scale"),
        ({"impact_scale": ["Мало", "мало", "Много"]}, "impact_scale"),
        ({"medium_from": 12, "high_from": 5}, "high_from"),
        ({"likelihood_scale": ["a", "b", "c"], "impact_scale": ["x", "y", "z"], "high_from": 12}, "high_from"),
    ],
)
def test_scales_and_bands_are_checked_and_nothing_is_opened(group, officer, scales, field):
    with pytest.raises(ValidationError) as error:
        _matrix(group, officer, **scales)
    assert field in error.value.message_dict
    assert not Exercise.objects.filter(company=group.a).exists()


def test_scales_belong_to_the_matrix_method(group, officer):
    with pytest.raises(ValidationError, match="likelihood × impact"):
        services.exercise_create(actor=officer, company=group.a, year=2026, medium_from=4)


def test_the_level_is_read_from_likelihood_and_impact_residual_after_the_controls(group, officer):
    exercise = _matrix(
        group,
        officer,
        likelihood_scale=["Редко", "Возможно", "Часто"],
        impact_scale=["Мало", "Заметно", "Тяжело"],
        medium_from=3,
        high_from=6,
    )
    function = services.function_add(actor=officer, exercise=exercise, unit=group.branch, name="Закупки")
    with pytest.raises(ValidationError, match="Rate the likelihood"):
        services.function_assess(actor=officer, function=function, level="high", risk="Откат")
    with pytest.raises(ValidationError, match="from 1 to 3"):
        services.function_assess(actor=officer, function=function, likelihood=4, impact=1, risk="Откат")
    with pytest.raises(ValidationError, match="cannot exceed"):
        services.function_assess(
            actor=officer,
            function=function,
            likelihood=2,
            impact=2,
            residual_likelihood=3,
            residual_impact=1,
            risk="Откат",
        )
    with pytest.raises(ValidationError, match="read from"):
        services.function_assess(actor=officer, function=function, likelihood=3, impact=3, level="low", risk="Откат")
    services.function_assess(
        actor=officer,
        function=function,
        likelihood=3,
        impact=3,
        residual_likelihood=1,
        residual_impact=3,
        risk="Откат",
    )
    function.refresh_from_db()
    assert (function.inherent_level, function.level) == ("high", "medium")  # 9 ≥ 6; 3 ≥ 3
    other = services.function_add(actor=officer, exercise=exercise, unit=group.branch, name="Касса")
    services.function_assess(actor=officer, function=other, likelihood=1, impact=2)  # residual = inherent
    other.refresh_from_db()
    assert (other.residual_likelihood, other.residual_impact, other.level) == (1, 2, "low")

    residual = selectors.risk_matrix(exercise=exercise)
    assert residual is not None
    assert [[c.count for c in row] for row in residual.rows] == [[0, 0, 0], [0, 0, 0], [0, 1, 1]]
    assert residual.rows[0][2].level == "high" and residual.rows[2][0].level == "low"
    inherent = selectors.risk_matrix(exercise=exercise, residual=False)
    assert inherent is not None and inherent.rows[0][2].count == 1
    assert [r.medium for r in selectors.risk_map(exercise=exercise)] == [1]  # the map counts the residual level

    document = docx.Document(
        io.BytesIO(
            riskmap.map_docx(
                exercise,
                selectors.risk_map(exercise=exercise),
                selectors.risky_functions(exercise=exercise),
                selectors.risk_matrices(exercise=exercise),
            )
        )
    )
    grids = [t for t in document.tables if t.rows[0].cells[0].text == "Likelihood / impact"]
    assert len(grids) == 2
    assert [c.text for c in grids[1].rows[3].cells] == ["1. Редко", "0", "1", "1"]
    assert "inherent 3×3, residual 1×3" in document.tables[-1].rows[1].cells[3].text
    book = openpyxl.load_workbook(
        io.BytesIO(
            riskmap.map_xlsx(
                exercise, selectors.risk_map(exercise=exercise), selectors.risk_matrices(exercise=exercise)
            )
        )
    )
    assert book.sheetnames[1:] == ["Inherent", "Residual"]
    assert [c.value for c in book["Residual"][5]] == ["1. Редко", "0", "1", "1"]


def test_a_three_level_assessment_refuses_ratings(group, officer):
    exercise = services.exercise_create(actor=officer, company=group.a, year=2026)
    function = services.function_add(actor=officer, exercise=exercise, unit=group.branch, name="Закупки")
    with pytest.raises(ValidationError, match="three levels"):
        services.function_assess(actor=officer, function=function, level="low", likelihood=1, impact=1)
    assert selectors.risk_matrix(exercise=exercise) is None


def test_the_matrix_over_the_api_and_on_the_page(group, officer):
    _token, secret = account_services.api_token_create(actor=officer, name="t")
    api = Client(HTTP_AUTHORIZATION=f"Bearer {secret}")

    def post(path, payload):
        return api.post(f"/api/v1/risks{path}", json.dumps(payload, default=str), content_type="application/json")

    opened = post("/assessments", {"company_id": group.a.pk, "year": 2026, "method": "matrix", "high_from": 15})
    assert opened.status_code == 201, opened.content
    body = opened.json()
    assert (body["method"], len(body["likelihood_scale"]), body["medium_from"], body["high_from"]) == (
        "matrix",
        5,
        5,
        15,
    )
    assert post("/assessments", {"company_id": group.a.pk, "year": 2027, "method": "grid"}).status_code == 422
    added = post(f"/assessments/{body['id']}/functions", {"unit_id": group.branch.pk, "name": "Закупки"}).json()
    refused = post(f"/functions/{added['id']}/assess", {"likelihood": 9, "impact": 1})
    assert refused.status_code == 422
    assessed = post(f"/functions/{added['id']}/assess", {"likelihood": 3, "impact": 4, "risk": "Откат"})
    assert assessed.status_code == 200, assessed.content
    assert (assessed.json()["level"], assessed.json()["inherent_level"]) == ("medium", "medium")
    grids = api.get(f"/api/v1/risks/assessments/{body['id']}/matrix").json()
    assert [g["residual"] for g in grids] == [False, True]
    assert grids[1]["rows"][2][3] == {"likelihood": 3, "impact": 4, "level": "medium", "count": 1, "previous": None}

    web = Client()
    web.force_login(officer)
    page = web.get(f"/risks/assessments/{body['id']}/")
    assert page.status_code == 200
    assert b'id="risk-matrix"' in page.content and b"<title>3 \xc3\x97 4: 1</title>" in page.content
    assert RiskFunction.objects.get(pk=added["id"]).residual_impact == 4
    second = post(f"/assessments/{body['id']}/functions", {"unit_id": group.branch.pk, "name": "Касса"}).json()
    form = web.get(f"/risks/functions/{second['id']}/")
    assert b'name="likelihood"' in form.content and b'name="level"' not in form.content
    sent = web.post(f"/risks/functions/{second['id']}/", {"likelihood": "2", "impact": "3", "risk": "Недостача"})
    assert sent.status_code == 302
    assert RiskFunction.objects.get(pk=second["id"]).level == "medium"  # 6 ≥ 5


def test_the_page_opens_a_matrix_assessment_with_its_own_scales_and_refuses_bad_bands(group, officer):
    web = Client()
    web.force_login(officer)
    form = {"company": group.a.pk, "year": 2026, "method": "matrix", "likelihood_scale": "Редко\nЧасто"}
    bad = web.post("/risks/assessments/", {**form, "impact_scale": "Мало\nМного", "high_from": 9})
    assert bad.status_code == 200 and "The bands must rise" in bad.content.decode()
    assert not Exercise.objects.exists()
    opened = web.post("/risks/assessments/", {**form, "impact_scale": "Мало\nМного", "medium_from": 2, "high_from": 4})
    assert opened.status_code == 302
    exercise = Exercise.objects.get()
    assert (exercise.likelihood_labels, exercise.impact_labels, exercise.high_from) == (
        ["Редко", "Часто"],
        ["Мало", "Много"],
        4,
    )


def test_the_grid_shows_last_years_counts_when_last_year_used_the_same_grid(group, officer):
    scales = {"likelihood_scale": ["a", "b", "c"], "impact_scale": ["x", "y", "z"], "medium_from": 3, "high_from": 6}
    last = services.exercise_create(actor=officer, company=group.a, year=2025, method="matrix", **scales)
    function = services.function_add(actor=officer, exercise=last, unit=group.branch, name="Закупки")
    services.function_assess(actor=officer, function=function, likelihood=1, impact=2)
    this = services.exercise_create(actor=officer, company=group.a, year=2026, method="matrix", **scales)
    grid = selectors.risk_matrix(exercise=this)
    assert grid is not None
    assert [[(c.count, c.previous) for c in row] for row in grid.rows][2] == [(0, 0), (0, 1), (0, 0)]
    svg = riskmap.matrix_svg(this, grid)
    assert "<title>1 × 2: 0 (1)</title>" in svg
    other = services.exercise_create(actor=officer, company=group.a, year=2027, method="matrix")  # 5 × 5
    grid = selectors.risk_matrix(exercise=other)
    assert grid is not None and all(c.previous is None for row in grid.rows for c in row)
