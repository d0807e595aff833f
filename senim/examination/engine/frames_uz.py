"""Uzbek frames (see frames.py for what a frame is): per factor, the parts matched in the clause's text.

Uzbek is matched on the text itself: Cyrillic is transliterated to Latin and every apostrophe made ʻ before
matching (patterns are normalised the same way in detect.py, so "o'z", "oʼz" and "ўз" are one word); stems are
followed by `\\w*`, as agglutinative endings vary ("hisobot", "hisobotni", "hisobotlari"). No suffix stripper
is used: the patterns name stems, and the endings that matter ("-siz" without, "-maydi" does not) are part of
the pattern.
"""

from senim.examination.engine.frames import Frame, _f

_BASE: dict[str, list[Frame]] = {
    "NO_OVERSIGHT": [
        _f(
            r"\b(?:yakka oʻzi|yakka tartibda|oʻzi|mustaqil ravishda)\b",
            r"\b(?:qaror qabul|tasdiqla|kelish|belgila|tanla|baholay)\w*",
            r"\b(?:imzola|ijro et|toʻla|hisobdan chiqar|amalga oshir|qabul qil|tasdiqla)\w*",
        ),
        _f(
            r"hech kim\w* (?:roziligisiz|imzosisiz|tekshir)|ikkinchi imzosiz|tekshirilmaydi|nazorat qilinmaydi|birinchi va ikkinchi imzo",
            negatable=False,
        ),
        # The same person prepares and checks ("oʻzi tuzgan hisobotni oʻzi tekshiradi"), or checks its own work.
        _f(r"\boʻzi \w+[^.;]{0,80}\boʻzi (?:\w+ )?\w+(?:adi|aydi|ydi)\b"),
        _f(
            r"\b\w+(?:adi|aydi|ydi)\b",
            r"\boʻzi(?: tomonidan)? (?:tasdiqla|tekshir|nazorat qil|hisobga ol|qabul qil|imzola|baholay|rasmiylashtir)\w*",
            unless=(r"^\W*(?:yetkazib beruvchi|ijrochi|pudratchi|sotuvchi|ijarachi|tomon|xodim)\b",),
        ),
        _f(r"\b\w+(?:gan|kan|qan)\b (?:\w+ ){0,3}(?:rahbar|xodim|shaxs|boʻlinma|boshligʻi)\w* oʻzi tomonidan"),
        _f(r"\byakka (?:oʻzi|tartibda)\b", r"(?:qaror qabul qil|tasdiqla|hal qil|imzola|hisobdan chiqar)\w*"),
        _f(r"\b(\w{3,} \w{3,})\b[^.;]{0,60}\b\1 oʻzi\b"),
        _f(
            r"(?:keyingi )?hisobotsiz|komissiyasiz",
            r"(?:tasarruf|sarfla|foydalan|ishlat|oʻtkaz|amalga oshir)\w*",
            negatable=False,
        ),
        _f(
            r"\b(?:tasdiqlaydi|kelishadi|tanlaydi|baholaydi|belgilaydi)\b",
            r"\b(?:va|hamda)\b[^.;]{0,50}\b(?:qabul qiladi|hisobdan chiqaradi|toʻlaydi|imzolaydi|tarqatadi)\b",
            unless=(r"komissiya|kelishuv|keyin|soʻng|kengash|ikkinchi",),
        ),
        # A decision beyond review or appeal; no report to anyone; no second person's consent.
        _f(
            r"qayta koʻrib chiqilmaydi|hech kim tomonidan (?:tekshirilmaydi|nazorat qilinmaydi|koʻrib chiqilmaydi)|"
            r"nazoratga tortilmaydi|hisobot bermaydi|hisobot berilmaydi|nazoratsiz|"
            r"boshqa (?:shaxs|xodim)\w* (?:roziligisiz|tasdigʻisiz|imzosisiz)|(?:tasdigʻi|tekshiruvi|imzosi)siz",
            negatable=False,
        ),
    ],
    "COI_GAP": [
        _f(
            r"\b(?:manfaatdor|qarindosh|turmush oʻrtogʻi|affillangan)\w*",
            r"(?:umumiy asosda|teng|haqli|mumkin\b|toʻsqinlik qilmaydi|asos boʻlmaydi|cheklovsiz)",
            unless=(r"(?:ishtirok etmaydi|oʻzini chetlat|xabar berishi shart|chiqariladi|ovoz bermaydi)",),
            negatable=False,
        ),
        _f(
            r"(?:buyurtmachi|mansabdor shaxs|oʻrinbosar|vazir|hokim)\w*[^.;]{0,40}(?:koʻrsatgan|tavsiya qilgan|tavsiya etgan|tavsiya etilgan)",
            r"(?:jalb|ishga qabul|yolla)\w*",
        ),
    ],
    "UNILATERAL_PRICE_CHANGE": [
        _f(
            r"\b(?:yetkazib beruvchi|ijrochi|pudratchi|ijaraga beruvchi|sotuvchi|operator|buyurtmachi|xaridor|kurator|menejer)",
            r"\b(?:oʻzgartir|oshir|koʻtar|qayta koʻr|tuzat|qisqartir|kamaytir)\w*",
            r"\b(?:narx|qiymat|tarif|hajm|miqdor|ijara haq|stavka)\w*",
            r"(?:haqli|mumkin\b|bildirishnoma|xabar|orqali|talabi|istalgan vaqtda|bir tomonlama)",
            unless=(
                r"(?:tomonlar\w*[^.;]{0,20}kelishuv|qoʻshimcha kelishuv|oʻzaro kelishuv|qatʻiy|oshmaydigan|doirasida|indeks|formula)",
            ),
        ),
    ],
    "AGENT_FEE": [
        _f(
            r"\b(?:haq|mukofot|bonus|komissiya|gonorar)\w*",
            r"(?:taqdirda|keyin|uchun|bogʻliq|foiz|har bir|faqat)",
            r"\b(?:ruxsatnoma|litsenziya|davlat|organ|vazirlik|hokimlik|regulyator|bojxona|soliq|kvota|yer uchastka|reyestr|ijobiy qaror|tender)\w*",
            unless=(r"(?:qatʻiy|soatbay|natijasidan qatʻi nazar|bogʻliq emas)",),
        ),
        _f(
            r"(?:tezlashtir|masalalarni hal)\w*",
            r"(?:xarajat|mablagʻ|summa|pul)\w*",
            r"(?:tasdiqlovchi hujjatsiz|hisobotsiz|ogʻzaki hisobot|hujjatsiz)",
            negatable=False,
        ),
    ],
    "HIDDEN_BENEFICIARY": [
        _f(
            r"\b(?:benefitsiar|egalar|egasi|egalari|mulkdor|subpudratchi|taʻsischi|printsipal|foyda oluvchi|nazorat qiluvchi|aksiyador)\w*",
            r"(?:oshkor qilinmaydi|oshkor qilishga majbur emas|oshkor qilmaslik|maxfiy|berilmaydi|maʻlum qilinmaydi|xabar qilmay|sir saqla|nomaʻlum|koʻrsatilmaydi)",
            unless=(r"(?:haqli emas|taqiqlan|komplayens[^.;]{0,20}bundan mustasno|oshkor qilishi shart)",),
            negatable=False,
        ),
    ],
    "THIRD_PARTY_PAYMENT": [
        _f(
            r"\b(?:toʻlov|toʻlan|oʻtkaz|haq)\w*",
            r"(?:uchinchi shaxs|istalgan shaxs|boshqa shaxs|affillangan|offshor|xorijiy bank|xatda koʻrsatgan)\w*",
            unless=(r"(?:faqat\b|oʻz hisob|qoʻshimcha kelishuv|roziligisiz)",),
        ),
        _f(
            r"(?:rekvizit|hisob raqam)\w*",
            r"oʻzgartir\w*",
            r"(?:xat|bildirishnoma|elektron pochta|bir tomonlama)\w*",
            unless=(r"qoʻshimcha kelishuv",),
        ),
    ],
    "VAGUE_ACCEPTANCE": [
        _f(
            r"qabul\w*",
            r"(?:jiddiy|muhim eʻtiroz|qanoatlantir|maʻqul|keyinroq kelishil|yuborilgan paytdan)\w*",
            unless=(r"(?:texnik topshiriq|mezon|ilova\w* muvofiq)",),
        ),
    ],
    # Frames for the factors v2 had only fixed Uzbek patterns for (session 6).
    "DISCRETION": [
        _f(
            r"oʻz (?:xohishi|ixtiyori|hohishi)\w* (?:koʻra|qarab|bilan)|oʻzi lozim (?:deb )?topsa|maqsadga muvofiq deb hisoblasa"
        ),
    ],
    "NO_DEADLINE": [
        _f(
            r"imkon (?:qadar|boricha)|imkoniyat (?:darajasida|boʻlganda)|oqilona muddat|zarur muddat|tegishli muddatda|kelishilgan muddatda"
        ),
        _f(
            r"(?:toʻlov|toʻlaydi|toʻlanadi|qaytar|yetkazib)\w*",
            r"(?:mablagʻ|pul|moliyalashtirish)\w* (?:olganidan|olingandan|tushganidan|tushgandan) (?:keyin|soʻng)",
        ),
    ],
    "MAY_FORMULA": [
        _f(
            r"(?:komplayens|ichki (?:audit|nazorat)|taftish|xavfsizlik xizmati|nazorat boʻlimi)\w*",
            r"(?:tekshir|oʻrgan|audit|xizmat tekshiruvi|nazorat)\w*[^.;]{0,30}(?:mumkin|haqli)\b",
        ),
    ],
    "SELECTIVE_EXCEPTION": [
        _f(
            r"(?:istisno|alohida|ayrim) hollarda|(?:ayrim|alohida) xodimlar\w*",
            r"(?:ozod|ruxsat|oʻtkazilmas|qoʻllanilmas|topshirmas)\w*",
        ),
    ],
    "BLANKET_DELEGATION": [
        _f(
            r"(?:tartib|qoida|mezon|asos|miqdor|shart)\w*",
            r"(?:rahbar|direktor|boshligʻi|rahbariyat|boshqaruv)\w*[^.;]{0,40}(?:belgilan|ishlab chiqil|tasdiqlan|aniqlan)\w*|"
            r"alohida (?:buyrugʻ|buyruq|qaror|farmoyish)\w* bilan belgilan|keyinchalik (?:belgilan|ishlab chiqil)|mustaqil (?:ravishda )?belgila",
        ),
    ],
    "ULTRA_VIRES": [
        _f(
            r"(?:filial|boʻlim|boʻlinma|sh[oʻ]ʻba)\w*[^.;]{0,30}(?:direktori|boshligʻi|rahbari)",
            r"(?:siyosat|kuzatuv kengashi|umumiy yigʻilish|aksiyadorlar)\w*",
            r"(?:oʻzgartirish\w* kirit|bekor qil|tuz|tasdiqla)\w*",
        ),
        _f(r"(?:kuzatuv kengashi|umumiy yigʻilish)\w* (?:roziligisiz|qarorisiz|vakolatiga kiradigan)"),
    ],
    "NO_PROCEDURE": [
        _f(
            r"(?:roʻyxat|reyestr)\w*dan chiqarilishi mumkin|tartibi belgilanmagan|tartib\w* nazarda tutilmagan|ishchi tartibda"
        ),
        _f(
            r"(?:qaror|xulosa|natija)\w*",
            r"shikoyat (?:qilinmaydi|berilmaydi)|shikoyat qilish mumkin emas",
            negatable=False,
        ),
    ],
    "NO_COMPETITION": [
        _f(r"tanlovsiz|tanlov oʻtkazilmasdan|tanlov oʻtkazmasdan|auksionsiz|yagona (?:manba|yetkazib beruvchi)\w*"),
    ],
    "NORM_CONFLICT": [
        _f(
            r"(?:zid|kolliziya|qarama-qarshi)\w*",
            r"qaysi (?:biri|hujjat|qoida|norma)\w*",
            r"(?:hal qil|tanla|belgila)\w*",
        ),
    ],
    "EXCESSIVE_REQUIREMENTS": [
        _f(
            r"(?:boshqa|har qanday|qoʻshimcha)\w* (?:\w+ )?(?:hujjat|maʻlumot)\w*",
            r"(?:talab|zarur deb|lozim deb|soʻrov)\w*",
            unless=(r"talab qilish (?:mumkin emas|taqiqlan)|faqat \d|ilova\w*da koʻrsatilgan",),
        ),
    ],
    "APPLICANT_ABUSE": [
        _f(r"sabab\w* koʻrsatilmas(?:dan|ligi)|asoslantirilmas(?:dan)?|muddatsiz toʻxtat\w*"),
    ],
    "VAGUE_TERMS": [
        _f(
            r"\b(?:zarur|kerakli) hollarda|yetarli asos|alohida hissa|jiddiy (?:zarar|buzilish|kamchilik)|muhim (?:sabab|holat)|lozim darajada"
        ),
    ],
    "BENEFITS": [
        _f(
            r"(?:dam olish|sovgʻa|norasmiy toʻlov|mehmon qil|ziyofat|sayohat)\w*",
            r"(?:buyurtmachi|xaridor|mansabdor|davlat|vakil|xodimlari)\w*",
            unless=(r"taqiqlan|deklarats|oshmaydigan|oʻz xodimlari",),
        ),
    ],
    "ADVANCE_UNSECURED": [
        _f(
            r"(?:avans|oldindan toʻlov)\w*",
            r"(?:kafolat|taʻminot)\w* (?:talab qilinmaydi|talab etilmaydi)|taʻminotsiz|kafolatsiz",
        ),
    ],
    "CASH_PAYMENT": [_f(r"naqd pul(?:da| bilan)|naqd shaklda", unless=(r"naqd pulsiz|taqiqlan",))],
    "PENALTY_WAIVER": [
        _f(
            r"(?:jarima|penya|neustoyka)\w*",
            r"(?:ozod|kamaytir|undirilmas|kechir|voz kech)\w*",
            r"(?:qarori|ixtiyori|xohishi|koʻrsatmasi|kuratori|rahbari|direktor)\w*",
            unless=(r"sud|fors-major|yengib boʻlmaydigan",),
        ),
    ],
    "NO_AC_CLAUSE": [
        _f(
            r"korrupsiyaga qarshi (?:band|shart|qoida|izoh)\w*",
            r"qoʻllamaslik|qoʻllanilmaydi|tavsiyaviy|majburiy emas|chiqarib tashla",
        ),
    ],
}
_BASE["HIDDEN_BENEFICIARY"].append(
    _f(
        r"(?:subpudratchi|mulkdor|egalar|benefitsiar|taʻsischi|birgalikda ijrochi)\w*",
        r"maʻlum qilmaydi|oshkor qilmaydi|tijorat siri|ochib bermaydi|(?:xabar|maʻlum) qilmasdan",
        unless=(r"komplayens[^.;]{0,20}bundan mustasno|haqli emas|taqiqlan",),
        negatable=False,
    )
)

# Session 6, second round: other words for the same factors.
_MORE: dict[str, list[Frame]] = {
    "DISCRETION": [
        _f(r"oʻzi (?:zarur|lozim|maqsadga muvofiq) deb (?:topgan|hisoblagan)|oʻz bilganicha|oʻz ixtiyori bilan")
    ],
    "NO_DEADLINE": [
        _f(r"muddat\w* belgilanmaydi|muddat\w* belgilanmagan|muddatsiz\b(?! toʻxtat)|oʻz vaqtida|tegishli vaqtda")
    ],
    "BLANKET_DELEGATION": [
        _f(
            r"(?:har bir|barcha) (?:filial|boʻlinma|shoʻba|boʻlim)\w*",
            r"(?:tartib|qoida|mezon)\w*",
            r"oʻzi belgilaydi|mustaqil belgilaydi",
        )
    ],
    "ULTRA_VIRES": [
        _f(r"(?:siyosat|nizom|ustav|qonun)\w*dan ustun|vakolati\w*dan tashqari|(?:siyosat|qonun)\w*ga zid boʻlsa ham"),
    ],
    "NO_PROCEDURE": [
        _f(
            r"ogohlantirilmasdan|tushuntirish\w* (?:olinmasdan|talab qilinmasdan)|xabardor qilinmasdan",
            r"(?:chetlat|ozod|ishdan boʻshat|mahrum|jazo|chiqarib tashla)\w*",
            negatable=False,
        )
    ],
    "NO_COMPETITION": [_f(r"toʻgʻridan-toʻgʻri shartnoma|raqobatsiz|bevosita shartnoma|tanlov oʻtkazilmaydi")],
    "EXCESSIVE_REQUIREMENTS": [_f(r"(?:qoʻshimcha|boshqa) hujjat\w*", r"cheklovsiz|istalgan|har qanday")],
    "APPLICANT_ABUSE": [_f(r"(?:hujjat|ariza|taklif)\w*", r"koʻrib chiqilmasdan (?:qaytar|rad)\w*", negatable=False)],
    "VAGUE_TERMS": [_f(r"asosli shubha|tegishli tarzda|lozim boʻlganda|muhim ahamiyat")],
    "COI_GAP": [
        _f(
            r"manfaatlar toʻqnashuvi\w*",
            r"qatʻi nazar|toʻsqinlik qilmaydi|asos boʻlmaydi",
            unless=(r"ishtirok etmaydi|chetlat",),
            negatable=False,
        )
    ],
    "THIRD_PARTY_PAYMENT": [
        _f(
            r"(?:toʻlov|toʻlan|oʻtkaz)\w*",
            r"boshqa hisob raqam\w*|xorijdagi hisob|koʻrsatmasiga binoan",
            unless=(r"faqat\b|oʻz hisob",),
        )
    ],
}
_MORE["COI_GAP"].append(
    _f(
        r"(?:turmush oʻrtogʻi|qarindosh|akasi|ukasi|opasi|singlisi|oʻgʻli|qizi|otasi|onasi)\w*",
        r"(?:direktor|taʻsischi|egasi|rahbar|aksiyador)\w*",
        r"(?:yetkazib beruvchi|pudratchi|ijrochi|ishtirokchi|kontragent|sotuvchi)\w*",
        r"\b(?:kelishadi|imzolaydi|tasdiqlaydi|baholaydi|qabul qiladi|tuzadi)\b",
        unless=(r"(?:ishtirok etmaydi|xabar beradi|chetlat|imzolamaydi)",),
        negatable=False,
    )
)
_MORE["DISCRETION"].append(_f(r"(?:aniq )?(?:holat|vaziyat)\w* (?:kelib chiqib|qarab)"))
_MORE["APPLICANT_ABUSE"].append(
    _f(
        r"(?:ariza|murojaat|shikoyat|taklif)\w*",
        r"sabab\w* (?:tushuntirmasdan|koʻrsatmasdan)|sababsiz",
        negatable=False,
    )
)

UZ: dict[str, list[Frame]] = {code: _BASE.get(code, []) + _MORE.get(code, []) for code in {**_BASE, **_MORE}}
