"""Demo data for awareness: the Anti-Corruption Code (version 1 in force since 2024, version 2 with
material changes adopted this year, so earlier acknowledgements are stale and employees are asked
again) and 17 more internal documents with their approvals (some adopted last year or this year,
drafts submitted to the supervisory board, one under examination, one repealed); an
acknowledgement campaign with paper sheets imported for last year and this year; agreements
required by position, mostly concluded; new hires' contracts; and candidate checks.

Called by senim.demo.builder after conflicts (its declared relatives feed the candidate checks).
"""

import datetime as dt
import random
from collections.abc import Iterator

from django.core.files.base import ContentFile
from django.utils import timezone

from senim.accounts.models import User
from senim.awareness import importing, services
from senim.awareness.models import AgreementObligation
from senim.conflicts.models import DeclarationItem
from senim.core import identifiers
from senim.core.access import SYSTEM
from senim.org.models import Company, Employee

SEED = 2041
READ_LAST_YEAR = 0.7
READ_THIS_YEAR = 0.6
CONCLUDED_SHARE = 0.9
OBLIGATIONS_SHARE = 0.97

CODE_TEXT = {
    "ru": "1. Работники Группы не дают, не обещают и не принимают взяток.\n\n"
    "2. Подарки принимаются только в пределах, установленных Политикой, и декларируются.\n\n"
    "3. О конфликте интересов работник сообщает до принятия решения.",
    "kk": "1. Топ жұмыскерлері пара бермейді, уәде етпейді және алмайды.\n\n"
    "2. Сыйлықтар Саясатта белгіленген шекте ғана қабылданады және декларацияланады.\n\n"
    "3. Мүдделер қақтығысы туралы жұмыскер шешім қабылданғанға дейін хабарлайды.",
    "en": "1. Employees of the Group do not give, promise or accept bribes.\n\n"
    "2. Gifts are accepted only within the limits set by the Policy, and are declared.\n\n"
    "3. An employee reports a conflict of interest before a decision is taken.",
    "uz": "1. Guruh xodimlari pora bermaydi, vaʼda qilmaydi va olmaydi.\n\n"
    "2. Sovgʻalar faqat Siyosatda belgilangan chegarada qabul qilinadi va deklaratsiya qilinadi.\n\n"
    "3. Xodim manfaatlar toʻqnashuvi haqida qaror qabul qilinishidan oldin xabar beradi.",
}

EXAMINED_TEXT = (
    "1. Руководитель подразделения вправе по своему усмотрению определять порядок проведения проверки.\n"
    "2. Сроки рассмотрения материалов устанавливаются при необходимости."
)

# (kind, code, titles ru/kk/en/uz, approving body, fate)
DOCUMENTS = [
    (
        "policy",
        "POL-01",
        (
            "Антикоррупционная политика",
            "Сыбайлас жемқорлыққа қарсы саясат",
            "Anti-Corruption Policy",
            "Korrupsiyaga qarshi siyosat",
        ),
        "supervisory_board",
        "last_year",
    ),
    (
        "policy",
        "POL-02",
        (
            "Политика по подаркам и знакам делового гостеприимства",
            "Сыйлықтар және іскерлік қонақжайлылық саясаты",
            "Gifts and Hospitality Policy",
            "Sovgʻalar va ishbilarmonlik mehmondoʻstligi siyosati",
        ),
        "management_board",
        "this_year",
    ),
    (
        "policy",
        "POL-03",
        (
            "Политика урегулирования конфликта интересов",
            "Мүдделер қақтығысын реттеу саясаты",
            "Conflict of Interest Policy",
            "Manfaatlar toʻqnashuvini hal qilish siyosati",
        ),
        "supervisory_board",
        "this_year",
    ),
    (
        "regulation",
        "REG-01",
        (
            "Положение о службе комплаенс",
            "Комплаенс қызметі туралы ереже",
            "Regulation on the Compliance Service",
            "Komplayens xizmati toʻgʻrisidagi nizom",
        ),
        "board",
        "last_year",
    ),
    (
        "regulation",
        "REG-02",
        (
            "Положение о горячей линии Speak Up",
            "Speak Up жедел желісі туралы ереже",
            "Regulation on the Speak Up Line",
            "Speak Up ishonch telefoni toʻgʻrisidagi nizom",
        ),
        "management_board",
        "this_year",
    ),
    (
        "regulation",
        "REG-03",
        (
            "Положение о проверке контрагентов",
            "Контрагенттерді тексеру туралы ереже",
            "Regulation on Counterparty Due Diligence",
            "Kontragentlarni tekshirish toʻgʻrisidagi nizom",
        ),
        "management_board",
        "submitted",
    ),
    (
        "procedure",
        "PRC-01",
        (
            "Порядок проверки кандидатов на работу",
            "Жұмысқа үміткерлерді тексеру тәртібі",
            "Procedure for Checking Candidates for Employment",
            "Ishga nomzodlarni tekshirish tartibi",
        ),
        "head",
        "this_year",
    ),
    (
        "procedure",
        "PRC-02",
        (
            "Порядок антикоррупционной экспертизы документов",
            "Құжаттарды сыбайлас жемқорлыққа қарсы сараптау тәртібі",
            "Procedure for Anti-Corruption Examination of Documents",
            "Hujjatlarni korrupsiyaga qarshi ekspertiza qilish tartibi",
        ),
        "head",
        "last_year",
    ),
    (
        "procedure",
        "PRC-03",
        (
            "Порядок внутреннего анализа коррупционных рисков",
            "Сыбайлас жемқорлық тәуекелдерін ішкі талдау тәртібі",
            "Procedure for the Internal Analysis of Corruption Risks",
            "Korrupsiya xavflarini ichki tahlil qilish tartibi",
        ),
        "supervisory_board",
        "submitted",
    ),
    (
        "procedure",
        "PRC-04",
        (
            "Порядок служебных расследований",
            "Қызметтік тергеп-тексеру тәртібі",
            "Procedure for Internal Investigations",
            "Ichki tekshiruvlar tartibi",
        ),
        "management_board",
        "examination",
    ),
    (
        "order",
        "ORD-01",
        (
            "Приказ об утверждении перечня коррупционно-рисковых должностей",
            "Сыбайлас жемқорлық тәуекелі бар лауазымдар тізбесін бекіту туралы бұйрық",
            "Order Approving the List of Corruption-Prone Positions",
            "Korrupsiyaviy xavfli lavozimlar roʻyxatini tasdiqlash toʻgʻrisida buyruq",
        ),
        "head",
        "this_year",
    ),
    (
        "order",
        "ORD-02",
        (
            "Приказ о декларационной кампании",
            "Декларациялау науқаны туралы бұйрық",
            "Order on the Declaration Campaign",
            "Deklaratsiya kampaniyasi toʻgʻrisida buyruq",
        ),
        "head",
        "repealed",
    ),
    (
        "standard",
        "STD-01",
        (
            "Стандарт антикоррупционной оговорки в договорах",
            "Шарттардағы сыбайлас жемқорлыққа қарсы ескертпе стандарты",
            "Standard Anti-Corruption Clause for Contracts",
            "Shartnomalardagi korrupsiyaga qarshi band standarti",
        ),
        "management_board",
        "this_year",
    ),
    (
        "standard",
        "STD-02",
        (
            "Стандарт взаимодействия с государственными органами",
            "Мемлекеттік органдармен өзара іс-қимыл стандарты",
            "Standard for Dealing with Public Officials",
            "Davlat organlari bilan hamkorlik standarti",
        ),
        "supervisory_board",
        "submitted",
    ),
    (
        "methodology",
        "MET-01",
        (
            "Методика оценки коррупционных рисков",
            "Сыбайлас жемқорлық тәуекелдерін бағалау әдістемесі",
            "Corruption Risk Assessment Methodology",
            "Korrupsiya xavflarini baholash metodikasi",
        ),
        "supervisory_board",
        "submitted",
    ),
    (
        "methodology",
        "MET-02",
        (
            "Методика оценки эффективности комплаенс-программы",
            "Комплаенс-бағдарлама тиімділігін бағалау әдістемесі",
            "Methodology for Assessing the Compliance Programme",
            "Komplayens dasturi samaradorligini baholash metodikasi",
        ),
        "board",
        "last_year",
    ),
    (
        "methodology",
        "MET-03",
        (
            "Методика антикоррупционного обучения",
            "Сыбайлас жемқорлыққа қарсы оқыту әдістемесі",
            "Anti-Corruption Training Methodology",
            "Korrupsiyaga qarshi oʻqitish metodikasi",
        ),
        "head",
        "draft",
    ),
]


def _day(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randrange(0, max((end - start).days, 1)))


def _adopt(admin: User, version, body: str, submitted: dt.date, decided: dt.date, number: str) -> None:  # type: ignore[no-untyped-def]
    services.version_submit(actor=admin, version=version, approving_body=body, submitted_on=submitted)
    services.version_adopt(actor=admin, version=version, decision_number=number, decision_date=decided)


def _documents(rng: random.Random, admin: User, head: Company, applies: list[Company], today: dt.date) -> None:
    year = today.year
    for index, (kind, code, titles, body, fate) in enumerate(DOCUMENTS, start=1):
        document = services.document_create(
            actor=admin,
            kind=kind,
            code=code,
            titles=dict(zip(("ru", "kk", "en", "uz"), titles, strict=True)),
            company=head,
            companies=applies,
            texts={"ru": f"{titles[0]}.\n\nТекст документа утверждён в установленном порядке.", "en": f"{titles[2]}."},
        )
        version = document.versions.get()
        if fate in {"last_year", "repealed"}:
            submitted = _day(rng, dt.date(year - 1, 1, 10), dt.date(year - 1, 10, 1))
            _adopt(
                admin,
                version,
                body,
                submitted,
                submitted + dt.timedelta(days=rng.randrange(10, 40)),
                f"{index}-{year - 1}",
            )
            if fate == "repealed":
                services.document_repeal(
                    actor=admin, document=document, repealed_on=dt.date(year, 1, 15), decision_number=f"R-{index}"
                )
        elif fate == "this_year":
            submitted = _day(rng, dt.date(year, 1, 10), min(today, dt.date(year, 9, 1)))
            _adopt(
                admin,
                version,
                body,
                submitted,
                min(today, submitted + dt.timedelta(days=rng.randrange(10, 40))),
                f"{index}-{year}",
            )
        elif fate == "submitted":
            services.version_submit(
                actor=admin, version=version, approving_body=body, submitted_on=_day(rng, dt.date(year, 6, 1), today)
            )
        elif fate == "examination":
            draft = ContentFile(f"{titles[0]}\n\n{EXAMINED_TEXT}".encode(), name=f"{code}.txt")
            services.version_attach(actor=admin, version=version, language="ru", upload=draft)
            services.version_send_to_examination(actor=admin, version=version)


def _rows(
    employees: list[Employee], registration: dict, dates: Iterator[dt.date]
) -> Iterator[tuple[int, dict[str, str]]]:
    for line, employee in enumerate(employees, start=2):
        yield (
            line,
            {
                "company": registration[employee.company_id],
                "personnel_number": employee.personnel_number,
                "acknowledged_on": next(dates).isoformat(),
            },
        )


def _import(kind: str, header: list[str], rows: Iterator[tuple[int, dict[str, str]]], version=None) -> None:  # type: ignore[no-untyped-def]
    plan = importing.plan(actor=SYSTEM, kind=kind, header=header, rows=rows, version=version)
    importing.apply(actor=SYSTEM, plan=plan, valid_only=True, version=version)


def _code(
    rng: random.Random, admin: User, head: Company, applies: list[Company], staff: list[Employee], today: dt.date
) -> None:
    year = today.year
    registration = {c.pk: c.registration_number for c in applies}
    code = services.document_create(
        actor=admin,
        kind="code",
        code="CODE-01",
        titles={
            "ru": "Антикоррупционный кодекс",
            "kk": "Сыбайлас жемқорлыққа қарсы кодекс",
            "en": "Anti-Corruption Code",
            "uz": "Korrupsiyaga qarshi kodeks",
        },
        company=head,
        companies=applies,
        texts=CODE_TEXT,
    )
    first = code.versions.get()
    _adopt(admin, first, "board", dt.date(year - 2, 1, 20), dt.date(year - 2, 2, 15), f"3-{year - 2}")
    campaign = services.campaign_create(
        actor=admin,
        version=first,
        title="Антикоррупционный кодекс: ознакомление",
        deadline=today + dt.timedelta(days=30),
        statements=[
            {
                "texts": {
                    "ru": "Подарок чиновнику можно не декларировать.",
                    "kk": "Шенеунікке берілген сыйлықты декларацияламауға болады.",
                    "en": "A gift to an official need not be declared.",
                    "uz": "Amaldorga sovgʻani deklaratsiya qilmaslik mumkin.",
                },
                "is_true": False,
            },
        ],
    )
    services.campaign_launch(actor=admin, campaign=campaign)
    readers = [e for e in staff if rng.random() < READ_LAST_YEAR and (e.hire_date or today).year < year]
    dates = iter(_day(rng, dt.date(year - 1, 1, 15), dt.date(year - 1, 12, 20)) for _ in readers)
    _import(
        "acknowledgements",
        ["company", "personnel_number", "acknowledged_on"],
        _rows(readers, registration, dates),
        first,
    )
    second = services.document_revise(
        actor=admin, document=code, is_material=True, change_note="Новые правила о подарках и конфликте интересов"
    )
    services.version_update(
        actor=admin,
        version=second,
        texts={c: t + "\n\n4." for c, t in CODE_TEXT.items()},
        is_material=True,
        change_note=second.change_note,
    )
    effective = min(dt.date(year, 1, 28), today)
    _adopt(admin, second, "board", dt.date(year - 1, 11, 20), effective, f"2-{year}")
    readers = [e for e in staff if rng.random() < READ_THIS_YEAR]
    dates = iter(_day(rng, effective, today) for _ in readers)
    _import(
        "acknowledgements",
        ["company", "personnel_number", "acknowledged_on"],
        _rows(readers, registration, dates),
        second,
    )


def _agreements(rng: random.Random, today: dt.date) -> None:
    services.obligations_sync(today=today)
    obligations = AgreementObligation.objects.select_related("employee", "company").order_by(
        "employee__personnel_number"
    )
    rows = []
    for line, obligation in enumerate(obligations, start=2):
        if rng.random() > CONCLUDED_SHARE:
            continue
        concluded = min(today, obligation.arose_on + dt.timedelta(days=rng.randrange(0, 20)))
        rows.append(
            (
                line,
                {
                    "company": obligation.company.registration_number,
                    "personnel_number": obligation.employee.personnel_number,
                    "agreement_number": f"АС-{line:05d}",
                    "concluded_on": concluded.isoformat(),
                },
            )
        )
    _import("agreements", ["company", "personnel_number", "agreement_number", "concluded_on"], iter(rows))


def _hires(rng: random.Random, staff: list[Employee], registration: dict, today: dt.date) -> None:
    rows = []
    for line, employee in enumerate((e for e in staff if e.hire_date and e.hire_date.year >= today.year - 1), start=2):
        rows.append(
            (
                line,
                {
                    "company": registration[employee.company_id],
                    "personnel_number": employee.personnel_number,
                    "contract_number": f"ТД-{line:05d}",
                    "contract_date": employee.hire_date.isoformat(),  # type: ignore[union-attr]
                    "obligations": "yes" if rng.random() < OBLIGATIONS_SHARE else "no",
                },
            )
        )
    _import("hires", ["company", "personnel_number", "contract_number", "contract_date", "obligations"], iter(rows))


def _checks(admin: User, officer: User, head: Company, staff: list[Employee]) -> None:
    declared = DeclarationItem.objects.filter(section="relatives").exclude(person_name="").first()
    candidates = [
        (
            "Сейтқали Арман Нұрланұлы",
            "Seitkali Arman",
            identifiers.make_iin(dt.date(1994, 5, 17), "M", 1234),
            False,
        ),
        ("Ким Виктория Олеговна", "Kim Viktoriya", "950101400001", False),
        ("Тохтаров Бахтиёр Рустамович", "Tokhtarov Bakhtiyor", "", True),
    ]
    if declared is not None:
        candidates.append((declared.person_name, "", declared.person_identifier, False))
    for index, (name, latin, identifier, dismissed) in enumerate(candidates):
        check = services.candidate_check_run(
            actor=officer,
            company=head,
            full_name=name,
            full_name_latin=latin,
            identifier=identifier,
            dismissed_for_breach=dismissed,
            dismissal_note="Уволен в 2023 году за нарушение Кодекса (получение подарка)" if dismissed else "",
        )
        if index == 0:
            services.candidate_check_conclude(actor=admin, check=check, conclusion="no_objection")
        elif dismissed:
            services.candidate_check_conclude(
                actor=admin, check=check, conclusion="objection", reasons="Ранее уволен за нарушение Кодекса."
            )
    mover = next((e for e in staff if e.position_id and not e.position.is_corruption_prone), None)  # type: ignore[union-attr]
    if mover is not None:
        services.candidate_check_run(
            actor=officer,
            company=mover.company,
            full_name=mover.full_name,
            full_name_latin=mover.full_name_latin,
            identifier=mover.iin or mover.pinfl,
            employee=mover,
            unit=mover.unit,
        )


def build_awareness_demo(admin: User, companies: dict[str, Company]) -> None:
    rng = random.Random(SEED)
    today = timezone.localdate()
    head = companies["head"]
    applies = list(companies.values())
    staff = list(
        Employee.objects.filter(dismissal_date__isnull=True, company__in=applies)
        .select_related("position", "company", "unit")
        .order_by("personnel_number")
    )
    registration = {c.pk: c.registration_number for c in applies}
    officer = User.objects.get(username="officer")
    _code(rng, admin, head, applies, staff, today)
    _documents(rng, admin, head, applies, today)
    _agreements(rng, today)
    _hires(rng, staff, registration, today)
    _checks(admin, officer, head, staff)
    _outreach(rng, officer, applies, today)


# Outreach events: (kind, format, audience, reach range, title in Russian, title in Uzbek).
_OUTREACH = (
    (
        "seminar",
        "in_person",
        "staff",
        (25, 120),
        "Семинар «Антикоррупционный кодекс на практике»",
        "«Korrupsiyaga qarshi kodeks amalda» seminari",
    ),
    (
        "round_table",
        "hybrid",
        "counterparties",
        (15, 60),
        "Круглый стол с поставщиками о комплаенс-требованиях",
        "Yetkazib beruvchilar bilan komplayens talablari boʻyicha davra suhbati",
    ),
    (
        "meeting",
        "in_person",
        "counterparties",
        (5, 20),
        "Встреча с подрядчиком о горячей линии",
        "Pudratchi bilan ishonch telefoni haqida uchrashuv",
    ),
    (
        "publication",
        "printed",
        "public",
        (800, 5000),
        "Статья о программе противодействия коррупции",
        "Korrupsiyaga qarshi kurash dasturi haqida maqola",
    ),
    (
        "media",
        "printed",
        "public",
        (2000, 20000),
        "Интервью комплаенс-офицера региональному телеканалу",
        "Komplayens xodimining mintaqaviy telekanalga intervyusi",
    ),
    (
        "social",
        "online",
        "mixed",
        (300, 3000),
        "Публикация о Speak Up в корпоративных соцсетях",
        "Korporativ ijtimoiy tarmoqlarda Speak Up haqida xabar",
    ),
    (
        "seminar",
        "online",
        "youth",
        (40, 150),
        "Лекция для студентов горного колледжа",
        "Togʻ-kon kolleji talabalari uchun maʼruza",
    ),
)


def _outreach(rng: random.Random, officer: User, companies: list[Company], today: dt.date) -> None:
    """Outreach events for last year and this year so far, a few more this year, as the rating expects."""
    for company in companies:
        uzbek = company.country == "UZ"
        for year, count in ((today.year - 1, 5), (today.year, 7)):
            end = dt.date(year, 12, 31) if year < today.year else today
            for index in range(count):
                kind, fmt, audience, (low, high), title_ru, title_uz = _OUTREACH[
                    (index + len(company.name_en)) % len(_OUTREACH)
                ]
                services.outreach_create(
                    actor=officer,
                    company_id=company.pk,
                    title=title_uz if uzbek else title_ru,
                    kind=kind,
                    format=fmt,
                    audience=audience,
                    held_on=_day(
                        rng, dt.date(year, 1, 10) if end >= dt.date(year, 1, 10) else dt.date(year, 1, 1), end
                    ),
                    reach=rng.randint(low, high),
                    place="Ташкент" if uzbek else "Актобе",
                )
