"""Common business words of company names, equal across Russian, Kazakh, Uzbek and English.

Company names mix a distinctive stem (Казахмыс, Альфа) with loan words spelled after English
(Энерджи = Energy, Трейд = Trade). Transliteration alone cannot see that "Energy" and "Энерджи"
are the same word (g read as j), so these words map to one canonical key. Generic words
("company", "group") also get a low weight: an extra or missing one says little.
"""

from __future__ import annotations

from senim.screening.engine.scripts import fold_case
from senim.screening.engine.transliteration import word_keys

_EQUIVALENTS: list[list[str]] = [
    ["energy", "энерджи", "энержи", "energi", "енерджи"],
    ["trade", "трейд", "treyd", "trading", "трейдинг", "treyding"],
    ["service", "сервис", "servis", "services", "сервисез"],
    ["group", "групп", "груп", "grupp", "gruppa", "группа", "grup"],
    ["invest", "инвест", "investment", "investments", "инвестмент"],
    ["holding", "холдинг", "xolding", "kholding"],
    ["oil", "ойл", "oyl"],
    ["gas", "газ", "gaz"],
    ["logistics", "логистик", "логистикс", "logistik", "logistika", "логистика"],
    ["consulting", "консалтинг", "konsalting"],
    [
        "technologies",
        "технолоджис",
        "технолоджи",
        "texnologiyalari",
        "технологии",
        "tekhnologii",
        "technology",
        "texnologiya",
    ],
    ["food", "фуд", "fud", "foods", "фудс"],
    ["finance", "финанс", "finans", "financial"],
    ["capital", "капитал", "kapital"],
    ["international", "интернешнл", "интернэшнл", "internatsional", "internashnl"],
    ["industries", "индастриз", "индастри", "industry", "industriya"],
    ["motors", "моторс", "motors"],
    ["construction", "констракшн", "konstrakshn"],
    ["development", "девелопмент", "development"],
    ["systems", "системс", "sistems", "system"],
    ["partners", "партнерс", "partners"],
    ["pharm", "фарм", "pharma", "фарма"],
    ["media", "медиа", "mediya"],
    ["company", "компани", "компания", "kompaniya", "kompaniyasi", "компаниясы", "kompaniiasy"],
    ["plus", "плюс", "plyus", "plius"],
    ["stroy", "строй", "stroi"],
    ["agro", "агро"],
    ["trans", "транс"],
    ["steel", "стил"],
    ["solutions", "солюшнс", "solyushns"],
    ["resources", "ресорсиз", "resurs", "ресурс", "resource", "resurslar"],
    ["engineering", "инжиниринг", "injiniring", "inzhiniring", "engineering"],
    ["mining", "майнинг", "mayning", "mining"],
    ["security", "секьюрити", "sekyuriti", "секьюрити"],
    ["city", "сити", "siti"],
    ["textile", "текстиль", "tekstil", "textiles"],
    ["telecom", "телеком", "telekom", "telecommunications", "телекоммуникации"],
    ["capital", "кэпитал"],
    ["center", "центр", "centre", "tsentr", "markaz", "орталық", "ortalyk"],
    ["south", "юг", "оңтүстік", "ontustik", "janub", "жануб"],
    ["north", "север", "солтүстік", "soltustik", "shimol", "шимол"],
    ["east", "восток", "шығыс", "shygys", "sharq", "шарқ"],
    ["west", "запад", "батыс", "batys", "garb", "ғарб"],
    ["bank", "банк", "banki"],
    ["insurance", "иншуранс", "страхование", "sugurta"],
    ["pro", "про"],
    ["market", "маркет", "market"],
    ["electric", "электрик", "elektrik"],
    ["power", "пауэр", "pauer"],
    ["petroleum", "петролеум", "petroleum"],
    ["invest", "инвестментс"],
    ["management", "менеджмент", "menejment", "menedzhment"],
    ["distribution", "дистрибьюшн", "distribyushn"],
    ["global", "глобал", "global"],
    ["house", "хаус", "xaus"],
    ["auto", "авто", "avto"],
    ["tech", "тех", "tex"],
    ["soft", "софт"],
    ["export", "экспорт", "eksport"],
    ["import", "импорт"],
    ["eurasia", "евразия", "evraziia", "eurasian", "евразиан", "yevraziya"],
]
# Words that tell little about which company is meant.
GENERIC_WORDS = {"company", "corporation", "korporatsiia", "firma", "the", "and", "и", "va"}
GENERIC_WEIGHT = 0.5


def _key(word: str) -> str:
    return word_keys(fold_case(word))[0]


CANONICAL_KEY: dict[str, str] = {}
for _group in _EQUIVALENTS:
    _canonical = _key(_group[0])
    for _word in _group:
        CANONICAL_KEY[_key(_word)] = _canonical
_BY_DELETION: dict[str, str] = {}
for _variant_key, _canonical_key in CANONICAL_KEY.items():
    if len(_variant_key) >= 5:
        for _i in range(len(_variant_key)):
            _BY_DELETION.setdefault(_variant_key[:_i] + _variant_key[_i + 1 :], _canonical_key)
        _BY_DELETION.setdefault(_variant_key, _canonical_key)


def canonical_business_key(key: str) -> str:
    """The canonical key of a business word, tolerating one typo in words of 5+ letters
    (Финас = Finance, Логяистик = Logistics); other words are returned unchanged."""
    found = CANONICAL_KEY.get(key)
    if found is not None:
        return found
    if len(key) < 5:
        return key
    found = _BY_DELETION.get(key)
    if found is not None:
        return found
    for i in range(len(key)):
        single = key[:i] + key[i + 1 :]
        found = _BY_DELETION.get(single)
        if found is not None:
            return found
        if len(key) >= 8:
            # Cyrillic я/ю typed by mistake add two key letters (Логяистик, Майнюинг).
            for j in range(i, len(single)):
                found = CANONICAL_KEY.get(single[:j] + single[j + 1 :])
                if found is not None:
                    return found
    return key


GENERIC_KEYS: frozenset[str] = frozenset(CANONICAL_KEY.get(_key(w), _key(w)) for w in GENERIC_WORDS)
