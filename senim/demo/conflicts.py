"""Demo data for conflicts of interest: gift thresholds for two years, a form A campaign of the head
company with disclosures (most attest that they have nothing to declare, some name relatives,
interests and outside jobs), a few form B with their review and settlement, relatives planted in
one reporting line without declaring each other (so the detection finds undisclosed links), and a
year of gifts (below and above the threshold, to officials, repeated from one source, handed over).

Called by senim.demo.builder after screening (the demo app sits above conflicts).
"""

import datetime as dt
import random
import uuid
from decimal import Decimal

from django.utils import timezone

from senim.accounts.models import User
from senim.conflicts import jobs, services
from senim.conflicts.models import DetectionRun, Gift
from senim.core import identifiers, translit
from senim.core.access import SYSTEM
from senim.counterparties import services as counterparty_services
from senim.org.models import Company, Employee

SEED = 2037
SUBMITTED_SHARE = 0.6
PLANTED_RELATIVES = 3
GIFTS = 70

_ORGANISATIONS = ("ТОО «Жолдас Строй»", "ТОО «Каспий Логистик»", "АО «Тулпар Инвест»", "«Zarafshon Trans» MChJ")
_OWN_COMPANIES = ("ТОО «Алтын Бидай»", "ИП «Сауле»", "АО «Тараз Агро»", "«Nur Savdo» MChJ")
_GIVEN = ("Асель", "Дамир", "Мадина", "Ерлан", "Айжан")
_OCCASIONS = ("Новый год", "Наурыз", "Day of the miner", "Юбилей", "Деловая встреча", "Xalqaro konferensiya")
_ITEMS = ("Корзина сладостей", "Книга", "Ужин в ресторане", "Часы", "Сувенир с логотипом", "Билеты на концерт")


def _staff(company: Company) -> list[Employee]:
    return list(
        company.employees.filter(dismissal_date__isnull=True).select_related("unit").order_by("personnel_number")
    )


def _thresholds(admin: User, year: int) -> None:
    for country, values in (("KZ", ("3932", "4325")), ("UZ", ("375000", "412000"))):
        units = "2" if country == "KZ" else "1"
        for offset, value in enumerate(values):
            services.threshold_set(actor=admin, country=country, year=year - 1 + offset, unit_value=value, units=units)


def _items(rng: random.Random, employee: Employee, colleagues: list[Employee]) -> list[dict[str, object]]:
    kind = rng.random()
    if kind < 0.7:
        return []
    if kind < 0.85:
        # Relatives declared with their IIN are mostly outside the group; one in twenty works in it.
        if rng.random() < 0.05:
            relative = rng.choice(colleagues)
            name, identifier, workplace = relative.full_name, relative.iin or relative.pinfl, str(relative.unit)
        else:
            name, identifier, workplace = f"{employee.surname} {rng.choice(_GIVEN)} {employee.patronymic}", "", ""
        return [
            {
                "section": "relatives",
                "person_name": name.strip(),
                "relation": rng.choice(("spouse", "sibling", "in_law")),
                "person_identifier": identifier,
                "workplace": workplace,
            }
        ]
    if kind < 0.95:
        return [
            {
                "section": "interests",
                "holder": rng.choice(("self", "relative")),
                "person_name": f"{employee.surname} {rng.choice(('Асель', 'Дамир', 'Мадина'))}",
                "organisation": rng.choice(_OWN_COMPANIES),
                "share": Decimal(rng.choice((10, 25, 50))),
                "role": "учредитель",
            }
        ]
    return [
        {"section": "outside_jobs", "organisation": "Карагандинский технический университет", "role": "преподаватель"}
    ]


def _campaign(rng: random.Random, admin: User, head: Company, staff: list[Employee], skip: set[uuid.UUID]) -> None:
    today = timezone.localdate()
    campaign = services.campaign_create(
        actor=admin, title="Форма А — 2026", company=head, population="company", deadline=today + dt.timedelta(days=20)
    )
    services.campaign_launch(actor=admin, campaign=campaign)
    new_hires = services.campaign_create(
        actor=admin, title="Новые работники", population="new_hires", deadline=today + dt.timedelta(days=365)
    )
    services.campaign_launch(actor=admin, campaign=new_hires)
    for employee in staff:
        if employee.pk in skip or rng.random() > SUBMITTED_SHARE:
            continue
        _declare(rng, employee, staff)


def _declare(rng: random.Random, employee: Employee, staff: list[Employee]) -> None:
    items = _items(rng, employee, staff)
    services.declaration_submit(
        actor=SYSTEM, employee=employee, form_type="a", items=items, nothing_to_declare=not items
    )


def _forms_b(admin: User, approver: User, staff: list[Employee]) -> None:
    today = timezone.localdate()
    cases = [
        ("Мой брат стал директором ТОО «Каспий Логистик», которое участвует в закупке, где я член комиссии.", "actual"),
        ("Супруга устроилась бухгалтером к поставщику запчастей нашего цеха.", "potential"),
        ("Приглашён преподавать на курсах повышения квалификации в отраслевом институте.", "none"),
    ]
    for number, (text, outcome) in enumerate(cases):
        employee = staff[-1 - number]
        declaration = services.declaration_submit(
            actor=SYSTEM, employee=employee, form_type="b", circumstances=text, items=[]
        )
        services.declaration_review(
            actor=admin,
            declaration=declaration,
            outcome=outcome,
            comment="" if outcome == "none" else "Решения по этому контрагенту принимает другой работник.",
        )
        if outcome == "none":
            continue
        recusal = services.measure_add(
            actor=admin,
            declaration=declaration,
            kind="recusal",
            subject="ТОО «Каспий Логистик»",
            description="Исключить работника из закупочной комиссии по этому контрагенту.",
            owner=approver,
            deadline=today + dt.timedelta(days=14),
        )
        if outcome == "actual":
            services.measure_complete(actor=approver, measure=recusal, note="Приказ о составе комиссии изменён.")


def _plant_relatives(staff: list[Employee]) -> set[uuid.UUID]:
    """A manager declares a relative who works in a unit below them; the relative does not."""
    planted: set[uuid.UUID] = set()
    by_unit: dict[object, list[Employee]] = {}
    for employee in staff:
        by_unit.setdefault(employee.unit_id, []).append(employee)
    pairs: list[tuple[Employee, Employee]] = []
    for employee in staff:
        if employee.unit is None or employee.unit.parent_id is None:
            continue
        parent_staff = by_unit.get(employee.unit.parent_id, [])
        if parent_staff and employee.pk not in planted:
            boss = parent_staff[len(pairs) % len(parent_staff)]
            if boss.pk in planted or boss.pk == employee.pk:
                continue
            pairs.append((boss, employee))
            planted |= {boss.pk, employee.pk}
        if len(pairs) == PLANTED_RELATIVES:
            break
    for boss, relative in pairs:
        services.declaration_submit(
            actor=SYSTEM,
            employee=boss,
            form_type="a",
            items=[
                {
                    "section": "relatives",
                    "person_name": relative.full_name_latin or relative.full_name,
                    "relation": "child",
                    "person_identifier": relative.iin or relative.pinfl,
                    "workplace": str(relative.unit),
                }
            ],
        )
        services.declaration_submit(actor=SYSTEM, employee=relative, form_type="a", items=[], nothing_to_declare=True)
    return planted


def _plant_counterparties(admin: User, head: Company, staff: list[Employee], taken: set[uuid.UUID]) -> set[uuid.UUID]:
    """Three counterparties of the register tied to head-company staff: one owned by an employee
    who has not declared it (and has a contract with the company), one managed by an employee's
    sibling declared by name only (the register spells the name in Latin) and with a contract that
    employee approved, one owned by an employee who declared it."""
    free = [e for e in staff if e.pk not in taken and e.iin and e.patronymic]
    owner, sibling_of, declarer = free[10], free[20], free[30]
    specs = [
        ("ТОО «Жолдас Строй»", identifiers.make_bin(2015, 3, 7701)),
        ("ТОО «Каспий Логистик»", identifiers.make_bin(2016, 5, 7702)),
        ("ТОО «Тулпар Сервис»", identifiers.make_bin(2017, 9, 7703)),
    ]
    created = []
    for name, bin_ in specs:
        created.append(
            counterparty_services.counterparty_create(
                actor=admin,
                kind="legal_entity",
                name_ru=name,
                legal_form="ТОО",
                country="KZ",
                category="private",
                identifier_kind="bin",
                identifier=bin_,
            )
        )
    for counterparty, person in ((created[0], owner), (created[2], declarer)):
        counterparty_services.party_add(
            actor=admin,
            counterparty=counterparty,
            role="owner",
            is_person=True,
            name=person.full_name_latin or person.full_name,
            identifier_kind="iin",
            identifier=person.iin,
            share=Decimal(60),
            country="KZ",
        )
    sibling = f"{sibling_of.surname} Ерлан {sibling_of.patronymic}"
    counterparty_services.party_add(
        actor=admin,
        counterparty=created[1],
        role="manager",
        is_person=True,
        name=translit.to_latin(sibling),
        position="Директор",
        country="KZ",
    )
    counterparty_services.contract_create(
        actor=admin,
        company=head,
        number="Д-2026/118",
        date=timezone.localdate() - dt.timedelta(days=40),
        counterparty=created[0],
        procurement_method="price_offers",
        amount=Decimal("48500000"),
        currency="KZT",
        subject="Ремонт подъездных путей",
        has_clause=True,
    )
    # The employee whose sibling manages «Каспий Логистик» approved a contract with it.
    counterparty_services.contract_create(
        actor=admin,
        company=head,
        number="Д-2026/131",
        date=timezone.localdate() - dt.timedelta(days=25),
        counterparty=created[1],
        procurement_method="direct",
        amount=Decimal("17250000"),
        currency="KZT",
        subject="Транспортно-экспедиционные услуги",
        has_clause=True,
        approved_by=sibling_of,
    )
    services.declaration_submit(
        actor=SYSTEM,
        employee=sibling_of,
        form_type="a",
        items=[{"section": "relatives", "person_name": sibling, "relation": "sibling", "workplace": "вне группы"}],
    )
    services.declaration_submit(
        actor=SYSTEM,
        employee=declarer,
        form_type="a",
        items=[
            {
                "section": "interests",
                "holder": "self",
                "organisation": "ТОО «Тулпар Сервис»",
                "organisation_identifier": specs[2][1],
                "share": Decimal(60),
                "role": "учредитель",
            }
        ],
    )
    return {owner.pk, sibling_of.pk, declarer.pk}


def _gifts(rng: random.Random, admin: User, approver: User, staff: list[Employee]) -> None:
    today = timezone.localdate()
    regular = staff[5]
    for number in range(GIFTS):
        employee = regular if number % 10 == 0 else rng.choice(staff)
        repeated = employee is regular
        currency = "KZT" if employee.company.country == "KZ" else "UZS"
        scale = Decimal(1 if currency == "KZT" else 90)
        value = Decimal(rng.choice((3000, 5000, 8000, 15000, 60000))) * scale
        gift = services.gift_declare(
            actor=SYSTEM,
            employee=employee,
            kind=rng.choice(("received", "received", "received", "given", "declined")),
            party_kind="official" if number % 17 == 0 else "counterparty",
            party_name=rng.choice(("Серик Маратов", "Айгуль Ахметова", "Jasur Rahimov")),
            party_organisation="ТОО «Жолдас Строй»" if repeated else rng.choice(_ORGANISATIONS),
            occasion=rng.choice(_OCCASIONS),
            description=rng.choice(_ITEMS),
            value=value,
            currency=currency,
            date=today - dt.timedelta(days=rng.randrange(0, 360)),
        )
        if gift.status == Gift.Status.PENDING and number % 3:
            approve = number % 3 == 1
            services.gift_decide(
                actor=approver,
                gift=gift,
                approve=approve,
                comment="" if approve else "Стоимость выше порога: передать подарок компании.",
            )
            if not approve and gift.kind == "received":
                services.gift_hand_over(
                    actor=admin, gift=gift, date=today, received_by="Служба комплаенс", storage="Сейф, каб. 301"
                )


def build_conflicts_demo(admin: User, companies: dict[str, Company]) -> None:
    rng = random.Random(SEED)
    approver = User.objects.get(username="approver")
    head = companies["head"]
    staff = _staff(head)
    _thresholds(admin, timezone.localdate().year)
    planted = _plant_relatives(staff)
    planted |= _plant_counterparties(admin, head, staff, planted)
    demo_employee = User.objects.get(username="employee").employee_id
    _campaign(rng, admin, head, staff, planted | ({demo_employee} if demo_employee else set()))
    _forms_b(admin, approver, staff)
    everyone = [e for company in companies.values() for e in _staff(company)]
    _gifts(rng, admin, approver, everyone)
    jobs.detection_run(run=DetectionRun.objects.create(language="ru"))
