"""Paper acknowledgement sheets keep the day they were signed: three years of sheets count in their
own years; the future and before the company existed are refused; entering them is back-dating,
audited; an adopted version's decision date is never in the future."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from senim.awareness import indicators, services
from senim.awareness.models import Acknowledgement
from senim.awareness.tests.factories import adopted_code, officer
from senim.core.models import AuditEvent

pytestmark = pytest.mark.django_db
TODAY = dt.date.today()


def test_three_years_of_paper_sheets_count_in_their_year(group):
    actor = officer()
    code = adopted_code(group, actor, day=dt.date(TODAY.year - 3, 1, 10))
    version = code.versions.get()
    history = [
        (group.in_root, dt.date(TODAY.year - 2, 2, 1)),
        (group.in_branch, dt.date(TODAY.year - 1, 12, 31)),
        (group.in_leaf, dt.date(TODAY.year - 1, 3, 3)),
    ]
    for employee, day in history:
        services.acknowledge_on_paper(actor=actor, employee=employee, version=version, acknowledged_on=day)
    for year in (TODAY.year - 2, TODAY.year - 1, TODAY.year):
        assert indicators.code_reviewed(year, group.a.pk) == sum(1 for _, day in history if day.year == year)
    events = AuditEvent.objects.filter(event_type="awareness.acknowledged", changes__has_key="backdated")
    assert events.count() == len(history)


def test_bad_days_are_refused(group):
    actor = officer()
    code = adopted_code(group, actor, day=dt.date(2015, 1, 10))
    group.a.founded_on = dt.date(2016, 1, 1)
    group.a.save()
    for day, words in ((TODAY + dt.timedelta(days=1), "future"), (dt.date(2015, 6, 1), "before the company")):
        with pytest.raises(ValidationError) as error:
            services.acknowledge_on_paper(
                actor=actor, employee=group.in_leaf, version=code.versions.get(), acknowledged_on=day
            )
        assert any(words in m for m in error.value.message_dict["acknowledged_on"])
    assert not Acknowledgement.objects.exists()
    with pytest.raises(ValidationError) as error:
        adopted_code(group, actor, code="AC-2", day=TODAY + dt.timedelta(days=2))
    assert "future" in " ".join(error.value.messages)
