"""The default red-flag catalogue and due diligence rules; officers change both on their pages."""

import uuid
from decimal import Decimal

from django.db import migrations

FLAGS = [
    # code, weight, ru, kk, en, uz
    ("offshore", 20, "Офшорная юрисдикция", "Офшорлық юрисдикция", "Offshore jurisdiction", "Offshor yurisdiksiya"),
    ("newly_registered", 5, "Недавно зарегистрирован (менее года)", "Жақында тіркелген (бір жылдан аз)",
     "Newly registered (less than a year)", "Yaqinda roʻyxatdan oʻtgan (bir yildan kam)"),
    ("official_owner", 20, "Госслужащий или ПДЛ среди владельцев и руководителей",
     "Иелері мен басшылары арасында мемлекеттік қызметші немесе ЖЛТ",
     "State official or PEP among owners and managers", "Mulkdorlar va rahbarlar orasida davlat xizmatchisi yoki SAM"),
    ("employee_link", 20, "Связь с работником группы (общий идентификатор, родственник)",
     "Топ жұмыскерімен байланыс (ортақ сәйкестендіргіш, туыс)",
     "Link to an employee of the group (shared identifier, relative)",
     "Guruh xodimi bilan bogʻliqlik (umumiy identifikator, qarindosh)"),
    ("undisclosed_owner", 15, "Бенефициарный владелец не раскрыт", "Бенефициарлық меншік иесі ашылмаған",
     "Undisclosed beneficial owner", "Benefitsiar mulkdor oshkor qilinmagan"),
    ("cash_advance", 10, "Наличные расчёты или авансовые платежи", "Қолма-қол есеп айырысу немесе аванстық төлемдер",
     "Cash or advance payments", "Naqd yoki avans toʻlovlari"),
    ("agent_fees", 15, "Агенты, посредники или гонорар успеха", "Агенттер, делдалдар немесе табыс сыйақысы",
     "Agents, intermediaries or success fees", "Agentlar, vositachilar yoki muvaffaqiyat haqi"),
    ("prior_debarment", 30, "Ранее отстранялся от закупок (реестр недобросовестных поставщиков)",
     "Бұрын сатып алудан шеттетілген (жосықсыз өнім берушілер тізілімі)",
     "Prior debarment (register of unreliable suppliers)",
     "Avval xaridlardan chetlatilgan (insofsiz yetkazib beruvchilar reyestri)"),
    ("screening_hit", 25, "Совпадение при проверке по спискам", "Тізімдер бойынша тексеру кезіндегі сәйкестік",
     "Screening hit", "Roʻyxatlar boʻyicha tekshiruvda moslik"),
    ("questionnaire_concern", 10, "Ответы анкеты вызывают вопросы", "Сауалнама жауаптары күмән тудырады",
     "Questionnaire answers raise concern", "Soʻrovnoma javoblari shubha uygʻotadi"),
    ("questionnaire_refused", 10, "Отказ заполнить анкету", "Сауалнаманы толтырудан бас тарту",
     "Refused to fill the questionnaire", "Soʻrovnomani toʻldirishdan bosh tortgan"),
]

RULES = [
    # level, method, category, min_amount, min_risk
    ("simplified", "", "", None, ""),
    ("standard", "direct", "", None, ""),
    ("standard", "", "", Decimal("50000000"), ""),
    ("standard", "", "foreign", None, ""),
    ("standard", "", "", None, "medium"),
    ("enhanced", "", "", Decimal("1000000000"), ""),
    ("enhanced", "", "", None, "high"),
]


def add(apps, schema_editor):
    RedFlag = apps.get_model("counterparties", "RedFlag")
    Rule = apps.get_model("counterparties", "DueDiligenceRule")
    for code, weight, ru, kk, en, uz in FLAGS:
        RedFlag.objects.get_or_create(
            code=code,
            defaults={"id": uuid.uuid4(), "weight": weight, "title_ru": ru, "title_kk": kk, "title_en": en, "title_uz": uz},
        )
    if not Rule.objects.exists():
        for level, method, category, amount, risk in RULES:
            Rule.objects.create(
                id=uuid.uuid4(), level=level, procurement_method=method, category=category, min_amount=amount,
                currency="KZT", min_risk=risk,
            )


class Migration(migrations.Migration):
    dependencies = [("counterparties", "0004_verification")]
    operations = [migrations.RunPython(add, migrations.RunPython.noop)]
