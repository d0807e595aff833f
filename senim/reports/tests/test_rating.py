"""The effectiveness rating: a methodology of 100 points kept as data, yearly self-assessments with
suggestions from Senim's records, last year's score beside this year's, and approval."""

import json
import uuid
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import translation

from senim.accounts import services as account_services
from senim.accounts.tests.factories import user_with_role
from senim.core import indicators
from senim.core.access import PermissionDenied
from senim.reports import rating, selectors, services
from senim.reports.models import Grade, MethodologyItem, RatingAssessment

YEAR = 2025


@pytest.fixture
def officer(db):
    return user_with_role("officer")


def _grade_all(officer, assessment, grade: str) -> None:  # type: ignore[no-untyped-def]
    items = MethodologyItem.objects.filter(methodology=assessment.methodology)
    services.assessment_grades_set(
        actor=officer, assessment=assessment, grades={item.id: (grade, "minutes of the board") for item in items}
    )


def test_the_default_methodology_spreads_100_points_over_the_five_areas():
    rows = rating.default_rows()
    assert sum(row["points_full"] for row in rows) == 100
    assert {row["area"] for row in rows} == {"rules", "risks", "tone", "awareness", "outreach"}
    # The published fragments: risk map and positions list 15/10/5; staff trained 5/3/2 at 70/50/30 %.
    risk_map = next(row for row in rows if row["code"] == "2.1")
    assert (risk_map["points_full"], risk_map["points_mostly"], risk_map["points_partly"]) == (15, 10, 5)
    assert rating.SUGGESTIONS["staff_trained"].thresholds == (70, 50, 30)
    assert all(row["title_kk"] and row["title_uz"] and row["evidence_ru"] for row in rows)


@pytest.mark.parametrize(
    ("total", "expected"),
    [(100, "Good"), (81, "Good"), (80, "Satisfactory"), (55, "Satisfactory"), (54, "Unsatisfactory")],
)
def test_bands_follow_the_resolution(total, expected):
    with translation.override("en"):
        assert rating.band(total) == expected


@pytest.mark.django_db
def test_points_that_do_not_add_up_to_100_are_refused_and_change_nothing(officer):
    methodology = services.methodology_default(actor=officer)
    assert services.methodology_default(actor=officer) == methodology  # created once
    items = {item.code: item for item in MethodologyItem.objects.filter(methodology=methodology)}
    before = {code: item.points_full for code, item in items.items()}
    with pytest.raises(ValidationError):
        services.methodology_points_set(actor=officer, methodology=methodology, points={items["1.1"].id: (12, 6, 3)})
    with pytest.raises(ValidationError):  # points must not grow from fully to partly
        services.methodology_points_set(actor=officer, methodology=methodology, points={items["1.1"].id: (3, 6, 10)})
    assert {i.code: i.points_full for i in MethodologyItem.objects.filter(methodology=methodology)} == before
    # Moving two points from one indicator to another keeps the total and is accepted.
    services.methodology_points_set(
        actor=officer, methodology=methodology, points={items["1.1"].id: (12, 6, 3), items["1.2"].id: (8, 6, 3)}
    )
    assert MethodologyItem.objects.get(pk=items["1.1"].id).points_full == 12


@pytest.mark.django_db
def test_only_group_wide_holders_change_the_methodology(group, officer):
    methodology = services.methodology_default(actor=officer)
    item = MethodologyItem.objects.filter(methodology=methodology).first()
    with pytest.raises(PermissionDenied):
        services.methodology_points_set(
            actor=user_with_role("officer", company=group.a), methodology=methodology, points={item.id: (10, 6, 3)}
        )


@pytest.mark.django_db
def test_a_self_assessment_scores_its_grades_beside_last_years(group, officer):
    last = services.assessment_create(actor=officer, year=YEAR - 1, company_id=None)
    _grade_all(officer, last, Grade.PARTLY)
    services.assessment_approve(actor=officer, assessment=last)
    current = services.assessment_create(actor=officer, year=YEAR, company_id=None)
    _grade_all(officer, current, Grade.FULL)

    view = selectors.assessment_view(actor=officer, assessment=current)
    items = list(MethodologyItem.objects.filter(methodology=current.methodology))
    assert view.score.total == sum(item.points_full for item in items) == 100
    assert view.previous is not None and view.previous.total == sum(item.points_partly for item in items)
    with translation.override("en"):
        assert view.score.band == "Good"
    assert view.score.graded == view.score.items == len(items)


@pytest.mark.django_db
def test_one_self_assessment_per_year_and_company(group, officer):
    services.assessment_create(actor=officer, year=YEAR, company_id=None)
    with pytest.raises(ValidationError):
        services.assessment_create(actor=officer, year=YEAR, company_id=None)
    services.assessment_create(actor=officer, year=YEAR, company_id=group.a.id)
    with pytest.raises(ValidationError):
        services.assessment_create(actor=officer, year=YEAR, company_id=group.a.id)
    with pytest.raises(PermissionDenied):
        services.assessment_create(actor=user_with_role("officer", company=group.a), year=YEAR, company_id=group.b.id)


@pytest.mark.django_db
def test_approval_needs_every_grade_and_freezes_the_grades(group, officer):
    assessment = services.assessment_create(actor=officer, year=YEAR, company_id=None)
    first = MethodologyItem.objects.filter(methodology=assessment.methodology).first()
    services.assessment_grades_set(actor=officer, assessment=assessment, grades={first.id: (Grade.FULL, "")})
    with pytest.raises(ValidationError):
        services.assessment_approve(actor=officer, assessment=assessment)
    _grade_all(officer, assessment, Grade.MOSTLY)
    services.assessment_approve(actor=officer, assessment=assessment)
    with pytest.raises(ValidationError):
        services.assessment_grades_set(actor=officer, assessment=assessment, grades={first.id: (Grade.NONE, "")})
    with pytest.raises(ValidationError):  # an unknown grade
        services.assessment_grades_set(
            actor=officer,
            assessment=services.assessment_create(actor=officer, year=YEAR - 1, company_id=None),
            grades={first.id: ("excellent", "")},
        )


@pytest.mark.django_db
def test_the_agencys_score_is_recorded_within_0_to_100(group, officer):
    assessment = services.assessment_create(actor=officer, year=YEAR, company_id=None)
    services.assessment_external_set(actor=officer, assessment=assessment, score=Decimal("85"), note="Good")
    assert RatingAssessment.objects.get(pk=assessment.pk).external_score == 85
    with pytest.raises(ValidationError):
        services.assessment_external_set(actor=officer, assessment=assessment, score=Decimal("120"))


@pytest.mark.django_db
def test_a_suggestion_grades_a_share_against_its_thresholds(monkeypatch):
    code = f"test.share_{uuid.uuid4().hex[:8]}"
    shares = {YEAR: 72.0, YEAR - 1: 45.0}
    indicators.register(code=code, title="Share trained", unit="%", module="test")(
        lambda year, company_id: shares.get(year)
    )
    monkeypatch.setitem(rating.SUGGESTIONS, "test", rating.Suggestion(code, (70, 50, 30)))
    assert rating.suggest("test", year=YEAR, company_id=None)[0] == Grade.FULL
    assert rating.suggest("test", year=YEAR - 1, company_id=None)[0] == Grade.PARTLY
    assert rating.suggest("test", year=YEAR - 2, company_id=None) is None  # no data: no suggestion
    assert rating.suggest("no-such-rule", year=YEAR, company_id=None) is None


def _token(user) -> Client:  # type: ignore[no-untyped-def]
    _record, secret = account_services.api_token_create(actor=user, name="t")
    return Client(HTTP_AUTHORIZATION=f"Bearer {secret}")


@pytest.mark.django_db
def test_the_rating_through_the_api(group, officer):
    client = _token(officer)
    created = client.post("/api/v1/reports/rating/", json.dumps({"year": YEAR}), content_type="application/json")
    assert created.status_code == 201, created.content
    body = created.json()
    grades = [{"code": item["code"], "grade": "full", "evidence": "x"} for item in body["items"]]
    graded = client.put(
        f"/api/v1/reports/rating/{body['id']}/grades", json.dumps({"grades": grades}), content_type="application/json"
    )
    assert graded.json()["total"] == "100" or Decimal(graded.json()["total"]) == 100
    unknown = client.put(
        f"/api/v1/reports/rating/{body['id']}/grades",
        json.dumps({"grades": [{"code": "9.9", "grade": "full"}]}),
        content_type="application/json",
    )
    assert unknown.status_code == 422
    assert client.post(f"/api/v1/reports/rating/{body['id']}/approve").json()["status"] == "approved"
    auditor = _token(user_with_role("auditor", company=group.a))
    assert auditor.get(f"/api/v1/reports/rating/{body['id']}").status_code == 404  # the group's rating


@pytest.mark.django_db
def test_the_rating_pages_in_kazakh(group, officer):
    client = Client()
    client.force_login(officer)
    client.cookies["django_language"] = "kk"
    response = client.post(reverse("reports:rating-list"), {"year": YEAR, "company": ""})
    assessment = RatingAssessment.objects.get()
    assert response.status_code == 302
    page = client.get(reverse("reports:rating-detail", args=[assessment.id]), HTTP_ACCEPT_LANGUAGE="kk")
    assert page.status_code == 200
    first = MethodologyItem.objects.filter(methodology=assessment.methodology).order_by("order").first()
    assert first.title_kk in page.content.decode()
    client.post(reverse("reports:rating-detail", args=[assessment.id]), {f"grade_{first.id}": "full"})
    assert RatingAssessment.objects.get().grades.get().grade == "full"
    assert client.get(reverse("reports:methodology")).status_code == 200
