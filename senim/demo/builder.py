"""The demo group: a mining holding with companies in Kazakhstan and Uzbekistan, their structure,
2,000 employees with valid identifiers, and one user per role. Seeded, so every build is the same.

Each module's demo data is a module of this app (e.g. `senim.demo.screening`), called in order by `build`.
"""

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction

from senim.accounts import services as account_services
from senim.accounts.models import User
from senim.core import identifiers
from senim.core.access import SYSTEM, Role
from senim.demo.awareness import build_awareness_demo
from senim.demo.conflicts import build_conflicts_demo
from senim.demo.counterparties import build_counterparties_demo
from senim.demo.examination import build_examination_demo
from senim.demo.learning import build_learning_demo
from senim.demo.names import Country, DemoPerson, Nationality, PersonGenerator
from senim.demo.reports import build_reports_demo
from senim.demo.risks import build_risks_demo
from senim.demo.screening import build_screening_demo
from senim.demo.speakup import build_speakup_demo
from senim.org import services as org_services
from senim.org.importing import employees as employee_import
from senim.org.models import Company, Unit

SEED = 2026
DEMO_PASSWORD = "senim-demo-2026"  # noqa: S105  (printed at start; demo only)
EMPLOYEE_COUNT = 2000


@dataclass(frozen=True)
class CompanySpec:
    key: str
    names: dict[str, str]
    country: Country
    kind: str
    number: str
    nationalities: tuple[Nationality, ...]
    share: float


COMPANIES = [
    CompanySpec(
        "head",
        {"ru": "АО «Сенім Майнинг»", "kk": "«Сенім Майнинг» АҚ", "en": "Senim Mining JSC", "uz": "«Senim Mayning» AJ"},
        "KZ",
        "bin",
        identifiers.make_bin(2004, 3, 1201),
        ("kz", "kz", "kz", "ru"),
        0.35,
    ),
    CompanySpec(
        "copper",
        {
            "ru": "ТОО «Сарыарка Медь»",
            "kk": "«Сарыарқа Мыс» ЖШС",
            "en": "Saryarka Copper LLP",
            "uz": "«Saryarqa Mis» MChJ",
        },
        "KZ",
        "bin",
        identifiers.make_bin(2011, 7, 3344),
        ("kz", "kz", "ru"),
        0.40,
    ),
    CompanySpec(
        "gold",
        {
            "ru": "ООО «Зарафшан Олтин»",
            "kk": "«Зарафшан Олтин» ЖШҚ",
            "en": "Zarafshan Oltin LLC",
            "uz": "«Zarafshon Oltin» MChJ",
        },
        "UZ",
        "stir",
        identifiers.make_stir(4521, legal_entity=True),
        ("uz", "uz", "uz", "ru"),
        0.25,
    ),
]

# (code, parent code, names ru/kk/en/uz, positions: (code suffix, titles ru/kk/en/uz, corruption-prone))
UNITS: list[tuple[str, str, tuple[str, str, str, str]]] = [
    ("MGT", "", ("Руководство", "Басшылық", "Management", "Rahbariyat")),
    ("FIN", "MGT", ("Департамент финансов", "Қаржы департаменті", "Finance Department", "Moliya departamenti")),
    ("ACC", "FIN", ("Бухгалтерия", "Бухгалтерия", "Accounting", "Buxgalteriya")),
    (
        "PRC",
        "MGT",
        ("Департамент закупок", "Сатып алу департаменті", "Procurement Department", "Xaridlar departamenti"),
    ),
    ("HR", "MGT", ("Служба персонала", "Персонал қызметі", "Human Resources", "Xodimlar xizmati")),
    ("LEG", "MGT", ("Юридическая служба", "Заң қызметі", "Legal Service", "Yuridik xizmat")),
    ("CMP", "MGT", ("Служба комплаенс", "Комплаенс-қызмет", "Compliance Service", "Komplayens-nazorat xizmati")),
    ("SEC", "MGT", ("Служба безопасности", "Қауіпсіздік қызметі", "Security Service", "Xavfsizlik xizmati")),
    ("IT", "MGT", ("Департамент ИТ", "АТ департаменті", "IT Department", "AT departamenti")),
    (
        "PRD",
        "MGT",
        (
            "Производственный департамент",
            "Өндіріс департаменті",
            "Production Department",
            "Ishlab chiqarish departamenti",
        ),
    ),
    ("MIN", "PRD", ("Рудник", "Кеніш", "Mine", "Kon")),
    ("PLT", "PRD", ("Обогатительная фабрика", "Байыту фабрикасы", "Processing Plant", "Boyitish fabrikasi")),
    ("LOG", "PRD", ("Служба логистики", "Логистика қызметі", "Logistics", "Logistika xizmati")),
]

POSITIONS: list[tuple[str, tuple[str, str, str, str], bool]] = [
    ("HEAD", ("Руководитель", "Басшы", "Head", "Rahbar"), True),
    ("CHIEF", ("Главный специалист", "Бас маман", "Chief Specialist", "Bosh mutaxassis"), False),
    ("SPEC", ("Специалист", "Маман", "Specialist", "Mutaxassis"), False),
]
# Units whose every position is corruption-prone (money, purchases, people, permits).
PRONE_UNITS = {"FIN", "PRC", "HR", "LOG"}

DEMO_USERS = [
    ("admin", Role.ADMIN, "Administrator"),
    ("officer", Role.OFFICER, "Compliance officer"),
    ("investigator", Role.INVESTIGATOR, "Investigator"),
    ("approver", Role.APPROVER, "Approver"),
    ("auditor", Role.AUDITOR, "Auditor"),
    ("employee", Role.EMPLOYEE, "Employee"),
]


def demo_exists() -> bool:
    return Company.objects.filter(registration_number=COMPANIES[0].number).exists()


def build(progress: Callable[[str], None] = lambda message: None) -> bool:
    """Build the demo group once; return False (changing nothing) if it is already there."""
    if demo_exists():
        return False
    rng = random.Random(SEED)
    with transaction.atomic():
        admin = account_services.user_create(
            actor=SYSTEM,
            username="admin",
            password=DEMO_PASSWORD,
            email="admin@senim.demo",
            first_name="Demo",
            last_name="Administrator",
        )
        account_services.role_assign(actor=SYSTEM, user=admin, role=Role.ADMIN)
        progress("structure")
        companies = _structure(admin)
        progress("employees")
        _employees(rng, companies)
        progress("users")
        _users(admin, companies)
        progress("screening")
        build_screening_demo(rng, admin)
        progress("counterparties")
        build_counterparties_demo(rng, admin)
        progress("speakup")
        build_speakup_demo(rng, admin)
        progress("conflicts of interest")
        build_conflicts_demo(admin, companies)
        progress("risks and plans")
        build_risks_demo(admin, companies)
        progress("awareness")
        build_awareness_demo(admin, companies)
        progress("knowledge and training")
        build_learning_demo(admin, companies)
        progress("examination")
        build_examination_demo(admin, companies)
        progress("annual reports")
        build_reports_demo(admin, companies)
    return True


def _structure(admin: User) -> dict[str, Company]:
    companies: dict[str, Company] = {}
    for spec in COMPANIES:
        company = org_services.company_create(
            actor=admin,
            registration_kind=spec.kind,
            registration_number=spec.number,
            country=spec.country,
            **{f"name_{lang}": name for lang, name in spec.names.items()},
        )
        companies[spec.key] = company
        units: dict[str, Unit] = {}
        for code, parent, names in UNITS:
            unit = org_services.unit_create(
                actor=admin,
                company=company,
                parent=units.get(parent),
                code=code,
                name_ru=names[0],
                name_kk=names[1],
                name_en=names[2],
                name_uz=names[3],
            )
            units[code] = unit
            for suffix, titles, prone in POSITIONS:
                org_services.position_create(
                    actor=admin,
                    company=company,
                    unit=unit,
                    code=f"{code}-{suffix}",
                    title_ru=f"{titles[0]} ({names[0]})",
                    title_kk=f"{titles[1]} ({names[1]})",
                    title_en=f"{titles[2]}, {names[2]}",
                    title_uz=f"{titles[3]} ({names[3]})",
                    is_corruption_prone=prone or code in PRONE_UNITS,
                    requires_ac_agreement=prone or code in PRONE_UNITS,
                )
    return companies


def employee_row(
    spec: CompanySpec,
    person: DemoPerson,
    *,
    number: str,
    unit: str,
    level: str,
    hired: dt.date,
    dismissed: dt.date | None = None,
) -> dict[str, object]:
    """One employee as an import row (the columns of the employee import); also used by bench/."""
    return {
        "company": spec.number,
        "personnel_number": number,
        "surname": person.surname,
        "given_name": person.given_name,
        "patronymic": person.patronymic,
        "surname_latin": person.surname_latin,
        "given_name_latin": person.given_name_latin,
        "patronymic_latin": person.patronymic_latin,
        "iin": person.iin or "",
        "pinfl": person.pinfl or "",
        "unit_code": unit,
        "position_code": f"{unit}-{level}",
        "hire_date": hired,
        "dismissal_date": dismissed,
        "email": f"{number.lower()}@{spec.key}.senim.demo",
    }


def _employees(rng: random.Random, companies: dict[str, Company]) -> None:
    people = PersonGenerator(SEED)
    rows: list[tuple[int, dict[str, str]]] = []
    # Production units employ most people; management few.
    weights = {
        "MIN": 30,
        "PLT": 20,
        "LOG": 8,
        "PRD": 3,
        "IT": 4,
        "SEC": 5,
        "FIN": 4,
        "ACC": 4,
        "PRC": 5,
        "HR": 4,
        "LEG": 2,
        "CMP": 1,
        "MGT": 1,
    }
    unit_codes, unit_weights = list(weights), list(weights.values())
    line = 1
    for spec in COMPANIES:
        count = round(EMPLOYEE_COUNT * spec.share)
        prefix = spec.key[0].upper()
        for number in range(1, count + 1):
            person = people.person(rng.choice(spec.nationalities), country=spec.country)
            unit = rng.choices(unit_codes, unit_weights)[0]
            level = "HEAD" if rng.random() < 0.05 else rng.choice(["CHIEF", "SPEC", "SPEC"])
            hired = dt.date(2005, 1, 1) + dt.timedelta(days=rng.randrange(0, 7900))
            hired = min(hired, dt.date(2026, 10, 31))
            dismissed = None
            if rng.random() < 0.12:
                dismissed = hired + dt.timedelta(days=rng.randrange(30, 3000))
                dismissed = dismissed if dismissed <= dt.date(2026, 10, 31) else None
            line += 1
            row = employee_row(
                spec, person, number=f"{prefix}{number:05d}", unit=unit, level=level, hired=hired, dismissed=dismissed
            )
            rows.append((line, {k: v.isoformat() if isinstance(v, dt.date) else str(v or "") for k, v in row.items()}))
    plan = employee_import.plan(actor=SYSTEM, header=employee_import.COLUMNS, rows=iter(rows))
    if not plan.ok:
        raise RuntimeError(f"Demo employees failed validation: {plan.errors[:3]}")
    employee_import.apply(actor=SYSTEM, plan=plan)


def _users(admin: User, companies: dict[str, Company]) -> None:
    """One user per role over the whole group; the employee user is linked to an employee record."""
    head = companies["head"]
    employee_record = head.employees.filter(dismissal_date__isnull=True).order_by("personnel_number").first()
    for username, role, label in DEMO_USERS[1:]:
        user = account_services.user_create(
            actor=admin,
            username=username,
            password=DEMO_PASSWORD,
            email=f"{username}@senim.demo",
            first_name="Demo",
            last_name=label,
            employee=employee_record if role == Role.EMPLOYEE else None,
        )
        account_services.role_assign(actor=admin, user=user, role=role)


def credentials() -> list[tuple[str, str, str]]:
    """(username, password, role) of the demo users, for printing at start."""
    return [(username, DEMO_PASSWORD, str(role.label)) for username, role, _label in DEMO_USERS]
