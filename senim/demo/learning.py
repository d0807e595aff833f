# ruff: noqa: E501  (the demo texts in four languages read best one per line)
"""Demo data for knowledge and training: a knowledge base in four languages (categories, articles,
a FAQ entry answering a Speak Up question), two courses with pages, a question bank, two tests
with a year and a half of results, a test assignment for the head company (the demo employee sees
it under My tests) and special-course events with attendees and certificates.

Called by senim.demo.builder after conflicts (the demo app sits above learning)."""

import datetime as dt
import random
from typing import Any

from django.utils import timezone

from senim.accounts.models import User
from senim.core.access import NOTHING, Role, Scope
from senim.learning import policy, services
from senim.learning.models import Question, QuestionType, Test, TrainingEvent
from senim.org.models import Company, Employee
from senim.speakup.models import Case, Kind

SEED = 4101
TESTED_SHARE = 0.55

_CATEGORIES = [
    ("Политика и Кодекс", "Саясат және Кодекс", "Policy and the Code", "Siyosat va Kodeks"),
    ("Подарки и гостеприимство", "Сыйлықтар мен қонақжайлылық", "Gifts and hospitality", "Sovgʻalar va mehmondoʻstlik"),
    ("Конфликт интересов", "Мүдделер қақтығысы", "Conflicts of interest", "Manfaatlar toʻqnashuvi"),
]

_ARTICLES = [
    (
        0,
        (
            "Антикоррупционная политика группы",
            "Топтың сыбайлас жемқорлыққа қарсы саясаты",
            "The group's anti-corruption policy",
            "Guruhning korrupsiyaga qarshi siyosati",
        ),
        (
            "Группа **не терпит коррупции** ни в какой форме. Работники не дают и не принимают взяток, не совершают платежей за упрощение формальностей и сообщают о нарушениях на горячую линию.",
            "Топ сыбайлас жемқорлыққа **төзбейді**. Жұмыскерлер пара бермейді және алмайды, бұзушылықтар туралы сенім телефонына хабарлайды.",
            "The group has **zero tolerance** for corruption. Employees neither give nor take bribes, make no facilitation payments and report breaches to the hotline.",
            "Guruh korrupsiyaning har qanday shakliga **murosasiz**. Xodimlar pora bermaydi va olmaydi, qoidabuzarliklar haqida ishonch telefoniga xabar beradi.",
        ),
    ),
    (
        1,
        ("Правила о подарках", "Сыйлықтар туралы ережелер", "Rules on gifts", "Sovgʻalar toʻgʻrisidagi qoidalar"),
        (
            "Подарки стоимостью выше порога декларируются и согласуются со службой комплаенс. Подарки от контрагентов во время закупок не принимаются.\n\n| Стоимость | Действие |\n|---|---|\n| до 2 МРП | можно принять |\n| выше 2 МРП | декларировать |",
            "Шекті мөлшерден асатын сыйлықтар декларацияланады және комплаенс-қызметпен келісіледі. Сатып алу кезінде контрагенттерден сыйлықтар қабылданбайды.",
            "Gifts above the threshold are declared and approved by the compliance service. No gifts are accepted from counterparties during a procurement.",
            "Chegaradan yuqori sovgʻalar deklaratsiya qilinadi va komplayens-nazorat xizmati bilan kelishiladi. Xarid jarayonida kontragentlardan sovgʻa qabul qilinmaydi.",
        ),
    ),
    (
        2,
        (
            "Как раскрыть конфликт интересов",
            "Мүдделер қақтығысын қалай ашуға болады",
            "How to disclose a conflict of interest",
            "Manfaatlar toʻqnashuvini qanday oshkor qilish kerak",
        ),
        (
            "Заполните форму А при приёме на работу и ежегодно, форму Б — как только конфликт возник. Родственники в группе, доли в контрагентах и работа по совместительству раскрываются.",
            "А нысанын жұмысқа қабылданғанда және жыл сайын, Б нысанын қақтығыс туындаған кезде толтырыңыз.",
            "Fill in form A when hired and every year, form B as soon as a conflict arises. Relatives in the group, stakes in counterparties and outside jobs are disclosed.",
            "A shaklini ishga qabul qilinganda va har yili, B shaklini toʻqnashuv yuzaga kelishi bilan toʻldiring.",
        ),
    ),
    (
        0,
        (
            "Горячая линия и защита заявителей",
            "Сенім телефоны және хабарлаушыларды қорғау",
            "The hotline and protection of reporters",
            "Ishonch telefoni va murojaatchilarni himoya qilish",
        ),
        (
            "Сообщить о нарушении можно анонимно. Преследование заявителей запрещено; о мести сообщайте на горячую линию.",
            "Бұзушылық туралы жасырын хабарлауға болады. Хабарлаушыларды қудалауға тыйым салынады.",
            "Breaches may be reported anonymously. Retaliation against reporters is forbidden; report it to the hotline.",
            "Qoidabuzarlik haqida anonim xabar berish mumkin. Murojaatchilarni taʼqib qilish taqiqlanadi.",
        ),
    ),
]

_PAGES = [
    ("Что такое коррупция", "Сыбайлас жемқорлық дегеніміз не", "What corruption is", "Korrupsiya nima"),
    ("Ваши обязанности", "Сіздің міндеттеріңіз", "Your duties", "Sizning majburiyatlaringiz"),
]

# (category, type, texts ru/kk/en/uz, choices [(texts, correct)] or answer)
_QUESTIONS: list[tuple[str, str, tuple[str, str, str, str], Any]] = [
    (
        "Policy",
        QuestionType.SINGLE,
        (
            "Кому сообщать о нарушении?",
            "Бұзушылық туралы кімге хабарлау керек?",
            "Whom do you report a breach to?",
            "Qoidabuzarlik haqida kimga xabar berasiz?",
        ),
        [
            (("На горячую линию", "Сенім телефонына", "To the hotline", "Ishonch telefoniga"), True),
            (("Никому", "Ешкімге", "Nobody", "Hech kimga"), False),
            (("Контрагенту", "Контрагентке", "The counterparty", "Kontragentga"), False),
        ],
    ),
    (
        "Policy",
        QuestionType.TRUE_FALSE,
        (
            "Платёж за упрощение формальностей допустим, если он небольшой.",
            "Ресімдеуді жеңілдету үшін төлем аз болса рұқсат етіледі.",
            "A facilitation payment is allowed if it is small.",
            "Rasmiyatchilikni soddalashtirish uchun toʻlov kichik boʻlsa, ruxsat etiladi.",
        ),
        False,
    ),
    (
        "Policy",
        QuestionType.MULTIPLE,
        (
            "Что нужно раскрыть в форме А?",
            "А нысанында не ашу керек?",
            "What must form A disclose?",
            "A shaklida nimani oshkor qilish kerak?",
        ),
        [
            (
                ("Родственников в группе", "Топтағы туыстарды", "Relatives in the group", "Guruhdagi qarindoshlarni"),
                True,
            ),
            (
                (
                    "Доли в контрагентах",
                    "Контрагенттердегі үлестерді",
                    "Stakes in counterparties",
                    "Kontragentlardagi ulushlarni",
                ),
                True,
            ),
            (("Любимый цвет", "Сүйікті түсті", "Favourite colour", "Sevimli rangni"), False),
        ],
    ),
    (
        "Policy",
        QuestionType.SINGLE,
        (
            "Сколько дней на подтверждение получения сообщения?",
            "Хабарламаның алынғанын растауға неше күн беріледі?",
            "How many days to acknowledge a report?",
            "Murojaat olinganini tasdiqlash uchun necha kun beriladi?",
        ),
        [(("7", "7", "7", "7"), True), (("30", "30", "30", "30"), False), (("90", "90", "90", "90"), False)],
    ),
    (
        "Practice",
        QuestionType.MATCHING,
        (
            "Сопоставьте ситуацию и действие",
            "Жағдай мен әрекетті сәйкестендіріңіз",
            "Match the situation to the action",
            "Vaziyat va harakatni moslang",
        ),
        [
            (
                (
                    "Подарок выше порога",
                    "Шектен асқан сыйлық",
                    "A gift above the threshold",
                    "Chegaradan yuqori sovgʻa",
                ),
                ("Задекларировать", "Декларациялау", "Declare it", "Deklaratsiya qilish"),
            ),
            (
                ("Предложение взятки", "Пара ұсынысы", "A bribe offered", "Pora taklifi"),
                (
                    "Сообщить на горячую линию",
                    "Сенім телефонына хабарлау",
                    "Report it to the hotline",
                    "Ishonch telefoniga xabar berish",
                ),
            ),
        ],
    ),
    (
        "Practice",
        QuestionType.SHORT,
        (
            "Какая служба отвечает на вопросы о Кодексе? (одно слово)",
            "Кодекс туралы сұрақтарға қай қызмет жауап береді? (бір сөз)",
            "Which service answers questions on the Code? (one word)",
            "Kodeks boʻyicha savollarga qaysi xizmat javob beradi? (bir soʻz)",
        ),
        ("комплаенс", "комплаенс", "compliance", "komplayens"),
    ),
    (
        "Practice",
        QuestionType.TRUE_FALSE,
        (
            "Родственник может работать в подчинении, если это раскрыто и урегулировано.",
            "Туыс ашылса және реттелсе, бағынышты болып жұмыс істей алады.",
            "A relative may report to you if it is disclosed and settled.",
            "Qarindosh oshkor qilingan va hal qilingan boʻlsa, sizga boʻysunishi mumkin.",
        ),
        True,
    ),
    (
        "Practice",
        QuestionType.SINGLE,
        (
            "Контрагент отказывается от антикоррупционной оговорки. Что делать?",
            "Контрагент сыбайлас жемқорлыққа қарсы ескертпеден бас тартады. Не істеу керек?",
            "A counterparty refuses the anti-corruption clause. What do you do?",
            "Kontragent korrupsiyaga qarshi bandni rad etmoqda. Nima qilasiz?",
        ),
        [
            (
                (
                    "Подать заявку на согласование",
                    "Келісуге өтініш беру",
                    "File an application for approval",
                    "Kelishuv uchun ariza berish",
                ),
                True,
            ),
            (("Подписать без оговорки", "Ескертпесіз қол қою", "Sign without it", "Bandsiz imzolash"), False),
        ],
    ),
]


class _Taker:
    """The demo's stand-in for an employee taking a test (demo employees have no accounts)."""

    is_authenticated = True

    def __init__(self, employee: Employee) -> None:
        self.employee = employee
        self.pk = None

    def get_username(self) -> str:
        return f"demo:{self.employee.personnel_number}"

    def scope_for(self, permission: str) -> Scope:
        return Scope(own_employee_ids=frozenset({self.employee.pk})) if permission == policy.TAKE else NOTHING

    def can(self, permission: str) -> bool:
        return permission == policy.TAKE

    def roles(self) -> list[Role]:
        return [Role.EMPLOYEE]


def _texts(base: str, values: tuple[str, ...]) -> dict[str, Any]:
    return dict(zip([f"{base}_ru", f"{base}_kk", f"{base}_en", f"{base}_uz"], values, strict=True))


def _knowledge_base(admin: Any) -> None:
    categories = [
        services.category_create(actor=admin, order=i, **_texts("name", names)) for i, names in enumerate(_CATEGORIES)
    ]
    for index, titles, bodies in _ARTICLES:
        services.article_create(
            actor=admin,
            category=categories[index],
            document_title="Антикоррупционная политика" if index == 0 else "",
            **_texts("title", titles),
            **_texts("body", bodies),
        )
    question = Case.objects.filter(kind=Kind.QUESTION).order_by("received_at").first()
    officer = User.objects.filter(username="officer").first()  # administrators do not read case content
    if question is not None and officer is not None:
        services.faq_publish_from_case(
            actor=officer,
            case_id=question.pk,
            category=categories[1],
            **_texts(
                "title",
                (
                    "Можно ли принять подарок от поставщика на праздник?",
                    "Мерекеде жеткізушіден сыйлық алуға бола ма?",
                    "May I accept a holiday gift from a supplier?",
                    "Bayramda yetkazib beruvchidan sovgʻa olsam boʻladimi?",
                ),
            ),
            **_texts(
                "body",
                (
                    "Только если его стоимость ниже порога и не идёт закупка; иначе задекларируйте подарок.",
                    "Құны шектен төмен болса және сатып алу жүрмесе ғана; әйтпесе декларациялаңыз.",
                    "Only below the threshold and when no procurement is under way; otherwise declare it.",
                    "Faqat qiymati chegaradan past boʻlsa va xarid bormasa; aks holda deklaratsiya qiling.",
                ),
            ),
        )


def _questions(admin: Any) -> dict[str, Any]:
    bank = services.bank_create(actor=admin, title="Anti-corruption basics / Антикоррупционные основы")
    categories = {name: services.category_get_or_create(bank=bank, name=name) for name in ("Policy", "Practice")}
    for category, qtype, texts, spec in _QUESTIONS:
        kwargs: dict[str, Any] = {}
        if qtype == QuestionType.TRUE_FALSE:
            kwargs["answer_true"] = spec
        elif qtype == QuestionType.MATCHING:
            kwargs["choices"] = [{**_texts("text", left), **_texts("match", right)} for left, right in spec]
        elif qtype == QuestionType.SHORT:
            kwargs["choices"] = [_texts("text", spec)]
        else:
            kwargs["choices"] = [{**_texts("text", t), "is_correct": ok} for t, ok in spec]
        services.question_create(
            actor=admin, category=categories[category], qtype=qtype, audit=False, **_texts("text", texts), **kwargs
        )
    return categories


def _courses(admin: Any, categories: dict[str, Any]) -> list[Test]:
    tests = []
    specs = [
        (
            (
                "Основы антикоррупционной политики",
                "Сыбайлас жемқорлыққа қарсы саясат негіздері",
                "Anti-corruption policy basics",
                "Korrupsiyaga qarshi siyosat asoslari",
            ),
            2,
            60,
            3,
        ),
        (
            (
                "Ежегодный тест для коррупционно опасных должностей",
                "Сыбайлас жемқорлық қаупі бар лауазымдарға арналған жыл сайынғы тест",
                "Yearly test for corruption-prone positions",
                "Korrupsiyaviy xavfli lavozimlar uchun yillik test",
            ),
            3,
            80,
            2,
        ),
    ]
    for titles, count, mark, attempts in specs:
        course = services.course_create(actor=admin, **_texts("title", titles))
        for order, page_titles in enumerate(_PAGES):
            services.page_create(
                actor=admin,
                course=course,
                order=order,
                **_texts("title", page_titles),
                **_texts("body", tuple(f"{t}.\n\n{b}" for t, b in zip(page_titles, _ARTICLES[order][2], strict=True))),
            )
        tests.append(
            services.test_create(
                actor=admin,
                course=course,
                rules=[(categories["Policy"], count), (categories["Practice"], count)],
                time_limit_minutes=20,
                pass_mark=mark,
                max_attempts=attempts,
                wait_hours=1,
                **_texts("title", titles),
            )
        )
    return tests


def _right(item: Any, rng: random.Random, skill: float) -> Any:
    question: Question = item.question
    choices = list(question.choices.all())
    good = rng.random() < skill
    if question.qtype == QuestionType.SINGLE:
        return str(next(c.pk for c in choices if c.is_correct == good))
    if question.qtype == QuestionType.MULTIPLE:
        return [str(c.pk) for c in choices if c.is_correct] if good else [str(choices[-1].pk)]
    if question.qtype == QuestionType.TRUE_FALSE:
        return question.answer_true if good else not question.answer_true
    if question.qtype == QuestionType.MATCHING:
        ids = [str(c.pk) for c in choices]
        return {i: i for i in ids} if good else {ids[0]: ids[1], ids[1]: ids[0]}
    return choices[0].text_ru if good else "не знаю"


def _results(rng: random.Random, tests: list[Test], staff: list[Employee]) -> None:
    today = timezone.localdate()
    for year in (today.year - 1, today.year):
        last_day = dt.date(year, 12, 31) if year < today.year else today - dt.timedelta(days=1)
        for employee in rng.sample(staff, int(len(staff) * TESTED_SHARE)):
            test = tests[0] if rng.random() < 0.75 else tests[1]
            taker = _Taker(employee)
            day = dt.date(year, 1, 10) + dt.timedelta(
                days=rng.randrange(max(1, (last_day - dt.date(year, 1, 10)).days))
            )
            moment = dt.datetime(day.year, day.month, day.day, 10, rng.randrange(60), tzinfo=dt.UTC)
            skill = rng.choice([0.5, 0.75, 0.9, 1.0])
            for attempt_number in range(2):
                try:
                    attempt = services.attempt_start(actor=taker, test=test, now=moment, rng=rng)
                except Exception:  # passed already, or no attempts left: this employee is done
                    break
                answers = {
                    str(item.question_id): _right(item, rng, skill)
                    for item in attempt.items.select_related("question").prefetch_related("question__choices")
                }
                attempt = services.attempt_submit(
                    actor=taker, attempt=attempt, answers=answers, now=moment + dt.timedelta(minutes=12)
                )
                if attempt.passed:
                    break
                moment += dt.timedelta(days=1 + attempt_number)
                skill = min(1.0, skill + 0.25)


def _events(admin: Any, rng: random.Random, companies: dict[str, Company]) -> None:
    today = timezone.localdate()
    specs = [
        ("Противодействие коррупции: практика правоприменения", "Агентство по противодействию коррупции", 16, -400),
        ("ISO 37001: внутренний аудит системы", "Академия правоохранительных органов", 24, -120),
        ("Anti-bribery compliance for procurement staff", "Anti-Corruption Agency of Uzbekistan", 8, -40),
    ]
    for index, (title, trainer, hours, offset) in enumerate(specs):
        company = list(companies.values())[index % len(companies)]
        event = services.event_create(
            actor=admin,
            company=company,
            kind=TrainingEvent.Kind.SPECIAL,
            title=title,
            trainer_organisation=trainer,
            date=today + dt.timedelta(days=offset),
            hours=hours,
            location="Астана" if company.country == "KZ" else "Toshkent",
        )
        staff = list(company.employees.filter(dismissal_date__isnull=True).values_list("personnel_number", flat=True))
        services.attendees_add(actor=admin, event=event, personnel_numbers=rng.sample(staff, min(len(staff), 25)))
        services.event_certificates_issue(actor=admin, event=event)


def build_learning_demo(admin: Any, companies: dict[str, Company]) -> None:
    rng = random.Random(SEED)
    _knowledge_base(admin)
    categories = _questions(admin)
    tests = _courses(admin, categories)
    head = companies["head"]
    staff = list(head.employees.filter(dismissal_date__isnull=True).order_by("personnel_number")[1:100])
    _results(rng, tests, staff)
    services.assignment_create(
        actor=admin, test=tests[0], audience="all", company=head, due_date=timezone.localdate() + dt.timedelta(days=30)
    )
    services.assignment_create(actor=admin, test=tests[0], audience="new_hires", probation_days=90)
    _events(admin, rng, companies)
