"""Legal forms of Kazakhstan, Uzbekistan, Russia and common English ones, compared as *types*.

ТОО, ЖШС, LLP, ООО, MChJ and LLC are one type ("limited_liability"); АО, АҚ, JSC, AJ are "jsc"; and
so on. ``strip_legal_forms`` removes the forms from the edges of an organisation name (outside its
quotes, or right before an opening quote as in АО «НК «ҚазМұнайГаз»») and reports their types, so
that names are compared without them and the types are compared separately.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from rapidfuzz.distance import OSA

_FORMS: dict[str, list[str]] = {
    "limited_liability": [
        "тоо",
        "too",
        "жшс",
        "zhshs",
        "jshs",
        "llp",
        "llc",
        "ооо",
        "ooo",
        "мчж",
        "mchj",
        "ltd",
        "лтд",
        "limited",
        "gmbh",
        "товарищество с ограниченной ответственностью",
        "жауапкершілігі шектеулі серіктестік",
        "jauapkershiligi shekteuli seriktestik",
        # Kazakh writes the form after the name, in the genitive: «…» жауапкершілігі шектеулі серіктестігі
        "жауапкершілігі шектеулі серіктестігі",
        "jauapkershiligi shekteuli seriktestigi",
        "масъулияти чекланган жамияти",
        "limited liability partnership",
        "limited liability company",
        "общество с ограниченной ответственностью",
        "masuliyati cheklangan jamiyat",
        "масъулияти чекланган жамият",
        "masuliyati cheklangan jamiyati",
    ],
    "additional_liability": [
        "тдо",
        "tdo",
        "қжс",
        "qms",
        "qmj",
        "қмж",
        "одо",
        "odo",
        "товарищество с дополнительной ответственностью",
        "общество с дополнительной ответственностью",
        "qoshimcha masuliyatli jamiyat",
        "additional liability partnership",
    ],
    "jsc": [
        "ао",
        "ao",
        "ақ",
        "aq",
        "jsc",
        "aj",
        "аж",
        "пао",
        "pao",
        "оао",
        "oao",
        "зао",
        "zao",
        "pjsc",
        "ojsc",
        "cjsc",
        "plc",
        "atb",
        "атб",
        "акб",
        "akb",
        "акционерное общество",
        "акционерлік қоғам",
        "aktsionerlik kogam",
        "акционерлік қоғамы",
        "aktsionerlik kogamy",
        "aksionerlik qogamy",
        "акциядорлик жамият",
        "aksiyadorlik jamiyat",
        "joint stock",
        "aksionerlik qogam",
        "joint stock company",
        "aksiyadorlik jamiyati",
        "акциядорлик жамияти",
        "публичное акционерное общество",
        "акционерно коммерческий банк",
        "aksiyadorlik tijorat banki",
    ],
    "non_profit_jsc": [
        "нао",
        "nao",
        "кеақ",
        "keaq",
        "njsc",
        "некоммерческое акционерное общество",
        "коммерциялық емес акционерлік қоғам",
        "коммерциялық емес акционерлік қоғамы",
        "non commercial joint stock company",
        "noncommercial joint stock company",
        "non profit joint stock",
        "non profit joint stock company",
    ],
    "individual_entrepreneur": [
        "ип",
        "ip",
        "жк",
        "yatt",
        "ятт",
        "индивидуальный предприниматель",
        "жеке кәсіпкер",
        "yakka tartibdagi tadbirkor",
        "individual entrepreneur",
        "sole proprietor",
    ],
    "farm": [
        "кх",
        "фх",
        "шқ",
        "fx",
        "dx",
        "дх",
        "крестьянское хозяйство",
        "фермерское хозяйство",
        "крестьянское фермерское хозяйство",
        "шаруа қожалығы",
        "fermer xojaligi",
        "dehqon xojaligi",
        "peasant farm",
    ],
    "state_enterprise": [
        "гкп",
        "gkp",
        "гккп",
        "gkkp",
        "мкк",
        "мкқк",
        "ргп",
        "rgp",
        "рмк",
        "ргкп",
        "rgkp",
        "рмқк",
        "duk",
        "дук",
        "гуп",
        "пхв",
        "на пхв",
        "государственное коммунальное предприятие",
        "государственное коммунальное казенное предприятие",
        "республиканское государственное предприятие",
        "davlat unitar korxonasi",
        "state enterprise",
        # Republican state enterprise on the right of economic management (РГП на ПХВ / ШЖҚ РМК)
        "шжқ",
        "шжқ рмк",
        "rse",
        "rse on rem",
        "республиканское государственное предприятие",
        "республиканское государственное предприятие на праве хозяйственного ведения",
        "на праве хозяйственного ведения",
        "шаруашылық жүргізу құқығындағы республикалық мемлекеттік кәсіпорны",
        "шаруашылық жүргізу құқығындағы республикалық мемлекеттік кәсіпорын",
        "республикалық мемлекеттік кәсіпорны",
        "мемлекеттік коммуналдық кәсіпорны",
        "republican state enterprise",
        "republican state enterprise on the right of economic management",
        "on the right of economic management",
    ],
    "state_institution": [
        "гу",
        "кгу",
        "ргу",
        "мм",
        "кмм",
        "рмм",
        "dm",
        "дм",
        "государственное учреждение",
        "мемлекеттік мекеме",
        "davlat muassasasi",
        "state institution",
    ],
    "public_association": [
        "оо",
        "қб",
        "nnt",
        "ннт",
        "нно",
        "ngo",
        "общественное объединение",
        "қоғамдық бірлестік",
        "nodavlat notijorat tashkiloti",
        "public association",
    ],
    "public_foundation": ["оф", "ққ", "общественный фонд", "қоғамдық қор", "public foundation"],
    "association_of_legal_entities": ["оюл", "зтб", "объединение юридических лиц"],
    "cooperative": ["пк", "өк", "производственный кооператив", "production cooperative"],
    "national_company": [
        "нк",
        "nk",
        "nc",
        "ұк",
        "нух",
        "ұбх",
        "национальная компания",
        "ұлттық компания",
        "national company",
        "национальный управляющий холдинг",
    ],
    "branch": [
        "филиал",
        "filial",
        "филиалы",
        "представительство",
        "өкілдігі",
        "branch",
        "representative office",
        "vakolatxonasi",
    ],
    "private_enterprise": [
        "xk",
        "хк",
        "чп",
        "xususiy korxona",
        "xususiy korxonasi",
        "хусусий корхона",
        "хусусий корхонаси",
        "частное предприятие",
        "private enterprise",
    ],
    "joint_venture": [
        "qk",
        "қк",
        "сп",
        "jv",
        "qoshma korxona",
        "qoshma korxonasi",
        "қўшма корхона",
        "қўшма корхонаси",
        "совместное предприятие",
        "joint venture",
    ],
    "family_enterprise": ["ok", "ок", "oilaviy korxona", "семейное предприятие"],
}
# Abbreviations that are also ordinary words (Ақ = "white", OK): removed only where the quotes
# show they are outside the name proper, or at the end of an unquoted name.
_AMBIGUOUS = {
    "ақ",
    "aq",
    "ok",
    "ок",
    "мм",
    "dm",
    "дм",
    "сп",
    "qk",
    "қк",
    "пк",
    "ip",
    "limited",
    "filial",
    "branch",
    "оо",
    "nk",
    "nc",
    "aj",
    "ao",
    "too",
}


def _word_form(word: str) -> str:
    return word.replace("'", "") if "'" in word else word


_PHRASES: dict[tuple[str, ...], str] = {}
for _type, _variants in _FORMS.items():
    for _variant in _variants:
        _PHRASES[tuple(_word_form(w) for w in _variant.replace("-", " ").split())] = _type
_LONGEST = max(len(p) for p in _PHRASES)

LEGAL_FORM_LABELS: dict[str, str] = {
    "limited_liability": "limited liability (ТОО/ЖШС/LLP/ООО/MChJ/LLC)",
    "additional_liability": "additional liability (ТДО/ҚЖС/ОДО/QMJ)",
    "jsc": "joint-stock company (АО/АҚ/JSC/AJ)",
    "non_profit_jsc": "non-profit joint-stock company (НАО/КеАҚ)",
    "individual_entrepreneur": "individual entrepreneur (ИП/ЖК/YaTT)",
    "farm": "farm (КХ/ФХ/ШҚ)",
    "state_enterprise": "state enterprise (ГКП/РГП/DUK)",
    "state_institution": "state institution (ГУ/ММ/DM)",
    "public_association": "public association / NGO",
    "public_foundation": "public foundation (ОФ/ҚҚ)",
    "association_of_legal_entities": "association of legal entities (ОЮЛ/ЗТБ)",
    "cooperative": "production cooperative (ПК/ӨК)",
    "national_company": "national company (НК/ҰК)",
    "branch": "branch / representative office",
    "private_enterprise": "private enterprise (XK/ЧП)",
    "joint_venture": "joint venture (QK/СП)",
    "family_enterprise": "family enterprise (OK)",
}


# Spelled-out (multi-word) forms by their first word, for tolerant matching of typos.
_MULTIWORD_BY_FIRST: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _phrase, _type in _PHRASES.items():
    if len(_phrase) > 1:
        _MULTIWORD_BY_FIRST.setdefault(_phrase[0], []).append((_phrase, _type))


def _close(word: str, form: str) -> bool:
    """A spelled-out legal form word with at most one typo (Товарчищество, олраниченной)."""
    if word == form:
        return True
    if len(form) < 6 or abs(len(word) - len(form)) > 1:
        return False
    return OSA.distance(word, form, score_cutoff=1) <= 1


_FIRST_WORDS = frozenset(phrase[0] for phrase in _PHRASES)
_LAST_WORDS = frozenset(phrase[-1] for phrase in _PHRASES)


@lru_cache(maxsize=65536)
def _match_edge(window: tuple[str, ...], forward: bool) -> tuple[int, str]:
    """(length, type) of the longest legal-form phrase at the start (``forward``) or the end of
    ``window`` (word forms, at most ``_LONGEST`` of them). Spelled-out forms at the start may
    carry one typo per word."""
    edge = window[0] if forward else window[-1]
    fuzzy: list[tuple[tuple[str, ...], str]] = []
    if forward and len(edge) >= 6 and len(window) > 1:
        for first, phrases in _MULTIWORD_BY_FIRST.items():
            # Cheap gate first: a typo rarely hits both of the first two letters.
            if (first[0] == edge[0] or first[1] == edge[1]) and _close(edge, first):
                fuzzy.extend(phrases)
    if not fuzzy and edge not in (_FIRST_WORDS if forward else _LAST_WORDS):
        return 0, ""
    for length in range(len(window), 0, -1):
        phrase = window[:length] if forward else window[len(window) - length :]
        found = _PHRASES.get(phrase)
        if found is not None:
            return length, found
        for candidate, kind in fuzzy:
            if len(candidate) == length and all(_close(w, f) for w, f in zip(phrase, candidate, strict=True)):
                return length, kind
    return 0, ""


def _match_at(words: Sequence[str], start: int, forward: bool) -> tuple[int, str]:
    """(length, type) of the longest legal-form phrase at ``start`` (forward) or at the end."""
    forms = tuple(_word_form(w) for w in words)
    if forward:
        return _match_edge(forms[start : start + _LONGEST], True)
    return _match_edge(forms[-_LONGEST:], False)


def strip_legal_forms(
    words: Sequence[tuple[str, int, bool]],
) -> tuple[list[str], frozenset[str]]:
    """Remove legal forms at the edges of an organisation name.

    ``words`` come from ``scripts.quote_depths``: (word, quote depth, opens a quote after it).
    Returns the remaining words and the set of legal-form types found. If everything would be
    removed (the name *is* a legal form), the words are kept as they are.
    """
    if not words:
        return [], frozenset()
    base = min(d for _, d, _ in words)
    quoted = any(d > base for _, d, _ in words)
    items = list(words)
    types: set[str] = set()
    changed = True
    while changed and items:
        changed = False
        plain = [w for w, _, _ in items]
        length, kind = _match_at(plain, 0, True)
        if length and length < len(items):
            opens = items[length - 1][2]
            outside = all(d == base for _, d, _ in items[:length])
            ambiguous = length == 1 and plain[0] in _AMBIGUOUS
            if (outside and (quoted or not ambiguous)) or opens:
                types.add(kind)
                items = items[length:]
                changed = True
                continue
        length, kind = _match_at(plain, len(plain) - 1, False)
        if length and length < len(items):
            outside = all(d == base for _, d, _ in items[-length:])
            if outside:
                types.add(kind)
                items = items[:-length]
                changed = True
    return [w for w, _, _ in items], frozenset(types)


def legal_form_types(text_words: Sequence[str]) -> frozenset[str]:
    """Types of every legal-form phrase found anywhere in ``text_words`` (for diagnostics)."""
    found = set()
    for start in range(len(text_words)):
        length, kind = _match_at(text_words[start:], 0, True)
        if length:
            found.add(kind)
    return frozenset(found)
