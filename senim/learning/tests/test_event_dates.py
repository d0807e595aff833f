"""Trainings entered from paper keep their days: a special course held in an earlier year counts its
attendees in that year; the future and before the company existed are refused; back-dating is
officers' only and audited."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from senim.accounts.tests.factories import user_with_role
from senim.core.models import AuditEvent
from senim.learning import indicators, services
from senim.learning.models import TrainingEvent

pytestmark = pytest.mark.django_db
TODAY = dt.date.today()


def test_three_years_of_special_courses_count_attendees_in_their_year(group):
    officer = user_with_role("officer")
    people = [group.in_root, group.in_branch, group.in_leaf]
    # (day, attendees) per course over three years.
    history = [
        (dt.date(TODAY.year - 2, 3, 1), people[:2]),
        (dt.date(TODAY.year - 1, 4, 1), people),
        (dt.date(TODAY.year - 1, 9, 1), people[:1]),
        (TODAY.replace(month=1, day=1), people[2:]),
    ]
    for day, attendees in history:
        event = services.event_create(
            actor=officer,
            company=group.a,
            kind=TrainingEvent.Kind.SPECIAL,
            title="Комплаенс",
            trainer_organisation="Агентство",
            date=day,
            hours=8,
        )
        services.attendees_add(actor=officer, event=event, personnel_numbers=[e.personnel_number for e in attendees])
    for year in (TODAY.year - 2, TODAY.year - 1, TODAY.year):
        expected = len({e.pk for day, attendees in history if day.year == year for e in attendees})
        assert indicators.special_courses(year, group.a.pk) == expected
    events = AuditEvent.objects.filter(event_type="learning.event.created", changes__has_key="backdated")
    assert events.count() == sum(1 for day, _ in history if day < TODAY)


def test_bad_days_and_back_dating_without_the_right_are_refused(group):
    group.a.founded_on = dt.date(2011, 1, 1)
    group.a.save()
    officer = user_with_role("officer")
    for day, words in ((TODAY + dt.timedelta(days=1), "future"), (dt.date(2010, 12, 31), "before the company")):
        with pytest.raises(ValidationError) as error:
            services.event_create(
                actor=officer, company=group.a, title="К", trainer_organisation="А", date=day, hours=1
            )
        assert words in error.value.message_dict["date"][0]
    assert not TrainingEvent.objects.exists()
