"""The demo's effectiveness rating: two approved years and this year's draft for the Uzbek company,
with the Agency's result beside last year's self-assessment."""

import pytest
from django.utils import timezone

from senim.accounts.tests.factories import user_with_role
from senim.demo.reports import _rating_demo
from senim.reports import selectors
from senim.reports.models import RatingAssessment


@pytest.mark.django_db
def test_the_demo_rates_the_uzbek_company_for_three_years(group):
    admin = user_with_role("admin")
    year = timezone.localdate().year
    _rating_demo(admin, group.b, year)

    assessments = {a.year: a for a in RatingAssessment.objects.filter(company=group.b)}
    assert set(assessments) == {year - 2, year - 1, year}
    assert assessments[year - 2].status == assessments[year - 1].status == RatingAssessment.Status.APPROVED
    assert assessments[year].status == RatingAssessment.Status.DRAFT
    assert assessments[year - 1].external_score is not None

    last = selectors.assessment_view(actor=admin, assessment=assessments[year - 1])
    assert last.previous is not None  # "score (previous), change" has both years
    assert last.score.graded == last.score.items
    current = selectors.assessment_view(actor=admin, assessment=assessments[year])
    assert current.score.graded == current.score.items
