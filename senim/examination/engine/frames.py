"""Frames: a factor described by the roles its definition names, found in any order and any word form.

rules.py matches fixed phrasings. A frame instead names the parts a provision must contain, in one clause,
for the factor's definition to be met: for UNILATERAL_PRICE_CHANGE a party, a verb of changing, a price or
volume and what lets one side do it ("вправе", "by notice"). Each part is a regular expression matched
in the clause's *view*, and the parts must match at different places:

- Russian: the clause's pymorphy3 lemmas joined by spaces ("заказчику вправе увеличить" is matched as
  "заказчик вправе увеличить"), so one pattern covers every case, number, tense and participle;
- Kazakh: each word with its noun endings stripped (kazakh.stem), verbs matched by stem + `\\w*`;
- English: the lower-cased text;
- Uzbek: the transliterated text (its frames are in frames_uz.py).

A frame does not fire when one of its `unless` patterns matches the clause's view (the bound: a cap,
both parties' agreement, recusal, disclosure), nor, when `negatable`, when the clause prohibits
("не вправе", "shall not", "құқылы емес"). Frames whose own parts are negative ("не раскрывается",
"no one reviews") are not negatable.
"""

from dataclasses import dataclass

W = r"[^.;]{0,60}?"  # a gap inside the clause


@dataclass(frozen=True)
class Frame:
    parts: tuple[str, ...]
    unless: tuple[str, ...] = ()
    negatable: bool = True
    bounded: bool = True  # the factor's bounds in rules.py apply too (a cap, a second signature, ...)


def _f(*parts: str, unless: tuple[str, ...] = (), negatable: bool = True, bounded: bool = True) -> Frame:
    return Frame(tuple(parts), unless, negatable, bounded)


PROHIBIT = {
    "ru": r"запрещ|не вправе|не допуска|недопуст|не может|не могут|не разрешается|не должн",
    "kk": r"тыйым салын|жол берілмейді|рұқсат етілмейді|құқылы емес|мүмкін емес|\w+(?:уға|уге|ға|ге) болмайды",
    "en": r"prohibited|forbidden|not permitted|not allowed|shall not|may not|must not|cannot|is not entitled",
    "uz": r"taqiqlan|yoʻl qoʻyilmaydi|haqli emas|mumkin emas|ruxsat etilmaydi",
}

# ---- shared parts ----------------------------------------------------------------------------------

_RU_COUNTERPARTY = r"(?:поставщик|исполнитель|подрядчик|продавец|покупатель|арендатор|арендодатель|заказчик|участник|контрагент|претендент|кандидат|bidder)"
_KK_COUNTERPARTY = r"(?:контрагент|жеткізуші|өнім беруші|қатысушы|мердігер|орындаушы|тапсырыс беруші)"

_RU_STEPS = (
    r"\b(?:принимать|утверждать|визировать|подписывать|согласовывать|проверять|списывать|выдавать|оплачивать|"
    r"выбирать|определять|распределять|начислять|заключать|оценивать|учитывать|контролировать|формировать)\b"
)

FRAMES: dict[str, dict[str, list[Frame]]] = {
    # One person decides and executes with no second signature or review; the assessed approves itself.
    "NO_OVERSIGHT": {
        "ru": [
            _f(
                r"\b(?:единолично|самостоятельно|лично|сам|один|без участие (?:иной|другой|какой-либо)|без чей-либо)\b",
                r"\b(?:принимать решение|решать|утверждать|согласовывать|определять|выбирать|распределять|формировать|назначать|заказывать|оценивать|вести учет|учитывать)\b",
                r"\b(?:подписывать|исполнять|осуществлять|производить|списывать|выплачивать|распоряжаться|учитывать|заключать|оплачивать|начислять|выдавать|принимать|утверждать|согласовывать|проводить|вести|составлять)\b",
                unless=(
                    r"^\W*(?:поставщик|исполнитель|подрядчик|продавец|арендатор|арендодатель|перевозчик|сторона|работник)\b",
                ),
            ),
            _f(
                r"\b(?:утверждать|утверждаться|согласовывать|согласовываться|проверять|проверяться|контроль|контролировать|подписывать)\b"
                + W
                + r"\b(?:тот же|этот же|тот самый|сам)\b"
            ),
            _f(
                r"\b(?:утверждать|утверждаться|согласовываться|проверяться)\b"
                + W
                + r"\b(?:лицо|работник|сотрудник|подразделение)\b[^.;]{0,30}, (?:проводить|провести|составить|составлять|подготовить|понести|осуществлять|осуществить|подписать)\b"
            ),
            _f(
                r"\b(?:не подлежать|не требовать|без (?:последующий|независимый|какой-либо|чей-либо|дополнительный))\b (?:\w+ )?(?:проверка|контроль|визирование)\b|\bникто не (?:проверять|проверяться|контролировать|контролироваться)\b",
                negatable=False,
            ),
            _f(r"\bправо первый и второй подпись\b", bounded=False),
            _f(
                r"\bединолично\b|\bединоличный (?:решение|порядок)\b",
                r"\b(?:принимать|приниматься|утверждать|утверждаться|решать|решаться|подписывать|подписываться|согласовывать|распоряжаться|списывать)\b",
                unless=(r"\bединоличный исполнительный\b",),
            ),
            _f(
                r"\bконтроль\b[^.;]{0,60}\bне (?:осуществляться|проводиться|предусмотреть|предусматриваться)\b|\bне (?:проверяться|контролироваться)\b|\bбез разделение (?:функция|обязанность|полномочие)\b",
                negatable=False,
            ),
            _f(
                r"\bодин и т(?:от|о) же (?:лицо|работник|сотрудник|должностной лицо)\b|\b(?:единственный|один) подпись\b|\bсам (?:подразделение|отдел|департамент|служба|филиал|работник)\b|\bим же\b|\bсамооценка\b",
                r"\b(?:принимать|исполнять|утверждать|утверждаться|подписывать|подписываться|проводить|проводиться|оценивать|оценка|проверять|проверка|контроль)\b",
            ),
            _f(
                r"\bбез (?:виза|согласование|подпись|участие|проверка)\b (?:с )?(?:\w+ )?(?:финансовый|бухгалтерия|юридический|юрист|казначейство|комплаенс|внутренний аудит|главный бухгалтер|служба безопасность)",
                negatable=False,
            ),
            _f(
                r"\b(?:совмещать|совмещение|одновременно выполнять|одновременно исполнять)\b",
                r"\b(?:функция|обязанность|роль|полномочие)\b",
            ),
            _f(
                r"\b(?:согласование|утверждение|виза|подпись|контроль|проверка|одобрение)\b",
                r"\bне требоваться\b",
            ),
            _f(
                r"\b(?:проверка|контроль|ревизия|аудит|оценка)\b",
                r"\b(?:собственный сила|свой сила)\b",
                unless=(r"^\W*(?:поставщик|исполнитель|подрядчик|продавец|арендатор|перевозчик|сторона)\b",),
            ),
            # A decision beyond review or appeal; a person who reports to no one.
            _f(
                r"\b(?:решение|заключение|вывод|результат|итог|оценка|приказ|распоряжение|мнение)\b",
                r"\bне подлежать (?:пересмотр|проверка|контроль)\b|\b(?:пересмотр|проверка|контроль) не подлежать\b",
                negatable=False,
            ),
            _f(
                r"\b(?:никто|никакой)? ?не отчитываться\b|\bотчет (?:о \w+ )?не (?:представляться|составляться|требоваться)\b|\bбез (?:какой-либо |какой |последующий )?(?:отчет|отчетность)\b",
                negatable=False,
            ),
            # The same person does two steps that a second person should check ("сам принимает и визирует").
            _f(
                r"\b(?:сам|самостоятельно|единолично|лично)\b",
                _RU_STEPS,
                _RU_STEPS,
                unless=(
                    r"^\W*(?:поставщик|исполнитель|подрядчик|продавец|арендатор|арендодатель|перевозчик|сторона|работник)\b",
                ),
            ),
            _f(
                r"\b(?:подразделение|отдел|служба|департамент|управление|комиссия|лицо|работник|руководитель|филиал)\b"
                + W
                + r"\bсам\b (?:\w+ )?(?:проверять|оценивать|контролировать|утверждать|принимать|согласовывать|ревизовать)\b"
            ),
            _f(
                r"\bбез (?:подтверждение|согласование|виза|подпись|проверка|контроль|одобрение|визирование|участие)\b (?:\w+ ){0,2}?(?:другой|второй|иной|независимый|мастер|руководитель|начальник|бухгалтер|комиссия|контролер)\b",
                negatable=False,
            ),
            # One official both approves (or chooses) and accepts, pays or writes off; a report approved by its author.
            _f(
                r"^\W*(?:заместитель|начальник|руководитель|менеджер|главный|специалист|бухгалтер|кассир|кладовщик|инженер|мастер|заведующий|куратор)\b",
                r"\b(?:утверждать|одобрять|согласовывать|составлять|формировать|оценивать|выбирать)\b",
                r"\bпринимать (?!решение)|\b(?:списывать|оплачивать|выплачивать|выдавать|визировать)\b|\bутверждать протокол\b",
                unless=(
                    r"\b(?:комиссия|после|согласование|совместно|второй|коллегиальный|совет|правление|утверждаться|приниматься)\b|, а\b",
                ),
            ),
            _f(
                r"\b(\w{4,} \w{4,})\b"
                + W
                + r"\b(?:утверждаться|проверяться|согласовываться|визироваться|приниматься)\b (?:сам )?\1\b"
            ),
        ],
        "kk": [
            _f(r"бірінші және екінші қол қою", bounded=False),
            _f(r"\bжеке-дара\b", r"(?:қабылда|бекіт|шеш|қол қо[йяю]|келіс)\w*"),
            _f(r"\bөзі \w+[^.;]{0,80}\bөзі (?:\w+ )?\w+(?:ады|еді|йды|йді|яды)\b"),
            # A decision beyond appeal or review; a person who reports to no one; no second confirmation.
            _f(
                r"(?:шешім|қорытынды|нәтиже|бұйрық)\w*",
                r"қайта қаралмайды|қайта қарауға жатпайды|ешкім\w* тарапынан (?:қайта )?қаралмайды",
                negatable=False,
            ),
            _f(r"ешкімге есеп бермейді|есеп бермейді|есеп берілмейді|есептілік\w*сіз", negatable=False),
            _f(r"(?:растау|бұрыштама|қолтаңба|екінші қол|тексеру|комиссия)\w*с[ыі]з|кейінгі есепсіз", negatable=False),
            _f(r"\b(\w{3,} \w{3,})\b[^.;]{0,80}\b\1 өзі (?:бекіт|тексер|қабылда|келіс|қол қо[йяю])\w*"),
            _f(
                r"\b(?:бекітеді|келіседі|таңдайды|бағалайды|айқындайды)\b",
                r"\b(?:және|әрі)\b[^.;]{0,50}\b(?:қабылдайды|есептен шығарады|төлейді|береді|шығарады)\b",
                unless=(r"комиссия|келісім|кейін|кеңес|басқарма|екінші",),
            ),
            _f(r"бақыланбайды|тексерілмейді|функциялар\w* бөлінбей", negatable=False),
            _f(
                r"\bбір тұлға\w*|\bжалғыз өзі\b|өзін-өзі бағала",
                r"(?:қабылда|орында|бекіт|қол қо[йяю]|бағала|тексер)\w*",
            ),
            _f(
                r"(?:заң|қаржы|бухгалтерия|комплаенс|ішкі аудит)\w*[^.;]{0,30}(?:бұрыштама|келісім|қол|тексеру)\w*с[ыі]з",
                negatable=False,
            ),
            _f(r"(?:қоса атқар|қатар атқар|біріктір)\w*", r"(?:міндет|функция|өкілеттік)\w*"),
            _f(r"(?:келісім|бекіту|виза|қолы\b|бақылау|тексеру)\w*", r"талап етілмейді"),
            _f(
                r"\b(?:өзі|жеке-дара|дербес|жалғыз)\b",
                r"\b(?:бөл|бекіт|келіс|айқында|таңда|шешім|тапсырыс бер|бағала)\w*(?:ады|еді|йды|йді|яды)\b",
                r"\b(?:қол қо[йяю]|орында|төле|есеп\w* шығар|жүзеге асыр|қабылда|есепте|бекіт|келіс)\w*(?:ады|еді|йды|йді|яды)\b",
                unless=(r"^\W*(?:жеткізуші|өнім беруші|орындаушы|мердігер|сатушы|жалға|тасымалдаушы|тарап|қызметкер)",),
            ),
            _f(r"\w+(?:ған|ген|қан|кен)\b (?:\w+ ){0,3}(?:тұлға|қызметкер|адам|бөлімше|басшы)\w* өзі\b"),
            _f(
                r"ешкім\w* (?:келісім|қол|рұқсат)\w*с[ыі]з|басқа[^.;]{0,30}(?:қол|келісім)\w*с[ыі]з|ешкім тексермейді|ешкім\w* тексерілмейді|тексерілмейді|(?:кейінгі |тәуелсіз )?(?:тексеру|бақылау)\w*сіз",
                negatable=False,
            ),
        ],
        "en": [
            _f(r"\bfirst and second signature", bounded=False),
            _f(
                r"\b(?:has|have|holds?|with) sole authority to (?:approve|sign|decide|authori[sz]e)\b|\bself-(?:approv|certif|authori[sz])\w*"
            ),
            _f(
                r"\b(?:no|without(?: any)?) segregation of duties\b|\b(?:is|are) not (?:checked|reviewed|verified|controlled) by anyone\b",
                negatable=False,
            ),
            _f(
                r"\b(?:one and the same (?:person|employee|official)|sole signatory|single signature|by the (?:unit|department|division|team) itself|self-assessment)\b",
                r"\b(?:approv\w*|sign\w*|decid\w*|execut\w*|assess\w*|carried out|review\w*)\b",
            ),
            _f(
                r"\bwithout (?:any )?(?:review|approval|sign-off|visa|involvement|countersignature) (?:by|of|from) (?:the )?(?:legal|finance|financial|treasury|compliance|internal audit|accounting)",
                negatable=False,
            ),
            _f(
                r"\b(?:combines?|combining|performs? both)\b",
                r"\b(?:duties|functions|roles|responsibilities)\b",
            ),
            _f(
                r"\bno (?:\w+ ){0,2}?(?:approval|sign-off|countersignature|review|second signature|authori[sz]ation)\b[^.;]{0,40}\b(?:is|are|shall be) (?:required|needed)|\bdo(?:es)? not require (?:the |any )?(?:approval|sign-off|countersignature|review|second signature)",
                negatable=False,
            ),
            _f(
                r"\bboth \w+s\b",
                r"\band (?:\w+ ){0,2}\w+s\b",
                r"\bno (?:other )?(?:one|person|body|employee|officer)\b|\bnobody\b|\bwithout (?:any )?(?:review|check|approval)",
                negatable=False,
            ),
            _f(
                r"\bby the same (?:person|employee|custodian|officer|manager|unit|individual|official|department)\b",
                unless=(r"\b(?:complaints?|grievances?|appeals?|reports?|allegations?)\b",),
            ),
            _f(
                r"\b(?:person|employee|officer|unit|manager|official) who (?:\w+ ){0,3}(?:drafted|signed|prepared|made|incurred|carried out|placed|ordered)\b"
                + W
                + r"\balso (?:approves|monitors|checks|reviews|certifies|signs|accepts)"
            ),
            _f(
                r"\bon (?:his|her|its|their) own authority\b|\bwith no (?:subsequent |further |independent |second )?(?:review|check|control|oversight|signature)|"
                r"\bno (?:one|other person|one else|other employee) (?:checks|reviews|verifies|approves|controls)|\bnot subject to (?:any )?(?:review|check|control|verification)\b",
                negatable=False,
            ),
            _f(
                r"\b(?:alone|solely|single-handedly|by himself|by herself|by itself|personally)\b",
                r"\b(?:decides?|approves?|selects?|chooses?|determines?|allocates?|orders?|authori[sz]es?)\b",
                r"\b(?:signs?|pays?|executes?|releases?|writes? off|accepts?|certifies|disburses?|records?)\b",
                unless=(r"^\W*(?:the )?(?:supplier|contractor|seller|buyer|tenant|landlord|carrier|party|employee)\b",),
            ),
            _f(
                r"^\W*(?:the )?(?:\w+ ){0,3}?(?:head|manager|director|chief|officer|engineer|accountant|cashier|storekeeper|keeper|supervisor)\b",
                r"\b(?:approves|selects|evaluates|prepares|orders|chooses)\b",
                r"\band (?:\w+ ){0,2}?(?:accepts|pays|writes off|certifies|releases|signs off|reconciles|receives)\b",
                unless=(r"\b(?:commission|committee|after|subject to|second|board|jointly)\b",),
            ),
            _f(
                r"\bof (?:the )?((?:\w+ ){0,2}\w+) (?:are|is|shall be) (?:approved|checked|reviewed|verified|signed off|authori[sz]ed|certified) by (?:the )?\1\b"
            ),
            _f(
                r"\b(?:performed|carried out|done|conducted|approved|made|signed|counted) by (?:the )?(?:\w+ ){0,2}?\w+ (?:alone|himself|herself|itself)\b|"
                r"\bwithout (?:any |subsequent |further )?(?:reporting|report|accountability)\b",
                negatable=False,
            ),
            _f(
                r"\bboth (?:records|prepares|approves|orders|issues|authori[sz]es|receives|keeps)\b",
                r"\band (?:\w+ ){0,3}?(?:reconciles|approves|checks|verifies|pays|signs off|records|writes off|accepts|counts)\b",
            ),
        ],
    },
    # An interested person decides, votes, reviews or filters reports about himself; a person named by an
    # official is imposed on the counterparty.
    "COI_GAP": {
        "ru": [
            _f(
                r"\b(?:заинтересованный|заинтересованность|аффилированный|аффилированность|аффилировать|родство|родственник|родственный|супруг|супруга|член семья|брат|сестра|сын|дочь|муж|жена)\b",
                r"\b(?:вправе|мочь|допускаться к?)\b (?:\w+ ){0,3}?(?:голосовать|голосование|участвовать|участие|подписывать|согласовывать|согласование|утверждать|оценивать|рассматривать|проверять|принимать|нанимать|назначать)\b|"
                r"\b(?:наравне|на общий основание|без ограничение|не являться основание|не являться препятствие|не препятствовать|независимо от)\b|\bучаствовать в (?:голосование|оценка|приёмка|приемка|рассмотрение|отбор)\b",
                unless=(
                    r"\b(?:самоотвод|не участвовать|не принимать участие|обязать (?:заявить|сообщить|раскрыть|уведомить)|выводиться|исключаться|отстраняться|не подписывать|не допускаться|заменяться|другой уполномоченный)\b",
                ),
                negatable=False,
            ),
            _f(
                r"\b(?:учредитель|акционер|участник|владелец|доля|акция|ранее работать|работать в|работать у)\b",
                _RU_COUNTERPARTY,
                r"\b(?:голосование|голосовать|подписывать|подписание|согласовывать|согласование|утверждать|оценивать|оценка|рассматривать|приёмка|приемка|участие|проверять|отбор)\b",
                r"\b(?:вправе|мочь|наравне|на общий основание|без ограничение|не являться основание|не препятствовать|допускаться|независимо от)\b",
                unless=(
                    r"\b(?:самоотвод|не участвовать|обязать (?:заявить|сообщить|раскрыть|уведомить)|не допускаться|не подписывать)\b",
                ),
                negatable=False,
            ),
            _f(
                r"\b(?:сообщение|донесение|информация о нарушение)\b[^.;]{0,40}\b(?:на|касаться|в отношение|с сторона|о)\b (?:действие |решение |нарушение )?(\w+)\b"
                + W
                + r"\b(?:рассматривать|рассматриваться|проверять|проверяться|направлять|направляться|разбирать|разбираться)\b[^.;]{0,40}\b\1\b"
            ),
            _f(
                r"\b(?:сообщение|донесение)\b"
                + W
                + r"\b(?:рассматривать|рассматриваться|направлять|направляться|проверять|проверяться)\b[^.;]{0,40}\b(?:этот же|тот же|сам)\b"
            ),
            _f(
                r"\b(?:заказчик|должностной лицо|заместитель|министр|аким)\b[^.;]{0,30}\b(?:указать|указывать|рекомендовать|назвать|назначить|предложить)\b|"
                r"\b(?:указать|рекомендовать|назвать|предложить)\b[^.;]{0,10}\b(?:заказчик|должностной|заместитель|министр|аким)\b",
                r"\b(?:лицо|работник|специалист|субподрядчик|организация|консультант|кандидат|сотрудник)\b",
                r"\b(?:принять|принимать|привлечь|привлекать|нанять|трудоустроить|взять)\b",
            ),
        ],
        "kk": [
            _f(
                r"(?:мүдделі|үлестес|туыс|жұбай|отбасы мүше|ағасы|інісі|апасы|қарындас|ұлы\b|қызы\b)\w*",
                r"(?:дауыс|қол қою|келіс|бекіт|бағала|қара|қабылда|қатыс|тағайында)\w*(?:уға|уге|ға|ге)? (?:құқылы|болады|жіберіледі)|(?:қабылдай|тағайындай|келісе|бекіте|қатыса) алады|"
                r"тең (?:бағала|қатыс|дауыс)|тең негізде|жалпы негізде|кедергі келтірмейді|кедергі болмайды|негіз болып табылмайды|шектеусіз",
                unless=(
                    r"(?:қатыспайды|шығарылады|өзін-өзі шеттет|хабарлауға міндетті|қол қо[йяю]майды|ауыстырылады)",
                ),
                negatable=False,
            ),
            _f(
                r"(?:құрылтайшы|акционер|иесі|үлес)\w*",
                _KK_COUNTERPARTY,
                r"\b(?:дауыс|қол қою|қол қо[йяю]|келіс|бекіт|бағала|қара|қабылда|қатыс)\w*",
                r"(?:құқылы|мүмкін\b|тең|жалпы негізде|кедергі келтірмейді|кедергі болмайды|жіберіледі|шектеусіз)",
                unless=(r"(?:қатыспайды|шығарылады|өзін-өзі шеттет|хабарлауға міндетті|қол қо[йяю]майды)",),
                negatable=False,
            ),
            _f(
                r"\b(\w{4,})\b (?:\w+ )?(?:әрекет|шешім|бұзушылық)\w* (?:туралы )?хабарлама\w*[^.;]{0,80}\b\1\b[^.;]{0,30}қара"
            ),
            _f(r"хабарлама\w*[^.;]{0,80}\b(?:сол|осы)\b[^.;]{0,30}(?:өзі|өзіне)\b[^.;]{0,20}(?:қара|жіберіл)"),
            _f(
                r"(?:тапсырыс беруші|лауазымды тұлға|орынбасар|министр|әкім)\w*[^.;]{0,40}(?:көрсеткен|ұсынған|атаған|ұсынылған|көрсетілген)",
                r"(?:тарт|қабылда|жұмыс\w* ал|штатқа)\w*",
            ),
        ],
        "en": [
            _f(
                r"\b(?:related to|affiliated with|affiliation|whose (?:spouse|brother|sister|son|daughter|relative|wife|husband|father|mother)|relatives? of|holding shares|shareholder|owns shares|previously worked|formerly employed|interested in the (?:outcome|deal|transaction|contract|award|decision)|even if interested|personally interested|with an interest in|relatives|family members?)\b",
                r"\b(?:may|can|is allowed to|are allowed to|is entitled to|are entitled to)\b (?:\w+ ){0,2}?(?:vote|sit|score|evaluate|approve|sign|review|take part|participate|decide|assess|hire|appoint|employ|recruit)\b|"
                r"\b(?:like any other|not prevent|no bar|not a bar|without restriction|on equal terms|on the same terms)\b",
                unless=(
                    r"\b(?:must|shall) (?:withdraw|abstain|declare|disclose|recuse)|\babstain|\brecuse|\bwithdraw|\bexcluded from|\bmay not\b|\bshall not (?:vote|take part|participate|sit|sign|approve|review|score)|\bcannot\b|\bprohibited\b|\bnot permitted\b",
                ),
                negatable=False,
            ),
            _f(
                r"\b(?:reports?|allegations?|disclosures?)\b (?:\w+ ){0,3}?(?:against|about|concerning|regarding|involving|by) (?:the |a )?((?!(?:the|a|an|that|this)\b)(?:\w+ ){0,2}\w+)\b"
                + W
                + r"\b(?:handled|reviewed|considered|examined|investigated|decided|dealt with|sent|forwarded|referred)\b (?:\w+ ){0,2}?(?:by|to) (?:the |that |this )?(?:same )?\1\b"
            ),
            _f(r"\b(?:reports?|allegations?)\b" + W + r"\b(?:by|to) (?:the|that|this) (?:very )?same\b"),
            _f(
                r"\b(?:customer|employer|client|buyer|officials?|minister|deputy \w+|authority)\b[^.;]{0,30}\b(?:nominat|recommend|designat|name[sd]?\b|indicat|propos)\w*",
                r"\b(?:employ|engage|hire|appoint|take on)\b",
                r"\b(?:must|shall|is required to|is to|agrees to|undertakes to)\b",
            ),
        ],
    },
    # One side (or one official) can change price, scope or volume with no cap, formula or amendment.
    "UNILATERAL_PRICE_CHANGE": {
        "ru": [
            _f(
                r"\b(?:поставщик|исполнитель|подрядчик|арендодатель|продавец|оператор|заказчик|покупатель|арендатор|куратор|менеджер|представитель|лицензиар|перевозчик|агент)\b",
                r"\b(?:изменять|изменить|изменяться|изменение|пересматривать|пересмотреть|пересматриваться|пересмотр|увеличивать|увеличить|увеличиваться|увеличение|повышать|повысить|повышаться|повышение|корректировать|скорректировать|корректироваться|корректировка|уточнять|уточнить|уточняться|сокращать|сократить|сокращение|уменьшать|уменьшить|уменьшение)\b",
                r"\b(?:цена|стоимость|тариф|расценка|объём|объем|количество|арендный плата|ставка|прайс-лист|смета)\b",
                r"\b(?:вправе|мочь|право|подлежать|по требование|по заявка|по письмо|уведомление|уведомить|путём|путем|в одностороннем|рабочий порядок|по мера|в любой время|в случай|требование|сообщить|ежеквартально|ежемесячно)\b",
                unless=(
                    r"\b(?:соглашение сторона|дополнительный соглашение|по соглашение|взаимный|обоюдный|оба сторона|твёрдый|твердый|неизменный|фиксированный|не подлежать|не более|не превышать|в предел|индекс|формула)\b",
                ),
            ),
            _f(r"\b(?:объём|объем|количество)\b[^.;]{0,60}\bсверх\b"),
        ],
        "kk": [
            _f(
                r"(?:жеткізуші|өнім беруші|орындаушы|мердігер|жал\w* беруші|сатушы|оператор|тапсырыс беруші|сатып алушы|куратор|менеджер|өкіл)",
                r"(?:өзгерт|арттыр|көтер|ұлғайт|қайта қара|түзет|қысқарт|азайт|нақтыла)\w*",
                r"\b(?:баға|құн|тариф|көлем|сан|ақы|мөлшерлеме)\w*",
                r"(?:құқылы|алады|мүмкін\b|хабарла|хабарлама|арқылы|талаб|жағдайда|кез келген уақытта|біржақты)",
                unless=(
                    r"(?:тараптар\w*[^.;]{0,20}келісім|қосымша келісім|өзара келісім|екі тарап|тұрақты|тіркелген|аспайтын|шегінде|индекс|формула)",
                ),
            ),
        ],
        "en": [
            _f(
                r"\b(?:supplier|contractor|seller|landlord|lessor|operator|buyer|customer|employer|manager|representative|vendor|provider|licensor|carrier|agent|client)\b",
                r"\b(?:change|changes|changed|revise|revises|revised|increase|increases|increased|raise|raises|adjust|adjusts|adjusted|amend|modify|vary|reduce|reduces|reduced|review|reviews|alter|update|cut)\b",
                r"\b(?:price|prices|rate|rates|tariff|tariffs|fee|fees|rent|scope|volume|volumes|quantit\w+|cost|costs|charges)\b",
                r"\b(?:may|can|is entitled|are entitled|has the right|at any time|by (?:written )?notice|by e-?mail|by letter|by posting|unilaterally|if|upon|on request|on demand)\b",
                unless=(
                    r"\b(?:mutual\w*|both parties|agreement of the parties|signed by both|fixed|firm|index|formula|not (?:to )?exceed|up to \d|no more than|within \d+ ?%|amendment)\b",
                ),
            ),
        ],
    },
    # Remuneration that depends on a permit, a licence, a public contract, a decision or a meeting with
    # officials; money for "expediting" with no documents.
    "AGENT_FEE": {
        "ru": [
            _f(
                r"\b(?:вознаграждение|гонорар|премия|бонус|плата|комиссионный|причитаться|уплачиваться|выплачиваться)\b|выплата комиссия|комиссия в размер",
                r"\b(?:в случай|при условие|только при|за каждый|зависеть|в зависимость|от стоимость|от сумма|от объем|процент)\b|%|"
                r"\b(?:за|после|при) (?:\w+ )?(?:получение|выдача|оформление|одобрение|согласование|выигрыш|заключение|выделение|внесение|включение|продление|положительный)\b",
                r"\b(?:разрешение|лицензия|государственный|госорган|министерство|акимат|регулятор|ведомство|таможенный|таможня|налоговый|квота|земельный участок|недропользование|тендер|госзакупка|чиновник|должностной лицо|положительный решение)\b|реестр[^.;]{0,40}поставщик",
                unless=(
                    r"\b(?:фиксированный|почасовой|независимо от (?:результат|решение|исход|получение)|не зависеть|не связать|фактически оказать|табель)\b",
                ),
            ),
            _f(
                r"\b(?:расход|средство|сумма|затрата|аванс|деньга)\b",
                r"\b(?:ускорение|решение вопрос|содействие|урегулирование)\b",
                r"\b(?:без (?:подтверждать|подтверждающий|отчёт|отчет|документ|чек)|устный отчёт|устный отчет|не требовать|не подлежать отчёт)",
                negatable=False,
            ),
            _f(
                r"\b(?:встреча|переговоры|приём|прием|аудиенция)\b",
                r"\b(?:должностной|чиновник|министерство|акимат|регулятор|ведомство|государственный|министр|аким)\b",
                r"\b(?:вознаграждение|гонорар|премия|бонус|плата|выплачиваться|уплачиваться|оплачиваться)\b",
            ),
        ],
        "kk": [
            _f(
                r"\b(?:сыйақы|сыйлықақы|бонус|гонорар|комиссиялық)\w*|комиссия(?=[^.;]{0,60}төлен)",
                r"(?:жағдайда|кейін|үшін|байланысты|сомасы|пайыз|ғана|әрбір)",
                r"(?:рұқсат|лицензия|мемлекеттік|орган|министрлік|әкімдік|реттеуші|кеден|салық|квота|жер учаске|тізілім|оң шешім|тендер|лауазымды)\w*",
                unless=(r"(?:тіркелген|сағаттық|нәтижесіне қарамастан|байланысты емес|нақты көрсетілген)",),
            ),
            _f(
                r"(?:мәселе\w* шеш|жеделдет|жәрдем|тез)\w*",
                r"(?:шығыс|қаражат|сома|ақша|ақы)\w*",
                r"(?:растаусыз|расталмаған|есепсіз|ауызша есеб|құжатсыз|талап етілмейді)\w*",
                negatable=False,
            ),
            _f(
                r"кездесу\w*",
                r"(?:лауазымды|министрлік|әкімдік|реттеуші|мемлекеттік|министр|әкім)\w*",
                r"\b(?:сыйақы|сыйлықақы|бонус|ақы|төлен)\w*",
            ),
        ],
        "en": [
            _f(
                r"\b(?:fee|fees|commission|bonus|remuneration|payment|paid|payable|earns|lump sum|reward|premium)\b",
                r"\b(?:only (?:if|once|when|upon|after)|upon|once|if|when|for (?:each|every)|contingent|conditional|subject to|depend\w*|% of|percent of|per cent of)\b",
                r"\b(?:permits?|licen[cs]es?|government|state company|state contract|regulator\w*|ministry|ministries|tax authorit\w+|tax office|customs|rulings?|quotas?|land plot|qualified suppliers|tender award|award of (?:the |a )?tender|concession)\b",
                unless=(r"\b(?:fixed|hourly|regardless of|not linked|timesheets?|irrespective of)\b",),
            ),
            _f(
                r"\b(?:expedit\w*|facilitat\w*|speed(?:ing)? up|smooth\w*)\b",
                r"\b(?:allowance|costs?|expenses?|funds?|sums?|cash|money)\b",
                r"\b(?:without (?:supporting |any )?(?:documents|receipts|evidence)|no (?:receipts|documents|reporting)|oral report|verbal report|not accounted)",
                negatable=False,
            ),
            _f(
                r"\b(?:meetings?|audiences?|introductions?)\b",
                r"\b(?:officials?|ministers?|regulators?|government|ministry|authorit\w+)\b",
                r"\b(?:fee|fees|bonus|remuneration|paid|payable|earns|receives|lump sum|reward)\b",
            ),
        ],
    },
    # Owners, principals, subcontractors or assignees withheld from the other party.
    "HIDDEN_BENEFICIARY": {
        "ru": [
            _f(
                r"\bсостав (?:участник|акционер|учредитель|собственник)\b|\b(?:собственник|бенефициар|бенефициарный|владелец|учредитель|субподрядчик|соисполнитель|цессионарий|принципал|выгодоприобретатель|акционер|собственность|в интерес который|контролировать|контролирующий|номинальный|кто (?:передать|уступить|переходить)|чей интерес)\b",
                r"\b(?:не раскрывать|не раскрываться|не сообщать|не сообщаться|не называть|не называться|не уведомлять|не указывать|не указываться|без указание|без уведомление|без раскрытие|конфиденциальный|тайна|не подлежать раскрытие|неизвестный|не предоставлять|не предоставляться|вправе не|не обязать|не обязанный|скрывать|анонимный|отказать (?:\w+ )?в предоставление|отказаться от раскрытие)\b",
                unless=(
                    r"\b(?:обязать раскрыть|обязать раскрывать|обязанный раскрыть|запрещаться|не вправе|не мочь|за исключение (?:служба )?комплаенс|кроме (?:служба )?комплаенс|только после)\b|(?:раскрывать|раскрываться|разглашать|передавать)[^.;]{0,15}третий лицо",
                ),
                negatable=False,
            ),
        ],
        "kk": [
            _f(
                r"(?:бенефициар|иелер|иесі|меншік|қосалқы мердігер|құрылтайшы|принципал|пайда алушы|бақылайтын|цессионарий|акционер|атау|түпкілікті)\w*|\bкім\b",
                r"(?:ашылмайды|ашпай|ашуға міндетті емес|ашпау|бермеу|жария етпейді|хабарламай|хабарламайды|хабарланбайды|құпия|белгісіз|берілмейді|көрсетілмейді|жария етілмейді|айтылмайды|жасыр)\w*",
                unless=(
                    r"(?:құқылы емес|тыйым|міндетті түрде|ғана тартады|келіскеннен кейін|комплаенс[^.;]{0,20}қоспағанда|үшінші тұлғалар\w*[^.;]{0,10}(?:ашылмайды|жария))",
                ),
                negatable=False,
            ),
        ],
        "en": [
            _f(
                r"\b(?:owners?|ownership|beneficial|beneficiar\w+|shareholders?|principals?|subcontractors?|assignees?|on whose behalf|who control\w*|controlling persons?|ultimate|nominees?|to whom)\b",
                r"\b(?:not (?:be )?(?:disclosed|revealed|named|identified)|will not (?:name|disclose|reveal|identify)|without (?:telling|informing|disclosing|naming|notifying)|keeps? (?:\w+ )?(?:secret|confidential)|remains? (?:secret|confidential)|undisclosed|not (?:obliged|required|bound) to (?:disclose|reveal|name|identify)|withheld|need not|anonymous|not (?:be )?told|(?:treated as|is|are) confidential|(?:decline|refuse)s? to (?:identify|disclose|name|reveal))",
                unless=(
                    r"\b(?:must disclose|shall disclose|shall provide|only with|prior written approval|except (?:to )?(?:the )?(?:compliance|auditors|regulators)|save for)\b|(?:disclosed|revealed) to third parties",
                ),
                negatable=False,
            ),
        ],
    },
    # Penalties waived or reduced by an official or "in working order", not by a court or a controlled settlement.
    "PENALTY_WAIVER": {
        "ru": [
            _f(
                r"\b(?:неустойка|пеня|штраф|штрафной|санкция)\b",
                r"\b(?:освободить|освобождать|освобождение|уменьшить|уменьшать|уменьшение|снизить|снижать|снижение|не начислять|не взыскивать|не применять|отказаться|списать|простить)\b",
                r"\b(?:вправе|мочь|по решение|по указание|по согласование|рабочий порядок|по усмотрение|куратор|руководитель|начальник|директор|заместитель|менеджер)\b",
                unless=(
                    r"\b(?:форс-мажор|непреодолимый сила|мировой соглашение|суд|правление|совет директор|комитет)\b",
                ),
            ),
        ],
        "kk": [
            _f(
                r"(?:айыппұл|өсімпұл|тұрақсыздық айыб|айып)\w*",
                r"(?:босат|азайт|төмендет|өндірме|өндірілме|кешір|есептеме|есеп\w* шығар)\w*",
                r"(?:құқылы|мүмкін\b|алады|шешім|нұсқау|жұмыс тәртібі|келісім|бастығ|басшы|директор|менеджер|куратор)",
                unless=(r"(?:форс-мажор|еңсерілмейтін|дүлей|сот|басқарма|директорлар кеңесі)",),
            ),
        ],
        "en": [
            _f(
                r"\b(?:penalt\w+|liquidated damages|late payment interest|fines?)\b",
                r"\b(?:waive\w*|reduc\w+|remit\w*|forgiv\w+|release\w*|not (?:to )?(?:charge|claim|enforce|collect))\b",
                r"\b(?:may|can|at (?:the|its|his) discretion|by decision|manager|director|officer|working order)\b",
                unless=(r"\b(?:force majeure|settlement approved|court|board|committee)\b",),
            ),
        ],
    },
    # Payment to someone other than the counterparty's own named account, or bank details changed by letter.
    "THIRD_PARTY_PAYMENT": {
        "ru": [
            _f(
                r"\b(?:оплата|платеж|перечислять|перечисляться|перечисление|выплата|выплачиваться|вознаграждение|денежный средство|оплачиваться)\b",
                r"\b(?:третий лицо|любой лицо|иной лицо|другой лицо|аффилированный|аффилировать|любой счет|любой юрисдикция|офшорный|офшор|иностранный банк|указать (?:исполнитель|поставщик|агент|подрядчик) в письмо)\b",
                unless=(
                    r"\b(?:исключительно на|только на|собственный счет|дополнительный соглашение|указать в раздел|указать в пункт)\b",
                ),
            ),
            _f(
                r"\b(?:реквизит|банковский реквизит|расчетный счет)\b",
                r"\b(?:изменить|изменять|измениться|изменение|заменить|замена)\b",
                r"\b(?:письмо|уведомление|электронный почта|одностороннем|сообщение)\b",
                unless=(r"\b(?:дополнительный соглашение|подписать оба|оба сторона)\b",),
            ),
        ],
        "kk": [
            _f(
                r"(?:төлем|төлен|аудар|сыйақы)\w*",
                r"(?:үшінші тұлға|кез келген тұлға|басқа тұлға|үлестес|офшор|шетелдік банк|хатта көрсеткен)\w*",
                unless=(r"(?:тек\b|өз шот|қосымша келісім)",),
            ),
            _f(
                r"(?:деректеме|шот)\w*",
                r"өзгерт\w*",
                r"(?:хат|хабарлама|электрондық пошта|біржақты)\w*",
                unless=(r"қосымша келісім",),
            ),
        ],
        "en": [
            _f(
                r"\b(?:pay|paid|payable|payments?|transfer\w*|remit\w*|fee)\b",
                r"\b(?:third part\w+|any account|any person|such account|any jurisdiction|affiliat\w+|offshore|nominated by|designated by|as the \w+ may (?:designate|direct|instruct))\b",
                unless=(r"\b(?:only to|only into|own account|named in clause|signed amendment)\b",),
            ),
            _f(
                r"\b(?:bank details|account details|payment details|bank account)\b",
                r"\b(?:chang\w+|amend\w*|replac\w+)\b",
                r"\b(?:by (?:a )?(?:letter|notice|e-?mail)|notif\w+|unilaterally)\b",
                unless=(r"\b(?:signed amendment|amendment signed|both parties)\b",),
            ),
        ],
    },
    # Acceptance that depends on one person's satisfaction, on "substantial" remarks or on terms agreed later.
    "VAGUE_ACCEPTANCE": {
        "ru": [
            _f(
                r"\b(?:приемка|приёмка|принимать|приниматься|принять|принятый|считаться принятый)\b",
                r"\b(?:устраивать|удовлетворять|по усмотрение|по мнение|существенный замечание|значительный замечание|серьезный замечание|согласовать (?:сторона )?(?:дополнительно|позднее|впоследствии)|определяться дополнительно|с момент направление)\b",
                unless=(r"\b(?:технический задание|спецификация|приложение|критерий|программа испытание)\b",),
            ),
        ],
        "kk": [
            _f(
                r"қабыл\w*",
                r"(?:елеулі|маңызды ескерту|қанағаттандыр|көңілінен шық|кейінірек келіс|қосымша келісіл|жіберілген сәттен)\w*",
                unless=(r"(?:техникалық тапсырма|техникалық ерекшелік|өлшемшарттар\w* сәйкес|қосымша\w* сәйкес)",),
            ),
        ],
        "en": [
            _f(
                r"\b(?:accept\w*|deemed accepted)\b",
                r"\b(?:satisf\w+|to the liking|sole opinion|substantial|material objections|significant|upon (?:the )?(?:\w+ )?(?:sending|submitting|submission of) (?:its |the )?report|to be agreed|agreed later|will be agreed|at a later)",
                unless=(r"\b(?:specification|technical|criteria set out|annex|schedule)\b",),
            ),
        ],
    },
    # A decision left to one person's own judgement.
    "DISCRETION": {
        "kk": [
            _f(
                r"(?:айқында|шеш|таңда|белгіле|бекіт|бер)\w*",
                r"\bөз бетінше\b",
                unless=(r"(?:тәртіб|ереже|өлшемшарт|әдістеме|талаптар|рәсім)",),  # rules set by their user: blanket
            )
        ],
    },
    # No time limit: an evaluative one, or one tied to an event nobody controls.
    "NO_DEADLINE": {
        "ru": [
            _f(
                r"\b(?:кратчайший|сжатый|оптимальный|разумный|приемлемый|минимальный|короткий|возможный)\b (?:\w+ )?срок\b"
            ),
            _f(
                r"\b(?:оплата|оплачивать|оплачиваться|возврат|возвращать|возвращаться|рассматривать|рассматриваться|рассмотрение|решение|поставка|выплата|выплачиваться|ответ|устранять|производиться)\b",
                r"\bпосле (?:\w+ )?(?:завершение|окончание|урегулирование|поступление|получение финансирование|сбор|решение вопрос)\b",
            ),
        ],
        "kk": [
            _f(
                r"(?:төле|қайтар|қара|шешім|жеткіз|жауап|өте)\w*",
                r"(?:реттел|аяқтал|жиналған|жинал|түскен|шешілген)\w* кейін",
            ),
        ],
        "en": [
            _f(
                r"\bin due time\b|\bwithout undue delay\b|\bat the earliest (?:opportunity|convenience)\b|\bat (?:its|his|her|their) convenience\b|\bin good time\b"
            ),
            _f(
                r"\b(?:pay\w*|refund\w*|return\w*|review\w*|decid\w*|deliver\w*|repl\w+)\b",
                r"\b(?:after|once|upon) (?:the )?(?:final )?(?:settlement|completion|resolution|receipt of funding|collection) of\b",
            ),
        ],
    },
    # Rules, criteria or procedure left to be set later by the person who applies them.
    "BLANKET_DELEGATION": {
        "ru": [
            _f(
                r"\b(?:порядок|правило|критерий|методика|требование|регламент|процедура)\b",
                r"\b(?:устанавливаться|определяться|утверждаться|устанавливать|определять|утверждать|разрабатываться)\b",
                r"\b(?:приказ|распоряжение|самостоятельно|руководитель|директор|начальник|служба|подразделение|отдел|управление)\b",
                unless=(
                    r"\b(?:совет директор|общий собрание|приложение|настоящий|закон|кодекс|правление|следующий)\b",
                ),
            ),
        ],
        "kk": [
            _f(
                r"(?:тәртіб|ереже|өлшемшарт|әдістеме|талаптар|рәсім)\w*",
                r"(?:белгілей|белгілен|айқындай|айқындал|бекіт)\w*",
                r"(?:бұйрық|өкім|басшы|бастығ|директор|дербес|өз бетінше|бөлімше|қызмет)\w*",
                unless=(r"(?:директорлар кеңесі|жалпы жиналыс|қосымша|осы ереже|заң|басқарма|мынадай)",),
            ),
        ],
        "en": [
            _f(
                r"\b(?:procedure|rules|criteria|methodology|requirements)\b",
                r"\b(?:determined|established|set|defined|approved|adopted|establish|determine)\b",
                r"\bby (?:a )?separate order\b|\bby the (?:\w+ )?(?:director|head|manager|chief)\b|\b(?:its|their) own\b|\bby (?:each|the) (?:business )?(?:unit|department)\b",
                unless=(r"\b(?:board|general meeting|annex|schedule|this policy|law|following)\b",),
            ),
        ],
    },
    # A lower person decides what is reserved to a higher body.
    "ULTRA_VIRES": {
        "ru": [
            _f(
                r"\b(?:компетенция|исключительный компетенция)\b (?:\w+ )?(?:совет директор|общий собрание|правление|наблюдательный совет|единственный акционер|совет)\b",
                r"\b(?:решаться|решать|принимать|приниматься|утверждать|утверждаться|одобрять)\b",
                r"\b(?:директор филиал|филиал|руководитель|начальник|заместитель|директор департамент|менеджер|единолично)\b",
                unless=(r"\b(?:решаться|приниматься|утверждаться) (?:совет директор|общий собрание|правление)\b",),
            ),
        ],
        "kk": [
            _f(
                r"(?:директорлар кеңесі|жалпы жиналыс|басқарма|жалғыз акционер)\w* құзырет\w*",
                r"(?:шеш|қабылда|бекіт|жаса)\w*",
                r"(?:филиал|басшы|бастығ|орынбасар|менеджер|департамент директор)\w*",
            ),
        ],
        "en": [
            _f(
                r"\b(?:reserved (?:to|for)|within the (?:exclusive )?competence of) the (?:board|general meeting|shareholders|supervisory board)\b",
                r"\b(?:decided|approved|resolved|taken|decide|approve)\b",
                r"\bby (?:the |a )?(?:branch|head|manager|deputy|director of|department|ceo)\b|\bbranch director\b",
            ),
            _f(
                r"\b(?:above|beyond|in excess of) (?:the |its |his |her )?(?:delegated )?(?:limits?|authority|thresholds?)\b",
                r"\b(?:approve|sign|decide|commit|authori[sz]e)\w*",
                unless=(r"\b(?:board|management board|committee) (?:approv|decid)", r"\breferral\b(?! to)"),
            ),
        ],
    },
    # Open-ended demands on candidates, suppliers or counterparties.
    "EXCESSIVE_REQUIREMENTS": {
        "ru": [
            _f(
                r"\b(?:любой|иной|другой|дополнительный|всякий)\b (?:\w+ )?(?:документ|сведение|информация|справка|материал)\b",
                r"\b(?:запрос|запросить|запрашивать|требование|потребовать|требовать|запросить)\b",
                r"\b(?:участник|претендент|кандидат|поставщик|контрагент|исполнитель|подрядчик|заявитель|соискатель|работник)\b",
                unless=(r"\b(?:перечень|приложение|не запрашиваться|исчерпывающий)\b",),
            ),
            _f(
                r"\b(?:весь|все) (?:\w+ )?(?:родственник|член семья)\b|\bродственник\b[^.;]{0,20}\b(?:до (?:\w+ )?степень|двоюродный)\b"
            ),
            _f(
                r"\b(?:не менее|не ниже|минимум)\b (?:чем )?(?:в )?(?:1[0-9]|[2-9]\d|десять|пятнадцать|двадцать|тридцать)\b (?:\w+ )?(?:год|раз|кратный|договор|контракт|проект)\b"
            ),
        ],
        "kk": [
            _f(
                r"(?:кез келген|басқа|өзге|қосымша)\w* (?:да )?(?:құжат|мәлімет|ақпарат|анықтама)\w*",
                r"(?:сұрат|сұрау|талап ет|сұра)\w*",
                r"(?:қатысушы|үміткер|жеткізуші|өнім беруші|контрагент|өтініш беруші|мердігер|орындаушы|қызметкер)",
                unless=(r"(?:тізбе|қосымша\w* сәйкес|сұратылмайды|талап етілмейді)",),
            ),
            _f(r"барлық туыс\w*|немере туыс\w*|(?:үшінші|төртінші) буын\w*"),
            _f(r"(?:кемінде|кем дегенде) (?:1[0-9]|[2-9]\d|он|он бес|жиырма|отыз) (?:\w+ )?(?:жыл|есе|шарт|жоба)"),
        ],
        "en": [
            _f(
                r"\b(?:any|such|whatever|all) (?:other |additional |further )?(?:documents?|information|certificates?|materials?|records)\b",
                r"\b(?:request\w*|require\w*|ask\w*|demand\w*)\b",
                r"\b(?:bidders?|applicants?|candidates?|suppliers?|contractors?|counterpart\w+|tenderers?|employees?)\b",
                unless=(r"\b(?:listed in|only the|annex|schedule|no other)\b",),
            ),
            _f(
                r"\b(?:at least|no less than|not less than|a minimum of) (?:1[0-9]|[2-9]\d|ten|fifteen|twenty|thirty|fifty) (?:\w+ ){0,2}(?:years|times|contracts|projects)\b"
            ),
        ],
    },
    # Undefined evaluative terms that decide the outcome.
    "VAGUE_TERMS": {
        "ru": [
            _f(
                r"\b(?:значительный|весомый|особый|выдающийся|достаточный|серьезный|существенный)\b (?:\w+ )?(?:вклад|причина|основание|заслуга|успех)\b",
                unless=(r"\b(?:понимать|пониматься|означать|признаваться)\b|\bпод\b",),
            ),
        ],
        "kk": [
            _f(
                r"(?:елеулі|айтарлықтай|ерекше|жеткілікті|салмақты|маңызды)\w* (?:\w+ )?(?:үлес|себеп|негіз|еңбег|жетістік)\w*",
                unless=(r"(?:деп түсінік|түсініледі|деп танылады)",),
            ),
        ],
        "en": [
            _f(
                r"\b(?:outstanding|significant|substantial|sufficient|exceptional|special|serious|good|weighty) (?:\w+ )?(?:contribution|grounds|reasons|cause|merit|achievement)s?\b",
                unless=(r"\b(?:means|defined|shall mean)\b",),
            ),
        ],
    },
    # Single source or a direct award on open grounds.
    "NO_COMPETITION": {
        "ru": [
            _f(
                r"\b(?:из один источник|единственный поставщик|без торги|без проведение (?:торги|конкурс|тендер|закупка)|без конкурс|напрямую|прямой договор)\b",
                r"\b(?:интерес|целесообразный|целесообразность|решение|указание|выгодный|удобный|счесть|определить|выбрать)\b",
                unless=(r"\b(?:перечислить|только в случай|исключительно в случай|пункт)\b",),
            ),
        ],
        "kk": [
            _f(
                r"(?:бір көзден|тендерсіз|конкурссыз|тікелей)",
                r"(?:мүдде|орынды|шешім|тиімді|ыңғайлы|таңда|санаған)\w*",
                unless=(r"(?:тармағында көрсетілген|тек\b|жағдайларда ғана)",),
            ),
        ],
        "en": [
            _f(
                r"\b(?:single[- ]source|sole[- ]source|without (?:a )?(?:tender|competition|bidding)|awarded directly|direct(?:ly)? award\w*|directly to)\b",
                r"\b(?:interests?|expedient|appropriate|decision|considers?|discretion|convenient|chooses?|selected)\b",
                unless=(r"\b(?:only in the cases|listed in|section \d|clause \d)\b",),
            ),
        ],
    },
    # An exemption from a general rule for persons chosen by someone.
    "SELECTIVE_EXCEPTION": {
        "ru": [
            _f(
                r"\b(?:не применяться|не распространяться|освобождаться|освободить|не подлежать)\b",
                r"\b(?:определить|назначить|указать|выбрать|определенный|назначенный|указанный|выбранный|по указание|по решение|по поручение)\b",
                r"\b(?:руководитель|председатель|директор|генеральный|начальник|глава)\b",
                unless=(r"\b(?:перечислить|пункт|приложение)\b",),
                negatable=False,
            ),
        ],
        "kk": [
            _f(
                r"(?:қолданылмайды|босатыл|қатысты емес)\w*",
                r"(?:айқындаған|белгілеген|тағайындаған|көрсеткен|тапсырма|шешім|нұсқау)\w*",
                r"(?:төраға|басшы|директор|бастығ)\w*",
                unless=(r"(?:тармағында|қосымша)",),
                negatable=False,
            ),
        ],
        "en": [
            _f(
                r"\b(?:not subject to|exempt\w*|do(?:es)? not apply|are excluded)\b",
                r"\b(?:designated|named|chosen|selected|nominated|at the request|by decision)\b",
                r"\b(?:ceo|chief executive|director|chairman|chair|head|manager|president)\b",
                unless=(r"\b(?:listed in|annex|clause \d)\b",),
                negatable=False,
            ),
        ],
    },
    # A control duty made optional ("may investigate", "тергеу жүргізе алады").
    "MAY_FORMULA": {
        "ru": [
            _f(
                r"\b(?:аудит|комплаенс|комплаенс-офицер|ревизионный|служба безопасность|контролер|контролёр|комитет по аудит|служба внутренний)\b",
                r"\b(?:вправе|мочь|иметь право|по желание|при желание|по свой решение)\b",
                r"\b(?:проверять|проверить|проверка|расследование|расследовать|мониторинг|контролировать|сообщить|сообщать|информировать|доложить|докладывать|уведомить|рассмотреть|анализировать|инициировать)\b",
                unless=(r"\b(?:обязать|обязанный|обязательно|запрашивать|запросить|получать|доступ)\b",),
            ),
        ],
        "kk": [
            _f(
                r"(?:аудит|комплаенс|тексеру комиссия|қауіпсіздік қызмет|бақылау қызмет)\w*",
                r"(?:тексер|тергеу|бақыла|талда|мониторинг|хабарла|хабардар ет|есеп бер)\w*",
                r"(?:құқылы|мүмкін\b|\w+[ае] алады|қалауы бойынша)",
                unless=(r"(?:міндетті|міндетті түрде|сұратуға|сұрата алады)",),
            ),
        ],
        "en": [
            _f(
                r"\b(?:internal audit|compliance|audit committee|security service|security department|controller|ethics officer|revision commission)\b",
                r"\b(?:may|can|is entitled to|has the right to|at its option|if it wishes|if it so wishes)\b",
                r"\b(?:review|check|investigat\w+|inspect|audit|monitor|report|inform|notify|examine|look into|verify)\b",
                unless=(r"\b(?:must|shall (?!not)|required|obliged|request documents|have access)\b",),
            ),
        ],
    },
    # An applicant's documents returned or refused with no reasons, or kept waiting with no limit.
    "APPLICANT_ABUSE": {
        "kk": [
            _f(
                r"(?:өтінім|өтініш|шағым|үміткер|құжат)\w*",
                r"(?:қайтар|қабылдамай|бас тарт|тоқтат|қараусыз)\w*",
                r"себеб\w* (?:көрсетілмей|түсіндірілмей|түсіндірмей)|негіздемесіз|белгісіз мерзім|ерекше өкімге дейін",
                negatable=False,
            ),
        ],
        "en": [
            _f(
                r"\b(?:applications?|requests?|bids?|complaints?|candidates?|submissions?|documents)\b",
                r"\b(?:returned|rejected|refused|suspended|declined|left unanswered)\b",
                r"\bwithout (?:giving |stating )?(?:any )?(?:reasons?|explanation|justification)|\bindefinitely\b|\buntil further notice\b",
                negatable=False,
            ),
        ],
    },
    # An adverse decision with no grounds, notice or appeal.
    "NO_PROCEDURE": {
        "kk": [
            _f(r"(?:шешім|қорытынды|бұйрық)\w*", r"шағымдалмайды|шағым\w* берілмейді", negatable=False),
            _f(
                r"(?:шеттет|бұғатта|айырыл|тізілім(?=[^.;]{0,60}шығарыл)|жұмыстан шығарыл)\w*",
                r"(?:шешім|мүмкін\b|құқылы)",
                unless=(r"(?:негіз|хабарлама|ішінде|шағымдан|тәртіп|тармақ|жағдайда|бұзған)",),
            ),
        ],
        "en": [
            _f(
                r"\b(?:suspend\w*|dismiss\w*|blacklist\w*|remov\w+|exclud\w+|depriv\w+|debar\w*|block\w*|disqualif\w+)\b",
                r"\b(?:may|by decision of|at any time)\b",
                unless=(
                    r"\b(?:if|where|when|in (?:the )?(?:event|case)|upon|breach|clause|section|grounds?|notice|appeal|listed|within|procedure|hearing)\b",
                ),
            ),
        ],
    },
    # The choice of which of two rules applies left to the person who applies them.
    "NORM_CONFLICT": {
        "ru": [
            _f(
                r"\bруководствоваться (?:\w+ ){0,3}?либо\b|\bприменять (?:\w+ ){0,3}?либо\b",
                r"\b(?:вправе|мочь|по выбор|по усмотрение)\b",
            ),
            _f(
                r"\bкакой (?:из )?(?:\w+ )?(?:документ|норма|положение|пункт|правило|редакция)\b (?:\w+ )?применяться\b"
            ),
        ],
        "kk": [
            _f(
                r"\bнемесе\b[^.;]{0,60}(?:басшылық\w* ал|қолдан)\w*",
                r"(?:құқылы|мүмкін\b|таңдау)",
                r"(?:регламент|ереже|нұсқаулық|тәртіп|редакция|құжат)\w*",
            ),
            _f(r"қай (?:құжат|норма|ереже|тармақ|редакция)\w* қолданыл"),
        ],
        "en": [
            _f(r"\b(?:follow|apply) either\b", r"\b(?:may|can|is free to|at (?:its|his|her) choice)\b"),
            _f(
                r"\b(?:chooses?|decides?|determines?) which (?:of (?:them|the two) |\w+ )?(?:applies|prevails|is applied)\b"
            ),
        ],
    },
    # The anti-corruption clause made optional, advisory or not binding on intermediaries.
    "NO_AC_CLAUSE": {
        "ru": [
            _f(
                r"\bантикоррупционный\b|\bпротиводействие коррупция\b",
                r"\b(?:рекомендательный|необязательный|информационный|справочный|по желание|по усмотрение|не являться обязательный)\b",
                negatable=False,
            ),
        ],
        "kk": [
            _f(
                r"сыбайлас жемқорлық\w* қарсы",
                r"(?:ұсынымдық|міндетті емес|ақпараттық|қалауы бойынша|еркі бойынша)",
                negatable=False,
            ),
        ],
        "en": [
            _f(
                r"\banti-?(?:corruption|bribery)\b",
                r"\b(?:for information only|advisory|optional|at the parties' option|at (?:its|either party's) option|not binding|non-binding|best efforts)\b",
                negatable=False,
            ),
        ],
    },
    # A large prepayment with no security.
    "ADVANCE_UNSECURED": {
        "ru": [
            _f(
                r"\b(?:аванс|предоплата|предварительный оплата|авансовый платеж|авансовый)\b",
                r"\b(?:полный|весь|вся|100|(?:[5-9]\d) %)\b (?:\w+ )?(?:цена|стоимость|сумма)\b|\b100 %|\bв полный объем\b",
                unless=(
                    r"(?<!без )(?<!без предоставление )(?<!без какой-либо )\b(?:гарантия|обеспечение|залог|аккредитив|поручительство)\b",
                ),
            ),
        ],
        "kk": [
            _f(
                r"(?:аванс|алдын ала төлем)\w*",
                r"(?:бүкіл|толық|барлық) (?:\w+ )?(?:баға|құн|сома)\w*|\b100 ?%",
                unless=(r"кепілдік(?!сіз)|кепіл(?!сіз|дік)|аккредитив",),
            ),
        ],
        "en": [
            _f(
                r"\b(?:advance|prepayment|pre-payment|in advance|upfront|up-front)\b",
                r"\b(?:entire|full|whole|total) (?:contract )?(?:price|amount|value)\b|\b100 ?%",
                unless=(
                    r"(?<!no )(?<!without )(?<!without a )(?<!without any )\b(?:guarantee|security|letter of credit|bond)\b",
                ),
            ),
        ],
    },
    # A gift, hospitality, travel or donation to officials or the customer's staff that the policy forbids or
    # subjects to declaration.
    "BENEFITS": {
        "ru": [
            _f(
                r"\b(?:подарок|сувенир|угощение|ужин|обед|банкет|развлечение|проезд|проживание|перелет|путевка|отдых|поездка|пожертвование|гостиница|билет)\b",
                r"\b(?:оплачивать|оплатить|предоставлять|вручать|дарить|передавать|организовать|организовывать|обеспечить|компенсировать)\b",
                r"\b(?:представитель|должностной лицо|государственный|чиновник|сотрудник заказчик|работник заказчик|работник покупатель)\b",
                unless=(
                    r"\b(?:обязательный|с|подлежать) декларирование\b|\b(?:согласие|одобрение|согласование) (?:\w+ )?комплаенс|\bсвой работник\b|\b(?:не более|не превышать|в предел)\b",
                ),
                bounded=False,
            ),
        ],
        "kk": [
            _f(
                r"(?:сыйлық(?!ақы)|кәдесый|қонақжай|түскі ас|кешкі ас|жол жүру|тұру|әуе билет|демалыс|қайырымдылық|демеушілік)\w*",
                r"(?:төле|бер|ұсын|ұйымдастыр|өте|табыста)\w*",
                r"(?:өкіл|лауазымды|мемлекеттік|тапсырыс беруші\w* қызметкер)\w*",
                unless=(r"(?:декларацияла\w*(?!сыз)|комплаенс\w* келісім|аспайтын|шегінде|өз қызметкер)",),
                bounded=False,
            ),
        ],
        "en": [
            _f(
                r"\b(?:gifts?|presents?|hospitality|travel|accommodation|hotel|flights?|dinners?|entertainment|trips?|holidays?|donations?|tickets)\b",
                r"\b(?:provide|provides|pay|pays|offer|offers|give|gives|cover|covers|reimburse|arrange|arranges|make)\b",
                r"\b(?:officials?|customer's staff|buyer's staff|customer's employees|representatives|public|government)\b",
                unless=(
                    r"\b(?:declared|declaration|approval of (?:the )?compliance|not exceed|up to|no more than|its own staff|no gifts)\b",
                ),
                bounded=False,
            ),
        ],
    },
}

# Session 6: the same factors in other wordings (a relative who decides without recusal, a case-by-case amount,
# powers reserved to a higher body, an application returned without reasons).
_RELATIVE = {
    "ru": r"\b(?:супруг|супруга|родственник|брат|сестра|сын|дочь|муж|жена|отец|мать)\b",
    "kk": r"(?:жұбай|туыс|ағасы|інісі|апасы|қарындас|ұлы\b|қызы\b|әкесі|анасы)\w*",
}
_MORE: dict[str, dict[str, list[Frame]]] = {
    "COI_GAP": {
        "ru": [
            _f(
                _RELATIVE["ru"],
                r"\b(?:директор|учредитель|владелец|руководитель|акционер|собственник|участник)\b",
                _RU_COUNTERPARTY,
                r"\b(?:согласовывать|подписывать|утверждать|оценивать|заключать|визировать|принимать)\b",
                unless=(
                    r"\b(?:самоотвод|не участвовать|сообщать|уведомлять|раскрывать|не подписывать|не допускаться|заменяться)\b",
                ),
                negatable=False,
            ),
        ],
        "kk": [
            _f(
                _RELATIVE["kk"],
                r"(?:директор|құрылтайшы|иесі|басшы|акционер)\w*",
                _KK_COUNTERPARTY,
                r"\b(?:келіседі|қол қояды|бекітеді|бағалайды|қабылдайды|жасасады)\b",
                unless=(r"(?:қатыспайды|хабарлайды|хабарлауға|шеттет|қол қо[йяю]майды)",),
                negatable=False,
            ),
        ],
    },
    "DISCRETION": {
        "ru": [_f(r"\bисходить из (?:конкретный |сложиться )?(?:обстоятельство|ситуация)\b|\bпо обстоятельство\b")],
        "kk": [_f(r"(?:нақты )?жағдай\w* қарай")],
        "en": [
            _f(
                r"\b(?:depending on|in the light of) (?:the )?(?:specific |particular )?circumstances\b|\bcase by case\b"
            )
        ],
    },
    "ULTRA_VIRES": {
        "ru": [
            _f(
                r"\bкомпетенция (?:общий собрание|совет директор|наблюдательный совет|правление|единственный акционер|единственный участник)\b",
                r"\b(?:вправе|мочь|согласовывать|утверждать|заключать|одобрять)\b",
                unless=(r"^\W*(?:общий собрание|совет директор|наблюдательный совет|правление)\b",),
            ),
        ],
        "kk": [
            _f(
                r"(?:жалпы жиналыс|директорлар кеңес|байқау кеңес|басқарма)\w* құзырет\w*",
                r"(?:құқылы|алады|келіседі|бекітеді|жасасады)",
                unless=(r"^\W*(?:жалпы жиналыс|директорлар кеңес|байқау кеңес)",),
            ),
        ],
        "en": [
            _f(
                r"\b(?:reserve[sd]?|reserved) (?:\w+ ){0,3}?(?:for|to) the (?:board|general meeting|shareholders|supervisory board)\b",
                r"\b(?:may|can|is entitled|approves|signs)\b",
                unless=(r"^\W*(?:the )?(?:board|general meeting|shareholders)\b",),
            ),
        ],
    },
    "APPLICANT_ABUSE": {
        "ru": [
            _f(
                r"\b(?:заявка|заявление|обращение|жалоба|предложение)\b",
                r"\bбез (?:объяснение|указание|обоснование|пояснение|мотивировка) (?:причина|основание)\b|\bбез объяснение\b",
                negatable=False,
            ),
        ],
        "kk": [_f(r"(?:өтінім|өтініш|арыз|шағым)\w*", r"себеб\w* (?:түсіндірмей|көрсетпей)|себепсіз", negatable=False)],
        "en": [
            _f(
                r"\b(?:applications?|requests?|bids?|complaints?|submissions?)\b",
                r"\bwithout (?:giving |stating |providing )?(?:any )?reasons?\b|\bunanswered\b",
                negatable=False,
            ),
        ],
    },
    "MAY_FORMULA": {
        "ru": [
            _f(
                r"\b(?:вправе|иметь право) , но не (?:обязанный|обязать)\b",
                r"\b(?:проверять|проверка|контролировать|расследование|аудит|ревизия|мониторинг)\b",
                bounded=False,  # "не обязан" is the trigger here, not the bound
            ),
            _f(r"\bвправе (?:инициировать|начать|назначить)\b", r"\b(?:служебный )?(?:расследование|проверка)\b"),
        ],
        "kk": [
            _f(
                r"(?:ішкі аудит|комплаенс|қауіпсіздік қызмет|тексеру комиссия)\w*",
                r"тексере алады|тексеруге құқылы|тексеруі мүмкін",
            )
        ],
    },
}
_MORE["DISCRETION"]["ru"].append(
    _f(
        r"\bв индивидуальный порядок\b|\b(?:вправе|иметь право) , но не (?:обязанный|обязать)\b",
        unless=(r"\b(?:проверять|проверка|расследование|аудит|контроль|контролировать|мониторинг)\b",),
    )
)
_MORE["DISCRETION"]["kk"].append(_f(r"жеке тәртіп\w*|қажет деп санаса|өз ұйғарым\w*"))
_MORE["ULTRA_VIRES"]["ru"].append(
    _f(
        r"\b(?:утвердить|утверждать|утвержденный) (?:совет директор|общий собрание|наблюдательный совет)\b",
        r"\b(?:изменение|дополнение|отмена)\b",
        r"\b(?:приказ|распоряжение)\b (?:\w+ ){0,2}?(?:директор|руководитель|начальник|заместитель)\b",
    )
)
_MORE["ULTRA_VIRES"]["en"] += [
    _f(
        r"\b(?:prevails?|takes? precedence|overrides?) over\b",
        r"\b(?:policy|code|charter|law|regulation)\b",
    ),
    _f(
        r"\b(?:contracts?|transactions?|deals?|agreements?)\b",
        r"\bof any (?:value|amount|size)\b|\bwithout (?:any )?(?:limit|power of attorney|limitation)\b|\bunlimited\b",
        r"\b(?:may|can|is entitled to|is authori[sz]ed to) (?:\w+ )?(?:sign|conclude|enter into|approve)\b",
    ),
]
_MORE["APPLICANT_ABUSE"]["ru"] += [
    _f(
        r"\b(?:заявитель|кандидат|участник|претендент|работник|обратиться)\b",
        r"\bне (?:уведомляться|информироваться|сообщаться)\b|\bответ не (?:даваться|направляться)\b",
        negatable=False,
    ),
    _f(
        r"\b(?:жалоба|обжалование|апелляция)\b"
        + W
        + r"\b(?:тот же|тот самый) (?:лицо|работник|должностной лицо|руководитель)\b"
    ),
]
_MORE["APPLICANT_ABUSE"]["en"] += [
    _f(
        r"\b(?:applicants?|candidates?|bidders?|employees?|complainants?)\b",
        r"\b(?:is|are) not (?:informed|notified|told)\b|\breceives? no (?:reply|answer|response)\b",
        negatable=False,
    ),
    _f(
        r"\b(?:appeals?|complaints?)\b",
        r"\bby the (?:same )?(?:official|person|manager|officer) who (?:refused|rejected|decided|took the decision)\b",
    ),
]
_MORE["APPLICANT_ABUSE"]["kk"].append(
    _f(r"(?:өтініш беруші|кандидат|қатысушы)\w*", r"хабарланбайды|хабарламайды|жауап берілмейді", negatable=False)
)
_MORE["HIDDEN_BENEFICIARY"] = {
    "en": [
        _f(
            r"\bassign\w* (?:\w+ ){0,6}?to any (?:person|third party|entity|company)\b",
            r"\bwithout (?:informing|notifying|telling)\b",
            negatable=False,
        ),
        _f(
            r"\b(?:chain of ownership|ownership chain|ownership structure|beneficial owners?)\b",
            r"\bdoes not form part of\b|\b(?:is|are) not (?:provided|shared|part of)\b|\bexcluded from\b",
            negatable=False,
        ),
    ],
    "kk": [_f(r"(?:меншік|иелер|бенефициар)\w*", r"(?:беру|ашу|көрсету)\w* бас тарт", negatable=False)],
}
_MORE["NO_OVERSIGHT"] = {
    "en": [
        _f(
            r"\bby the (?:\w+ ){0,2}?(?:buyer|manager|officer|employee|person|keeper|custodian|clerk|engineer|head) (?:who (?:raised|requested|prepared|ordered|initiated|made)|responsible for)\b",
            negatable=False,
        )
    ],
    "ru": [
        _f(
            r"\b(?:списание|инвентаризация|проверка|учет|оценка|приемка)\b",
            r"\b(?:утверждать|согласовывать|проводить|осуществлять)\b",
            r"\bответственный за (?:этот|данный|свой|тот|они)\b",
        )
    ],
    "kk": [_f(r"(?:сол|осы|өз)\w* [^.;]{0,30}жауапты", r"(?:бекіт|келіс|тексер)\w*")],
}
for _code, _by in _MORE.items():
    for _lang, _frames in _by.items():
        FRAMES.setdefault(_code, {}).setdefault(_lang, []).extend(_frames)
