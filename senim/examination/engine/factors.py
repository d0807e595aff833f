"""The corruptogenic factors Senim looks for: stable codes, names in four languages, why, how to bound.

The codes are the identifiers used in findings, exports, indicators and the benchmark
(see /docs/examination.md). Explanations are English source text; the Django app translates them.
"""

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Factor:
    code: str
    group: str  # "act" (methodologies, acts and contracts) or "contract" (contract-specific)
    names: dict[str, str]  # en, ru, kk, uz
    why: str  # why a provision with this factor is risky
    bound: str  # what would bound it


def _f(code: str, group: str, en: str, ru: str, kk: str, uz: str, why: str, bound: str) -> Factor:
    return Factor(code, group, {"en": en, "ru": ru, "kk": kk, "uz": uz}, why, bound)


FACTORS: dict[str, Factor] = {
    f.code: f
    for f in (
        _f(
            "DISCRETION",
            "act",
            "Wide discretion",
            "Широта дискреционных полномочий",
            "Дискрециялық өкілеттіктердің кеңдігі",
            "Diskretsion vakolatlarning kengligi",
            "A decision-maker may decide, refuse or choose with no criteria or reasons required.",
            "List the grounds or criteria for the decision and require written reasons.",
        ),
        _f(
            "NO_DEADLINE",
            "act",
            "Missing or indefinite deadline",
            "Отсутствие или неопределенность сроков",
            "Мерзімнің болмауы немесе белгісіздігі",
            "Muddatning yoʻqligi yoki noaniqligi",
            "With no fixed time limit a decision or payment can be delayed until someone is persuaded.",
            "Set a fixed time limit in days counted from a defined event.",
        ),
        _f(
            "MAY_FORMULA",
            "act",
            "Competence by “may”",
            "Определение компетенции по формуле «вправе»",
            "Құзыретті «құқылы» формуласымен айқындау",
            "Vakolatni «haqli» formulasi bilan belgilash",
            "A control step made optional can be applied selectively.",
            "Make the control step a duty (“shall check”) with its occasion and deadline.",
        ),
        _f(
            "SELECTIVE_EXCEPTION",
            "act",
            "Selective exceptions",
            "Выборочное изменение объема прав (необоснованные исключения)",
            "Жалпы тәртіптен іріктемелі ерекшеліктер",
            "Umumiy tartibdan tanlab istisnolar",
            "Exemptions granted at someone's will or in undefined exceptional cases favour chosen persons.",
            "List the exceptional cases exhaustively and require approval of each exception.",
        ),
        _f(
            "BLANKET_DELEGATION",
            "act",
            "Blanket or referral norms",
            "Чрезмерная свобода подзаконного нормотворчества (бланкетные и отсылочные нормы)",
            "Бланкеттік және сілтемелі нормалар",
            "Blanket va havola normalar",
            "The person who applies the rule may also write it later, to suit a case.",
            "State the rule in the document itself or refer to a named act approved by a higher body.",
        ),
        _f(
            "ULTRA_VIRES",
            "act",
            "Beyond competence / overrides a higher act",
            "Принятие акта за пределами компетенции",
            "Құзыреттен тыс шешім",
            "Vakolatdan tashqari qaror",
            "Power reserved to the board or a higher act is taken by a lower body or person.",
            "Keep the decision with the body the charter, policy or delegation of authority names.",
        ),
        _f(
            "NO_PROCEDURE",
            "act",
            "Absent or incomplete procedure",
            "Отсутствие или неполнота административных процедур",
            "Рәсімдердің болмауы немесе толық еместігі",
            "Maʼmuriy tartiblarning yoʻqligi yoki toʻliq emasligi",
            "An adverse decision without grounds, steps, notice or appeal cannot be checked.",
            "Describe grounds, steps, time limits, notification and an appeal to another person.",
        ),
        _f(
            "NO_COMPETITION",
            "act",
            "Waiver of competitive procedures",
            "Отказ от конкурсных (аукционных) процедур",
            "Бәсекелі рәсімдерден бас тарту",
            "Tanlov (auksion) tartiblaridan voz kechish",
            "Awarding without competition on open grounds lets a chosen supplier win.",
            "Use competitive procurement; allow a single source only on listed grounds with approval.",
        ),
        _f(
            "NORM_CONFLICT",
            "act",
            "Conflicting norms",
            "Нормативные коллизии",
            "Нормалар коллизиясы",
            "Normalar kolliziyasi",
            "When rules contradict, whoever picks the applicable one decides the outcome.",
            "Remove the contradiction or state which rule prevails.",
        ),
        _f(
            "EXCESSIVE_REQUIREMENTS",
            "act",
            "Excessive requirements",
            "Завышенные требования к лицу",
            "Шамадан тыс талаптар",
            "Haddan tashqari talablar",
            "Open-ended or burdensome requirements let a person be rejected or pressed at will.",
            "Give a closed list of documents and requirements proportionate to the purpose.",
        ),
        _f(
            "APPLICANT_ABUSE",
            "act",
            "Abuse of the applicant's right",
            "Злоупотребление правом заявителя",
            "Өтініш берушінің құқығын теріс пайдалану",
            "Ariza beruvchi huquqini suiisteʼmol qilish",
            "An applicant refused or suspended without reasons or appeal depends on the official's goodwill.",
            "Require reasons in writing, a time limit and an appeal to an independent person.",
        ),
        _f(
            "VAGUE_TERMS",
            "act",
            "Legal-linguistic uncertainty",
            "Юридико-лингвистическая неопределенность",
            "Заңдық-лингвистикалық белгісіздік",
            "Yuridik-lingvistik noaniqlik",
            "An undefined evaluative term lets the reader decide the outcome.",
            "Define the term or replace it with measurable criteria.",
        ),
        _f(
            "NO_OVERSIGHT",
            "act",
            "No control / concentration of authority",
            "Отсутствие контроля, концентрация полномочий",
            "Бақылаудың болмауы",
            "Nazoratning yoʻqligi",
            "One person deciding and executing without review can act unchecked.",
            "Add a second signature or an independent review.",
        ),
        _f(
            "COI_GAP",
            "act",
            "Conflict-of-interest gap",
            "Неурегулированный конфликт интересов",
            "Мүдделер қақтығысын реттеудің болмауы",
            "Manfaatlar toʻqnashuvining tartibga solinmaganligi",
            "An interested person taking part in the decision can favour their own interest.",
            "Require disclosure and recusal of interested persons.",
        ),
        _f(
            "BENEFITS",
            "act",
            "Gifts, hospitality, facilitation payments or donations against policy",
            "Подарки, представительские расходы, «ускоряющие» платежи, благотворительность вопреки политике",
            "Саясатқа қайшы сыйлықтар, қонақжайлылық, пайда",
            "Siyosatga zid sovgʻalar, mehmondorchilik, tezlashtiruvchi toʻlovlar",
            "A benefit the anti-corruption policy forbids or limits can be a bribe.",
            "Remove the benefit or subject it to the gifts policy's limits and declaration.",
        ),
        _f(
            "ADVANCE_UNSECURED",
            "contract",
            "Unsecured advance",
            "Аванс без обеспечения",
            "Қамтамасыз етусіз аванс",
            "Taʼminotsiz avans",
            "A large prepayment without security can be withdrawn and never earned.",
            "Cap the advance and secure it with a bank guarantee.",
        ),
        _f(
            "UNILATERAL_PRICE_CHANGE",
            "contract",
            "Unilateral change of price or volume",
            "Одностороннее изменение цены или объема",
            "Бағаны немесе көлемді біржақты өзгерту",
            "Narx yoki hajmni bir tomonlama oʻzgartirish",
            "A price or volume changed by one side without a cap hides overpayment.",
            "Allow changes only by a signed amendment, within a cap or by a formula.",
        ),
        _f(
            "NO_AC_CLAUSE",
            "contract",
            "Missing or weakened anti-corruption clause",
            "Отсутствие или выхолащивание антикоррупционной оговорки",
            "Сыбайлас жемқорлыққа қарсы ескертпенің болмауы",
            "Korrupsiyaga qarshi shartning yoʻqligi",
            "Without a binding anti-corruption clause the company has no remedy against a bribing party.",
            "Include the group's standard anti-corruption clause, binding and covering intermediaries.",
        ),
        _f(
            "AGENT_FEE",
            "contract",
            "Agent or success fee",
            "Агентское вознаграждение за результат, связанный с должностными лицами",
            "Делдалдық / нәтижеге байланысты сыйақы",
            "Agentlik yoki natijaga bogʻliq haq",
            "A fee for obtaining decisions of officials can fund a bribe.",
            "Pay for documented services at a fixed rate, not for an official's decision.",
        ),
        _f(
            "THIRD_PARTY_PAYMENT",
            "contract",
            "Payment to third parties or offshore",
            "Платежи третьим лицам, в офшоры, смена реквизитов письмом",
            "Үшінші тұлғаларға / офшорға төлем",
            "Uchinchi shaxslarga yoki offshorga toʻlov",
            "Money sent to an account other than the counterparty's own can reach a hidden beneficiary.",
            "Pay only to the counterparty's own account named in the contract; change it by amendment.",
        ),
        _f(
            "VAGUE_ACCEPTANCE",
            "contract",
            "Vague acceptance criteria",
            "Неопределенные критерии приемки",
            "Қабылдаудың анық емес өлшемшарттары",
            "Qabul qilishning noaniq mezonlari",
            "Acceptance at one person's satisfaction lets poor work be paid or good work be held hostage.",
            "Set measurable acceptance criteria and a signed acceptance certificate.",
        ),
        _f(
            "HIDDEN_BENEFICIARY",
            "contract",
            "Confidentiality hiding the beneficiary",
            "Конфиденциальность, скрывающая бенефициара",
            "Бенефициарды жасыратын құпиялылық",
            "Benefitsiarni yashiruvchi maxfiylik",
            "Withholding owners or subcontractors hides conflicts of interest and sanctioned parties.",
            "Require disclosure of beneficial owners and subcontractors to the compliance function.",
        ),
        _f(
            "CASH_PAYMENT",
            "contract",
            "Cash payments",
            "Наличные расчеты",
            "Қолма-қол ақшамен есеп айырысу",
            "Naqd pul bilan hisob-kitob",
            "Cash leaves no trail and can pay a bribe.",
            "Settle by bank transfer only.",
        ),
        _f(
            "PENALTY_WAIVER",
            "contract",
            "Discretionary waiver of penalties",
            "Освобождение от неустойки по усмотрению",
            "Тұрақсыздық айыбынан ерікті түрде босату",
            "Jarimadan oʻz xohishiga koʻra ozod qilish",
            "Waiving penalties at an official's will can be sold.",
            "Release from penalties only for force majeure or by an approved settlement.",
        ),
    )
}

CODES: tuple[str, ...] = tuple(FACTORS)
