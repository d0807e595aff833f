"""Risk records keep the days they happened: a measure's completion entered later keeps its day
(back-dating audited, never in the future nor before the company existed) and counts as completed
in that year; an assessment done on paper keeps its day; the head's decisions keep their own date."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from senim.accounts.tests.factories import user_with_role
from senim.core.models import AuditEvent
from senim.risks import indicators, services
from senim.risks.importing.reader import read_plan
from senim.risks.models import MeasureInstance
from senim.risks.tests.factories import roadmap_docx

pytestmark = pytest.mark.django_db
TODAY = dt.date.today()


def test_three_years_of_completions_count_each_in_the_year_it_was_done(group, tmp_path):
    officer = user_with_role("officer", company=group.a)
    plan = services.plan_import(actor=officer, company=group.a, understood=read_plan(roadmap_docx(tmp_path)))
    periods = list(MeasureInstance.objects.filter(measure__plan=plan).order_by("due_date", "pk")[:5])
    assert len(periods) == 5
    days = [
        dt.date(TODAY.year - 2, 3, 1),
        dt.date(TODAY.year - 2, 12, 31),
        dt.date(TODAY.year - 1, 6, 1),
        dt.date(TODAY.year - 1, 7, 1),
        TODAY.replace(month=1, day=1),
    ]
    for period, day in zip(periods, days, strict=True):
        services.instance_report(actor=officer, instance=period, status="done", completed_on=day)
    for year in (TODAY.year - 2, TODAY.year - 1, TODAY.year):
        assert indicators.plan_measures_done(year, group.a.pk) == sum(1 for d in days if d.year == year)
        assert indicators.plan_measures_done(year, group.b.pk) == 0
    events = AuditEvent.objects.filter(event_type="risks.measure_reported", changes__has_key="backdated")
    assert events.count() == sum(1 for d in days if d < TODAY)


def test_bad_completion_days_are_refused_and_nothing_changes(group, tmp_path):
    officer = user_with_role("officer", company=group.a)
    plan = services.plan_import(actor=officer, company=group.a, understood=read_plan(roadmap_docx(tmp_path)))
    period = MeasureInstance.objects.filter(measure__plan=plan).first()
    group.a.founded_on = dt.date(2010, 1, 1)
    group.a.save()
    for day, words in ((TODAY + dt.timedelta(days=1), "future"), (dt.date(2009, 12, 31), "before the company")):
        with pytest.raises(ValidationError) as error:
            services.instance_report(actor=officer, instance=period, status="done", completed_on=day)
        assert words in error.value.message_dict["completed_on"][0]
    period.refresh_from_db()
    assert period.completed_on is None
