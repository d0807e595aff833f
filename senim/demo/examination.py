"""Demo data for the anti-corruption examination: a Russian supply contract examined, decided, concluded
and revised (findings eliminated), a Kazakh internal order with a dismissed proposal and an expert's own
finding, and an English service agreement still waiting for decisions.

Called by senim.demo.builder (the demo app sits above examination)."""

import datetime as dt
import io

import docx
from django.utils import timezone

from senim.accounts.models import User
from senim.examination import selectors, services
from senim.org.models import Company

CONTRACT_RU = [
    "ДОГОВОР ПОСТАВКИ № 47/2026",
    "1. Поставщик поставляет запасные части, а Покупатель принимает и оплачивает их.",
    "2. Покупатель перечисляет аванс в размере 100% цены договора без банковской гарантии.",
    "3. Расходы экспедитора оплачиваются наличными через представителя Покупателя.",
    "4. Поставщик вправе в одностороннем порядке изменить цену товара.",
    "5. Товар считается принятым при отсутствии у Покупателя существенных замечаний.",
    "6. Споры разрешаются в суде по месту нахождения Покупателя.",
]
CONTRACT_RU_V2 = [
    "ДОГОВОР ПОСТАВКИ № 47/2026",
    "1. Поставщик поставляет запасные части, а Покупатель принимает и оплачивает их.",
    "2. Покупатель перечисляет аванс 30% против банковской гарантии возврата аванса.",
    "3. Расчеты производятся только в безналичном порядке.",
    "4. Цена изменяется только дополнительным соглашением сторон.",
    "5. Товар принимается по акту в соответствии с техническим заданием.",
    "6. Споры разрешаются в суде по месту нахождения Покупателя.",
    "7. Стороны обязуются не совершать коррупционных действий, в том числе через посредников.",
]
ORDER_KK = [
    "БҰЙРЫҚ",
    "1. Қызметкерлерге сыйлықақы төлеу тәртібі жеке бұйрықпен айқындалады.",
    "2. Бас директор сыйлықақы мөлшерін өз қалауы бойынша айқындайды.",
    "3. Ерекше жағдайларда қызметкер оқудан босатылады.",
    "4. Бұйрықтың орындалуын бақылау бас директордың орынбасарына жүктелсін.",
]
AGREEMENT_EN = [
    "SERVICE AGREEMENT",
    "1. The Consultant shall prepare the permit application documents.",
    "2. The Consultant receives a success fee of 3% upon obtaining the mining licence.",
    "3. The Customer shall pay within a reasonable time after the services are rendered.",
    "4. Each Party shall comply with anti-corruption laws, including through its agents.",
]


def _version(examination):  # type: ignore[no-untyped-def]
    version = selectors.latest_version(examination)
    assert version is not None  # an examination is created with its first version
    return version


def _docx(lines: list[str]) -> bytes:
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def build_examination_demo(admin: User, companies: dict[str, Company]) -> None:
    company = next(iter(companies.values()))
    today = timezone.localdate()
    start = today - dt.timedelta(days=40)

    contract = services.examination_create(
        actor=admin,
        title="Договор поставки № 47/2026",
        kind="contract",
        company_id=company.pk,
        deadline=start + dt.timedelta(days=10),
        examined_on=start,
        file_name="dogovor-47.docx",
        data=_docx(CONTRACT_RU),
    )
    version = _version(contract)
    for finding in version.findings.all():
        if finding.code == "VAGUE_ACCEPTANCE":
            services.finding_dismiss(actor=admin, finding=finding, reason="Критерии приемки есть в спецификации.")
        else:
            services.finding_confirm(actor=admin, finding=finding)
    services.examination_conclude(
        actor=admin,
        examination=contract,
        concluded_on=start + dt.timedelta(days=3),
        recommendations="Обеспечить аванс банковской гарантией, исключить наличные расчеты и одностороннее "
        "изменение цены, включить антикоррупционную оговорку.",
    )
    services.version_add(
        actor=admin,
        examination=contract,
        file_name="dogovor-47-v2.docx",
        data=_docx(CONTRACT_RU_V2),
        examined_on=start + dt.timedelta(days=12),
    )
    services.examination_conclude(actor=admin, examination=contract, concluded_on=start + dt.timedelta(days=13))

    order = services.examination_create(
        actor=admin,
        title="Сыйлықақы туралы бұйрық жобасы",
        kind="order",
        company_id=company.pk,
        examined_on=start + dt.timedelta(days=20),
        file_name="buiryk.docx",
        data=_docx(ORDER_KK),
    )
    version = _version(order)
    for finding in version.findings.all():
        if finding.code == "SELECTIVE_EXCEPTION":
            services.finding_dismiss(actor=admin, finding=finding, reason="Ерекше жағдайлар Ережеде тізбеленген.")
        else:
            services.finding_confirm(actor=admin, finding=finding)
    services.finding_add(
        actor=admin,
        version=version,
        provision_index=len(version.provisions) - 1,
        code="NO_OVERSIGHT",
        recommendation="Бақылауды комплаенс-қызметпен бірге жүргізу.",
    )
    services.examination_conclude(
        actor=admin,
        examination=order,
        concluded_on=start + dt.timedelta(days=22),
        recommendations="Сыйлықақы төлеу өлшемшарттарын бұйрықтың өзінде белгілеу.",
    )
    services.examination_accept_risk(
        actor=admin,
        examination=order,
        accepted_by="Бас директор",
        reason="Уақытша бұйрық, 3 ай мерзімге.",
        accepted_on=start + dt.timedelta(days=23),
    )

    services.examination_create(
        actor=admin,
        title="Service agreement with a licensing consultant",
        kind="contract",
        company_id=company.pk,
        deadline=today + dt.timedelta(days=5),
        examined_on=today,
        file_name="service-agreement.docx",
        data=_docx(AGREEMENT_EN),
    )
