"""Demo data for screening: a sanctions list and an internal list of a few hundred synthetic
entities each. A few entries are demo employees written in another script (Latin for Cyrillic
names, Cyrillic for Latin ones), so that screening the demo staff raises hits to review.

Called by senim.demo.builder after the platform's demo data (the demo app sits above screening).
"""

import random

from senim.accounts.models import User
from senim.core import translit
from senim.demo.names import PersonGenerator
from senim.org import selectors as org_selectors
from senim.org.models import Employee
from senim.screening import services
from senim.screening.importing import EntityData
from senim.screening.models import ScreeningRun, Watchlist, WatchlistKind

SEED = 2031
SANCTIONED_PEOPLE = 260
SANCTIONED_COMPANIES = 40
INTERNAL_COMPANIES = 180
INTERNAL_PEOPLE = 20
EMPLOYEE_MATCHES = (5, 3)  # employees planted on the sanctions list and on the internal list

_ORG_WORDS = (
    "Альфа", "Бета", "Сункар", "Алтын", "Тараз", "Каспий", "Жетысу", "Нур", "Тулпар", "Береке",
    "Самрук", "Ордабасы", "Атамекен", "Зарафшан", "Навои", "Ташкент", "Самарканд", "Восток",
    "Степь", "Мунай", "Кен", "Курылыс", "Транс", "Логистик", "Инвест", "Трейд", "Строй", "Газ",
)  # fmt: skip
_ORG_FORMS = ("ТОО «{}»", "АО «{}»", "{} LLP", "ООО «{}»", "«{}» ЖШС", "{} MChJ")


def _person_entity(prefix: str, number: int, person, rng: random.Random) -> EntityData:  # type: ignore[no-untyped-def]
    latin = rng.random() < 0.5
    name = person.full_name_latin if latin else person.full_name
    alias = f"{person.given_name_latin} {person.surname_latin}" if not latin else person.full_name
    return EntityData(
        entity_id=f"{prefix}-p{number:04d}",
        schema="Person",
        names=[name, alias],
        identifiers=[person.iin or person.pinfl] if rng.random() < 0.3 else [],
        birth_dates=[person.birth_date.isoformat()],
        countries=[person.country.lower()],
        gender="male" if person.sex == "M" else "female",
        properties={"name": [name], "alias": [alias], "topics": ["sanction" if prefix == "sdn" else "debarment"]},
    )


def _company_entity(prefix: str, number: int, rng: random.Random) -> EntityData:
    words = " ".join(rng.sample(_ORG_WORDS, 2))
    name = rng.choice(_ORG_FORMS).format(words)
    return EntityData(
        entity_id=f"{prefix}-c{number:04d}",
        schema="Company",
        names=[name, translit.to_latin(name)],
        countries=[rng.choice(("kz", "kz", "uz", "ru"))],
        properties={"name": [name], "notes": ["Synthetic demo entry"]},
    )


def _employee_entity(prefix: str, employee: Employee) -> EntityData:
    """The employee as a list would write them: in the other script, given name first."""
    if employee.surname_latin and employee.given_name_latin:
        name = f"{employee.given_name_latin} {employee.surname_latin}"
    else:
        name = translit.to_uzbek_cyrillic(f"{employee.given_name} {employee.surname}")
    return EntityData(
        entity_id=f"{prefix}-e{employee.personnel_number}",
        schema="Person",
        names=[name],
        countries=[employee.company.country.lower()],
        properties={"name": [name], "notes": ["Synthetic demo entry resembling a demo employee"]},
    )


def _entities(prefix: str, people: int, companies: int, planted: list[Employee], rng: random.Random):  # type: ignore[no-untyped-def]
    generator = PersonGenerator(SEED + len(prefix))
    for number in range(people):
        yield _person_entity(prefix, number, generator.person(), rng)
    for number in range(companies):
        yield _company_entity(prefix, number, rng)
    for employee in planted:
        yield _employee_entity(prefix, employee)


def _import(admin: User, watchlist: Watchlist, file_name: str, entities) -> None:  # type: ignore[no-untyped-def]
    version = services.version_create(actor=admin, watchlist=watchlist, file_name=file_name, fmt="ftm")
    services.version_import(version=version, entities=entities)


def build_screening_demo(rng: random.Random, admin: User) -> None:
    """Two lists, then one screening of every current employee against both."""
    staff = list(org_selectors.employee_list(actor=admin, active=True).order_by("personnel_number"))
    planted = rng.sample(staff, min(len(staff), sum(EMPLOYEE_MATCHES)))
    sanctions = services.watchlist_create(
        actor=admin,
        name="Demo sanctions list",
        kind=WatchlistKind.SANCTIONS,
        source="Synthetic data (demo)",
        description="A made-up sanctions list in the OpenSanctions format.",
        owner=admin,
    )
    internal = services.watchlist_create(
        actor=admin,
        name="Terminated counterparties",
        kind=WatchlistKind.INTERNAL,
        source="Compliance service (demo)",
        description="Counterparties whose contracts were terminated for corruption.",
        owner=admin,
    )
    _import(
        admin,
        sanctions,
        "demo-sanctions.jsonl",
        _entities("sdn", SANCTIONED_PEOPLE, SANCTIONED_COMPANIES, planted[: EMPLOYEE_MATCHES[0]], rng),
    )
    _import(
        admin,
        internal,
        "terminated-counterparties.xlsx",
        _entities("int", INTERNAL_PEOPLE, INTERNAL_COMPANIES, planted[EMPLOYEE_MATCHES[0] :], rng),
    )
    lists = [sanctions, internal]
    run = services.run_start(
        actor=admin, kind=ScreeningRun.Kind.BATCH, watchlists=lists, file_name="Demo: every current employee"
    )
    for employee in staff:
        services.screen(
            actor=admin,
            subject_key=f"org.employee:{employee.pk}",
            schema="Person",
            names=[employee.full_name, employee.full_name_latin] if employee.surname_latin else [employee.full_name],
            identifiers=[i for i in (employee.iin, employee.pinfl) if i],
            countries=[employee.company.country],
            label=employee.full_name,
            company_id=employee.company_id,
            lists=lists,
            run=run,
        )
    services.run_finish(run=run)
