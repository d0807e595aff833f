"""Patterns per factor and language: what triggers a factor, what bounds it.

A pattern is a regular expression over the lower-cased provision (Uzbek transliterated to Latin;
Russian also matched against its lemmas). Stems end in `\\w*` so Kazakh and Russian endings vary freely.
`G` bridges words inside one clause. A factor fires when a `risky` pattern matches, no `bound` pattern
matches, and (for negatable factors) the clause holding the trigger is not negated.
"""

from dataclasses import dataclass, field

G = r"[^.;:]{0,70}?"  # a gap inside one clause
GL = r"[^.;]{0,140}?"  # a longer gap inside one sentence part


@dataclass(frozen=True)
class Rule:
    code: str
    risky: dict[str, list[str]]
    bound: dict[str, list[str]] = field(default_factory=dict)
    negatable: bool = True
    weight: float = 0.85


NEGATION: dict[str, str] = {
    "ru": r"запрещ|не допуска|недопуст|не вправе|не может|не могут|не разрешается|не должн|не производ\w+|"
    r"не осуществля\w+|не предоставля\w+ (?:подарк|сувенир)|не предлага|не оплачива|не выплачива",
    "kk": r"тыйым салын|жол берілмейді|рұқсат етілмейді|құқылы емес|\w+(?:уға|уге|ға|ге) болмайды|жүргізілмейді|мүмкін емес|"
    r"берілмейді|ұсынылмайды|төленбейді",
    "en": r"prohibited|forbidden|not permitted|not allowed|shall not|may not|must not|cannot|is not entitled|"
    r"are not entitled|\bno (?:party|employee|person|one|gifts?|hospitality|facilitation|cash)\b|\bnever\b|"
    r"will not|does not (?:pay|offer|give|provide)",
    "uz": r"taqiqlan|yoʻl qoʻyilmaydi|mumkin emas|haqli emas|ruxsat etilmaydi|amalga oshirilmaydi|"
    r"berilmaydi|toʻlanmaydi",
}

# Words that define a term or bound by a list, used by several factors.
_DEFINED = {
    "ru": [r"понима\w+|означа\w+|признаю\w+ (?:следующ|случа)|определен\w+ в (?:пункт|разделе|приложени)"],
    "kk": [r"деп түсін|түсініледі|деп танылады|деп есептеледі\w* мыналар|мыналар жатады|анықтамасы"],
    "en": [r"\bmeans\b|is defined|are defined|shall mean|as defined in"],
    "uz": [r"deganda|tushuniladi|deb hisoblanadi quyidagilar"],
}
_LISTED = {
    "ru": [
        r"следующ\w+ (?:критери|основани|случа)",
        r"исключительно (?:в случаях|по основаниям)",
        r"перечисленн\w+ в",
        r"предусмотренн\w+ (?:пункт|раздел|приложени|настоящ\w+ (?:пункт|положени))",
        r"критери\w+,? (?:указанн|установленн|утвержденн|перечисленн)",
        r"исчерпывающ",
        r"из (?:числа|перечня)",
    ],
    "kk": [
        r"мынадай (?:негіздер|жағдайлар|өлшемшарттар)",
        r"көзделген (?:негіздер|жағдайлар|өлшемшарт)",
        r"тізбесі\w* толық",
        r"өлшемшарттар\w* (?:сәйкес|негізінде)",
        r"тармағында көрсетілген",
    ],
    "en": [
        r"following (?:criteria|grounds|cases)",
        r"(?:listed|set out|specified) in (?:clause|section|annex|schedule)",
        r"criteria (?:set out|listed|approved)",
        r"exhaustive",
        r"only (?:in the cases|on the grounds)",
        r"(?:grounds|cases) listed",
    ],
    "uz": [
        r"quyidagi (?:mezon|asos|hol)",
        r"nazarda tutilgan (?:asos|hol|mezon)",
        r"roʻyxati toʻliq",
        r"bandida koʻrsatilgan",
    ],
}
_APPROVAL = {
    "ru": [
        r"(?:с|по) (?:предварительно\w+ )?(?:письменно\w+ )?(?:согласи\w+|согласовани\w+|одобрени\w+) "
        r"(?:с )?(?:комплаенс|совет\w* директоров|комитет|комисси|правлени|службы комплаенс|финансов\w+ директор)",
        r"коллегиально",
        r"(?<!без )втор\w+ подпис",
    ],
    "kk": [r"(?:комплаенс|директорлар кеңесі|комитет|комиссия)\w* келісімі\w*", r"алқалы", r"екінші қол(?!\w*с[ыі]з)"],
    "en": [
        r"(?:with|subject to) (?:the )?(?:prior )?(?:written )?(?:approval|consent) of the "
        r"(?:board|committee|compliance|commission|finance director|management board)",
        r"(?<!without a )(?<!without )second signature",
        r"(?<!without )countersign",
    ],
    "uz": [r"(?:komplayens|kuzatuv kengashi|qoʻmita|komissiya)\w* (?:roziligi|kelishuvi)", r"ikkinchi imzo(?!\w*siz)"],
}
_DEADLINE = {
    "ru": [
        r"(?:в течение|не позднее|не позже|в срок до|через) \d+",
        r"\d+ ?\(\w+\) (?:рабоч|календарн|дн|месяц)",
        r"\d+ (?:рабочих|календарных) дн",
    ],
    "kk": [r"\d+ ?(?:\(\w+\) )?(?:жұмыс|күнтізбелік) күн", r"\d+ күннен кешіктірмей"],
    "en": [r"within \d+", r"no later than \d+", r"\d+ ?(?:\(\w+\) )?(?:business|working|calendar) days"],
    "uz": [r"\d+ ?(?:\(\w+\) )?(?:ish|kalendar) kun", r"\d+ kundan kechiktirmay"],
}
_CAP = {
    "ru": [
        r"не более (?:чем на )?\d+",
        r"не превыша\w+",
        r"в пределах \d+",
        r"формул",
        r"индекс\w* (?:потребительск|цен)",
        r"дополнительн\w+ соглашени\w+",
    ],
    "kk": [r"\d+ ?%?\w* аспайтын", r"формула", r"қосымша келісім", r"шегінде"],
    "en": [
        r"not (?:to )?exceed\w*",
        r"capped",
        r"up to \d+ ?%",
        r"formula",
        r"(?:signed|written) amendment",
        r"within the limit",
    ],
    "uz": [r"oshmaydigan", r"formula", r"qoʻshimcha kelishuv", r"doirasida"],
}


def _merge(*parts: dict[str, list[str]]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for part in parts:
        for lang, pats in part.items():
            out.setdefault(lang, []).extend(pats)
    return out


_DISCRETION_WORDS = {
    "ru": [
        r"по (?:своему|собственному|его|ее|их) (?:личному )?усмотрени",
        r"на (?:свое|собственное|его) усмотрени",
        r"по усмотрению (?:руководител|директор|заказчик|покупател|работодател|общества|куратор|начальник|комисси)",
        r"если (?:он |она |оно |общество |заказчик |руководитель )?сочт\w+ (?:это )?(?:целесообразн|необходим|нужн)",
        r"когда (?:он |она )?сочт\w+ нужным",
        r"по (?:своему|собственному) выбору",
    ],
    "kk": [
        r"өз(?:інің)? қалау\w*",
        r"өз еркі\w*",
        r"өз қарау\w* бойынша",
        r"орынды деп (?:санаса|тапса|есептесе)",
        r"қажет деп (?:санаса|тапса|есептесе)",
        r"өз таңдау\w* бойынша",
    ],
    "en": [
        r"(?:at|in) (?:its|his|her|their|the \w+'s)(?: own)?(?: sole| absolute| full)? discretion",
        r"as (?:it|he|she|they|the \w+) (?:deems|considers|sees|thinks) (?:fit|appropriate|necessary)",
        r"if (?:it|he|she|the \w+) (?:considers|deems|finds) (?:it )?(?:appropriate|expedient|necessary)",
        r"for any reason or no reason",
        r"at (?:its|his|her) (?:own )?choice",
    ],
    "uz": [
        r"oʻz xohish\w*",
        r"oʻz ixtiyor\w*",
        r"oʻz hohish\w*",
        r"maqsadga muvofiq deb (?:hisoblasa|topsa)",
        r"zarur deb (?:hisoblasa|topsa)",
        r"oʻz tanlov\w*",
    ],
}

RULES: list[Rule] = [
    Rule(
        "DISCRETION",
        _DISCRETION_WORDS,
        _merge(
            _LISTED,
            _APPROVAL,
            {
                "ru": [r"с письменн\w+ обосновани", r"мотивированн\w+ решени"],
                "kk": [r"жазбаша негіздеме"],
                "en": [r"with (?:written )?reasons", r"reasoned decision"],
                "uz": [r"yozma asoslang"],
            },
        ),
    ),
    Rule(
        "NO_DEADLINE",
        {
            "ru": [
                r"в (?:разумн|приемлем)\w+ срок",
                r"в течение разумн",
                r"по мере (?:возможност|готовност)",
                r"в (?:кратчайш|возможно коротк)\w+ срок",
                r"\bсвоевременно\b",
                r"при первой возможност",
                r"срок\w*(?: \w+){0,2} (?:будет |будут )?(?:определ|согласов|установ)\w+ (?:сторонами )?(?:дополнительно|позднее|впоследствии|отдельно)",
                r"(?:без|не) (?:ограничени\w+ )?(?:устанавлива\w+ )?срок\w*(?! действия)",
                r"на неопределенн\w+ срок",
                r"срок (?:рассмотрени|оплат|поставк|принятия решени)\w* не (?:установлен|определен|ограничен)",
                r"(?:оплат|рассматрива|рассмотр|поставк|выплач|принима)\w*[^.;]{0,40}после (?:того как|получения финансирования|поступления средств от)",
            ],
            "kk": [
                r"ақылға қонымды мерзім",
                r"мүмкіндігі?н?(?:ше| қарай)",
                r"\bуақтылы\b",
                r"қысқа мерзімде",
                r"мерзім\w*(?: \w+)? (?:кейін|кейінірек|қосымша|бөлек) (?:айқындал|келісіл|белгілен)",
                r"белгісіз мерзім",
                r"мерзімсіз",
                r"мерзімі белгіленбейді",
                r"қаржыландыру алынғаннан кейін",
            ],
            "en": [
                r"(?:within )?a reasonable (?:time|period)",
                r"in due course",
                r"as soon as (?:reasonably )?(?:practicable|possible)",
                r"when(?:ever)? (?:possible|convenient|practicable)",
                r"\btimely\b",
                r"\bpromptly\b",
                r"(?:date|time|deadline|period)s? (?:to be |shall be |will be )?(?:agreed|determined|set) (?:later|subsequently|separately)",
                r"without (?:any )?time limit",
                r"no (?:time limit|deadline) (?:is|shall be) set",
                r"\bindefinitely\b",
                r"after (?:funding|the funds) (?:is|are|has been|have been) (?:received|obtained)",
            ],
            "uz": [
                r"oqilona muddat",
                r"imkon (?:qadar|boricha)",
                r"imkoniyatga qarab",
                r"oʻz vaqtida",
                r"muddat\w* (?:keyinroq|alohida|qoʻshimcha) (?:belgilan|kelishil)",
                r"muddatsiz",
                r"nomaʼlum muddat",
                r"moliyalashtirish olingandan keyin",
            ],
        },
        _DEADLINE,
    ),
    Rule(
        "MAY_FORMULA",
        {
            "ru": [
                r"(?:служб\w*|отдел\w*|комисси\w*|комплаенс\w*|аудит\w*|руководител\w*|общество|работодател\w*|"
                r"ревизион\w*|подразделени\w*)[^.;]{0,60}(?:вправе|может|могут|по желанию|при желании)"
                r"[^.;]{0,15}(?:провер\w*(?:ть|ти)\b|проводить|провести|расследова|осуществлять (?:контрол|мониторинг)|рассмотреть|рассматривать|проанализирова|сообщ(?:ить|ать)|информирова|доложить|докладывать|отчитыва)"
            ],
            "kk": [
                r"(?:қызмет\w*|бөлім\w*|комиссия\w*|комплаенс\w*|басшы\w*|аудит\w*)[^.;]{0,60}(?:тексер|тергеу|бақыла|қара|талда|мониторинг|хабарла|есеп бер)\w*(?:уға|уге|ға|ге|у)"
                r"[^.;]{0,12}(?:құқылы|мүмкін|ықтиярында)"
            ],
            "en": [
                r"(?:compliance|committee|internal audit|department|management|the company|manager|officer|commission|unit)"
                r"[^.;]{0,50}\b(?:may|is entitled to|has the right to|can|at its option)\b[^.;]{0,12}"
                r"(?:check|review|investigat|verify|audit|monitor|report|examine|inspect|inform)"
            ],
            "uz": [
                r"(?:xizmat\w*|boʻlim\w*|komissiya\w*|komplayens\w*|rahbar\w*|audit\w*)[^.;]{0,60}(?:tekshir|tergov|nazorat|koʻrib|tahlil|monitoring|xabar)\w*"
                r"[^.;]{0,20}(?:haqli|mumkin)"
            ],
        },
        _merge(
            _DEADLINE,
            {"ru": [r"обязан"], "kk": [r"міндетті"], "en": [r"\bshall\b(?! not)", r"\bmust\b"], "uz": [r"majbur"]},
        ),
    ),
    Rule(
        "SELECTIVE_EXCEPTION",
        {
            "ru": [
                r"в исключительн\w+ случа",
                r"в порядке исключени",
                r"исключени\w+ (?:может|могут) быть (?:сделан|предоставлен|установлен)",
                r"(?:освобо|не распространя)\w*[^.;]{0,60}(?:по решению|по усмотрению|определ\w+ (?:руководител|директор))",
                r"отдельн\w+ (?:работник|лиц|контрагент)\w*[^.;]{0,40}(?:по решению|по усмотрению)",
            ],
            "kk": [
                r"ерекше жағдайларда",
                r"ерекшелік ретінде",
                r"(?:басшы|директор)\w* шешімі\w* бойынша[^.;]{0,60}босат",
                r"босат\w*[^.;]{0,60}(?:басшы|директор)\w* шешімі",
            ],
            "en": [
                r"in exceptional (?:cases|circumstances)",
                r"by way of exception",
                r"exceptions? (?:may|can) be (?:made|granted)",
                r"exempt\w*[^.;]{0,60}(?:at (?:the|its|his) discretion|by decision of|as (?:the|it) (?:sees|deems))",
            ],
            "uz": [
                r"istisno (?:tariqasida|hollarda)",
                r"alohida hollarda",
                r"(?:rahbar|direktor)\w* qarori bilan[^.;]{0,60}ozod",
            ],
        },
        _merge(
            _LISTED,
            _DEFINED,
            {
                "ru": [r"исключительн\w+ случа\w+ (?:признаю|являю|понима)"],
                "en": [r"exceptional (?:cases|circumstances) (?:are|mean)"],
                "kk": [r"ерекше жағдайлар\w* (?:мыналар|деп)"],
                "uz": [r"istisno hollar\w* (?:quyidagilar|deb)"],
            },
        ),
    ),
    Rule(
        "BLANKET_DELEGATION",
        {
            "ru": [
                r"(?:определя|устанавлива|утвержда|регулиру)\w+ отдельн\w+ (?:распоряжени|приказ|решени|документ|инструкци)",
                r"(?:порядок|условия|основани|критери|размер|перечень|правила)\w*[^.;]{0,60}(?:определя|устанавлива|утвержда)\w+ "
                r"(?:руководител|генеральн\w+ директор|начальник|директор|заказчик)\w*(?! совет)",
                r"(?:дочерн|зависим)\w+ (?:организаци|общест|компани)\w*[^.;]{0,30}(?:устанавлива|определя|разрабатыва)\w+ (?:собственн|сво|самостоятельн)",
                r"в порядке,? (?:установленном|определяемом|определенном) (?:руководител|директор|начальник)",
                r"(?:будут|будет) (?:определены|установлены|утверждены) (?:позднее|дополнительно|впоследствии)",
            ],
            "kk": [
                r"жеке (?:бұйрық|өкім|шешім)\w*(?: мен| арқылы)? (?:айқындал|белгілен|бекітіл)",
                r"(?:тәртіб|шарттар|негіздер|өлшемшарттар|мөлшер|тізбе)\w*[^.;]{0,60}басшы\w* (?:айқында|белгіле|бекіт)",
                r"еншілес (?:ұйым|компания|кәсіпорын)\w*[^.;]{0,40}өз(?:дерінің)? [^.;]{0,30}(?:белгілей|айқындай|бекіт)",
                r"кейін(?:ірек)? (?:айқындалады|белгіленеді|бекітіледі)",
            ],
            "en": [
                r"(?:determined|established|set|defined|approved|governed) by (?:a )?separate (?:order|decision|instruction|document)",
                r"(?:procedure|conditions|grounds|criteria|amount|list|rules)[^.;]{0,60}(?:determined|established|set|defined) by the "
                r"(?:manager|director|head|ceo|customer)(?! board)",
                r"subsidiaries[^.;]{0,30}(?:set|determine|establish|adopt) their own",
                r"as the (?:manager|director|head) may (?:determine|decide|prescribe)",
                r"(?:will|shall) be (?:determined|established|set|defined) (?:later|subsequently)",
            ],
            "uz": [
                r"alohida (?:buyruq|farmoyish|qaror)\w* bilan (?:belgilan|tasdiqlan)",
                r"(?:tartib|shartlar|asoslar|mezonlar|miqdor|roʻyxat)\w*[^.;]{0,60}rahbar\w* tomonidan (?:belgilan|tasdiqlan)",
                r"shoʻba (?:korxona|kompaniya|tashkilot)\w*[^.;]{0,40}oʻz[^.;]{0,30}(?:belgilaydi|tasdiqlaydi)",
            ],
        },
        {
            "ru": [
                r"утвержд\w+ совет\w* директоров",
                r"(?:наблюдательн\w+ )?совет\w* директоров утвержда",
                r"общим собранием",
            ],
            "kk": [r"директорлар кеңесі\w* бекіт"],
            "en": [r"approved by the (?:board|general meeting|supervisory)"],
            "uz": [r"kuzatuv kengashi\w* tasdiqla"],
        },
    ),
    Rule(
        "ULTRA_VIRES",
        {
            "ru": [
                r"без (?:предварительн\w+ )?(?:одобрени|согласи|решени|согласовани)\w* (?:совет\w* директоров|общ\w+ собрани|правлени|наблюдательн)",
                r"независимо от (?:лимит|порог|суммы|ограничени|решени\w+ совет|доверенност)",
                r"(?:вне зависимости|сверх) (?:от )?(?:лимит|порог|полномочий)",
                r"(?:настоящ\w+ (?:приказ|распоряжени|регламент|инструкци|порядок)|положения настоящего)[^.;]{0,40}(?:имеет|имеют) (?:приоритет|преимущественн)\w*[^.;]{0,10}(?:над|перед)[^.;]{0,40}(?:политик|закон|устав|решени\w+ совет|положени)",
                r"в случае (?:противоречи|расхождени)\w*[^.;]{0,60}(?:политик|законодательств|устав)\w*[^.;]{0,40}применя\w+ (?:настоящ|положения настоящ)",
                r"без ограничения (?:суммы|полномочий)",
            ],
            "kk": [
                r"директорлар кеңесінің (?:келісімінсіз|шешімінсіз|мақұлдауынсыз)",
                r"жалпы жиналыстың (?:келісімінсіз|шешімінсіз)",
                r"(?:лимит|шек|сома)\w* қарамастан",
                r"осы (?:бұйрық|өкім|регламент)\w*[^.;]{0,80}(?:саясат|заң|жарғы)\w*[^.;]{0,10}басым",
                r"(?:саясат|заңнама)\w*[^.;]{0,30}қайшы келген жағдайда[^.;]{0,40}осы (?:бұйрық|өкім)",
            ],
            "en": [
                r"without (?:the )?(?:prior )?(?:approval|consent|decision) of the (?:board|general meeting|shareholders|supervisory)",
                r"regardless of (?:the )?(?:delegation of authority|limits|approval thresholds|thresholds|the amount)",
                r"irrespective of (?:the )?(?:limits|thresholds|delegation)",
                r"(?:this|the present) (?:order|instruction|procedure|regulation)[^.;]{0,30}(?:prevails|takes precedence|overrides|shall prevail)[^.;]{0,30}(?:polic|law|charter|board|legislation|articles)",
                r"without limitation (?:as to|of) (?:amount|authority)",
            ],
            "uz": [
                r"kuzatuv kengashi\w* (?:roziligisiz|qarorisiz)",
                r"umumiy yigʻilish\w* (?:roziligisiz|qarorisiz)",
                r"(?:limit|chegara|summa)\w* qatʼi nazar",
                r"ushbu (?:buyruq|farmoyish|reglament)\w*[^.;]{0,40}ustuvor",
            ],
        },
        {
            "ru": [r"в пределах (?:лимит|полномочий|утвержденн)"],
            "en": [r"within (?:the|its) (?:limits|authority)"],
            "kk": [r"өкілеттіктері шегінде"],
            "uz": [r"vakolatlari doirasida"],
        },
    ),
    Rule(
        "NO_PROCEDURE",
        {
            "ru": [
                r"(?:увольн|дисциплинарн|взыскани|отстран|лиш|депремир|штраф|исключ|блокир|внесен)\w*[^.;]{0,80}без "
                r"(?:предварительн\w+ )?(?:уведомлени|объяснени|указани\w+ основани|права (?:на )?обжаловани|процедур|истребовани|проверк)",
                r"(?:окончательн\w+ и )?обжаловани\w+ не подлеж",
                r"порядок (?:обжаловани|рассмотрени)\w* не (?:предусмотрен|устанавлива)",
            ],
            "kk": [
                r"(?:жаза|жұмыстан шығар|айыр|шеттет|тізілімнен шығар|бұғатта|айыппұл)\w*[^.;]{0,80}"
                r"(?:ескертусіз|хабарламасыз|түсініктемесіз|негіздемесіз|шағымдану құқығынсыз|тексерусіз)",
                r"шағымдануға жатпайды",
                r"шағымдану тәртібі көзделмеген",
                r"(?:ескертусіз|хабарламасыз|түсініктемесіз|негіздемесіз|тексерусіз)[^.;]{0,60}(?:жаза|жұмыстан шығар|айыр|шеттет|тізілімнен шығар|бұғатта|айыппұл)",
            ],
            "en": [
                r"(?:dismiss|disciplin|sanction|penali[sz]|suspend|blacklist|remov|depriv|exclud|fine)\w*[^.;]{0,80}without "
                r"(?:prior )?(?:notice|notification|explanation|a hearing|stating (?:the )?grounds|(?:a |any )?right (?:of|to) appeal|any procedure|an inquiry)",
                r"(?:final and )?not subject to (?:any )?appeal",
                r"no (?:appeal|appeals procedure) (?:is|shall be) (?:available|provided)",
            ],
            "uz": [
                r"(?:intizomiy|ishdan boʻshat|jarima|chetlat|mahrum|roʻyxatdan chiqar)\w*[^.;]{0,80}"
                r"(?:ogohlantirishsiz|tushuntirishsiz|asoslarsiz|shikoyat qilish huquqisiz|tekshiruvsiz)",
                r"shikoyat qilinmaydi",
                r"shikoyat qilish tartibi nazarda tutilmagan",
            ],
        },
        negatable=False,
    ),
    Rule(
        "NO_COMPETITION",
        {
            "ru": [
                r"без (?:проведения )?(?:конкурс|тендер|торгов|аукцион|закупочн\w+ процедур|конкурентн\w+ процедур|сравнени\w+ (?:ценов\w+ )?предложени)",
                r"(?:единственн\w+ (?:поставщик|источник|исполнител)|прям\w+ (?:договор|закупк))\w*[^.;]{0,80}(?:целесообразн|усмотрени|интерес|по решению (?:руководител|директор))",
                r"(?:аренд|имуществ|льгот|преференци)\w*[^.;]{0,60}(?:предоставля|переда)\w+[^.;]{0,20}по решению (?:руководител|директор)\w*(?! совет)",
            ],
            "kk": [
                r"(?:конкурс|тендер|сауда-саттық|аукцион)\w*сыз",
                r"бәсекелі рәсімдерсіз",
                r"бір көзден[^.;]{0,80}(?:орынды|қалау|шешімі|мүддес)",
            ],
            "en": [
                r"without (?:a |any )?(?:tender|competition|competitive (?:bidding|procedure|process|selection)|auction|comparing (?:offers|quotes))",
                r"(?:single[- ]source|sole[- ]source|direct award|direct contract)\w*[^.;]{0,80}(?:best interests?|appropriate|expedient|discretion|decides|deems)",
            ],
            "uz": [
                r"tanlovsiz",
                r"tendersiz",
                r"auksionsiz",
                r"yagona (?:manba|yetkazib beruvchi)\w*[^.;]{0,80}(?:maqsadga muvofiq|ixtiyor|qaror|manfaat)",
            ],
        },
        _merge(
            _LISTED,
            {
                "ru": [r"естественн\w+ монопол"],
                "en": [r"natural monopol"],
                "kk": [r"табиғи монопол"],
                "uz": [r"tabiiy monopol"],
            },
        ),
    ),
    Rule(
        "NORM_CONFLICT",
        {
            "ru": [
                r"(?:противоречи|коллизи|расхождени)\w*[^.;]{0,80}(?:по (?:своему )?(?:выбору|усмотрению)|определяет (?:руководител|директор|заказчик)|решает (?:руководител|директор))",
                r"(?:какое|какая|какой) из (?:положений|норм|пунктов|документов)[^.;]{0,40}(?:определя|реша|выбира)",
                r"вправе (?:применить|выбрать) (?:любое|любой|любую) из",
            ],
            "kk": [
                r"(?:қайшылық|коллизия)\w*[^.;]{0,80}(?:қалауы|таңдауы|шешімі) бойынша",
                r"қай (?:ереже|норма|құжат)\w*[^.;]{0,40}(?:айқындайды|шешеді|таңдайды)",
            ],
            "en": [
                r"(?:conflict|inconsisten|discrepanc)\w*[^.;]{0,80}(?:as|whichever) (?:the )?(?:company|manager|director|customer) (?:chooses|decides|determines|selects)",
                r"(?:which|whichever) (?:provision|rule|document)[^.;]{0,40}(?:is decided|is determined|shall be chosen|the manager)",
                r"may apply (?:either|any) of",
            ],
            "uz": [r"(?:zidlik|kolliziya)\w*[^.;]{0,80}(?:ixtiyor|tanlov|qaror)\w* (?:bilan|boʻyicha|koʻra)"],
        },
        negatable=False,
    ),
    Rule(
        "EXCESSIVE_REQUIREMENTS",
        {
            "ru": [
                r"(?:ины|други|любы|дополнительн)\w+ (?:документ|сведени|материал|информаци|справк)\w*[^.;]{0,50}(?:по (?:требовани|запрос|усмотрени)|(?:может|вправе|сочтет)[^.;]{0,20}(?:потребова|запроси|необходим))",
                r"(?:любые|все) (?:документы|сведения)[^.;]{0,30}(?:которые|какие)[^.;]{0,30}(?:потребу|запрос)",
                r"(?:документ|сведени)\w*,? (?:запрашиваем|затребованн)\w+ (?:дополнительно|по усмотрению)",
                r"стаж\w*[^.;]{0,30}не менее (?:1[0-9]|[2-9]\d) лет",
                r"нотариальн\w+ (?:удостоверенн|заверенн)\w+ (?:копи)\w*[^.;]{0,30}всех",
            ],
            "kk": [
                r"(?:басқа да|өзге де|кез келген|қосымша) (?:құжат|мәлімет|анықтама)\w*[^.;]{0,50}(?:талап\w* бойынша|сұрау\w* бойынша|талап ет|сұрат)",
                r"(?:талаб\w*|сұрау\w*|сұрат\w*) бойынша[^.;]{0,40}(?:басқа да|өзге де|кез келген|қосымша) (?:құжат|мәлімет|анықтама)",
                r"талап (?:еткен|етілген) (?:басқа да|өзге де|кез келген|қосымша) (?:құжат|мәлімет|анықтама)",
            ],
            "en": [
                r"(?:any )?(?:other|additional|further|such other) (?:documents?|information|certificates?|materials?)[^.;]{0,50}(?:(?:as|that) (?:may be |it may |the \w+ may )?(?:requested|required|requests?|requires?|deems? necessary)|(?:on|upon) (?:request|demand)|(?:requested|required|demanded) by)",
                r"(?:any|all) (?:other )?documents?[^.;]{0,20}(?:on|upon) (?:request|demand)",
                r"at least (?:1[0-9]|[2-9]\d) years of experience",
            ],
            "uz": [
                r"(?:boshqa|har qanday|qoʻshimcha) (?:hujjat|maʼlumot|maʼlumotnoma)\w*[^.;]{0,50}(?:talab\w* (?:boʻyicha|qilin)|soʻrov\w* (?:boʻyicha|asosida))"
            ],
        },
        _merge(
            _LISTED,
            {
                "ru": [r"только (?:документ|перечисленн)", r"требовать не допуска"],
                "en": [r"only the documents"],
                "kk": [r"тек (?:осы|көрсетілген)"],
                "uz": [r"faqat (?:ushbu|koʻrsatilgan)"],
            },
        ),
    ),
    Rule(
        "APPLICANT_ABUSE",
        {
            "ru": [
                r"(?:возвра|отклон|отказ|не рассматрива|оставля)\w*[^.;]{0,80}без (?:объяснени|указани\w+ причин|мотивировк|обосновани|рассмотрени|пояснени|объяснения причин)",
                r"(?:приостан|заморож|откладыва)\w*[^.;]{0,60}(?:на неопределенн\w+ срок|бессрочно|до особого распоряжени)",
                r"(?:жалоб|обжалова|апелляци)\w*[^.;]{0,60}(?:тем же|этим же|тому же|самим) (?:лиц|должностн|руководител|работник)",
            ],
            "kk": [
                r"(?:қайтар|бас тарт|қабылдамай|қабылданба|қаралмай)\w*[^.;]{0,80}(?:себебі\w* көрсет(?:пей|ілмей)|себебін түсіндірмей|түсіндірмей|негіздемесіз|себепсіз)",
                r"(?:себебі\w* көрсет(?:пей|ілмей)|себебін түсіндірмей|түсіндірмей|негіздемесіз|себепсіз)[^.;]{0,60}(?:қайтар|бас тарт|қабылдамай|қабылданба|қаралмай)",
                r"(?:белгісіз мерзімге|мерзімсіз)[^.;]{0,30}(?:тоқтат|кейінге қалдыр)",
                r"(?:тоқтат|кейінге қалдыр)\w*[^.;]{0,60}(?:белгісіз мерзімге|мерзімсіз)",
                r"шағым\w*[^.;]{0,60}(?:сол|дәл сол) (?:тұлға|басшы|лауазымды)",
            ],
            "en": [
                r"(?:return|reject|refus|declin|dismiss)\w*[^.;]{0,80}without (?:giving |stating |providing |any )*(?:reasons?|explanation|grounds|justification|consideration)",
                r"(?:suspend|freez|postpon|put on hold)\w*[^.;]{0,60}(?:indefinitely|until further notice|for an indefinite period)",
                r"(?:appeal|complaint)s?[^.;]{0,60}(?:by|to) the same (?:person|official|manager|officer)",
            ],
            "uz": [
                r"(?:rad|qaytar|koʻrib chiqilmas)\w*[^.;]{0,80}(?:sabab\w* koʻrsatmasdan|tushuntirishsiz|asoslanmasdan|sababsiz)",
                r"(?:toʻxtat|muzlat)\w*[^.;]{0,60}(?:muddatsiz|nomaʼlum muddat)",
                r"shikoyat\w*[^.;]{0,60}(?:oʻsha|ayni) (?:shaxs|rahbar|mansabdor)",
            ],
        },
    ),
    Rule(
        "VAGUE_TERMS",
        {
            "ru": [
                r"надлежащ\w+ образом",
                r"(?:существенн|значительн|грубо?)\w* (?:нарушени|недостат|ущерб|отклонени)",
                r"(?:при|в случае|по мере) необходимост",
                r"достаточн\w+ (?:основани|доказательств|оснований)",
                r"особ\w+ (?:вклад|заслуг)",
                r"(?:разумн|рыночн|справедлив)\w+ (?:стоимост|цен|вознагражд|размер)",
                r"(?:иные|други)\w* уважительн\w+ причин",
                r"(?:высок|должн)\w+ (?:уров|качеств)\w*(?! согласно)",
            ],
            "kk": [
                r"тиісті (?:түрде|дәрежеде|деңгейде)",
                r"елеулі (?:бұзушылық|кемшілік|залал|ауытқу)",
                r"қажет (?:болған|болса|болғанда) жағдайда",
                r"қажеттілігіне қарай",
                r"жеткілікті (?:негіз|дәлел)",
                r"ерекше (?:үлес|еңбек сіңір)",
                r"(?:ақылға қонымды|нарықтық|әділ) (?:құн|баға|сыйақы)",
                r"(?:басқа да|өзге де) дәлелді себептер",
            ],
            "en": [
                r"\b(?:properly|duly performed|adequately)\b",
                r"(?:material|substantial|significant|gross) (?:breach|deficienc|damage|deviation)",
                r"(?:where|if|when|as) (?:necessary|appropriate|needed|required)\b(?! by)",
                r"sufficient (?:grounds|evidence|reasons)",
                r"special (?:contribution|merit)",
                r"(?:reasonable|fair|market) (?:value|price|cost|fee|remuneration)",
                r"other good (?:cause|reasons)",
            ],
            "uz": [
                r"(?:lozim|tegishli) (?:darajada|tarzda)",
                r"jiddiy (?:buzilish|kamchilik|zarar|ogʻish)",
                r"zarur (?:hollarda|boʻlganda|boʻlsa)",
                r"yetarli (?:asos|dalil)",
                r"alohida (?:hissa|xizmat)",
                r"(?:oqilona|bozor|adolatli) (?:narx|qiymat|haq)",
                r"boshqa uzrli sabab",
            ],
        },
        _merge(
            _DEFINED,
            {
                "ru": [r"в соответствии с (?:техническ|приложени|методик)", r"согласно приложени"],
                "en": [r"in accordance with (?:the )?(?:technical|annex|schedule|methodology)"],
                "kk": [r"техникалық (?:тапсырма|ерекшелік)\w* сәйкес"],
                "uz": [r"texnik topshiriq\w* muvofiq"],
            },
        ),
    ),
    Rule(
        "NO_OVERSIGHT",
        {
            "ru": [
                r"(?:единолично|самостоятельно|лично)[^.;]{0,40}(?:принима\w+ решени|утвержда|согласовыва|определя)[^.;]{0,60}(?:и|а также) (?:осуществля|исполня|подписыва|производ|проводит|выплачива|распоряжа)",
                r"без (?:второй подписи|визирования|независим\w+ (?:проверк|контрол|оценк)|какого-либо контроля|последующего контроля)",
                r"(?:оценк|результат|проверк)\w*[^.;]{0,40}(?:собственн|своей|своего)[^.;]{0,30}утвержда\w+ (?:само|тем же|этим же)",
                r"утвержда\w+ (?:результаты )?(?:собственн|свою|своей|свои)\w* (?:оценк|отчет|расход|проверк)",
                r"единолично (?:и без|без)",
            ],
            "kk": [
                r"(?:жеке-дара|дербес)[^.;]{0,40}(?:шешім қабылда|бекіт|келіс)\w*[^.;]{0,60}(?:және|әрі) (?:орында|қол қо[йяю]|төле|жүзеге асыр)",
                r"(?:екінші қолсыз|тәуелсіз тексерусіз|бақылаусыз)",
                r"өз(?:інің)?[^.;]{0,60}(?:бағалау|есеп|шығыс)\w*[^.;]{0,30}өзі бекіт",
                r"жеке-дара (?:қабылдай|бекіт|келіс)\w*[^.;]{0,40}(?:және|әрі)[^.;]{0,20}(?:орында|қол қо[йяю]|төле|жүзеге асыр)",
            ],
            "en": [
                r"(?:solely|alone|single-handedly)[^.;]{0,40}(?:decides?|approves?|authori[sz]es?)[^.;]{0,60}(?:and|as well as) (?:executes?|pays?|signs?|makes? (?:the )?payment|disburses?)",
                r"without (?:a |any )?(?:second signature|independent (?:review|check|verification)|countersignature|oversight|review by)",
                r"approves? (?:its|his|her|their) own (?:assessment|evaluation|expenses|report|risk)",
            ],
            "uz": [
                r"(?:yakka tartibda|mustaqil)[^.;]{0,40}(?:qaror qabul|tasdiq|kelish)\w*[^.;]{0,60}(?:va|hamda) (?:ijro|imzo|toʻla|amalga osh)",
                r"(?:ikkinchi imzosiz|mustaqil tekshiruvsiz|nazoratsiz)",
                r"oʻz (?:baholash|hisobot|xarajat)\w*[^.;]{0,20}oʻzi tasdiq",
            ],
        },
        _APPROVAL,
    ),
    Rule(
        "COI_GAP",
        {
            "ru": [
                r"(?:заинтересованн|аффилированн|связанн\w+ с \w+ (?:лиц|поставщик))\w*[^.;]{0,40}(?:вправе|может|могут|участву|принима\w+ участие|голосу)[^.;]{0,30}(?:голосова|участ|реш|рассм|принят)",
                r"независимо от (?:наличия )?(?:конфликта интересов|личной заинтересованности|заинтересованности)",
                r"(?:наличие )?(?:личн\w+ )?заинтересованност\w* не (?:является|препятству)",
                r"(?:родственник|член\w* семьи)[^.;]{0,40}(?:должностн|руководител|работник)\w*[^.;]{0,60}(?:привлека|назнача|включа|принима)",
                r"(?:привлечь|назначить|принять)[^.;]{0,40}(?:рекомендованн|указанн)\w+ (?:заказчиком|должностн\w+ лиц|руководител)",
                r"(?:сообщени|обращени|жалоб)\w*[^.;]{0,60}(?:на (?:руководител|директор)|в отношении (?:руководител|директор))\w*[^.;]{0,40}(?:рассматрива|отбира|фильтру)\w* (?:этим|тем|сам)",
            ],
            "kk": [
                r"мүдделі[^.;]{0,30}(?:тұлға|мүше|қызметкер)\w*[^.;]{0,40}(?:дауыс бер|қатыс|шешім қабылда|қара)\w*[^.;]{0,20}(?:құқылы|мүмкін|болады)",
                r"мүдделер қақтығысына қарамастан",
                r"(?:жеке )?мүдделілі\w*[^.;]{0,40}кедергі болмайды",
                r"(?:туыс|отбасы мүше)\w*[^.;]{0,60}(?:тарт|тағайында|қабылда)",
            ],
            "en": [
                r"(?:interested|conflicted|related)[^.;]{0,10}(?:person|member|director|employee|party)s?[^.;]{0,30}(?:may|can|is entitled to|shall) (?:vote|participate|take part|decide|review|approve)",
                r"regardless of (?:any )?(?:conflict of interest|personal interest)",
                r"(?:member|person|director|employee)s?[^.;]{0,20}(?:who is|who are) (?:interested|conflicted)[^.;]{0,40}(?:may|can) (?:vote|participate|take part|decide)",
                r"(?:personal )?interest (?:is not|does not constitute|shall not be) (?:an? )?(?:bar|obstacle|ground)",
                r"(?:relatives?|family members?) of (?:an? |the )?(?:official|director|manager|employee)[^.;]{0,60}(?:engage|hire|appoint|employ|include)",
                r"(?:engage|hire|appoint|employ) (?:a |the )?(?:person|consultant|subcontractor)s? (?:recommended|nominated|named) by (?:the )?(?:customer's|an?) (?:official|manager|director)",
                r"reports?[^.;]{0,40}(?:about|concerning|against) (?:a |the )?(?:manager|director)[^.;]{0,40}(?:reviewed|screened|filtered) by (?:that|the same)",
            ],
            "uz": [
                r"manfaatdor (?:shaxs|aʼzo|xodim)\w*[^.;]{0,40}(?:ovoz ber|ishtirok|qaror qabul|koʻrib)\w*[^.;]{0,20}(?:haqli|mumkin)",
                r"manfaatlar toʻqnashuvi\w*dan qatʼi nazar",
                r"(?:qarindosh|oila aʼzo)\w*[^.;]{0,60}(?:jalb|tayinla|qabul)",
            ],
        },
        {
            "ru": [
                r"самоотвод",
                r"обязан\w* (?:заявить|раскрыть|сообщить)[^.;]{0,30}(?:конфликт|заинтересованност)",
                r"не участву",
            ],
            "kk": [r"өзін-өзі шеттет", r"қатыспайды"],
            "en": [r"recuse", r"abstain", r"must (?:disclose|declare)"],
            "uz": [r"oʻzini chetlat", r"ishtirok etmaydi"],
        },
    ),
    Rule(
        "BENEFITS",
        {
            "ru": [
                r"(?:подарк|сувенир|представительск\w+ расход|развлекательн\w+ мероприят|ускоряющ\w+ платеж|"
                r"благотворительн\w+ (?:помощ|взнос|пожертвован)|пожертвовани|спонсорск\w+ (?:помощ|взнос))\w*[^.;]{0,80}"
                r"(?:вправе|может|могут|допуска|предоставля|переда|оплачива|осуществля|производ|выделя|перечисля|вруча)",
                r"(?:вправе|может|могут|допуска\w+|предоставля|переда|оплачива|осуществля|производ|выделя|перечисля|вруча)\w*[^.;]{0,80}"
                r"(?:подарк|сувенир|представительск\w+ расход|развлекательн\w+ мероприят|ускоряющ\w+ платеж|благотворительн\w+ (?:помощ|взнос|пожертвован)|пожертвовани|спонсорск)",
                r"(?:оплачива|компенсир|организу|обеспечива)\w*[^.;]{0,40}(?:отдых|поездк|перелет|проживани|туристическ|путевк)\w*[^.;]{0,60}(?:должностн|представител|работник|сотрудник|государственн|руководител)",
            ],
            "kk": [
                r"(?:сыйлық(?!ақы)|кәдесый|қонақжайлылық|өкілдік шығыс|ойын-сауық|жеделдету төлем|қайырымдылық|демеушілік)\w*[^.;]{0,80}"
                r"(?:құқылы|мүмкін|береді|беріледі|төлейді|төленеді|ұсынады|жүзеге асыр|рұқсат|аудар)",
                r"(?:демалыс|сапар|ұшу|тұру|жолдама)\w*[^.;]{0,40}(?:төлейді|өтейді|ұйымдастырады)\w*[^.;]{0,60}(?:лауазымды|өкіл|қызметкер|басшы)",
                r"(?:лауазымды|өкіл|қызметкер|басшы)\w*[^.;]{0,60}(?:демалыс|сапар|ұшу|тұру|жолдама)\w*[^.;]{0,40}(?:төлейді|өтейді|ұйымдастырады)",
            ],
            "en": [
                r"(?:gifts?|hospitality|entertainment|facilitation payments?|charitable (?:donations?|contributions?)|donations?|sponsorship)[^.;]{0,80}"
                r"(?:may|is permitted|are permitted|is allowed|are allowed|shall (?:be )?(?:provide|pay|give|offer|make|made|paid|provided|given)|will (?:provide|pay|give|offer|make))",
                r"(?:may|will|shall|is permitted to|are permitted to|agrees to)[^.;]{0,40}(?:offer|give|provide|pay|make|cover|fund)[^.;]{0,40}(?:gifts?|hospitality|entertainment|facilitation payments?|donations?|sponsorship)",
                r"(?:pay|cover|fund|reimburse|organi[sz]e)\w*[^.;]{0,40}(?:travel|holiday|vacation|accommodation|trip|flights?)[^.;]{0,60}(?:officials?|representatives?|employees?|staff|managers?)",
            ],
            "uz": [
                r"(?:sovgʻa|esdalik|mehmondorchilik|vakillik xarajat|tezlashtiruvchi toʻlov|xayriya|homiylik)\w*[^.;]{0,80}"
                r"(?:haqli|mumkin|beradi|beriladi|toʻlaydi|toʻlanadi|taqdim|amalga oshir|ruxsat)",
                r"(?:dam olish|safar|parvoz|yashash|yoʻllanma)\w*[^.;]{0,40}(?:toʻlaydi|qoplaydi|tashkil)\w*[^.;]{0,60}(?:mansabdor|vakil|xodim|rahbar)",
            ],
        },
        {
            "ru": [
                r"в соответствии с (?:политик|положени|правил)\w* (?:о подарк|в области подарк|общества о подарк)",
                r"деклар",
                r"не превыша\w+ \d",
                r"не более (?:\d|одн|дву|тр[её]х|пят)",
                r"сво(?:их|его|им) (?:работник|сотрудник)",
                r"(?:сообщ|уведом|информир)\w*[^.;]{0,40}(?:о|об) (?:\w+ )?подарк",
            ],
            "kk": [r"сыйлықтар (?:туралы )?саясат\w* сәйкес", r"декларац"],
            "en": [
                r"(?:in accordance|in line) with the (?:gifts?|anti-corruption)",
                r"declared",
                r"not exceed\w* \w*\d",
                r"no more than \w+",
                r"its own (?:staff|employees)",
            ],
            "uz": [r"sovgʻalar siyosati\w* muvofiq", r"deklarats", r"hisobot beradi"],
        },
    ),
    Rule(
        "ADVANCE_UNSECURED",
        {
            "ru": [
                r"(?:аванс|предоплат|предварительн\w+ оплат)\w*[^.;]{0,80}(?:без (?:предоставлени\w+ |какого-либо )?(?:банковск\w+ )?(?:гаранти|обеспечени)|(?:гаранти|обеспечени)\w* (?:возврата аванса )?не (?:требу|предоставля|предусматрива))",
                r"(?:аванс|предоплат|предварительн\w+ оплат)\w*[^.;]{0,60}(?:100|[5-9]\d) ?(?:%|процент)",
                r"(?:гаранти|обеспечени)\w*[^.;]{0,40}(?:аванс|предоплат)\w*[^.;]{0,20}не (?:требу|предоставля|предусматрива)",
                r"(?:100|[5-9]\d) ?(?:%|процент)\w*[^.;]{0,60}(?:аванс|предоплат|предварительн\w+ оплат)",
            ],
            "kk": [
                r"(?:аванс|алдын ала төлем)\w*[^.;]{0,80}(?:кепілдіксіз|қамтамасыз етусіз|кепілдік\w* талап етілмейді|қамтамасыз ету талап етілмейді)",
                r"(?:аванс|алдын ала төлем)\w*[^.;]{0,60}(?:100|[5-9]\d) ?(?:%|пайыз)",
                r"(?:100|[5-9]\d) ?(?:%|пайыз)\w*[^.;]{0,60}(?:аванс|алдын ала төлем)",
            ],
            "en": [
                r"(?:advance|prepayment|upfront payment|pre-payment)[^.;]{0,80}(?:without (?:any |a )?(?:bank )?(?:guarantee|security)|no (?:bank )?(?:guarantee|security) (?:is |shall be |will be )?required)",
                r"(?:advance|prepayment|upfront payment|pre-payment)[^.;]{0,60}(?:100|[5-9]\d) ?(?:%|per ?cent)",
                r"no (?:bank )?(?:guarantee|security)[^.;]{0,30}(?:required|needed)[^.;]{0,30}(?:advance|prepayment)",
                r"(?:100|[5-9]\d) ?(?:%|per ?cent)[^.;]{0,60}(?:advance|prepayment|upfront|in advance)",
            ],
            "uz": [
                r"(?:avans|oldindan toʻlov)\w*[^.;]{0,80}(?:kafolatsiz|taʼminotsiz|kafolat talab qilinmaydi)",
                r"(?:avans|oldindan toʻlov)\w*[^.;]{0,60}(?:100|[5-9]\d) ?(?:%|foiz)",
                r"(?:100|[5-9]\d) ?(?:%|foiz)\w*[^.;]{0,60}(?:avans|oldindan)",
            ],
        },
        {
            "ru": [
                r"после предоставлени\w+ (?:банковск|гаранти|обеспечени)",
                r"(?<!без )аккредитив",
                r"против (?:предоставлени|банковск)",
                r"при условии предоставлени\w+ (?:банковск|обеспечени)",
            ],
            "kk": [
                r"(?<!\S)банктік кепілдік (?:бергеннен|ұсынған|негізінде|ұсынылған)",
                r"кепілдігін ұсынған жағдайда",
            ],
            "en": [
                r"(?:against|upon|subject to) (?:provision of )?(?:a |an )?(?:bank guarantee|advance payment guarantee|letter of credit|security)",
                r"secured by (?:a |an )?(?:bank )?(?:guarantee|letter of credit)",
            ],
            "uz": [r"bank kafolati\w* (?:taqdim etilgandan|asosida|bilan)"],
        },
        negatable=False,
    ),
    Rule(
        "UNILATERAL_PRICE_CHANGE",
        {
            "ru": [
                r"(?:в )?одностороннем порядке[^.;]{0,60}(?:измен|увелич|пересм|корректир)\w*[^.;]{0,40}(?:цен|стоимост|объем|тариф|расценк|количеств)",
                r"(?:измен|увелич|пересм|корректир)\w*[^.;]{0,40}(?:цен|стоимост|объем|тариф|расценк|количеств)\w*[^.;]{0,40}(?:в )?одностороннем порядке",
                r"(?:цен|стоимост|объем|тариф|количеств)\w*[^.;]{0,60}(?:может|могут) быть (?:изменен|увеличен|пересмотрен|скорректирован)\w*[^.;]{0,60}(?:письм|уведомлени|указани|устн|в рабочем порядке)",
                r"в рабочем порядке[^.;]{0,60}(?:цен|стоимост|объем|количеств)",
                r"(?:цен|стоимост|объем|количеств)\w*[^.;]{0,60}в рабочем порядке",
                r"(?:по )?устно\w* (?:указани|распоряжени|согласовани)\w*[^.;]{0,60}(?:цен|стоимост|объем|количеств)",
                r"(?:цен|стоимост|объем|количеств)\w*[^.;]{0,60}(?:по )?устно\w* (?:указани|распоряжени|согласовани)",
            ],
            "kk": [
                r"біржақты[^.;]{0,80}(?:баға|құн|көлем|тариф|сан)\w*[^.;]{0,40}(?:өзгерт|арттыр|қайта қара)",
                r"(?:баға|құн|көлем|тариф|сан)\w*[^.;]{0,60}біржақты[^.;]{0,40}(?:өзгерт|арттыр|қайта қара)",
                r"жұмыс тәртібімен[^.;]{0,60}(?:баға|құн|көлем)",
                r"(?:баға|құн|көлем)\w*[^.;]{0,60}жұмыс тәртібімен",
                r"ауызша (?:нұсқау|келісім)\w*[^.;]{0,60}(?:баға|құн|көлем)",
                r"(?:баға|құн|көлем)\w*[^.;]{0,60}ауызша (?:нұсқау|келісім)",
                r"(?:баға|құн|көлем)\w*[^.;]{0,60}хат\w* (?:арқылы|негізінде) өзгерт",
                r"(?:саны|мөлшері)[^.;]{0,60}ауызша (?:нұсқау|келісім)",
            ],
            "en": [
                r"unilaterally[^.;]{0,40}(?:change|increase|adjust|revise|amend|modify)\w*[^.;]{0,30}(?:price|scope|volume|quantit|rates?|fees?)",
                r"(?:change|increase|adjust|revise|amend|modify)\w*[^.;]{0,30}(?:price|scope|volume|quantit|rates?|fees?)[^.;]{0,40}unilaterally",
                r"(?:price|scope|volume|quantit|rates?|fees?)\w*[^.;]{0,40}(?:may|can) be (?:changed|increased|adjusted|revised|modified)[^.;]{0,40}(?:by (?:letter|notice|e-?mail|oral|verbal)|orally|verbally|in (?:the )?working order|upon (?:notice|instruction))",
                r"(?:oral|verbal) (?:instruction|agreement)s?[^.;]{0,60}(?:price|scope|volume|quantit)",
                r"(?:price|scope|volume|quantit|rates?|fees?)\w*[^.;]{0,40}(?:changed|increased|adjusted|revised|modified)[^.;]{0,30}(?:oral|verbal) (?:instruction|agreement)",
            ],
            "uz": [
                r"bir tomonlama[^.;]{0,80}(?:narx|qiymat|hajm|tarif|miqdor)\w*[^.;]{0,40}(?:oʻzgartir|oshir|qayta koʻr)",
                r"(?:narx|qiymat|hajm|miqdor)\w*[^.;]{0,60}bir tomonlama[^.;]{0,40}(?:oʻzgartir|oshir)",
                r"ogʻzaki (?:koʻrsatma|kelishuv)\w*[^.;]{0,60}(?:narx|qiymat|hajm)",
                r"(?:narx|qiymat|hajm)\w*[^.;]{0,60}ogʻzaki",
            ],
        },
        _CAP,
    ),
    Rule(
        "NO_AC_CLAUSE",
        {
            "ru": [
                r"антикоррупционн\w+ (?:оговорк|положени|услови|обязательств|раздел)\w*[^.;]{0,60}(?:не применя|носит рекомендательн|нося\w* рекомендательн|исключ|не распространя|не является обязательн|не включа|не являются обязательн|по желанию|необязательн)",
                r"(?:без|исключить) антикоррупционн\w+ оговорк",
                r"(?:положени|требовани)\w* (?:раздела )?о противодействии коррупции[^.;]{0,40}(?:не применя|рекомендательн|не распространя)",
                r"антикоррупционн\w+ (?:оговорк|обязательств)\w*[^.;]{0,60}не распространя\w+ на (?:посредник|агент|субподрядчик|аффилирован)",
            ],
            "kk": [
                r"сыбайлас жемқорлыққа қарсы (?:ескертпе|талап|міндеттеме|тармақ)\w*[^.;]{0,60}(?:қолданылмайды|ұсынымдық сипатта|алынып тасталады|міндетті емес|таралмайды|енгізілмей)",
                r"сыбайлас жемқорлыққа қарсы ескертпесіз",
            ],
            "en": [
                r"anti-?(?:corruption|bribery) (?:clause|provisions?|obligations?|undertakings?|section)[^.;]{0,60}(?:shall not apply|does not apply|do not apply|(?:is|are) (?:advisory|not binding|for guidance only|optional|excluded|deleted)|(?:does|do|shall) not extend to)",
                r"without (?:the |an |any )?anti-?(?:corruption|bribery) (?:clause|provisions)",
            ],
            "uz": [
                r"korrupsiyaga qarshi (?:shart|band|qoida|majburiyat)\w*[^.;]{0,60}(?:qoʻllanilmaydi|tavsiyaviy|majburiy emas|chiqarib tashlan|tatbiq etilmaydi)",
                r"korrupsiyaga qarshi shartsiz",
            ],
        },
        {
            "ru": [r"(?:реестр|согласовани\w+ (?:со )?служб\w* комплаенс|разов\w+ согласовани|решени\w+ комплаенс)"],
            "kk": [r"тіркелім", r"комплаенс-қызмет\w* келісім"],
            "en": [r"register of counterparties", r"approved by compliance", r"compliance approval"],
            "uz": [r"reyestr", r"komplayens\w* roziligi"],
        },
        negatable=False,
    ),
    Rule(
        "AGENT_FEE",
        {
            "ru": [
                r"(?:вознагражд|гонорар|комисси|преми|бонус|плат)\w*[^.;]{0,60}(?:в случае|при условии|при|за|после) (?:успешн\w+ )?(?:получени|выдач|оформлени|одобрени|согласовани|выигрыш|заключени|продлени)\w*[^.;]{0,40}(?:разрешени|лицензи|контракт|договор|тендер|решени|заключени|согласовани|квот|земельн)",
                r"(?:за|по) (?:организаци|обеспечени)\w* (?:встреч|переговор)\w*[^.;]{0,30}(?:должностн|государственн|чиновник|представител\w+ (?:органов|министерств|акимат))",
                r"(?:расход|средств|сумм)\w*[^.;]{0,20}(?:на )?(?:ускорени|решени\w+ вопрос|содействи)\w*[^.;]{0,60}(?:без подтвержд|без отчет|не требу|не подлеж)",
                r"(?:вознагражд|гонорар|комисси)\w*[^.;]{0,40}процент\w* от (?:суммы )?(?:полученн|выигранн)\w+ (?:контракт|договор|тендер)",
            ],
            "kk": [
                r"(?:сыйақы|комиссия|бонус|төлем)\w*[^.;]{0,80}(?:рұқсат|лицензия|келісімшарт|шарт|тендер|шешім)\w*[^.;]{0,30}(?:алынған|алған|берілген|жасалған|ұтқан) (?:жағдайда|кезде|үшін)",
                r"лауазымды тұлғалар\w*[^.;]{0,20}кездесу\w* ұйымдастыр",
                r"(?:рұқсат|лицензия|келісімшарт|шарт|тендер)\w*[^.;]{0,40}(?:алынған|алған|жасалған|ұтқан|берілген) (?:жағдайда|кезде)[^.;]{0,40}(?:сыйақы|комиссия|бонус)",
                r"(?:мәселелерді шешу|жеделдету)\w*[^.;]{0,40}(?:шығыс|қаражат)\w*[^.;]{0,40}(?:растаусыз|есепсіз|талап етілмейді)",
            ],
            "en": [
                r"success fee",
                r"(?:fee|commission|bonus|remuneration|payment)[^.;]{0,50}(?:upon|on|for|if|subject to|conditional on) (?:the )?(?:successful )?(?:obtaining|securing|award|grant|issuance|approval|winning|signing|renewal)[^.;]{0,40}(?:permits?|licen[cs]es?|contracts?|approvals?|tenders?|decisions?|quota)",
                r"(?:for )?arranging meetings with[^.;]{0,20}(?:government |public |state )?officials",
                r"(?:expediting|facilitation) (?:allowance|costs|expenses|fees?)[^.;]{0,60}(?:without|no) (?:supporting )?(?:documents|receipts|reporting)",
            ],
            "uz": [
                r"(?:haq|komissiya|bonus|mukofot)\w*[^.;]{0,80}(?:ruxsatnoma|litsenziya|shartnoma|tender|qaror)\w*[^.;]{0,30}(?:olinganda|olingan taqdirda|yutilganda)",
                r"mansabdor shaxslar bilan uchrashuv\w* tashkil",
                r"(?:tezlashtirish|masalalarni hal qilish)\w*[^.;]{0,40}xarajat\w*[^.;]{0,40}(?:tasdiqlovchi hujjatsiz|hisobotsiz)",
            ],
        },
        {
            "ru": [r"фиксированн\w+ (?:вознагражд|ставк|сумм)", r"почасов", r"независимо от результат"],
            "kk": [r"тіркелген (?:сыйақы|мөлшерлеме)", r"нәтижесіне қарамастан"],
            "en": [r"fixed (?:fee|rate|amount)", r"hourly", r"regardless of the outcome"],
            "uz": [r"qatʼiy (?:haq|stavka)", r"natijasidan qatʼi nazar"],
        },
    ),
    Rule(
        "THIRD_PARTY_PAYMENT",
        {
            "ru": [
                r"(?:оплат|платеж|перечисл|выплат|денежн\w+ средств)\w*[^.;]{0,60}(?:на (?:банковск\w+ |расчетн\w+ )?(?:счет|счета|реквизит)\w*[^.;]{0,20}(?:треть\w+|ин\w+|аффилированн\w+|указанн\w+ (?:исполнител|поставщик|подрядчик)\w* (?:в письме|письмом|дополнительно)|люб\w+) (?:лиц|организаци|компани)?|в (?:офшор|иностранн\w+ юрисдикци)|треть\w+ лиц)",
                r"реквизит\w*[^.;]{0,60}(?:могут быть |может быть )?(?:изменен|измен\w+|замен)\w*[^.;]{0,30}(?:письм|уведомлени|сообщени|электронн)",
                r"(?:по письму|на основании письма) (?:исполнител|поставщик|подрядчик)\w*[^.;]{0,40}(?:счет|реквизит|получател)",
                r"офшор",
            ],
            "kk": [
                r"үшінші тұлға\w*[^.;]{0,30}шот\w*",
                r"(?:төлем|аудар|төле)\w*[^.;]{0,60}(?:басқа|кез келген|үлестес)[^.;]{0,20}(?:тұлға|ұйым|компания)\w*[^.;]{0,20}шот",
                r"офшор",
                r"деректемелер\w*[^.;]{0,60}хат\w*[^.;]{0,20}(?:өзгертіл|ауыстырыл)",
            ],
            "en": [
                r"(?:paid|payment|payments|transfer\w*|remit\w*)[^.;]{0,40}(?:to|into) (?:an? |any )?(?:bank )?accounts?[^.;]{0,20}(?:of|held by|designated by|nominated by|in the name of) (?:a |any )?(?:third part|affiliate|another|nominee|any person|any company)",
                r"(?:paid|payment|payments|transfer\w*)[^.;]{0,40}(?:to|into) (?:a |any )?third part",
                r"offshore",
                r"(?:bank details|account details|payment details)[^.;]{0,40}(?:may be |can be )?(?:changed|updated|replaced|amended) by (?:a )?(?:letter|notice|e-?mail|written notice|notification)",
            ],
            "uz": [
                r"uchinchi shaxs\w*[^.;]{0,30}hisob",
                r"offshor",
                r"rekvizit\w*[^.;]{0,60}xat\w* (?:bilan|orqali)[^.;]{0,20}oʻzgartir",
            ],
        },
        {
            "ru": [r"дополнительн\w+ соглашени", r"только на (?:расчетн\w+ )?счет (?:поставщик|исполнител|подрядчик)"],
            "kk": [r"қосымша келісім", r"тек (?:өнім берушінің|орындаушының) (?:өз )?шот"],
            "en": [r"only (?:to|into) the (?:supplier|contractor)'?s own", r"signed amendment"],
            "uz": [r"qoʻshimcha kelishuv", r"faqat (?:yetkazib beruvchining|ijrochining) oʻz hisob"],
        },
    ),
    Rule(
        "VAGUE_ACCEPTANCE",
        {
            "ru": [
                r"(?:прием|приня|принят)\w*[^.;]{0,60}(?:удовлетворени|по (?:своему )?усмотрени|на усмотрени|по (?:субъективн\w+ )?оценке (?:руководител|куратор|заказчик))",
                r"(?:при отсутствии|если (?:у \w+ )?(?:не будет|нет|отсутству)\w*) (?:у \w+ )?(?:существенн|значительн)\w+ (?:замечани|претензи|недостат)",
                r"считаются (?:принят|выполнен|оказан)\w*[^.;]{0,40}(?:с момента|после|при) (?:направлени|получени|представлени|отправк)\w* (?:отчет|акт)",
                r"считается (?:принят|выполнен|оказан)\w*[^.;]{0,40}(?:с момента|после|при) (?:направлени|получени|представлени|отправк)\w* (?:отчет|акт)",
                r"критери\w* (?:приемк|оценк)\w*[^.;]{0,30}(?:будут |будет )?(?:согласован|определен|установлен)\w* (?:позднее|дополнительно|впоследствии|в рабочем порядке)",
                r"(?:устраива|понрав|удовлетвор)\w*[^.;]{0,20}(?:руководител|куратор|заказчик)",
            ],
            "kk": [
                r"(?:қабылда)\w*[^.;]{0,60}(?:қанағаттан|қалау\w* бойынша|бағалау\w* бойынша)",
                r"елеулі (?:ескерту|наразылық|кемшілік)\w* болмаса",
                r"есеп\w*[^.;]{0,30}жіберілген сәттен бастап[^.;]{0,30}қабылданды деп",
                r"қабылдау өлшемшарттары[^.;]{0,30}(?:кейін|кейінірек|қосымша) (?:келісіледі|айқындалады)",
            ],
            "en": [
                r"accept\w*[^.;]{0,60}(?:to the (?:sole |full )?satisfaction|at (?:its|the \w+'s) (?:sole )?discretion|if (?:the \w+ is|it is) satisfied)",
                r"(?:absence|no|not raise any) (?:of )?(?:material|substantial|significant) (?:remarks|objections|comments)",
                r"deemed (?:accepted|completed|delivered)[^.;]{0,40}(?:upon|on|after) (?:sending|submission|delivery|dispatch) of (?:the |a )?(?:report|certificate|act)",
                r"acceptance criteria[^.;]{0,30}(?:to be|shall be|will be) (?:agreed|determined|set) (?:later|subsequently)",
            ],
            "uz": [
                r"qabul[^.;]{0,60}(?:qoniqish|ixtiyor\w* koʻra|baholash\w* boʻyicha)",
                r"jiddiy (?:eʼtiroz|kamchilik)\w* boʻlmasa",
                r"hisobot\w*[^.;]{0,30}yuborilgan paytdan[^.;]{0,30}qabul qilingan",
                r"qabul qilish mezonlari[^.;]{0,30}keyinroq",
            ],
        },
        {
            "ru": [
                r"в соответствии с (?:техническ|критери\w+,? указанн|приложени)",
                r"согласно (?:техническ|приложени)",
            ],
            "kk": [r"техникалық (?:тапсырма|ерекшелік)\w* сәйкес"],
            "en": [r"in accordance with the (?:technical|specification|acceptance criteria in)", r"measurable"],
            "uz": [r"texnik topshiriq\w* muvofiq"],
        },
    ),
    Rule(
        "HIDDEN_BENEFICIARY",
        {
            "ru": [
                r"(?:сведени|информаци|данны)\w* (?:о|об) (?:собственник|бенефициар|владельц|учредител|субподрядчик|соисполнител|цессионари|принципал|конечн)\w*[^.;]{0,60}(?:не раскрыва|не предоставля|конфиденциальн|не подлеж\w+ раскрыти|не сообща)",
                r"(?:не обязан|вправе не) (?:раскрывать|сообщать|предоставлять)[^.;]{0,40}(?:собственник|бенефициар|владельц|субподрядчик|соисполнител|цессионари|принципал)",
                r"(?:собственник|бенефициар|владельц|субподрядчик|принципал)\w*[^.;]{0,60}(?:не раскрыва|не сообща|конфиденциальн)\w*[^.;]{0,40}(?:в том числе|включая)[^.;]{0,20}комплаенс",
            ],
            "kk": [
                r"(?:бенефициар|иелер|меншік иел|қосалқы мердігер|құрылтайшы|принципал)\w*[^.;]{0,40}(?:туралы )?(?:мәлімет|ақпарат)\w*[^.;]{0,40}(?:ашылмайды|құпия|берілмейді|жария етілмейді)",
                r"(?:бенефициар|қосалқы мердігер|меншік иел)\w*[^.;]{0,30}ашпауға құқылы",
            ],
            "en": [
                r"(?:identity|identities|details|names?|information) (?:of|about|on) (?:its |the )?(?:\w+'s )?(?:beneficial owners?|owners|principals?|subcontractors?|assignees?|shareholders|ultimate)[^.;]{0,60}(?:shall not be disclosed|confidential|need not be disclosed|withheld|will not be disclosed|not be revealed)",
                r"(?:not (?:obliged|required) to|need not|may refuse to|may decline to) disclose[^.;]{0,40}(?:beneficial owners?|owners|principals?|subcontractors?|assignees?|shareholders)",
            ],
            "uz": [
                r"(?:benefitsiar|egalar|mulkdor|subpudratchi|taʼsischi)\w*[^.;]{0,40}(?:haqidagi )?(?:maʼlumot)\w*[^.;]{0,40}(?:oshkor qilinmaydi|maxfiy|berilmaydi)"
            ],
        },
        {
            "ru": [r"(?:за исключением|кроме) (?:службы |подразделени\w+ )?комплаенс", r"обязан\w* раскрыть"],
            "kk": [r"комплаенс[^.;]{0,20}(?:қоспағанда|басқа)"],
            "en": [r"except (?:to )?(?:the )?compliance", r"must disclose|shall disclose"],
            "uz": [r"komplayens[^.;]{0,20}bundan mustasno"],
        },
        negatable=False,
    ),
    Rule(
        "CASH_PAYMENT",
        {
            "ru": [
                r"\bналичн\w+",
                r"через кассу",
                r"через (?:работник|сотрудник|представител|курьер)\w*[^.;]{0,30}(?:налич|денег|денежн)",
                r"подотчетн\w+ (?:лиц|сумм|средств)[^.;]{0,40}(?:оплат|расчет|выплат)",
            ],
            "kk": [r"қолма-қол(?! ақшасыз)", r"касса\w* арқылы", r"нақты ақша"],
            "en": [
                r"\bin cash\b",
                r"\bcash (?:payment|settlement|advance|gifts?|bonus)",
                r"petty cash(?! count)",
                r"paid in banknotes",
                r"through (?:staff|employees) in cash",
            ],
            "uz": [r"naqd pul(?!siz)", r"naqd (?:shaklda|tarzda)", r"kassa orqali"],
        },
        {
            "ru": [
                r"исключительно (?:в )?безналичн",
                r"только (?:в )?безналичн",
                r"в пределах (?:лимит|\d)",
                r"не более \d",
            ],
            "kk": [r"тек қолма-қол ақшасыз", r"\d+ ?(?:АЕК|теңге)\w* аспайтын"],
            "en": [r"only by bank transfer", r"not exceed\w* \w*\d", r"limit of \d"],
            "uz": [r"faqat naqd pulsiz", r"oshmaydigan"],
        },
    ),
    Rule(
        "PENALTY_WAIVER",
        {
            "ru": [
                r"(?:освобо|сниз|сниж|уменьш|не взыск|не начисл|не примен|списа|списыва|отказ\w* от взыскани)\w*[^.;]{0,60}(?:неустойк|штраф|пен[ия]|санкци|ответственност)\w*[^.;]{0,60}(?:по (?:\w+ )?(?:решению|усмотрению|согласованию|указанию)|в рабочем порядке)",
                r"(?:по (?:\w+ )?(?:решению|усмотрению|согласованию|указанию)|в рабочем порядке)[^.;]{0,60}(?:неустойк|штраф|пен[ия]|санкци)\w*[^.;]{0,60}(?:не взыск|сниж|уменьш|освобо|списа|не начисл|не примен)",
                r"(?:по (?:\w+ )?(?:решению|усмотрению|согласованию|указанию)|в рабочем порядке)[^.;]{0,60}(?:освобо|сниз|сниж|уменьш|не взыск|не начисл|не примен|списа)\w*[^.;]{0,60}(?:неустойк|штраф|пен[ия]|санкци)",
                r"(?:неустойк|штраф|пен[ия])\w*[^.;]{0,30}(?:может|могут) (?:не (?:взыскиваться|начисляться|применяться)|быть (?:снижен|уменьшен|списан))\w*",
            ],
            "kk": [
                r"(?:тұрақсыздық айыб|айыппұл|өсімпұл)\w*[^.;]{0,80}(?:шешімі бойынша|қалауы бойынша|жұмыс тәртібімен|келісімі бойынша)[^.;]{0,60}(?:босат|азайт|өндірілме|өндіріп алынба|кешір)",
                r"(?:шешімі бойынша|қалауы бойынша|жұмыс тәртібімен)[^.;]{0,60}(?:тұрақсыздық айыб|айыппұл|өсімпұл)\w*[^.;]{0,60}(?:босат|азайт|өндірілме|өндіріп алынба|кешір)",
            ],
            "en": [
                r"(?:waive|reduc|release|not (?:charge|apply|claim|enforce)|write off|forgiv)\w*[^.;]{0,60}(?:penalt|liquidated damages|fines?|late payment interest)[^.;]{0,60}(?:at (?:its|the|his) (?:\w+ )?discretion|by (?:a )?decision of|in (?:the )?working order|as the \w+ (?:decides|sees fit|deems))",
                r"(?:penalt\w+|liquidated damages|fines?)[^.;]{0,30}may be (?:waived|reduced|written off|forgiven)",
            ],
            "uz": [
                r"(?:jarima|penya|neustoyka)\w*[^.;]{0,80}(?:qarori bilan|ixtiyoriga koʻra|kelishuvi bilan)[^.;]{0,60}(?:ozod|kamaytir|undirilma|kechir)",
                r"(?:qarori bilan|ixtiyoriga koʻra)[^.;]{0,60}(?:jarima|penya|neustoyka)\w*[^.;]{0,60}(?:ozod|kamaytir|undirilma|kechir)",
            ],
        },
        {
            "ru": [
                r"форс-мажор|непреодолим\w+ сил",
                r"миров\w+ соглашени",
                r"с согласия (?:комитет|совет|правлени)",
                r"\bсуд(?:ом|а|у)?\b",
            ],
            "kk": [r"форс-мажор|еңсерілмейтін күш|дүлей күш"],
            "en": [r"force majeure", r"settlement (?:agreement )?approved by"],
            "uz": [r"fors-major|yengib boʻlmaydigan kuch", r"\bsud\b"],
        },
    ),
]


# Widened in session 4 on the development set only (its block "Added in session 4"): open-ended wording the
# first rules missed. Kazakh stems take any ending (`\w*`): no Kazakh morphology is available offline
# (the one packaged analyser builds its lexicon by downloading at install time and is GPL), so suffix-tolerant
# stems stand in for it, as for Russian words pymorphy3 does not lemmatise here.
_WIDER: dict[str, dict[str, list[str]]] = {
    "DISCRETION": {
        "ru": [
            r"(?:самостоятельно|сам|сама|единолично) (?:определя|реша|выбира)\w*,? (?:кому|каким|какие|какой|кого|предоставлять ли|ли)",
            r"исходя из (?:собственн|своего|личн)\w* (?:мнени|оценк|представлени|суждени)",
        ],
        "kk": [
            r"өз қалауынша",
            r"(?:қай|қандай|кімге)[^.;]{0,60}өзі (?:айқындайды|шешеді|таңдайды|белгілейді)",
        ],
        "en": [
            r"on (?:his|her|its|their) own judg(?:e)?ment",
            r"as (?:it|he|she|they|the \w+) (?:thinks|sees|deems) fit",
        ],
    },
    "NO_DEADLINE": {
        "ru": [
            r"в (?:возможно )?(?:сжат|кратк)\w+ срок",
            r"после (?:завершения всех|поступлени\w+ (?:денежных )?средств от|получени\w+ (?:оплаты|средств) от)",
        ],
        "kk": [
            r"(?:барынша|мүмкіндігінше) қысқа мерзім",
            r"(?:ақша|қаражат)\w* түскеннен кейін",
            r"мүмкіндік болған (?:кезде|жағдайда)",
        ],
        "en": [
            r"as soon as the budget allows",
            r"once the \w+ has (?:itself )?been paid",
            r"when (?:funds|the budget) (?:allow|permit)",
        ],
    },
    "MAY_FORMULA": {
        "ru": [
            r"(?:контролер|комитет|ревизор|аудитор|комплаенс-офицер)\w*[^.;]{0,40}(?:имеет право|может|вправе)[^.;]{0,10}(?:провер|рассматрива|рассмотр|контролир|анализир)",
        ],
        "kk": [
            r"(?:тексер|қара|бақыла|талда|мониторинг жүргіз)\w*(?:уға|уге) (?:құқығы бар|құқылы)",
            r"(?:комитет|бақылаушы|аудит)\w*[^.;]{0,80}(?:қарау|тексеру|бақылау)(?:ы|і) мүмкін",
        ],
    },
    "SELECTIVE_EXCEPTION": {
        "ru": [
            r"в (?:особых|отдельных) случаях",
            r"по решению (?:директор|руководител|руководств)\w*[^.;]{0,40}отдельн\w+ (?:поставщик|работник|контрагент|лиц)\w*[^.;]{0,40}освобо",
            r"не распространя\w+ на (?:работник|лиц|поставщик|контрагент)\w*,? (?:которых|которые|кого) (?:определит|укажет|назовет)",
            r"(?:могут|может) не применяться к (?:отдельн|некоторым|определенн)",
        ],
        "kk": [
            r"жекелеген жағдайларда",
            r"(?:шешімі\w*|шешімімен)[^.;]{0,30}жекелеген (?:өнім беруші|қызметкер|контрагент|тұлға)",
            r"жекелеген (?:өнім беруші|қызметкер|контрагент|тұлға)\w*[^.;]{0,20}қолданылмауы мүмкін",
        ],
        "en": [
            r"in (?:special|particular|certain) cases",
            r"(?:may|can) exempt (?:particular|individual|certain|specific|selected)",
        ],
    },
    "BLANKET_DELEGATION": {
        "ru": [
            r"(?:порядок|условия|критерии|перечень)[^.;]{0,80}(?:устанавливается|определяется|утверждается|определяются|устанавливаются|утверждаются) "
            r"(?:внутренними документами, принимаемыми )?(?:руководител|начальник|директор\w* филиал)",
        ],
        "kk": [
            r"(?:тәртіб|тізбе|өлшемшарт|шарттар)\w*[^.;]{0,60}(?:бастығы|басшысы|директоры) (?:айқындайды|белгілейді|бекітеді)",
            r"(?:директоры|басшысы|бастығы) қабылдайтын ішкі құжаттар",
        ],
        "en": [
            r"(?:procedure|criteria|conditions|rules)[^.;]{0,40}(?:established|set|determined) by (?:each|the) (?:business )?(?:unit|department|division)? ?head"
        ],
    },
    "ULTRA_VIRES": {
        "ru": [
            r"на любую сумму",
            r"(?:инструкци|приказ|регламент|порядок|распоряжени)\w*[^.;]{0,30}(?:имеет|имеют) (?:преимущественную силу|приоритет) (?:перед|над) (?:кодекс|политик|устав|закон)",
            r"независимо от их суммы",
        ],
        "kk": [
            r"кез келген сомаға",
            r"сомасына қарамастан",
            r"осы (?:нұсқаулық|бұйрық|өкім|регламент)\w*[^.;]{0,40}(?:кодекс|саясат|жарғы|заң)\w*[^.;]{0,10}басымдығы",
        ],
        "en": [
            r"(?:instruction|order|procedure|regulation)[^.;]{0,20}takes precedence over the (?:code|policy|charter|law)",
            r"for any amount",
        ],
    },
    "NO_PROCEDURE": {
        "ru": [
            r"^[^,;:]{0,60}(?:может|могут) быть (?:лишен|исключен|отстранен|заблокирован|внесен\w* в (?:перечень|реестр|список) недобросовест)\w*[^,;:]{0,60}\.?$",
        ],
        "kk": [
            r"^[^,;:]{0,80}(?:айырылуы|шығарылуы|шеттетілуі|бұғатталуы|(?:тізіліміне|тізіміне) енгізілуі) мүмкін\.?$",
        ],
        "en": [r"^[^,;:]{0,60}may be (?:deprived|removed|blacklisted|excluded|suspended)[^,;:]{0,60}\.?$"],
    },
    "NO_COMPETITION": {
        "ru": [
            r"(?:переговор|выбира|определя|выбран)\w*[^.;]{0,40}(?:с одним участником|единственн\w+ (?:поставщик|исполнител|подрядчик))",
            r"у единственного поставщика,? (?:выбранного|определенного|указанного)",
            r"(?:прям\w+ переговор)\w*[^.;]{0,60}(?:интерес|целесообразн|по решению)",
            r"(?:помещени|имуществ|аренд|пользовани)\w*[^.;]{0,40}(?:передаются|предоставляется|предоставляются|передается)[^.;]{0,40}по решению (?:заместител|руководител|директор)",
            r"право аренды[^.;]{0,40}по решению",
        ],
        "kk": [
            r"бір қатысушымен келіссөз",
            r"тікелей келіссөздер",
            r"(?:үй-жай|мүлік|жалға алу)\w*[^.;]{0,60}(?:директор|басшы|орынбасар)\w* шешімі бойынша[^.;]{0,40}беріледі",
        ],
        "en": [
            r"without any bidding",
            r"direct negotiation with one",
            r"awarded directly",
            r"leased by decision of the",
        ],
    },
    "NORM_CONFLICT": {
        "ru": [
            r"(?:противоречи|расхождени|коллизи)\w*(?:[^.;]|\.\d){0,80}применя\w+ (?:пункт|документ|положени|норм)\w*,? (?:указанн|выбранн|определенн)\w* (?:куратор|руководител|директор|заказчик)",
            r"составляет (\d+ ?%)[^.;]{0,60}при этом[^.;]{0,60}(?!\1)\d+ ?%",
            r"составляет (\d+) (?:дн|рабоч|календ)\w*[^.;]{0,40}при этом[^.;]{0,60}в течение (?!\1)\d+",
        ],
        "kk": [
            r"(?:қайшылық|алшақтық|коллизия)\w*[^.;]{0,60}(?:куратор|басшы|директор)\w* (?:көрсеткен|таңдаған|айқындаған)",
            r"(\d+ ?%) құрайды,? бұл ретте[^.;]{0,60}(?!\1)\d+ ?%",
            r"(\d+) күнді құрайды,? бұл ретте[^.;]{0,60}(?!\1)\d+ күн",
        ],
        "en": [
            r"(?:inconsistenc|conflict|discrepanc|differ)\w*[^.;]{0,80}(?:customer|manager|company|director) (?:chooses|decides|determines) which",
        ],
    },
    "EXCESSIVE_REQUIREMENTS": {
        "ru": [
            r"(?:любые|иные|другие) (?:дополнительн\w+ )?(?:документ|сведени|информаци)\w*,? (?:которые|какие) (?:пожелает|запросит|потребует|сочтет)",
            r"опыт\w*[^.;]{0,30}не менее (?:1[0-9]|[2-9]\d) лет",
        ],
        "kk": [
            r"(?:алғысы келетін|сұратқан|талап еткен) кез келген (?:өзге де |басқа да |қосымша )?(?:құжат|мәлімет)",
            r"кемінде (?:1[0-9]|[2-9]\d) жыл",
        ],
        "en": [
            r"whatever (?:further |other |additional )?(?:information|documents?) the \w+ (?:asks|requests|requires)"
        ],
    },
    "APPLICANT_ABUSE": {
        "ru": [
            r"(?:обращени|заявлени|заявк|жалоб)\w*[^.;]{0,30}(?:может|могут) быть оставлен\w* без (?:ответа|рассмотрения)"
        ],
        "kk": [r"(?:өтініш|өтінім|шағым)\w*[^.;]{0,30}(?:жауапсыз|қараусыз) (?:қалдырылуы|қайтарылуы) мүмкін"],
        "en": [
            r"(?:request|application|complaint)s?[^.;]{0,30}may be left (?:unanswered|without (?:a )?(?:reply|response))"
        ],
    },
    "VAGUE_TERMS": {
        "ru": [
            r"добросовестно (?:исполня|выполня)",
            r"проявивш\w+ (?:высок\w+ )?(?:активност|инициатив|старани)",
            r"грубо\w* нарушени",
        ],
        "kk": [r"адал атқар", r"белсенділік таныт", r"(?:жоғары )?бастамашылық таныт"],
        "en": [
            r"perform (?:their|his|her) duties (?:diligently|conscientiously)",
            r"outstanding (?:commitment|effort|performance)",
        ],
    },
    "NO_OVERSIGHT": {
        "ru": [
            r"(?:самостоятельно|единолично|один|одна)[^.;]{0,10} (?:принимает|определяет|выбирает|оценивает)\w*[^.;]{0,60}(?:и|,) (?:подписывает|списывает|утверждает|учитывает)",
            r"(?:само|сам|сама) оценива\w+ свои[^.;]{0,60}утвержда",
        ],
        "kk": [
            r"өзі (?:қабылдайды|айқындайды|таңдайды|бағалайды)[^.;]{0,60}(?:және|,) (?:есептен шығарады|бекітеді|қол қояды)",
            r"өзінің[^.;]{0,40}өзі бағалайды",
        ],
        "en": [r"\balone (?:selects|decides|chooses|approves)[^.;]{0,60}and (?:signs|pays|approves|writes off)"],
    },
    "COI_GAP": {
        "ru": [
            r"(?:супруг|родственник|член\w* семьи)\w*[^.;]{0,20}(?:является|являются) (?:учредител|собственник|владельц|участник)\w*[^.;]{0,60}(?:согласовыва|утвержда|подписыва|принима)",
            r"(?:состоящ\w+ в родстве|являющ\w+ родственником)[^.;]{0,60}(?:оценива|голосу|участву|рассматрива)\w*[^.;]{0,20}наравне",
            r"(?:принять на работу|привлечь|назначить) лиц,? рекомендованн\w+ должностн",
        ],
        "kk": [
            r"(?:жұбайы|туысы)[^.;]{0,40}(?:құрылтайшысы|иесі|қатысушысы) болып табылатын[^.;]{0,60}(?:келіседі|бекітеді|қол қояды)",
            r"туыстық байланысы бар[^.;]{0,60}тең (?:бағалайды|дауыс береді|қатысады)",
            r"(?:туысы болып табылатын|туыстық байланысы бар)[^.;]{0,60}тең (?:қатысады|бағалайды)",
        ],
        "en": [
            r"whose (?:spouse|relative|family member) (?:owns|controls|works for)[^.;]{0,40}may (?:approve|sign|decide|vote)",
            r"hire persons recommended by the \w+'s officials",
        ],
    },
    "BENEFITS": {
        "ru": [r"оплачивать (?:ужин|обед|банкет|развлечени)\w*[^.;]{0,40}представител"],
        "kk": [r"(?:кешкі ас|түскі ас|банкет)\w*[^.;]{0,20}шектеусіз"],
        "en": [r"(?:give|offer) presents to (?:officials|representatives)"],
    },
    "ADVANCE_UNSECURED": {
        "ru": [r"аванс\w* платеж\w* в размере (?:[5-9]\d|100) ?%(?![^.;]*гаранти)"],
        "kk": [r"(?:[5-9]\d|100) ?% мөлшерінде аванс\w*(?![^.;]*кепіл)"],
        "en": [r"advance of (?:[5-9]\d|100) ?%(?![^.;]*(?:guarantee|security))"],
    },
    "UNILATERAL_PRICE_CHANGE": {
        "ru": [
            r"(?:вправе|может|могут)[^.;]{0,30}изменить (?:стоимост|цен)\w*[^.;]{0,30}уведоми",
            r"(?:количество|объем)[^.;]{0,30}(?:может|могут) быть (?:увеличен|уменьшен|изменен)\w* по устн",
        ],
        "kk": [
            r"хабардар етіп,? [^.;]{0,30}(?:құнын|бағасын|бағаларды) (?:өзгерт|қайта қара)",
            r"(?:саны|көлемі)[^.;]{0,40}ауызша[^.;]{0,30}(?:ұлғайт|азайт|өзгерт)",
        ],
        "en": [
            r"may (?:change|revise|increase) (?:the |its )?prices? by (?:notice|notifying)",
            r"(?:quantities|volume|scope)[^.;]{0,20}may be (?:increased|changed|varied) on the (?:verbal|oral)",
        ],
    },
    "NO_AC_CLAUSE": {
        "ru": [r"антикоррупционн\w+ обязательств\w*[^.;]{0,40}(?:необязательн|рекомендательн)"],
        "kk": [r"сыбайлас жемқорлыққа қарсы міндеттемелер\w*[^.;]{0,20}міндетті емес"],
        "en": [r"anti-?(?:corruption|bribery) clause is (?:advisory|optional|not binding)"],
    },
    "AGENT_FEE": {
        "ru": [
            r"(?:вознагражд|преми|гонорар)\w*[^.;]{0,40}(?:в случае|при) получени\w*[^.;]{0,30}разрешени",
            r"(?:вознагражд|гонорар)\w*[^.;]{0,20}зависит от (?:одобрени|согласовани|получени)\w*[^.;]{0,40}(?:акимат|министерств|орган|ведомств)",
            r"(?:\d+ ?%|процент)\w* от (?:суммы )?(?:контракт|договор)\w*,? заключенн\w+ при (?:его|ее) содействии",
        ],
        "kk": [
            r"рұқсат алған жағдайда[^.;]{0,30}(?:сыйлықақы|сыйақы|бонус)",
            r"сыйақысы[^.;]{0,40}(?:әкімдік|министрлік|орган)\w* мақұлдануына байланысты",
            r"жәрдем\w*мен[^.;]{0,40}мемлекеттік[^.;]{0,40}(?:келісімшарт|шарт) сомасының",
        ],
        "en": [
            r"fee depends on the (?:approval|grant|issue)",
            r"\d+ ?% of any government contract",
        ],
    },
    "THIRD_PARTY_PAYMENT": {
        "ru": [r"на счет (?:лица|организации|компании),? указанн\w+ (?:исполнител|поставщик|подрядчик)\w* в письме"],
        "kk": [r"хатта көрсеткен тұлғаның шотына"],
        "en": [r"any account that the \w+ designates"],
    },
    "VAGUE_ACCEPTANCE": {
        "ru": [
            r"считается принят\w*,? если[^.;]{0,40}не заявил\w* (?:серьезн|существенн|значительн)",
            r"(?:качество|результат)\w* (?:работ|услуг)\w* оценива\w+ (?:руководител|куратор|менеджер)\w*[^.;]{0,20}по (?:его|ее|своему) мнению",
        ],
        "kk": [r"елеулі қарсылық білдірмесе", r"қабылдау[^.;]{0,60}басшысының қалауы бойынша"],
        "en": [r"deemed accepted unless[^.;]{0,30}(?:serious|material|substantial) objections"],
    },
    "HIDDEN_BENEFICIARY": {
        "ru": [
            r"не раскрывает[^.;]{0,30}состав (?:своих )?(?:участник|учредител|собственник)",
            r"может не сообщать[^.;]{0,30}в чьих интересах",
        ],
        "kk": [
            r"(?:қатысушыларының|құрылтайшыларының|иелерінің) құрамын ашпайды",
            r"кімнің мүддесінде[^.;]{0,30}хабарламауы мүмкін",
        ],
        "en": [r"not required to tell[^.;]{0,30}who its (?:owners|principals|shareholders)"],
    },
    "PENALTY_WAIVER": {
        "kk": [
            r"(?:айыппұл|өсімпұл|тұрақсыздық айыб)\w*[^.;]{0,60}(?:нұсқауы|келісімі) бойынша[^.;]{0,20}(?:өндірілмеуі|азайтылуы) мүмкін",
        ],
        "en": [r"(?:penalt\w+|liquidated damages)[^.;]{0,20}may be reduced by agreement of the (?:project )?managers?"],
    },
}
for _rule in RULES:
    for _lang, _patterns in _WIDER.get(_rule.code, {}).items():
        _rule.risky.setdefault(_lang, []).extend(_patterns)
