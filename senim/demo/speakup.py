"""Demo data for Speak Up: a year of reports and questions across channels, categories and
outcomes, in the four languages, with messages both ways, notes, tasks, investigators and a few
overdue cases. One case names the demo investigator, who therefore cannot open it.

Cases are made through the services (so everything is encrypted as in real use); their dates
are then moved back into the past year.
"""

import datetime as dt
import random
from typing import Any

from django.utils import timezone

from senim.accounts.models import User
from senim.org.models import Company, Employee
from senim.speakup import services
from senim.speakup.models import Case, Category, Channel, Kind, LinkRole, Measure, Outcome, Status

SEED = 2032
CASES = 90

_TEXTS = {
    Category.BRIBERY: [
        ("ru", "Начальник склада требует от поставщиков наличные за приёмку товара без замечаний."),
        ("kk", "Қойма меңгерушісі жеткізушілерден тауарды ескертусіз қабылдау үшін қолма-қол ақша талап етеді."),
        ("en", "A customs broker offered our logistics manager cash to speed up clearance."),
    ],
    Category.FRAUD: [
        ("ru", "В отчётах о командировках указаны поездки, которых не было."),
        ("uz", "Yoqilgʻi hisobotlarida haqiqatda sarflanmagan yoqilgʻi koʻrsatilgan."),
    ],
    Category.CONFLICT_OF_INTEREST: [
        ("ru", "Руководитель отдела закупок выбирает подрядчика, которым владеет его брат."),
        ("kk", "Бөлім басшысы туысын конкурссыз жұмысқа алды."),
    ],
    Category.GIFTS: [
        ("ru", "Подрядчик подарил сотрудникам отдела дорогие телефоны к Новому году."),
        ("en", "A supplier paid for a weekend trip for two engineers."),
    ],
    Category.PROCUREMENT: [
        ("ru", "Тендер на поставку шин был подстроен: технические требования списаны с предложения одного поставщика."),
        ("uz", "Xarid tanlovida gʻolib oldindan maʼlum edi."),
    ],
    Category.HARASSMENT: [
        ("ru", "Мастер участка угрожает увольнением тем, кто жалуется на нарушения техники безопасности."),
    ],
    Category.OTHER: [
        ("ru", "Списанное оборудование вывозят с территории без документов."),
    ],
}
_QUESTIONS = [
    ("ru", "Можно ли принять от поставщика календарь и ручку с логотипом?"),
    ("kk", "Жұбайым контрагент компанияда жұмыс істейді. Бұл туралы хабарлауым керек пе?"),
    ("en", "May I accept an invitation to a supplier's conference with paid hotel?"),
    ("uz", "Qarindoshim ishlaydigan kompaniya tanlovda qatnashsa, nima qilishim kerak?"),
]
_CHANNELS = [Channel.WEB] * 11 + [Channel.HOTLINE] * 4 + [Channel.EMAIL] * 3 + [Channel.POST, Channel.IN_PERSON]
_OUTCOMES = (
    [Outcome.SUBSTANTIATED] * 6 + [Outcome.PARTLY] * 3 + [Outcome.UNSUBSTANTIATED] * 7 + [Outcome.OUT_OF_SCOPE] * 4
)
_MEASURES = {
    Outcome.SUBSTANTIATED: [
        Measure.DISCIPLINARY,
        Measure.DISMISSAL,
        Measure.CONTRACT_TERMINATED,
        Measure.LAW_ENFORCEMENT,
    ],
    Outcome.PARTLY: [Measure.CONTROL_IMPROVED, Measure.TRAINING, Measure.DISCIPLINARY],
}
_NAMES = ["Айгерим Жаксыбекова", "Ruslan Karimov", "Ольга Ким", "Dilnoza Yusupova", "Ерлан Сапаров"]


def build_speakup_demo(rng: random.Random, admin: User) -> None:
    """Add a year of Speak Up cases (deterministic for a given seed)."""
    rng = random.Random(SEED)
    officer = User.objects.get(username="officer")
    investigator = User.objects.get(username="investigator")
    companies = list(Company.objects.order_by("registration_number"))
    now = timezone.now()
    for number in range(CASES):
        age = int(365 * (1 - number / CASES))  # the oldest first, the newest a few days old
        received = now - dt.timedelta(days=age, hours=rng.randrange(24))
        case = _create(rng, officer, companies, received)
        waiting = number in (CASES - 6, CASES - 8)  # 3–5 weeks old, never acknowledged: overdue
        _progress(rng, case, officer, investigator, age, waiting=waiting)
        _move_dates(case, received)
    _named_case(rng, officer, investigator, companies, now)


def _create(rng: random.Random, officer: User, companies: list[Company], received: dt.datetime) -> Case:
    is_question = rng.random() < 0.18
    category = (
        rng.choice(list(_TEXTS)) if not is_question else rng.choice([Category.GIFTS, Category.CONFLICT_OF_INTEREST])
    )
    language, text = rng.choice(_QUESTIONS if is_question else _TEXTS[category])
    content = {"question": text} if is_question else {"what": text, "when": "", "how_known": ""}
    anonymous = rng.random() < 0.55
    reporter = {} if anonymous else {"name": rng.choice(_NAMES), "phone": f"+7 701 {rng.randrange(1000000):07d}"}
    company = rng.choice(companies) if rng.random() < 0.9 else None
    channel = Channel.WEB if is_question else rng.choice(_CHANNELS)
    common: dict[str, Any] = {
        "kind": Kind.QUESTION if is_question else Kind.REPORT,
        "category": category,
        "content": content,
        "anonymous": anonymous,
        "reporter": reporter,
        "company_id": company.pk if company else None,
        "language": language,
    }
    if channel == Channel.WEB:
        return services.case_submit(**common).case
    received_on = timezone.localdate(received)
    return services.case_register(
        actor=officer,
        channel=channel,
        received_on=min(received_on, timezone.localdate()),
        issue_receipt=False,
        **common,
    ).case


def _progress(rng: random.Random, case: Case, officer: User, investigator: User, age: int, *, waiting: bool) -> None:
    """Move the case as far as its age suggests: old cases closed, recent ones at every stage."""
    if waiting or (age < 4 and rng.random() < 0.7):
        return  # just received
    if case.kind == Kind.QUESTION:
        if age > 10 or rng.random() < 0.5:
            services.case_answer(
                actor=officer, case=case, answer="Да, если стоимость ниже порога; зарегистрируйте подарок."
            )
        return
    if waiting:
        return
    services.message_send(actor=officer, case=case, body="Спасибо за сообщение. Мы приступили к проверке.")
    services.case_set_status(actor=officer, case=case, status=Status.ASSESSMENT)
    if rng.random() < 0.6:
        services.case_set_status(actor=officer, case=case, status=Status.INVESTIGATION)
        if case.company_id:
            services.case_assign(actor=officer, case=case, users=[investigator])
            services.note_add(actor=investigator, case=case, body="Запрошены первичные документы у бухгалтерии.")
            services.task_add(
                actor=officer,
                case=case,
                title="Опросить свидетелей",
                due=timezone.localdate() + dt.timedelta(days=rng.randrange(-10, 30)),
                assignee=investigator,
            )
    if rng.random() < 0.35:
        services.message_send(actor=officer, case=case, body="Уточните, пожалуйста, дату и место.")
        services.reporter_reply(case=case, body="Это было в марте, на складе №3.")
    if age > 120 or (age > 30 and rng.random() < 0.6):
        outcome = rng.choice(_OUTCOMES)
        options = _MEASURES.get(outcome, [])
        measures = rng.sample(options, k=min(len(options), rng.randint(1, 2))) if options else []
        services.case_close(actor=officer, case=case, outcome=outcome, measures=measures, summary="Проверка завершена.")


def _move_dates(case: Case, received: dt.datetime) -> None:
    """Shift the case's dates so that it was received at `received` (service calls ran now)."""
    case.refresh_from_db()
    shift = case.received_at - received
    day = timezone.localdate(received)
    updates: dict[str, object] = {
        "received_at": received,
        "acknowledge_due": day + dt.timedelta(days=7),
        "feedback_due": day + dt.timedelta(days=90),
    }
    rng = random.Random(case.reference)
    progress = dt.timedelta(days=rng.uniform(1, 6))
    if case.acknowledged_at:
        updates["acknowledged_at"] = received + progress
    if case.feedback_at:
        updates["feedback_at"] = received + progress
    if case.closed_at:
        closed = received + dt.timedelta(days=rng.uniform(15, 80))
        updates["closed_at"] = min(closed, case.closed_at)
        if case.watch_until:
            updates["watch_until"] = timezone.localdate(updates["closed_at"]) + dt.timedelta(days=365)  # type: ignore[arg-type]
    del shift
    Case.objects.filter(pk=case.pk).update(**updates)


def _named_case(
    rng: random.Random, officer: User, investigator: User, companies: list[Company], now: dt.datetime
) -> None:
    """A report naming the demo investigator (as a user) and an employee: neither can open it."""
    company = companies[0]
    case = services.case_submit(
        kind=Kind.REPORT,
        category=Category.CONFLICT_OF_INTEREST,
        content={"what": "Специалист по расследованиям закрывает проверки по компании своего родственника."},
        anonymous=True,
        company_id=company.pk,
    ).case
    services.message_send(actor=officer, case=case, body="Спасибо. Как давно это происходит?")
    services.link_add(actor=officer, case=case, role=LinkRole.NAMED, user=investigator)
    employee = Employee.objects.filter(company=company).order_by("personnel_number").first()
    if employee is not None:
        services.link_add(actor=officer, case=case, role=LinkRole.NAMED, employee=employee)
