"""The default anti-corruption questionnaire (version 1, published); officers publish new versions."""

import datetime as dt
import uuid

from django.db import migrations

TITLE = {
    "ru": "Антикоррупционная анкета контрагента",
    "kk": "Контрагенттің сыбайлас жемқорлыққа қарсы сауалнамасы",
    "en": "Counterparty anti-corruption questionnaire",
    "uz": "Kontragentning korrupsiyaga qarshi soʻrovnomasi",
}

QUESTIONS = [
    # code, type, required, flag code, flag answer, ru, kk, en, uz
    ("owners", "persons", True, "", "",
     "Перечислите бенефициарных владельцев (физических лиц, прямо или косвенно владеющих 25 % и более): ФИО, ИИН/ПИНФЛ, доля.",
     "Бенефициарлық меншік иелерін (25 % және одан көп үлесі бар жеке тұлғаларды) көрсетіңіз: аты-жөні, ЖСН/ПИНФЛ, үлесі.",
     "List the beneficial owners (individuals owning 25 % or more directly or indirectly): full name, IIN/PINFL, share.",
     "Benefitsiar mulkdorlarni (bevosita yoki bilvosita 25 % va undan koʻp ulushga ega shaxslar) sanab oʻting: F.I.Sh., JShShIR/IIN, ulush."),
    ("managers", "persons", True, "", "",
     "Перечислите руководителей (первый руководитель, члены исполнительного органа): ФИО, ИИН/ПИНФЛ, должность.",
     "Басшыларды (бірінші басшы, атқарушы орган мүшелері) көрсетіңіз: аты-жөні, ЖСН/ПИНФЛ, лауазымы.",
     "List the managers (chief executive, members of the executive body): full name, IIN/PINFL, position.",
     "Rahbarlarni (birinchi rahbar, ijroiya organi aʼzolari) sanab oʻting: F.I.Sh., JShShIR/IIN, lavozim."),
    ("officials", "yes_no", True, "official_owner", "yes",
     "Есть ли среди владельцев и руководителей или их близких родственников государственные служащие или публичные должностные лица?",
     "Иелері мен басшылары немесе олардың жақын туыстары арасында мемлекеттік қызметшілер немесе жария лауазымды тұлғалар бар ма?",
     "Are any owners or managers, or their close relatives, state officials or politically exposed persons?",
     "Mulkdorlar va rahbarlar yoki ularning yaqin qarindoshlari orasida davlat xizmatchilari yoki siyosiy ahamiyatga ega shaxslar bormi?"),
    ("relatives_in_group", "persons", False, "employee_link", "any",
     "Работают ли в компаниях группы родственники ваших владельцев или руководителей? Если да, перечислите их.",
     "Топ компанияларында иелеріңіздің немесе басшыларыңыздың туыстары жұмыс істей ме? Егер иә болса, оларды көрсетіңіз.",
     "Do relatives of your owners or managers work in the group's companies? If so, list them.",
     "Guruh kompaniyalarida mulkdorlaringiz yoki rahbarlaringizning qarindoshlari ishlaydimi? Agar ha boʻlsa, ularni sanab oʻting."),
    ("policy", "yes_no", True, "", "",
     "Есть ли у вашей организации утверждённая антикоррупционная политика?",
     "Ұйымыңызда бекітілген сыбайлас жемқорлыққа қарсы саясат бар ма?",
     "Does your organisation have an approved anti-corruption policy?",
     "Tashkilotingizda tasdiqlangan korrupsiyaga qarshi siyosat bormi?"),
    ("policy_file", "file", False, "", "",
     "Приложите антикоррупционную политику или программу (PDF).",
     "Сыбайлас жемқорлыққа қарсы саясатты немесе бағдарламаны тіркеңіз (PDF).",
     "Attach the anti-corruption policy or programme (PDF).",
     "Korrupsiyaga qarshi siyosat yoki dasturni ilova qiling (PDF)."),
    ("programme", "choice", True, "", "",
     "Как организована антикоррупционная работа?",
     "Сыбайлас жемқорлыққа қарсы жұмыс қалай ұйымдастырылған?",
     "How is anti-corruption work organised?",
     "Korrupsiyaga qarshi ish qanday tashkil etilgan?"),
    ("investigations", "yes_no", True, "prior_debarment", "yes",
     "Были ли за последние 5 лет расследования, судимости или отстранение от закупок в отношении организации, её владельцев или руководителей?",
     "Соңғы 5 жылда ұйымға, оның иелеріне немесе басшыларына қатысты тергеу, соттылық немесе сатып алудан шеттету болды ма?",
     "In the last 5 years, were the organisation, its owners or managers investigated, convicted or debarred from procurement?",
     "Soʻnggi 5 yilda tashkilot, uning mulkdorlari yoki rahbarlariga nisbatan tergov, sudlanganlik yoki xaridlardan chetlatish boʻlganmi?"),
    ("agents", "yes_no", True, "agent_fees", "yes",
     "Привлекаете ли вы агентов или посредников, в том числе с вознаграждением за успех?",
     "Агенттерді немесе делдалдарды, соның ішінде табыс үшін сыйақымен тартасыз ба?",
     "Do you use agents or intermediaries, including for success fees?",
     "Agentlar yoki vositachilarni, shu jumladan muvaffaqiyat haqi evaziga jalb qilasizmi?"),
    ("founded", "date", False, "", "",
     "Дата государственной регистрации организации.",
     "Ұйымның мемлекеттік тіркелген күні.",
     "Date of the organisation's state registration.",
     "Tashkilotning davlat roʻyxatidan oʻtgan sanasi."),
    ("staff", "number", False, "", "",
     "Численность работников.",
     "Жұмыскерлер саны.",
     "Number of employees.",
     "Xodimlar soni."),
    ("comments", "text", False, "", "",
     "Дополнительные сведения.",
     "Қосымша мәліметтер.",
     "Further information.",
     "Qoʻshimcha maʼlumotlar."),
]

PROGRAMME_CHOICES = [
    {"value": "officer", "ru": "Есть ответственное лицо или подразделение", "kk": "Жауапты тұлға немесе бөлімше бар",
     "en": "There is a responsible person or unit", "uz": "Masʼul shaxs yoki boʻlinma bor"},
    {"value": "policy_only", "ru": "Только документы, без ответственного", "kk": "Тек құжаттар, жауаптысыз",
     "en": "Documents only, nobody responsible", "uz": "Faqat hujjatlar, masʼulsiz"},
    {"value": "none", "ru": "Не организована", "kk": "Ұйымдастырылмаған", "en": "Not organised", "uz": "Tashkil etilmagan"},
]


def add(apps, schema_editor):
    Questionnaire = apps.get_model("counterparties", "Questionnaire")
    Question = apps.get_model("counterparties", "Question")
    RedFlag = apps.get_model("counterparties", "RedFlag")
    if Questionnaire.objects.exists():
        return
    questionnaire = Questionnaire.objects.create(
        id=uuid.uuid4(), version=1, published_on=dt.date(2025, 1, 1), **{f"title_{k}": v for k, v in TITLE.items()}
    )
    flags = {f.code: f for f in RedFlag.objects.all()}
    for order, (code, kind, required, flag, answer, ru, kk, en, uz) in enumerate(QUESTIONS, start=1):
        Question.objects.create(
            id=uuid.uuid4(),
            questionnaire=questionnaire,
            order=order,
            code=code,
            answer_type=kind,
            is_required=required,
            red_flag=flags.get(flag),
            flag_answer=answer,
            text_ru=ru,
            text_kk=kk,
            text_en=en,
            text_uz=uz,
            choices=PROGRAMME_CHOICES if code == "programme" else [],
        )


class Migration(migrations.Migration):
    dependencies = [("counterparties", "0006_questionnaire")]
    operations = [migrations.RunPython(add, migrations.RunPython.noop)]
