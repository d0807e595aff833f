"""The default methodology of the effectiveness rating: one row per indicator, titles and evidence in
ru, kk, en, uz. The points are Senim's starting point (only fragments of the official table are public)."""

from typing import Any

from senim.reports.models import Area

# The default methodology: (area, code, points full/mostly/partly, suggestion, titles, evidence).
# Titles and evidence per language: ru, kk, en, uz.
DEFAULT_ITEMS: tuple[dict[str, Any], ...] = (
    {
        "area": Area.RULES,
        "code": "1.1",
        "points": (10, 6, 3),
        "suggestion": "code_in_force",
        "title": (
            "Антикоррупционная политика и кодекс приняты и действуют",
            "Сыбайлас жемқорлыққа қарсы саясат пен кодекс қабылданып, қолданыста",
            "The anti-corruption policy and code are adopted and in force",
            "Korrupsiyaga qarshi siyosat va kodeks qabul qilingan va amalda",
        ),
        "evidence": (
            "Утверждённые документы с датой вступления в силу",
            "Күшіне ену күні көрсетілген бекітілген құжаттар",
            "Approved documents with their effective dates",
            "Kuchga kirish sanasi koʻrsatilgan tasdiqlangan hujjatlar",
        ),
    },
    {
        "area": Area.RULES,
        "code": "1.2",
        "points": (10, 6, 3),
        "suggestion": "clause_coverage",
        "title": (
            "Антикоррупционная оговорка в договорах",
            "Шарттардағы сыбайлас жемқорлыққа қарсы ескертпе",
            "The anti-corruption clause in contracts",
            "Shartnomalardagi korrupsiyaga qarshi band",
        ),
        "evidence": (
            "Доля договоров года с оговоркой",
            "Ескертпесі бар жылдық шарттардың үлесі",
            "Share of the year's contracts with the clause",
            "Bandi bor yillik shartnomalar ulushi",
        ),
    },
    {
        "area": Area.RULES,
        "code": "1.3",
        "points": (5, 3, 2),
        "suggestion": "declarations",
        "title": (
            "Декларирование конфликта интересов",
            "Мүдделер қақтығысын декларациялау",
            "Declaring conflicts of interest",
            "Manfaatlar toʻqnashuvini deklaratsiya qilish",
        ),
        "evidence": (
            "Доля работников, подавших декларации в кампании",
            "Науқанда декларация тапсырған жұмыскерлер үлесі",
            "Share of employees who declared in the campaign",
            "Kampaniyada deklaratsiya topshirgan xodimlar ulushi",
        ),
    },
    {
        "area": Area.RISKS,
        "code": "2.1",
        "points": (15, 10, 5),
        "suggestion": "risk_map",
        "title": (
            "Карта коррупционных рисков и перечень коррупционно опасных должностей утверждены",
            "Сыбайлас жемқорлық тәуекелдерінің картасы мен сыбайлас жемқорлыққа бейім лауазымдар тізбесі бекітілген",
            "The corruption risk map and the list of corruption-prone positions are approved",
            "Korrupsiyaviy xavflar xaritasi va korrupsiyaga moyil lavozimlar roʻyxati tasdiqlangan",
        ),
        "evidence": (
            "Решение об утверждении, карта рисков, перечень должностей",
            "Бекіту туралы шешім, тәуекелдер картасы, лауазымдар тізбесі",
            "The approval decision, the risk map, the list of positions",
            "Tasdiqlash toʻgʻrisidagi qaror, xavflar xaritasi, lavozimlar roʻyxati",
        ),
    },
    {
        "area": Area.RISKS,
        "code": "2.2",
        "points": (10, 6, 3),
        "suggestion": "programme_on_time",
        "title": (
            "Меры антикоррупционной программы выполнены в срок",
            "Сыбайлас жемқорлыққа қарсы бағдарлама шаралары мерзімінде орындалды",
            "The anti-corruption programme's measures are done on time",
            "Korrupsiyaga qarshi dastur chora-tadbirlari oʻz vaqtida bajarilgan",
        ),
        "evidence": (
            "Отчёт об исполнении программы",
            "Бағдарламаның орындалуы туралы есеп",
            "The programme's progress report",
            "Dastur ijrosi toʻgʻrisidagi hisobot",
        ),
    },
    {
        "area": Area.RISKS,
        "code": "2.3",
        "points": (5, 3, 2),
        "suggestion": "verifications",
        "title": (
            "Проверка контрагентов до заключения договоров",
            "Шарт жасалғанға дейін контрагенттерді тексеру",
            "Counterparties verified before contracts",
            "Shartnomadan oldin kontragentlarni tekshirish",
        ),
        "evidence": (
            "Заключения проверок",
            "Тексеру қорытындылары",
            "Verification conclusions",
            "Tekshiruv xulosalari",
        ),
    },
    {
        "area": Area.TONE,
        "code": "3.1",
        "points": (10, 6, 3),
        "suggestion": "",
        "title": (
            "Руководство открыто поддерживает антикоррупционную политику",
            "Басшылық сыбайлас жемқорлыққа қарсы саясатты ашық қолдайды",
            "Management openly supports the anti-corruption policy",
            "Rahbariyat korrupsiyaga qarshi siyosatni ochiq qoʻllab-quvvatlaydi",
        ),
        "evidence": (
            "Обращения руководства, решения совета директоров, подписанные принципы",
            "Басшылықтың үндеулері, директорлар кеңесінің шешімдері, қол қойылған қағидаттар",
            "Statements by management, board decisions, signed principles",
            "Rahbariyat murojaatlari, direktorlar kengashi qarorlari, imzolangan tamoyillar",
        ),
    },
    {
        "area": Area.TONE,
        "code": "3.2",
        "points": (5, 3, 2),
        "suggestion": "reporting_channel",
        "title": (
            "Канал сообщений работает и защищает заявителей",
            "Хабарлама арнасы жұмыс істейді және хабарлаушыларды қорғайды",
            "The reporting channel works and protects reporters",
            "Xabar berish kanali ishlaydi va xabar beruvchilarni himoya qiladi",
        ),
        "evidence": (
            "Сообщения года и их рассмотрение",
            "Жылдағы хабарламалар және оларды қарау",
            "The year's reports and how they were handled",
            "Yil davomidagi xabarlar va ularning koʻrib chiqilishi",
        ),
    },
    {
        "area": Area.AWARENESS,
        "code": "4.1",
        "points": (5, 3, 2),
        "suggestion": "staff_trained",
        "title": (
            "Доля обученных работников (70/50/30 %)",
            "Оқытылған жұмыскерлер үлесі (70/50/30 %)",
            "Share of staff trained (70/50/30 %)",
            "Oʻqitilgan xodimlar ulushi (70/50/30 %)",
        ),
        "evidence": (
            "Результаты обучения и тестирования",
            "Оқыту және тестілеу нәтижелері",
            "Training and test results",
            "Oʻqitish va test natijalari",
        ),
    },
    {
        "area": Area.AWARENESS,
        "code": "4.2",
        "points": (10, 6, 3),
        "suggestion": "labour_obligations",
        "title": (
            "Антикоррупционные обязательства в трудовых договорах",
            "Еңбек шарттарындағы сыбайлас жемқорлыққа қарсы міндеттемелер",
            "Anti-corruption obligations in labour contracts",
            "Mehnat shartnomalaridagi korrupsiyaga qarshi majburiyatlar",
        ),
        "evidence": (
            "Доля новых работников с обязательствами",
            "Міндеттемелері бар жаңа жұмыскерлер үлесі",
            "Share of new hires with obligations",
            "Majburiyatlari bor yangi xodimlar ulushi",
        ),
    },
    {
        "area": Area.AWARENESS,
        "code": "4.3",
        "points": (5, 3, 2),
        "suggestion": "special_courses",
        "title": (
            "Специальное обучение для коррупционно опасных должностей",
            "Сыбайлас жемқорлыққа бейім лауазымдарға арнайы оқыту",
            "Special training for corruption-prone positions",
            "Korrupsiyaga moyil lavozimlar uchun maxsus oʻqitish",
        ),
        "evidence": (
            "Программы и списки участников",
            "Бағдарламалар мен қатысушылар тізімі",
            "Programmes and lists of attendees",
            "Dasturlar va ishtirokchilar roʻyxati",
        ),
    },
    {
        "area": Area.OUTREACH,
        "code": "5.1",
        "points": (10, 6, 3),
        "suggestion": "outreach",
        "title": (
            "Просветительские мероприятия и их охват по сравнению с прошлым годом",
            "Ағарту іс-шаралары және олардың өткен жылмен салыстырғандағы қамтуы",
            "Outreach events and their reach compared with the previous year",
            "Targʻibot tadbirlari va ularning oʻtgan yilga nisbatan qamrovi",
        ),
        "evidence": (
            "Перечень мероприятий, публикации, охват",
            "Іс-шаралар тізбесі, жарияланымдар, қамту",
            "List of events, publications, reach",
            "Tadbirlar roʻyxati, nashrlar, qamrov",
        ),
    },
)
