"""Legal forms of Kazakhstan, Uzbekistan, Russia and common English ones, compared as *types*.

ТОО, ЖШС, LLP, ООО, MChJ and LLC are one type ("limited_liability"); АО, АҚ, JSC, AJ are "jsc"; and
so on. ``strip_legal_forms`` removes the forms from the edges of an organisation name (outside its
quotes, or right before an opening quote as in АО «НК «ҚазМұнайГаз»») and reports their types, so
that names are compared without them and the types are compared separately.
"""

from __future__ import annotations

from collections.abc import Sequence

_FORMS: dict[str, list[str]] = {
    "limited_liability": [
        "тоо", "too", "жшс", "zhshs", "jshs", "llp", "llc", "ооо", "ooo", "мчж", "mchj", "ltd",
        "limited", "gmbh", "товарищество с ограниченной ответственностью",
        "жауапкершілігі шектеулі серіктестік", "jauapkershiligi shekteuli seriktestik",
        "limited liability partnership", "limited liability company",
        "общество с ограниченной ответственностью", "masuliyati cheklangan jamiyat",
        "масъулияти чекланган жамият", "masuliyati cheklangan jamiyati",
    ],
    "additional_liability": [
        "тдо", "tdo", "қжс", "qms", "qmj", "қмж", "одо", "odo",
        "товарищество с дополнительной ответственностью",
        "общество с дополнительной ответственностью", "qoshimcha masuliyatli jamiyat",
        "additional liability partnership",
    ],
    "jsc": [
        "ао", "ao", "ақ", "aq", "jsc", "aj", "аж", "пао", "pao", "оао", "oao", "зао", "zao",
        "pjsc", "ojsc", "cjsc", "plc", "atb", "атб", "акб", "akb", "акционерное общество",
        "акционерлік қоғам", "aktsionerlik kogam", "aksionerlik qogam", "joint stock company",
        "aksiyadorlik jamiyati", "акциядорлик жамияти", "публичное акционерное общество",
        "акционерно коммерческий банк", "aksiyadorlik tijorat banki",
    ],
    "non_profit_jsc": [
        "нао", "nao", "кеақ", "keaq", "njsc", "некоммерческое акционерное общество",
        "коммерциялық емес акционерлік қоғам", "non profit joint stock company",
    ],
    "individual_entrepreneur": [
        "ип", "ip", "жк", "yatt", "ятт", "индивидуальный предприниматель", "жеке кәсіпкер",
        "yakka tartibdagi tadbirkor", "individual entrepreneur", "sole proprietor",
    ],
    "farm": [
        "кх", "фх", "шқ", "fx", "dx", "дх", "крестьянское хозяйство", "фермерское хозяйство",
        "крестьянское фермерское хозяйство", "шаруа қожалығы", "fermer xojaligi",
        "dehqon xojaligi", "peasant farm",
    ],
    "state_enterprise": [
        "гкп", "gkp", "гккп", "gkkp", "мкк", "мкқк", "ргп", "rgp", "рмк", "ргкп", "rgkp", "рмқк",
        "duk", "дук", "гуп", "пхв", "на пхв", "государственное коммунальное предприятие",
        "государственное коммунальное казенное предприятие",
        "республиканское государственное предприятие", "davlat unitar korxonasi",
        "state enterprise",
    ],
    "state_institution": [
        "гу", "кгу", "ргу", "мм", "кмм", "рмм", "dm", "дм", "государственное учреждение",
        "мемлекеттік мекеме", "davlat muassasasi", "state institution",
    ],
    "public_association": [
        "оо", "қб", "nnt", "ннт", "нно", "ngo", "общественное объединение", "қоғамдық бірлестік",
        "nodavlat notijorat tashkiloti", "public association",
    ],
    "public_foundation": ["оф", "ққ", "общественный фонд", "қоғамдық қор", "public foundation"],
    "association_of_legal_entities": ["оюл", "зтб", "объединение юридических лиц"],
    "cooperative": ["пк", "өк", "производственный кооператив", "production cooperative"],
    "national_company": [
        "нк", "nk", "ұк", "нух", "ұбх", "национальная компания", "ұлттық компания",
        "national company", "национальный управляющий холдинг",
    ],
    "branch": [
        "филиал", "filial", "филиалы", "представительство", "өкілдігі", "branch",
        "representative office", "vakolatxonasi",
    ],
    "private_enterprise": ["xk", "хк", "чп", "xususiy korxona", "частное предприятие",
                           "private enterprise"],
    "joint_venture": ["qk", "қк", "сп", "qoshma korxona", "совместное предприятие",
                      "joint venture"],
    "family_enterprise": ["ok", "ок", "oilaviy korxona", "семейное предприятие"],
}
# Abbreviations that are also ordinary words (Ақ = "white", OK): removed only where the quotes
# show they are outside the name proper, or at the end of an unquoted name.
_AMBIGUOUS = {"ақ", "aq", "ok", "ок", "мм", "dm", "дм", "сп", "qk", "қк", "пк", "ip", "limited",
              "filial", "branch", "оо", "nk", "aj", "ao", "too"}


def _word_form(word: str) -> str:
    return word.replace("'", "")


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


def _match_at(words: Sequence[str], start: int, forward: bool) -> int:
    """Length of the longest legal-form phrase starting (or ending) at ``start``; 0 if none."""
    for length in range(min(_LONGEST, len(words)), 0, -1):
        if forward:
            phrase = tuple(_word_form(w) for w in words[start:start + length])
        else:
            phrase = tuple(_word_form(w) for w in words[len(words) - length:])
        if len(phrase) == length and phrase in _PHRASES:
            return length
    return 0


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
        length = _match_at(plain, 0, True)
        if length and length < len(items):
            last_word, last_depth, opens = items[length - 1]
            outside = all(d == base for _, d, _ in items[:length])
            ambiguous = length == 1 and plain[0] in _AMBIGUOUS
            if (outside and (quoted or not ambiguous)) or opens:
                types.add(_PHRASES[tuple(_word_form(w) for w in plain[:length])])
                base = items[length][1] if opens and not outside else base
                items = items[length:]
                changed = True
                continue
        length = _match_at(plain, len(plain) - 1, False)
        if length and length < len(items):
            outside = all(d == base for _, d, _ in items[-length:])
            if outside:
                types.add(_PHRASES[tuple(_word_form(w) for w in plain[-length:])])
                items = items[:-length]
                changed = True
    return [w for w, _, _ in items], frozenset(types)


def legal_form_types(text_words: Sequence[str]) -> frozenset[str]:
    """Types of every legal-form phrase found anywhere in ``text_words`` (for diagnostics)."""
    found = set()
    for start in range(len(text_words)):
        length = _match_at(text_words, start, True)
        if length:
            found.add(_PHRASES[tuple(_word_form(w) for w in text_words[start:start + length])])
    return frozenset(found)
