"""The optional ESG and human-rights section of the counterparty questionnaire, with its red flags.

The questions are added to the latest published version (and any newer draft) rather than to a new
version: the section is asked only of responses that include it (`includes_esg`), and no response
before this migration includes it, so every existing response keeps exactly the questions it answered.
"""

import uuid

from django.db import migrations

FLAGS = [
    # code, weight, ru, kk, en, uz
    ("forced_labour", 30, "Принудительный труд (в том числе у поставщиков)", "Мәжбүрлі еңбек (соның ішінде жеткізушілерде)",
     "Forced labour (including in the supply chain)", "Majburiy mehnat (shu jumladan yetkazib beruvchilarda)"),
    ("child_labour", 30, "Детский труд (в том числе у поставщиков)", "Балалар еңбегі (соның ішінде жеткізушілерде)",
     "Child labour (including in the supply chain)", "Bolalar mehnati (shu jumladan yetkazib beruvchilarda)"),
    ("safety_incidents", 15, "Тяжёлые несчастные случаи или предписания по охране труда",
     "Ауыр жазатайым оқиғалар немесе еңбекті қорғау жөніндегі нұсқамалар",
     "Serious accidents or labour-safety orders", "Ogʻir baxtsiz hodisalar yoki mehnat muhofazasi boʻyicha koʻrsatmalar"),
    ("environmental_violations", 15, "Экологические нарушения (штрафы, иски)", "Экологиялық бұзушылықтар (айыппұлдар, талаптар)",
     "Environmental violations (fines, prosecutions)", "Ekologik qoidabuzarliklar (jarimalar, daʼvolar)"),
    ("no_supplier_code", 10, "Не принимает Кодекс поведения поставщика", "Жеткізушінің мінез-құлық кодексін қабылдамайды",
     "Does not accept the Supplier Code of Conduct", "Yetkazib beruvchining xulq-atvor kodeksini qabul qilmaydi"),
]

QUESTIONS = [
    # code, type, required, flag code, flag answer, ru, kk, en, uz
    ("esg_forced_labour", "yes_no", True, "forced_labour", "yes",
     "Выявлялись ли за последние 3 года в организации или у её поставщиков принудительный или кабальный труд, удержание документов работников?",
     "Соңғы 3 жылда ұйымда немесе оның жеткізушілерінде мәжбүрлі немесе құлдық еңбек, жұмыскерлердің құжаттарын ұстап қалу анықталды ма?",
     "In the last 3 years, was forced or bonded labour, or the withholding of workers' documents, found at the organisation or its suppliers?",
     "Soʻnggi 3 yilda tashkilotda yoki uning yetkazib beruvchilarida majburiy yoki qaram mehnat, xodimlar hujjatlarini ushlab qolish aniqlanganmi?"),
    ("esg_child_labour", "yes_no", True, "child_labour", "yes",
     "Работают ли в организации или у её поставщиков лица моложе минимального возраста, установленного законом?",
     "Ұйымда немесе оның жеткізушілерінде заңда белгіленген ең төменгі жастан кіші тұлғалар жұмыс істей ме?",
     "Do persons under the minimum working age set by law work at the organisation or its suppliers?",
     "Tashkilotda yoki uning yetkazib beruvchilarida qonunda belgilangan eng kichik yoshdan kichik shaxslar ishlaydimi?"),
    ("esg_safety", "yes_no", True, "safety_incidents", "yes",
     "Были ли за последние 3 года несчастные случаи со смертельным исходом или тяжёлыми травмами, предписания инспекции труда?",
     "Соңғы 3 жылда өліммен немесе ауыр жарақатпен аяқталған жазатайым оқиғалар, еңбек инспекциясының нұсқамалары болды ма?",
     "In the last 3 years, were there fatal or serious accidents at work, or orders of the labour inspectorate?",
     "Soʻnggi 3 yilda oʻlim yoki ogʻir jarohat bilan yakunlangan baxtsiz hodisalar, mehnat inspeksiyasi koʻrsatmalari boʻlganmi?"),
    ("esg_environment", "yes_no", True, "environmental_violations", "yes",
     "Привлекалась ли организация за последние 3 года к ответственности за экологические нарушения?",
     "Ұйым соңғы 3 жылда экологиялық бұзушылықтар үшін жауапкершілікке тартылды ма?",
     "In the last 3 years, was the organisation fined or prosecuted for environmental violations?",
     "Tashkilot soʻnggi 3 yilda ekologik qoidabuzarliklar uchun javobgarlikka tortilganmi?"),
    ("esg_supplier_code", "yes_no", True, "no_supplier_code", "no",
     "Принимает ли организация Кодекс поведения поставщика группы (права человека, условия труда, безопасность, экология, противодействие коррупции) и доводит ли его до своих поставщиков?",
     "Ұйым топтың жеткізушінің мінез-құлық кодексін (адам құқықтары, еңбек жағдайлары, қауіпсіздік, экология, сыбайлас жемқорлыққа қарсы іс-қимыл) қабылдай ма және оны өз жеткізушілеріне жеткізе ме?",
     "Does the organisation accept the group's Supplier Code of Conduct (human rights, working conditions, safety, environment, anti-corruption) and pass it on to its own suppliers?",
     "Tashkilot guruhning yetkazib beruvchi xulq-atvor kodeksini (inson huquqlari, mehnat sharoitlari, xavfsizlik, ekologiya, korrupsiyaga qarshi kurash) qabul qiladimi va uni oʻz yetkazib beruvchilariga yetkazadimi?"),
    ("esg_policy_file", "file", False, "", "",
     "Приложите политику в области прав человека, охраны труда или экологии (PDF).",
     "Адам құқықтары, еңбекті қорғау немесе экология саласындағы саясатты тіркеңіз (PDF).",
     "Attach the human-rights, labour-safety or environmental policy (PDF).",
     "Inson huquqlari, mehnat muhofazasi yoki ekologiya sohasidagi siyosatni ilova qiling (PDF)."),
]


def add(apps, schema_editor):
    RedFlag = apps.get_model("counterparties", "RedFlag")
    Questionnaire = apps.get_model("counterparties", "Questionnaire")
    Question = apps.get_model("counterparties", "Question")
    for code, weight, ru, kk, en, uz in FLAGS:
        RedFlag.objects.get_or_create(
            code=code,
            defaults={"id": uuid.uuid4(), "weight": weight, "title_ru": ru, "title_kk": kk, "title_en": en, "title_uz": uz},
        )
    flags = {f.code: f for f in RedFlag.objects.filter(code__in=[f[0] for f in FLAGS])}
    latest = Questionnaire.objects.filter(published_on__isnull=False).order_by("-version").first()
    if latest is None:
        return
    for questionnaire in Questionnaire.objects.filter(version__gte=latest.version):
        if questionnaire.questions.filter(section="esg").exists():
            continue
        order = max([q.order for q in questionnaire.questions.all()] or [0])
        for step, (code, kind, required, flag, answer, ru, kk, en, uz) in enumerate(QUESTIONS, start=1):
            if questionnaire.questions.filter(code=code).exists():
                continue
            Question.objects.create(
                id=uuid.uuid4(), questionnaire=questionnaire, order=order + step, code=code, answer_type=kind,
                is_required=required, red_flag=flags.get(flag), flag_answer=answer, section="esg",
                text_ru=ru, text_kk=kk, text_en=en, text_uz=uz,
            )


class Migration(migrations.Migration):
    dependencies = [("counterparties", "0014_esg_and_significant_suppliers")]
    operations = [migrations.RunPython(add, migrations.RunPython.noop)]
