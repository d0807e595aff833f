"""Examinations done on paper keep their days: a draft examined, revised and concluded in earlier
years counts in those years; the future, before the company existed and a revision or conclusion
before the previous examination are refused; back-dating is audited."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from senim.accounts.tests.factories import user_with_role
from senim.core.models import AuditEvent
from senim.examination import indicators, services
from senim.examination.tests.factories import REVISION, draft_docx, examination_for
from senim.examination.tests.test_services import _decide_all

pytestmark = pytest.mark.django_db
TODAY = dt.date.today()


def test_three_years_of_paper_examinations_count_in_their_years(group):
    officer = user_with_role("officer")
    # (examined, concluded, revised) per draft; the revision eliminates the three confirmed findings.
    history = [
        (dt.date(TODAY.year - 2, 3, 1), dt.date(TODAY.year - 2, 3, 5), dt.date(TODAY.year - 1, 2, 1)),
        (dt.date(TODAY.year - 2, 12, 30), dt.date(TODAY.year - 1, 1, 10), None),
        (dt.date(TODAY.year - 1, 6, 1), dt.date(TODAY.year - 1, 6, 2), TODAY.replace(month=1, day=1)),
    ]
    for examined, concluded, revised in history:
        examination = examination_for(group, actor=officer, examined_on=examined)
        _decide_all(examination, officer)
        services.examination_conclude(
            actor=officer, examination=examination, recommendations="Исправить.", concluded_on=concluded
        )
        if revised:
            services.version_add(
                actor=officer,
                examination=examination,
                file_name="v2.docx",
                data=draft_docx(REVISION),
                examined_on=revised,
            )
    for year in (TODAY.year - 2, TODAY.year - 1, TODAY.year):
        assert indicators.contracts_examined(year, group.a.pk) == sum(1 for e, _, _ in history if e.year == year)
        assert indicators.factors_found(year, group.a.pk) == 3 * sum(1 for e, _, _ in history if e.year == year)
        assert indicators.factors_eliminated(year, group.a.pk) == 3 * sum(
            1 for _, _, r in history if r and r.year == year
        )
    assert AuditEvent.objects.filter(event_type="examination.created", changes__has_key="backdated").count() == 3


def test_bad_days_are_refused(group):
    officer = user_with_role("officer")
    group.a.founded_on = dt.date(2012, 1, 1)
    group.a.save()
    for day, words in ((TODAY + dt.timedelta(days=1), "future"), (dt.date(2011, 12, 31), "before the company")):
        with pytest.raises(ValidationError) as error:
            examination_for(group, actor=officer, examined_on=day)
        assert words in error.value.message_dict["examined_on"][0]
    examination = examination_for(group, actor=officer, examined_on=dt.date(2024, 5, 10))
    _decide_all(examination, officer)
    with pytest.raises(ValidationError) as error:
        services.examination_conclude(
            actor=officer, examination=examination, recommendations="Исправить.", concluded_on=dt.date(2024, 5, 9)
        )
    assert "cannot be before" in error.value.message_dict["concluded_on"][0]
    with pytest.raises(ValidationError) as error:
        services.version_add(
            actor=officer,
            examination=examination,
            file_name="v2.docx",
            data=draft_docx(REVISION),
            examined_on=dt.date(2024, 5, 1),
        )
    assert "cannot be before" in error.value.message_dict["examined_on"][0]
    assert examination.versions.count() == 1
