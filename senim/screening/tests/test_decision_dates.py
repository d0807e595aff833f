"""A hit decided on paper keeps the day of its decision: only those who may back-date enter an
earlier day (audited, marked), never before the hit was raised nor in the future; true matches
count in the year they were decided."""

import datetime as dt
import json

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from conftest import token_client
from senim.accounts.tests.factories import user_with_role
from senim.core.models import AuditEvent
from senim.screening import indicators, services
from senim.screening.models import Hit, HitStatus, WatchlistKind
from senim.screening.tests.factories import WatchlistFactory, ftm, import_entities

pytestmark = pytest.mark.django_db
TODAY = dt.date.today()


def _hits(group, tmp_path, count: int) -> list[Hit]:  # type: ignore[no-untyped-def]
    names = ["Тоқаев Қасым", "Нурлан Жумабеков", "Айгуль Сейтказиева", "Ерлан Мухамедиев", "Бауыржан Омаров"][:count]
    internal = WatchlistFactory(name="Internal", kind=WatchlistKind.INTERNAL)
    import_entities(internal, [ftm(f"i{n}", name) for n, name in enumerate(names)], tmp_path)
    hits = []
    for n, name in enumerate(names):
        outcome = services.screen(
            actor=user_with_role("officer"), subject_key=f"k{n}", schema="Person", names=[name], company_id=group.a.pk
        )
        hits.extend(outcome.hits)
    return hits


def _raised(hit: Hit, day: dt.date) -> Hit:
    """The hit as if raised on `day` (screening in an earlier year)."""
    Hit.objects.filter(pk=hit.pk).update(created_at=timezone.make_aware(dt.datetime.combine(day, dt.time(9))))
    hit.refresh_from_db()
    return hit


def test_three_years_of_paper_decisions_count_true_matches_in_their_year(group, tmp_path):
    officer = user_with_role("officer")
    # (raised, decided, decision) per hit over three years.
    history = [
        (dt.date(TODAY.year - 2, 2, 1), dt.date(TODAY.year - 2, 2, 10), HitStatus.TRUE_MATCH),
        (dt.date(TODAY.year - 2, 12, 30), dt.date(TODAY.year - 1, 1, 9), HitStatus.TRUE_MATCH),
        (dt.date(TODAY.year - 1, 4, 1), dt.date(TODAY.year - 1, 4, 2), HitStatus.FALSE_POSITIVE),
        (dt.date(TODAY.year - 1, 8, 1), dt.date(TODAY.year - 1, 8, 3), HitStatus.TRUE_MATCH),
        (TODAY.replace(month=1, day=1), TODAY.replace(month=1, day=1), HitStatus.TRUE_MATCH),
    ]
    hits = _hits(group, tmp_path, len(history))
    assert len(hits) == len(history)
    for hit, (raised, decided, status) in zip(hits, history, strict=True):
        services.hit_decide(
            actor=officer, hit=_raised(hit, raised), status=status, comment="С бумаги", decided_on=decided
        )
    for year in (TODAY.year - 2, TODAY.year - 1, TODAY.year):
        expected = sum(1 for _, d, s in history if d.year == year and s == HitStatus.TRUE_MATCH)
        assert indicators.true_matches(year, None) == expected
    backdated = AuditEvent.objects.filter(event_type="screening.hit.decided", changes__has_key="backdated")
    assert backdated.count() == sum(1 for _, d, _ in history if d < TODAY)


def test_bad_days_and_back_dating_without_the_right_are_refused(group, tmp_path):
    hit = _raised(_hits(group, tmp_path, 1)[0], dt.date(TODAY.year - 1, 3, 1))
    officer = user_with_role("officer")
    cases = [
        (officer, dt.date(TODAY.year - 1, 2, 28), "cannot be before"),
        (officer, TODAY + dt.timedelta(days=1), "future"),
        (user_with_role("investigator"), dt.date(TODAY.year - 1, 3, 2), "Only compliance officers"),
    ]
    for actor, day, words in cases:
        with pytest.raises(ValidationError) as error:
            services.hit_decide(actor=actor, hit=hit, status=HitStatus.TRUE_MATCH, comment="Да", decided_on=day)
        assert words in error.value.message_dict["decided_on"][0]
    hit.refresh_from_db()
    assert hit.status == HitStatus.OPEN and hit.decided_on is None


def test_the_page_and_the_api_take_the_day(group, tmp_path):
    officer = user_with_role("officer")
    first, second = (_raised(h, dt.date(TODAY.year - 1, 3, 1)) for h in _hits(group, tmp_path, 2))
    day = dt.date(TODAY.year - 1, 3, 5)
    client = Client()
    client.force_login(officer)
    url = reverse("screening:hit-detail", args=[first.pk])
    client.post(url, {"status": "true_match", "comment": "Да", "decided_on": day.isoformat()})
    first.refresh_from_db()
    assert first.decided_on == day and first.is_backdated
    assert "back-dated" in client.get(url).content.decode()
    response = token_client(officer).post(
        f"/api/v1/screening/hits/{second.pk}/decision",
        json.dumps({"status": "false_positive", "comment": "Нет", "decided_on": day.isoformat()}),
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    assert response.json()["decided_on"] == day.isoformat()
