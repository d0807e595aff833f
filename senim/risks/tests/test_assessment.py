"""The risk assessment: the catalogue carried over, a unit assesses, compliance returns or accepts,
the head approves, the map with last year beside it, and the List of Corruption-Prone Positions."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from senim.accounts.tests.factories import user_with_role
from senim.core.access import PermissionDenied
from senim.core.models import AuditEvent
from senim.org.models import Position
from senim.org.tests.factories import PositionFactory
from senim.risks import selectors, services
from senim.risks.models import Exercise, RiskFunction

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(group):
    return {
        "officer": user_with_role("officer", company=group.a),
        "unit_head": user_with_role("approver", unit=group.branch),
        "head": user_with_role("approver", company=group.a),
        "auditor": user_with_role("auditor", company=group.a),
    }


def _exercise(group, people, year=2025):
    return services.exercise_create(actor=people["officer"], company=group.a, year=year, working_group="Рабочая группа")


def _assess_all(people, exercise, level="low", positions=()):
    for function in exercise.functions.all():
        services.function_assess(
            actor=people["officer"], function=function, level=level, risk="Сговор с поставщиком", positions=positions
        )
        services.function_review(actor=people["officer"], function=function, accept=True)


def test_a_unit_assesses_compliance_returns_then_accepts_and_the_head_approves(group, people):
    exercise = _exercise(group, people)
    buying = services.function_add(actor=people["unit_head"], exercise=exercise, unit=group.branch, name="Закупки")
    with pytest.raises(PermissionDenied):  # the unit head's scope is their own unit subtree
        services.function_add(actor=people["unit_head"], exercise=exercise, unit=group.root, name="Касса")
    services.function_assess(actor=people["unit_head"], function=buying, level="high", risk="Откат")
    with pytest.raises(ValidationError, match="already been assessed"):
        services.function_assess(actor=people["unit_head"], function=buying, level="low")
    with pytest.raises(ValidationError):
        services.function_review(actor=people["officer"], function=buying, accept=False)
    services.function_review(actor=people["officer"], function=buying, accept=False, note="Опишите схему")
    buying.refresh_from_db()
    assert buying.status == RiskFunction.Status.RETURNED
    services.function_assess(actor=people["unit_head"], function=buying, level="medium", risk="Откат через посредника")
    with pytest.raises(ValidationError, match="not yet assessed"):
        services.exercise_approve(
            actor=people["head"], exercise=exercise, decision_number="7", approved_on=dt.date(2025, 12, 1)
        )
    services.function_review(actor=people["officer"], function=buying, accept=True)
    for actor in (people["officer"], people["unit_head"], people["auditor"]):
        with pytest.raises(PermissionDenied):
            services.exercise_approve(
                actor=actor, exercise=exercise, decision_number="7", approved_on=dt.date(2025, 12, 1)
            )
    services.exercise_approve(
        actor=people["head"], exercise=exercise, decision_number="7", approved_on=dt.date(2025, 12, 1)
    )
    exercise.refresh_from_db()
    assert exercise.status == Exercise.Status.APPROVED
    assert AuditEvent.objects.filter(event_type="risks.exercise_approved").count() == 1


def test_a_function_cannot_be_added_twice_nor_a_high_one_without_its_risk(group, people):
    exercise = _exercise(group, people)
    function = services.function_add(actor=people["officer"], exercise=exercise, unit=group.branch, name="Закупки")
    with pytest.raises(ValidationError, match="already has this function"):
        services.function_add(actor=people["officer"], exercise=exercise, unit=group.branch, name=" Закупки ")
    with pytest.raises(ValidationError):
        services.function_assess(actor=people["officer"], function=function, level="high", risk="")
    with pytest.raises(ValidationError):
        _exercise(group, people)  # a second exercise for the same year


def test_the_catalogue_is_carried_over_and_the_map_compares_with_last_year(group, people):
    last = _exercise(group, people, 2024)
    for name in ("Закупки", "Приём на работу", "Списание ТМЦ"):
        services.function_add(actor=people["officer"], exercise=last, unit=group.branch, name=name)
    _assess_all(people, last, level="low")
    this = _exercise(group, people, 2025)
    assert sorted(this.functions.values_list("name", flat=True)) == ["Закупки", "Приём на работу", "Списание ТМЦ"]
    for function in this.functions.all():
        level = "high" if function.name == "Закупки" else "low"
        services.function_assess(actor=people["officer"], function=function, level=level, risk="Откат")
    rows = selectors.risk_map(exercise=this)
    assert [(r.low, r.medium, r.high, r.previous) for r in rows] == [(2, 0, 1, (3, 0, 0))]
    moves = selectors.year_over_year(exercise=this)
    assert [(m.name, m.before, m.after) for m in moves] == [("Закупки", "low", "high")]


def test_the_list_of_positions_sets_the_org_flag_through_the_org_service(group, people):
    buyer = PositionFactory(company=group.a, unit=group.branch, code="BUYER")
    clerk = PositionFactory(company=group.a, unit=group.branch, code="CLERK")
    head = Position.objects.get(code="BR-HEAD")  # flagged by the fixture, no longer performing risky work
    exercise = _exercise(group, people)
    services.function_add(actor=people["officer"], exercise=exercise, unit=group.branch, name="Закупки")
    services.function_add(actor=people["officer"], exercise=exercise, unit=group.branch, name="Архив")
    buying, archive = exercise.functions.order_by("name")[1], exercise.functions.order_by("name")[0]
    services.function_assess(actor=people["officer"], function=buying, level="medium", risk="Откат", positions=[buyer])
    services.function_assess(actor=people["officer"], function=archive, level="low", positions=[clerk])
    for f in (buying, archive):
        services.function_review(actor=people["officer"], function=f, accept=True)
    assert list(selectors.prone_positions(exercise=exercise)) == [buyer]
    with pytest.raises(ValidationError):  # the assessment is not approved yet
        services.positions_approve(
            actor=people["head"], exercise=exercise, positions=[buyer], approved_on=dt.date(2025, 12, 2)
        )
    services.exercise_approve(
        actor=people["head"], exercise=exercise, decision_number="7", approved_on=dt.date(2025, 12, 1)
    )
    with pytest.raises(PermissionDenied):
        services.positions_approve(
            actor=people["auditor"], exercise=exercise, positions=[buyer], approved_on=dt.date(2025, 12, 2)
        )
    changed = services.positions_approve(
        actor=people["head"],
        exercise=exercise,
        positions=selectors.prone_positions(exercise=exercise),
        approved_on=dt.date(2025, 12, 2),
    )
    assert changed == 2
    for p in (buyer, clerk, head):
        p.refresh_from_db()
    assert (buyer.is_corruption_prone, clerk.is_corruption_prone, head.is_corruption_prone) == (True, False, False)
    assert AuditEvent.objects.filter(event_type="org.position.corruption_prone_set").count() == 2


def test_indicators_count_functions_by_the_date_they_were_assessed(group, people):
    from senim.risks import indicators

    exercise = _exercise(group, people)
    for name in ("Закупки", "Архив"):
        services.function_add(actor=people["officer"], exercise=exercise, unit=group.branch, name=name)
    buyer = PositionFactory(company=group.a, unit=group.branch, code="BUYER")
    for function in exercise.functions.all():
        high = function.name == "Закупки"
        services.function_assess(
            actor=people["officer"],
            function=function,
            level="high" if high else "low",
            risk="Откат",
            positions=[buyer] if high else [],
            assessed_on=dt.date(2025, 11, 3),
        )
        services.function_review(actor=people["officer"], function=function, accept=True)
    assert indicators.functions_assessed(2025, group.a.pk) == 0  # not approved yet
    services.exercise_approve(
        actor=people["head"], exercise=exercise, decision_number="1", approved_on=dt.date(2026, 1, 10)
    )
    services.positions_approve(
        actor=people["head"], exercise=exercise, positions=[buyer], approved_on=dt.date(2026, 1, 12)
    )
    assert indicators.functions_assessed(2025, group.a.pk) == 2
    assert indicators.functions_assessed(2026, group.a.pk) == 0
    assert (indicators.functions_low(2025, None), indicators.functions_high(2025, None)) == (1, 1)
    assert indicators.units_assessed(2025, group.a.pk) == 1
    assert indicators.prone_positions(2026, group.a.pk) == 1
    assert indicators.functions_assessed(2025, group.b.pk) == 0


def test_the_programme_has_a_measure_linked_to_each_medium_or_high_risk(group, people):
    exercise = _exercise(group, people)
    for name in ("Закупки", "Архив", "Касса"):
        services.function_add(actor=people["officer"], exercise=exercise, unit=group.branch, name=name)
    levels = {"Закупки": "high", "Архив": "low", "Касса": "medium"}
    for function in exercise.functions.all():
        services.function_assess(
            actor=people["officer"],
            function=function,
            level=levels[function.name],
            risk="Откат",
            recommendation=f"Контроль: {function.name}",
        )
        services.function_review(actor=people["officer"], function=function, accept=True)
    with pytest.raises(ValidationError):
        services.programme_from_assessment(actor=people["officer"], exercise=exercise, first_year=2026, last_year=2027)
    services.exercise_approve(
        actor=people["head"], exercise=exercise, decision_number="1", approved_on=dt.date(2025, 12, 1)
    )
    plan = services.programme_from_assessment(
        actor=people["officer"], exercise=exercise, first_year=2026, last_year=2027
    )
    assert plan.kind == "programme"
    linked = {m.risks.get().name for m in plan.measures.all()}
    assert linked == {"Закупки", "Касса"}
    assert all(m.instances.get().due_date == dt.date(2026, 12, 31) for m in plan.measures.all())


def test_signals_count_records_of_the_unit_without_changing_the_assessment(group, people):
    from senim.conflicts.models import Gift

    exercise = _exercise(group, people, 2026)
    function = services.function_add(actor=people["officer"], exercise=exercise, unit=group.branch, name="Закупки")
    Gift.objects.create(
        employee=group.in_branch,
        company=group.a,
        unit=group.branch,
        kind="received",
        date=dt.date(2025, 5, 1),
        value=100,
        currency="KZT",
        party_name="ТОО «Поставщик»",
        description="Корзина",
    )
    signals = selectors.unit_signals(exercise=exercise)
    assert signals[group.branch.pk].gifts == 1
    assert signals[group.branch.pk].reports == 0
    function.refresh_from_db()
    assert function.level == "" and function.status == RiskFunction.Status.DRAFT


def test_contracts_of_the_unit_with_high_risk_counterparties_or_without_the_clause_are_signals(group, people):
    from senim.counterparties.models import Contract, VerificationCase
    from senim.counterparties.tests.factories import CounterpartyFactory

    exercise = _exercise(group, people, 2026)
    services.function_add(actor=people["officer"], exercise=exercise, unit=group.branch, name="Закупки")
    supplier = CounterpartyFactory()
    case = VerificationCase.objects.create(
        company=group.a,
        unit=group.branch,
        counterparty=supplier,
        procurement_method="open_tender",
        subject="Поставка",
        opened_on=dt.date(2025, 2, 1),
        level="enhanced",
        risk_level="high",
    )
    common = {"company": group.a, "unit": group.branch, "counterparty": supplier}
    Contract.objects.create(number="1", date=dt.date(2025, 3, 1), verification_case=case, **common)
    Contract.objects.create(number="2", date=dt.date(2025, 4, 1), has_clause=False, **common)
    Contract.objects.create(number="3", date=dt.date(2024, 4, 1), has_clause=False, **common)  # before the period
    signals = selectors.unit_signals(exercise=exercise)[group.branch.pk]
    assert (signals.high_risk_contracts, signals.contracts_without_clause) == (1, 1) and signals.any
