"""Demo data for risks and plans: last year's and this year's corruption-risk assessment of the head
company (about 300 functions in its units, entered as from the paper registers, approved, with a few
functions moving between levels), the approved List of Corruption-Prone Positions, the programme
drafted from it, and the Kazakh ESG roadmap 2025–2032 imported from the Word document it was approved
as (the deadline nobody could parse set by hand afterwards), with progress reported on the periods
already due — most on time, some late, some still open.

Called by senim.demo.builder after conflicts (the demo app sits above risks).
"""

import datetime as dt
import random
import tempfile
from collections.abc import Mapping
from pathlib import Path

from django.utils import timezone

from senim.accounts.models import User
from senim.org.models import Company, Position, Unit
from senim.risks import selectors, services
from senim.risks.importing.reader import read_plan
from senim.risks.models import Level, MeasureInstance, RiskFunction
from senim.risks.samples import UNPARSEABLE, write_roadmap_docx

SEED = 2041
ROADMAP_MEASURES = 40
FUNCTIONS_PER_UNIT = 23
RISKY_UNITS = {"FIN", "PRC", "HR", "LOG", "ACC"}
FUNCTIONS = [
    "Закупка товаров способом из одного источника",
    "Приёмка работ и услуг",
    "Согласование договоров",
    "Подбор и приём персонала",
    "Начисление премий",
    "Списание товарно-материальных ценностей",
    "Выдача пропусков",
    "Проведение инвентаризации",
    "Ведение претензионной работы",
    "Оценка поставщиков",
    "Платежи контрагентам",
    "Аренда имущества",
    "Продажа неликвидов",
    "Выдача спецодежды",
    "Согласование командировок",
    "Рассмотрение обращений",
    "Учёт рабочего времени",
    "Организация обучения",
    "Оформление отпусков",
    "Расчёт заработной платы",
    "Выбор подрядчиков",
    "Хранение запасов",
    "Транспортное обеспечение",
    "Благотворительная помощь",
    "Представительские расходы",
]


def build_risks_demo(admin: User, companies: Mapping[str, Company]) -> None:
    rng = random.Random(SEED)
    company = next(iter(companies.values()))
    _assessment(rng, admin, company)
    _roadmap(rng, admin, company)


def _functions_of(unit_index: int) -> list[str]:
    return [f"{FUNCTIONS[(unit_index * 7 + k) % len(FUNCTIONS)]} ({k + 1})" for k in range(FUNCTIONS_PER_UNIT)]


def _levels(rng: random.Random, unit_code: str, count: int) -> list[str]:
    risky = any(part in RISKY_UNITS for part in unit_code.replace("_", "-").split("-"))
    out: list[str] = []
    for _ in range(count):
        roll = rng.random()
        if risky and roll < 0.08:
            out.append(Level.HIGH)
        elif risky and roll < 0.12:
            out.append(Level.MEDIUM)
        else:
            out.append(Level.LOW)
    return out


def _assessment(rng: random.Random, admin: User, company: Company) -> None:
    units = list(Unit.objects.filter(company=company).order_by("code"))
    year = timezone.localdate().year
    last = services.exercise_create(
        actor=admin,
        company=company,
        year=year - 1,
        working_group="Комплаенс-служба, ДФ, ДЗ, служба персонала",
        period_reviewed=f"01.01.{year - 2}–31.12.{year - 2}",
        sources="Обращения, проверки, договоры, акты",
    )
    rows = []
    for i, unit in enumerate(units):
        names = _functions_of(i)
        for name, level in zip(names, _levels(rng, unit.code, len(names)), strict=True):
            rows.append(
                RiskFunction(
                    exercise=last,
                    unit=unit,
                    name=name,
                    level=level,
                    status=RiskFunction.Status.ACCEPTED,
                    risk=""
                    if level == Level.LOW
                    else "Возможность получения вознаграждения за решение в пользу третьих лиц",
                    recommendation="" if level == Level.LOW else "Ввести коллегиальное принятие решения и ротацию",
                    assessed_on=dt.date(year - 1, 11, 15),
                )
            )
    if rows and all(r.level == Level.LOW for r in rows):  # the map always shows a risk or two
        rows[0].level, rows[0].risk = Level.HIGH, "Возможность сговора с поставщиком"
    RiskFunction.objects.bulk_create(rows)
    services.exercise_approve(actor=admin, exercise=last, decision_number="12", approved_on=dt.date(year - 1, 12, 5))
    current = services.exercise_create(
        actor=admin,
        company=company,
        year=year,
        working_group=last.working_group,
        period_reviewed=f"01.01.{year - 1}–31.12.{year - 1}",
        sources=last.sources,
    )
    previous = {(f.unit_id, f.name): f for f in last.functions.all()}
    heads = {p.unit_id: p for p in Position.objects.filter(company=company, code__endswith="HEAD")}
    for function in current.functions.all():
        before = previous[(function.unit_id, function.name)]
        level = before.level
        if rng.random() < 0.02:  # a few functions move: new controls, or a new risk found
            level = Level.LOW if level != Level.LOW else Level.MEDIUM
        function.level, function.risk, function.recommendation = level, before.risk, before.recommendation
        if level != Level.LOW and not function.risk:
            function.risk = "Выявлен риск сговора при согласовании"
            function.recommendation = "Разделить согласование и исполнение"
        function.status, function.assessed_on = RiskFunction.Status.ACCEPTED, dt.date(year, 11, 10)
        function.save()
        if level != Level.LOW and function.unit_id in heads:
            function.positions.add(heads[function.unit_id])
    services.exercise_approve(actor=admin, exercise=current, decision_number="7", approved_on=dt.date(year, 12, 1))
    services.positions_approve(
        actor=admin,
        exercise=current,
        positions=selectors.prone_positions(exercise=current),
        approved_on=dt.date(year, 12, 3),
    )
    services.programme_from_assessment(actor=admin, exercise=current, first_year=year + 1, last_year=year + 2)


def _roadmap(rng: random.Random, admin: User, company: Company) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = write_roadmap_docx(Path(tmp) / "esg-roadmap-2025-2032.docx", measures=ROADMAP_MEASURES)
        understood = read_plan(path)
    plan = services.plan_import(
        actor=admin,
        company=company,
        understood=understood,
        approved_by="Директорлар кеңесі",
        decision_number="3",
        approved_on=dt.date(2025, 3, 14),
    )
    for measure in plan.measures.filter(deadline_text=UNPARSEABLE):
        services.measure_set_deadline(actor=admin, measure=measure, text="2027 ж.")
    today = timezone.localdate()
    due = MeasureInstance.objects.filter(measure__plan=plan, due_date__lt=today).order_by("due_date", "period")
    for n, instance in enumerate(due):
        if n % 5 == 4:
            continue  # left overdue
        if n % 5 == 3:
            done = min(instance.due_date + dt.timedelta(days=rng.randint(5, 60)), today)
        else:
            done = instance.due_date - dt.timedelta(days=rng.randint(1, 40))
        services.instance_report(
            actor=admin,
            instance=instance,
            status="done",
            completed_on=done,
            note="Орындалды, есеп ұсынылды",
            today=today,
        )
