"""Demo data for counterparties: a few hundred counterparties with owners and managers, two years
of contracts, applications for counterparties that refuse with every decision, verifications at
each due diligence level, and questionnaires (one filled through its link in Kazakh, one on paper).

Called by senim.demo.builder after screening. Writes go through the module's services and its
import (so the audit trail is complete); only the dates of a few records are moved into last year
so that indicators have a previous year to compare with.
"""

import datetime as dt
import random
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from senim.accounts.models import User
from senim.core import identifiers
from senim.core.access import SYSTEM
from senim.core.audit import PendingEvent, audit_record_many, diff, snapshot
from senim.core.bulk import bulk_insert
from senim.core.translit import to_latin
from senim.counterparties import importing, services
from senim.counterparties.models import (
    Application,
    Contract,
    Counterparty,
    Party,
    ProcurementMethod,
    RedFlag,
    RegisterEntry,
)
from senim.demo.names import PersonGenerator
from senim.org.models import Company, Employee, Unit

SEED = 4047
COUNTERPARTIES = 320
CONTRACTS_PER_YEAR = (1400, 1100)  # last year, this year (to date)

_WORDS = (
    "Алтын", "Жетысу", "Каспий", "Сункар", "Тулпар", "Береке", "Атамекен", "Нур", "Степь", "Восток",
    "Иртыш", "Арал", "Шелковый путь", "Заман", "Темир", "Самал", "Орда", "Кызылжар", "Сырдарья", "Фергана",
)  # fmt: skip
_TRADES = (
    ("Строй", "Құрылыс", "Construction"), ("Снаб", "Жабдықтау", "Supply"), ("Транс", "Транс", "Transport"),
    ("Энерго", "Энерго", "Energy"), ("Сервис", "Сервис", "Service"), ("Трейд", "Трейд", "Trade"),
    ("Металл", "Металл", "Metals"), ("Техника", "Техника", "Machinery"), ("Логистик", "Логистика", "Logistics"),
)  # fmt: skip
_SUBJECTS = (
    "Поставка запасных частей", "Услуги по перевозке руды", "Ремонт оборудования", "Поставка ГСМ",
    "Строительно-монтажные работы", "Охрана объектов", "Поставка спецодежды", "Услуги связи",
    "Аренда техники", "Проектные работы", "Лабораторные исследования", "Поставка реагентов",
)  # fmt: skip
_CLAUSES = [
    (
        "5.1",
        "Контрагент является субъектом естественной монополии; альтернативного поставщика нет.",
        "Контрагент табиғи монополия субъектісі болып табылады; балама өнім беруші жоқ.",
        "The counterparty is a natural monopoly; there is no alternative supplier.",
        "Kontragent tabiiy monopoliya subyekti; muqobil yetkazib beruvchi yoʻq.",
    ),
    (
        "5.2",
        "Контрагент — государственный орган, учреждение или организация с государственным участием.",
        "Контрагент — мемлекеттік орган, мекеме немесе мемлекет қатысатын ұйым.",
        "The counterparty is a state body, institution or organisation with state participation.",
        "Kontragent — davlat organi, muassasasi yoki davlat ishtirokidagi tashkilot.",
    ),
    (
        "5.3",
        "Иностранный контрагент применяет собственный антикоррупционный кодекс, равноценный требованиям группы.",
        "Шетелдік контрагент топ талаптарына тең өзінің сыбайлас жемқорлыққа қарсы кодексін қолданады.",
        "The foreign counterparty applies its own anti-corruption code, equivalent to the group's requirements.",
        "Xorijiy kontragent guruh talablariga teng oʻz korrupsiyaga qarshi kodeksini qoʻllaydi.",
    ),
    (
        "6.1",
        "Разовая закупка для устранения аварийной ситуации.",
        "Апаттық жағдайды жою үшін біржолғы сатып алу.",
        "One-off purchase to deal with an emergency.",
        "Favqulodda vaziyatni bartaraf etish uchun bir martalik xarid.",
    ),
    (
        "7.4",
        "Заявка оставляется без рассмотрения или отклоняется при устранении или отсутствии оснований.",
        "Негіздер жойылған немесе болмаған жағдайда өтініш қараусыз қалдырылады немесе қабылданбайды.",
        "An application is left without consideration or refused when the grounds are remedied or absent.",
        "Asoslar bartaraf etilganda yoki mavjud boʻlmaganda ariza koʻrib chiqilmaydi yoki rad etiladi.",
    ),
]


def _users() -> dict[str, User]:
    return {u.username: u for u in User.objects.filter(username__in=["admin", "officer", "investigator", "approver"])}


def _counterparties(rng: random.Random, people: PersonGenerator) -> None:
    """The register, through the CSV/XLSX import's engine, then owners and managers through services."""
    header = ["kind", "name_ru", "name_kk", "name_en", "country", "category", "identifier_kind", "identifier"]
    header += ["legal_form", "registration_date"]
    rows: list[tuple[int, dict[str, str]]] = []
    for n in range(COUNTERPARTIES):
        word = _WORDS[n % len(_WORDS)]
        trade_ru, trade_kk, trade_en = _TRADES[(n // len(_WORDS)) % len(_TRADES)]
        roll = rng.random()
        registered = dt.date(1998, 1, 1) + dt.timedelta(days=rng.randrange(9800))
        if roll < 0.70:
            kind, country, form = "legal_entity", "KZ", "ТОО"
            ident_kind, ident = "bin", identifiers.make_bin(max(registered.year, 1995), registered.month, 20000 + n)
            names = (f"ТОО «{word} {trade_ru}»", f"«{word} {trade_kk}» ЖШС", f"{to_latin(word)} {trade_en} LLP")
        elif roll < 0.85:
            kind, country, form = "legal_entity", "UZ", "ООО"
            ident_kind, ident = "stir", identifiers.make_stir(300000 + n)
            names = (f"ООО «{word} {trade_ru}»", "", f"{to_latin(word)} {trade_en} LLC")
        elif roll < 0.92:
            kind, country, form = "legal_entity", rng.choice(["RU", "CN", "DE", "TR", "AE"]), "Ltd"
            ident_kind, ident = "foreign", f"F{700000 + n}"
            names = ("", "", f"{to_latin(word)} {trade_en} Ltd")
        else:
            person = people.person(country="KZ")
            kind, country, form = "entrepreneur", "KZ", "ИП"
            ident_kind, ident = "iin", person.iin or ""
            names = (
                f"ИП {person.surname} {person.given_name}",
                "",
                f"IE {person.surname_latin} {person.given_name_latin}",
            )
        category = (
            "foreign"
            if country not in {"KZ", "UZ"}
            else rng.choices(
                ["private", "natural_monopoly", "state_enterprise", "quasi_public", "state_body"], [80, 5, 6, 6, 3]
            )[0]
        )
        if kind == "entrepreneur":
            category = "individual"
        rows.append(
            (
                n + 2,
                dict(
                    zip(
                        header,
                        [kind, *names, country, category, ident_kind, ident, form, registered.isoformat()],
                        strict=True,
                    )
                ),
            )
        )
    plan = importing.plan_counterparties(header=header, rows=iter(rows))
    assert plan.ok, plan.errors[:3]
    importing.apply(actor=SYSTEM, plan=plan)


def _parties(rng: random.Random, people: PersonGenerator) -> None:
    """Owners and managers, validated like the services do and inserted in bulk with their audit
    events (six hundred one-by-one services would make the demo slow to build)."""
    employees = list(Employee.objects.filter(dismissal_date__isnull=True).exclude(iin="")[:3])
    parties: list[Party] = []
    for n, cp in enumerate(Counterparty.objects.filter(kind="legal_entity").order_by("identifier")):
        if rng.random() < 0.25:
            continue  # no owners disclosed
        owners = rng.choice([1, 1, 2, 3])
        shares = {1: [100], 2: [60, 40], 3: [50, 30, 20]}[owners]
        for share in shares:
            person = people.person(country="UZ" if cp.country == "UZ" else "KZ")
            ident_kind, ident = ("pinfl", person.pinfl) if person.pinfl else ("iin", person.iin)
            national = cp.country in {"KZ", "UZ"}
            parties.append(
                Party(
                    counterparty=cp,
                    role="owner",
                    name=person.full_name,
                    name_latin=person.full_name_latin,
                    identifier_kind=ident_kind if national else "",
                    identifier=(ident or "") if national else "",
                    share=Decimal(share),
                    country=cp.country if national else rng.choice(["CY", "VG", "RU"]),
                    birth_date=person.birth_date,
                    is_official=rng.random() < 0.03,
                )
            )
        if n < len(employees):  # a manager who is also an employee of the group: a red flag to find
            employee = employees[n]
            parties.append(
                Party(
                    counterparty=cp,
                    role="manager",
                    name=employee.full_name,
                    identifier_kind="iin",
                    identifier=employee.iin,
                    position="Директор",
                    country="KZ",
                )
            )
        else:
            manager = people.person(country="UZ" if cp.country == "UZ" else "KZ")
            parties.append(
                Party(
                    counterparty=cp,
                    role="manager",
                    name=manager.full_name,
                    name_latin=manager.full_name_latin,
                    position=rng.choice(["Директор", "Генеральный директор", "Председатель правления"]),
                    country=cp.country if cp.country in {"KZ", "UZ"} else "",
                )
            )
    events = []
    for party in parties:
        party.full_clean()
        values = snapshot(party, services.PARTY_FIELDS)
        events.append(
            PendingEvent(
                "counterparties.party.created",
                "counterparties.party",
                str(party.pk),
                party.name,
                None,
                diff({}, values),
            )
        )
    bulk_insert(Party, parties)
    audit_record_many(actor=SYSTEM, events=events)


def _contracts(rng: random.Random, companies: list[Company]) -> None:
    """Two years of contracts through the import: last year in full, this year to date."""
    register = list(Counterparty.objects.exclude(identifier="").values_list("identifier", "country"))
    units = {c.id: list(Unit.objects.filter(company=c, code__in=["PRC", "LOG", "PRD", "IT"])) for c in companies}
    today = timezone.localdate()
    header = ["company", "number", "date", "counterparty", "counterparty_country", "procurement_method"]
    header += ["amount", "currency", "subject", "term_end", "has_clause", "unit_code", "approver"]
    # Some contracts carry the personnel number of the employee who approved them.
    approvers = {
        c.id: list(c.employees.filter(dismissal_date__isnull=True).values_list("personnel_number", flat=True)[:40])
        for c in companies
    }
    rows: list[tuple[int, dict[str, str]]] = []
    for year, count in zip((today.year - 1, today.year), CONTRACTS_PER_YEAR, strict=True):
        days = 365 if year < today.year else max(1, (today - dt.date(year, 1, 1)).days)
        for n in range(count):
            company = companies[n % len(companies)]
            ident, country = register[rng.randrange(len(register))]
            signed = dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(days))
            method = rng.choices(["open_tender", "price_offers", "direct", "other"], [35, 35, 25, 5])[0]
            amount = Decimal(rng.randrange(200, 90000)) * 10000
            unit = rng.choice(units[company.id]) if units[company.id] else None
            values = [
                company.registration_number,
                f"{year}/{company.registration_number[-4:]}-{n + 1:05d}",
                signed.isoformat(),
                ident,
                country,
                method,
                str(amount),
                "UZS" if company.country == "UZ" else "KZT",
                rng.choice(_SUBJECTS),
                (signed + dt.timedelta(days=rng.choice([90, 180, 365, 730]))).isoformat(),
                "да" if rng.random() < 0.985 else "нет",
                unit.code if unit else "",
                rng.choice(approvers[company.id]) if approvers[company.id] and n % 10 == 0 else "",
            ]
            rows.append((len(rows) + 2, dict(zip(header, values, strict=True))))
    plan = importing.plan_contracts(actor=SYSTEM, header=header, rows=iter(rows))
    assert plan.ok, plan.errors[:3]
    importing.apply(actor=SYSTEM, plan=plan)


def _clauses(admin: User) -> dict[str, object]:
    return {
        code: services.clause_create(actor=admin, code=code, text_ru=ru, text_kk=kk, text_en=en, text_uz=uz)
        for code, ru, kk, en, uz in _CLAUSES
    }


def _applications(rng: random.Random, users: dict[str, User], companies: list[Company]) -> None:
    """Applications with every decision, last year and this year; the Register fills from them."""
    clauses = _clauses(users["admin"])
    today = timezone.localdate()
    monopolies = list(
        Counterparty.objects.filter(category__in=["natural_monopoly", "state_body", "state_enterprise"])[:8]
    )
    foreign = list(Counterparty.objects.filter(category="foreign")[:4])
    others = list(Counterparty.objects.filter(category="private")[:12])
    plan = [
        # (counterparty, refusal, decision, clause, year offset)
        *[
            (cp, "clause", "register", "5.1" if cp.category == "natural_monopoly" else "5.2", -1)
            for cp in monopolies[:5]
        ],
        *[(cp, "both", "register", "5.3", -1) for cp in foreign[:2]],
        *[(cp, "questionnaire", "one_off", "6.1", -1) for cp in others[:4]],
        (others[4], "clause", "refuse", "7.4", -1),
        (others[5], "questionnaire", "no_consideration", "7.4", -1),
        *[(cp, "clause", "reference", "5.1", 0) for cp in monopolies[:3]],
        *[(cp, "both", "register", "5.2", 0) for cp in monopolies[5:8]],
        *[(cp, "clause", "one_off", "6.1", 0) for cp in others[6:9]],
        (others[9], "both", "refuse", "7.4", 0),
        (others[10], "questionnaire", "no_consideration", "7.4", 0),
        (others[11], "clause", "", "", 0),  # filed, not decided yet
        (foreign[2] if len(foreign) > 2 else others[0], "both", "propose", "5.3", 0),  # awaiting approval
    ]
    earlier: dict[object, Application] = {}
    for n, (cp, refusal, decision, clause, offset) in enumerate(plan):
        year = today.year + offset
        filed = dt.date(year, 1, 1) + dt.timedelta(
            days=rng.randrange(300 if offset else max(1, today.timetuple().tm_yday - 1))
        )
        company = companies[n % len(companies)]
        # Contracts still in force when the application is filed; a counterparty refusing the clause
        # signed them without it, so the contract and the application agree.
        contracts = list(
            Contract.objects.filter(company=company, counterparty=cp, date__year=year, date__lte=filed)
            .exclude(term_end__lt=filed)
            .order_by("date")[:2]
        )
        if refusal in {"clause", "both"}:
            for contract in contracts:
                if contract.has_clause:
                    services.contract_update(actor=users["admin"], contract=contract, has_clause=False)
        application = services.application_file(
            actor=users["officer"],
            company=company,
            counterparty=cp,
            refusal=refusal,
            justification="Контрагент отказался подписать антикоррупционную оговорку; альтернативы нет.",
            contracts=contracts,
            contract_count=max(1, len(contracts)) + rng.choice([0, 0, 1, 2]),
            filed_on=filed,
        )
        if not decision:
            continue
        reference = earlier.get(cp.pk) if decision == "reference" else None
        services.application_propose(
            actor=users["officer"],
            application=application,
            decision="register" if decision == "propose" else decision,
            clause=clauses[clause],  # type: ignore[arg-type]
            grounds="Основания подтверждены документами контрагента." if decision != "reference" else "",
            reference=reference,
        )
        if decision == "propose":
            continue
        services.application_approve(actor=users["approver"], application=application)
        if decision in {"register", "one_off"}:
            earlier.setdefault(cp.pk, application)
        if offset:
            RegisterEntry.objects.filter(application=application).update(start_date=filed + dt.timedelta(days=7))


def _verifications(rng: random.Random, users: dict[str, User], companies: list[Company]) -> None:
    """Verifications at each level: approved, awaiting approval, high risk awaiting a second approval,
    lapsing soon, and in progress."""
    investigator, officer, approver = users["investigator"], users["officer"], users["approver"]
    candidates = list(Counterparty.objects.filter(kind="legal_entity").order_by("identifier")[:40])
    linked = Counterparty.objects.filter(parties__identifier__in=Employee.objects.exclude(iin="").values("iin")).first()
    offshore = Counterparty.objects.filter(parties__country__in=["CY", "VG"]).first()
    specials = [cp for cp in (linked, offshore) if cp is not None]
    for n, cp in enumerate(specials + candidates[:26]):
        company = companies[n % len(companies)]
        method = ProcurementMethod.values[n % 3]
        amount = Decimal(rng.choice([5, 40, 120, 800, 1500])) * 1_000_000
        case = services.case_open(
            actor=officer,  # a verification dated in the past is entered by an officer (back-dating)
            company=company,
            counterparty=cp,
            procurement_method=method,
            subject=rng.choice(_SUBJECTS),
            amount=amount,
            currency="KZT",
            opened_on=timezone.localdate() - dt.timedelta(days=rng.randrange(200)),
        )
        if n < len(specials):  # high risk: the second approval is needed
            services.case_flag_raise(
                actor=investigator, case=case, flag=RedFlag.objects.get(code="agent_fees"), detail="5 %"
            )
        if n % 7 == 6:
            services.case_flag_raise(
                actor=investigator, case=case, flag=RedFlag.objects.get(code="cash_advance"), detail="Аванс 50 %"
            )
        if n % 5 == 4:
            continue  # left in progress
        for check in case.checks.all():
            concern = check.code == "screening" and case.risk_level == "high"
            try:
                services.case_check_update(
                    actor=investigator,
                    check=check,
                    status="concern" if concern else "done",
                    comment="Совпадение требует внимания" if concern else "",
                )
            except ValidationError:  # a red flag says otherwise: the check did find a concern
                services.case_check_update(
                    actor=investigator, check=check, status="concern", comment="Подтверждено красным флагом"
                )
        case.refresh_from_db()
        conclusion = "conditions" if case.risk_level == "high" else "permitted"
        services.case_conclude(actor=investigator, case=case, conclusion=conclusion, text="Проверка завершена.")
        if n % 5 == 3:
            continue  # awaiting the officer's approval
        services.case_approve(actor=officer, case=case)
        case.refresh_from_db()
        if case.status == "awaiting_second" and n % 2 == 0:
            services.case_second_approve(actor=approver, case=case)
    approved = list(Counterparty.objects.filter(verification_cases__status="approved").distinct()[:2])
    if approved:  # a change after approval: re-verification needed
        services.party_add(
            actor=officer, counterparty=approved[0], role="manager", name="Новый руководитель", position="Директор"
        )


def _questionnaires(users: dict[str, User], companies: list[Company]) -> None:
    """One questionnaire submitted through its personal link in Kazakh, one on paper, one link sent."""
    officer = users["officer"]
    counterparties = list(Counterparty.objects.filter(kind="legal_entity", country="KZ").order_by("identifier")[40:43])
    answers = {
        "q_owners": "\n".join(
            f"{p.name}; {p.identifier}; {p.share or ''} %"
            for p in Party.objects.filter(counterparty=counterparties[0], role="owner")
        )
        or "Жоқ",
        "q_managers": "Директор",
        "q_officials": "no",
        "q_policy": "yes",
        "q_programme": "officer",
        "q_investigations": "no",
        "q_agents": "yes",
        "q_comments": "Агенттер тек кедендік ресімдеу үшін тартылады.",
    }
    response, _token = services.questionnaire_send(actor=officer, counterparty=counterparties[0], company=companies[0])
    services.response_save(response=response, data=answers, files={}, version="1", language="kk", submit=True)
    services.response_enter_on_paper(
        actor=officer,
        counterparty=counterparties[1],
        company=companies[1],
        data={**answers, "q_agents": "no", "q_comments": ""},
        files={},
        scan=SimpleUploadedFile("anketa-scan.pdf", b"%PDF-1.4\n% demo scan\n"),
    )
    services.questionnaire_send(actor=officer, counterparty=counterparties[2], company=companies[0])


def _screen(admin: User) -> None:
    """Screen a few counterparties and their owners and managers, so the cards show hits."""
    for cp in Counterparty.objects.filter(kind="legal_entity").order_by("identifier")[:6]:
        services.counterparty_screen(actor=admin, counterparty=cp)


def build_counterparties_demo(rng: random.Random, admin: User) -> None:
    """`rng` is not used: the module keeps its own seed, so its data never shifts the other modules'."""
    local = random.Random(SEED)
    people = PersonGenerator(SEED)
    users = _users()
    companies = list(Company.objects.order_by("registration_number"))
    _counterparties(local, people)
    _parties(local, people)
    _contracts(local, companies)
    _applications(local, users, companies)
    _questionnaires(users, companies)
    _verifications(local, users, companies)
    _screen(admin)
    # The monthly screening step: suppliers above the spend or of high criticality marked significant.
    services.significant_suppliers_mark(actor=admin)
