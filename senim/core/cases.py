"""Counted nouns in every grammatical case, agreeing with the number, so a report's whole sentence reads
right in each language: "из 21 заявки", "по сравнению с 5 заявками", "36 өтінімнің", "12 arizadan".

`core.indicators.unit_for` prints the noun a figure counts in the form that stands after the number
in the nominative ("21 заявка"). Sentences also need the noun after a preposition or a postposition:
the genitive after "из", "от", "более", the instrumental after "по сравнению с", the Kazakh and Uzbek
case suffixes ("-нің", "-ға", "-дан"; "-ning", "-ga", "-dan"). Each case of each counted noun is an
entry of the translation catalogue with the context "counted <case>" and the language's plural forms,
so translators see and correct every form:

* Russian: forms one / few / many / other, where "one" is the singular (after 1, 21, 101 …), "few"
  and "many" the plural, and "other" the genitive singular, which a fraction takes in every case
  ("из 12,5 дня"; gettext never picks "other" for a whole number, so a fraction reads the genitive's
  "one"). In the accusative, "few" and "many" are the forms after a number in the nominative
  ("получено 22 заявки"), "one" the accusative singular ("21 заявку"). The Russian forms were
  produced with pymorphy3 and checked by hand; where the catalogue lacks one (a noun added since), the
  form is made by pymorphy3 at run time, except where pymorphy3 is known to be wrong after a number
  (`RU_AFTER_NUMBERS`: "из 5 человек", not "людей"). A test keeps the catalogue and pymorphy3 in step.
* Kazakh and Uzbek: the noun stays singular after a number; the catalogue holds the form with its
  case suffix (vowel harmony and the final sound decide it) or, for the Uzbek instrumental, with
  the postposition "bilan".
* English: the singular or plural whatever the case ("of 21 applications").

Cases: nom (nominative), gen (genitive, Kazakh ілік), dat (dative, барыс), acc (accusative, табыс),
ins (instrumental, көмектес), loc (prepositional / locative, жатыс), abl (ablative, шығыс; in Russian
the genitive, which follows "от" and "из").
"""

from collections.abc import Callable
from functools import lru_cache
from typing import Any

from django.utils import translation
from django.utils.translation import npgettext, trans_real

CASES = ("nom", "gen", "dat", "acc", "ins", "loc", "abl")
_PYMORPHY_CASE = {"gen": "gent", "dat": "datv", "acc": "accs", "ins": "ablt", "loc": "loct", "abl": "gent"}
# Forms pymorphy3 gets wrong after a number: (nominative singular, case, number) → the right form.
RU_AFTER_NUMBERS = {("человек", "gen", "plur"): "человек", ("человек", "abl", "plur"): "человек"}


def in_case(unit_key: str, value: Any, case: str) -> str | None:
    """The counted noun `unit_key` ("applications") in `case`, agreeing with `value`, in the active
    language; None when `unit_key` is not a counted noun or `case` is the nominative (`unit_for`)."""
    form = _FORMS.get((unit_key, case))
    if form is None:
        return None
    whole = _is_whole(value)
    count = abs(int(float(value))) if whole else 2
    language = (translation.get_language() or "en").split("-")[0]
    if language == "ru" and not whole:
        # A fraction takes the genitive singular in every case ("из 12,5 дня", "к 12,5 дня").
        form, count, case = _FORMS[(unit_key, "gen")], 1, "gen"
    text = form(count)
    if language == "ru" and text in _ENGLISH.get(unit_key, ()):
        return _ru_fallback(unit_key, count, case) or text
    return text


def agreeing(forms: list[str], value: Any) -> str:
    """The one of `forms` (written in the order of the active language's plural forms: Russian one,
    few, many; English and Kazakh one, other) that agrees with `value`: a verb or an adjective in a
    sentence around a figure ("поступила 21 заявка", "поступило 25 заявок"). Fewer forms than the
    language has: the last stands for the rest."""
    if not forms:
        return ""
    count = abs(int(float(value))) if _is_whole(value) and value is not None else 2
    language = translation.get_language() or "en"
    index = int(trans_real.translation(language).plural(count))  # type: ignore[attr-defined]
    return forms[min(index, len(forms) - 1)]


def _is_whole(value: Any) -> bool:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return True
    return number == int(number)


def _ru_fallback(unit_key: str, count: int, case: str) -> str | None:
    """The Russian form made by pymorphy3 from the nominative singular, when the catalogue has none."""
    singular = _NOMINATIVE[unit_key](1)
    number = "sing" if count % 10 == 1 and count % 100 != 11 else "plur"
    if case == "acc" and number == "plur":
        return _NOMINATIVE[unit_key](count)
    return ru_inflect(singular, case, number)


@lru_cache(maxsize=512)
def ru_inflect(phrase: str, case: str, number: str) -> str | None:
    """`phrase` (a noun, or adjectives and a noun, in the nominative singular) in `case` and `number`
    by pymorphy3; None where pymorphy3 does not know a word."""
    known = RU_AFTER_NUMBERS.get((phrase, case, number))
    if known:
        return known
    analyzer = _analyzer()
    words = []
    for word in phrase.split():
        parse = next(
            (p for p in analyzer.parse(word) if p.tag.POS in ("NOUN", "ADJF", "PRTF") and "nomn" in p.tag), None
        )
        inflected = parse.inflect({_PYMORPHY_CASE[case], number}) if parse is not None else None
        if inflected is None:
            return None
        words.append(inflected.word)
    return " ".join(words)


@lru_cache(maxsize=1)
def _analyzer() -> Any:
    import pymorphy3  # loads a 15 MB dictionary: only when a form is missing from the catalogue

    return pymorphy3.MorphAnalyzer(lang="ru")


def _nominative(singular: str, plural: str) -> Callable[[int], str]:
    return lambda n: npgettext("counted", singular, plural, n)


# The English words of each counted noun: what gettext answers when the catalogue lacks an entry.
_ENGLISH: dict[str, tuple[str, str]] = {}
_NOMINATIVE: dict[str, Callable[[int], str]] = {}


def _register_nouns(nouns: dict[str, tuple[str, str]]) -> None:
    for key, (singular, plural) in nouns.items():
        _ENGLISH[key] = (singular, plural)
        _NOMINATIVE[key] = _nominative(singular, plural)


# Every case of every counted noun of core.indicators, written out so the catalogue extracts them.
_FORMS: dict[tuple[str, str], Callable[[int], str]] = {
    ("agreements", "gen"): lambda n: npgettext("counted genitive", "agreement", "agreements", n),
    ("agreements", "dat"): lambda n: npgettext("counted dative", "agreement", "agreements", n),
    ("agreements", "acc"): lambda n: npgettext("counted accusative", "agreement", "agreements", n),
    ("agreements", "ins"): lambda n: npgettext("counted instrumental", "agreement", "agreements", n),
    ("agreements", "loc"): lambda n: npgettext("counted locative", "agreement", "agreements", n),
    ("agreements", "abl"): lambda n: npgettext("counted ablative", "agreement", "agreements", n),
    ("applications", "gen"): lambda n: npgettext("counted genitive", "application", "applications", n),
    ("applications", "dat"): lambda n: npgettext("counted dative", "application", "applications", n),
    ("applications", "acc"): lambda n: npgettext("counted accusative", "application", "applications", n),
    ("applications", "ins"): lambda n: npgettext("counted instrumental", "application", "applications", n),
    ("applications", "loc"): lambda n: npgettext("counted locative", "application", "applications", n),
    ("applications", "abl"): lambda n: npgettext("counted ablative", "application", "applications", n),
    ("cases", "gen"): lambda n: npgettext("counted genitive", "case", "cases", n),
    ("cases", "dat"): lambda n: npgettext("counted dative", "case", "cases", n),
    ("cases", "acc"): lambda n: npgettext("counted accusative", "case", "cases", n),
    ("cases", "ins"): lambda n: npgettext("counted instrumental", "case", "cases", n),
    ("cases", "loc"): lambda n: npgettext("counted locative", "case", "cases", n),
    ("cases", "abl"): lambda n: npgettext("counted ablative", "case", "cases", n),
    ("conflicts", "gen"): lambda n: npgettext("counted genitive", "conflict", "conflicts", n),
    ("conflicts", "dat"): lambda n: npgettext("counted dative", "conflict", "conflicts", n),
    ("conflicts", "acc"): lambda n: npgettext("counted accusative", "conflict", "conflicts", n),
    ("conflicts", "ins"): lambda n: npgettext("counted instrumental", "conflict", "conflicts", n),
    ("conflicts", "loc"): lambda n: npgettext("counted locative", "conflict", "conflicts", n),
    ("conflicts", "abl"): lambda n: npgettext("counted ablative", "conflict", "conflicts", n),
    ("contracts", "gen"): lambda n: npgettext("counted genitive", "contract", "contracts", n),
    ("contracts", "dat"): lambda n: npgettext("counted dative", "contract", "contracts", n),
    ("contracts", "acc"): lambda n: npgettext("counted accusative", "contract", "contracts", n),
    ("contracts", "ins"): lambda n: npgettext("counted instrumental", "contract", "contracts", n),
    ("contracts", "loc"): lambda n: npgettext("counted locative", "contract", "contracts", n),
    ("contracts", "abl"): lambda n: npgettext("counted ablative", "contract", "contracts", n),
    ("counterparties", "gen"): lambda n: npgettext("counted genitive", "counterparty", "counterparties", n),
    ("counterparties", "dat"): lambda n: npgettext("counted dative", "counterparty", "counterparties", n),
    ("counterparties", "acc"): lambda n: npgettext("counted accusative", "counterparty", "counterparties", n),
    ("counterparties", "ins"): lambda n: npgettext("counted instrumental", "counterparty", "counterparties", n),
    ("counterparties", "loc"): lambda n: npgettext("counted locative", "counterparty", "counterparties", n),
    ("counterparties", "abl"): lambda n: npgettext("counted ablative", "counterparty", "counterparties", n),
    ("days", "gen"): lambda n: npgettext("counted genitive", "day", "days", n),
    ("days", "dat"): lambda n: npgettext("counted dative", "day", "days", n),
    ("days", "acc"): lambda n: npgettext("counted accusative", "day", "days", n),
    ("days", "ins"): lambda n: npgettext("counted instrumental", "day", "days", n),
    ("days", "loc"): lambda n: npgettext("counted locative", "day", "days", n),
    ("days", "abl"): lambda n: npgettext("counted ablative", "day", "days", n),
    ("documents", "gen"): lambda n: npgettext("counted genitive", "document", "documents", n),
    ("documents", "dat"): lambda n: npgettext("counted dative", "document", "documents", n),
    ("documents", "acc"): lambda n: npgettext("counted accusative", "document", "documents", n),
    ("documents", "ins"): lambda n: npgettext("counted instrumental", "document", "documents", n),
    ("documents", "loc"): lambda n: npgettext("counted locative", "document", "documents", n),
    ("documents", "abl"): lambda n: npgettext("counted ablative", "document", "documents", n),
    ("drafts", "gen"): lambda n: npgettext("counted genitive", "draft", "drafts", n),
    ("drafts", "dat"): lambda n: npgettext("counted dative", "draft", "drafts", n),
    ("drafts", "acc"): lambda n: npgettext("counted accusative", "draft", "drafts", n),
    ("drafts", "ins"): lambda n: npgettext("counted instrumental", "draft", "drafts", n),
    ("drafts", "loc"): lambda n: npgettext("counted locative", "draft", "drafts", n),
    ("drafts", "abl"): lambda n: npgettext("counted ablative", "draft", "drafts", n),
    ("employees", "gen"): lambda n: npgettext("counted genitive", "employee", "employees", n),
    ("employees", "dat"): lambda n: npgettext("counted dative", "employee", "employees", n),
    ("employees", "acc"): lambda n: npgettext("counted accusative", "employee", "employees", n),
    ("employees", "ins"): lambda n: npgettext("counted instrumental", "employee", "employees", n),
    ("employees", "loc"): lambda n: npgettext("counted locative", "employee", "employees", n),
    ("employees", "abl"): lambda n: npgettext("counted ablative", "employee", "employees", n),
    ("events", "gen"): lambda n: npgettext("counted genitive", "event", "events", n),
    ("events", "dat"): lambda n: npgettext("counted dative", "event", "events", n),
    ("events", "acc"): lambda n: npgettext("counted accusative", "event", "events", n),
    ("events", "ins"): lambda n: npgettext("counted instrumental", "event", "events", n),
    ("events", "loc"): lambda n: npgettext("counted locative", "event", "events", n),
    ("events", "abl"): lambda n: npgettext("counted ablative", "event", "events", n),
    ("findings", "gen"): lambda n: npgettext("counted genitive", "finding", "findings", n),
    ("findings", "dat"): lambda n: npgettext("counted dative", "finding", "findings", n),
    ("findings", "acc"): lambda n: npgettext("counted accusative", "finding", "findings", n),
    ("findings", "ins"): lambda n: npgettext("counted instrumental", "finding", "findings", n),
    ("findings", "loc"): lambda n: npgettext("counted locative", "finding", "findings", n),
    ("findings", "abl"): lambda n: npgettext("counted ablative", "finding", "findings", n),
    ("forms", "gen"): lambda n: npgettext("counted genitive", "form", "forms", n),
    ("forms", "dat"): lambda n: npgettext("counted dative", "form", "forms", n),
    ("forms", "acc"): lambda n: npgettext("counted accusative", "form", "forms", n),
    ("forms", "ins"): lambda n: npgettext("counted instrumental", "form", "forms", n),
    ("forms", "loc"): lambda n: npgettext("counted locative", "form", "forms", n),
    ("forms", "abl"): lambda n: npgettext("counted ablative", "form", "forms", n),
    ("functions", "gen"): lambda n: npgettext("counted genitive", "function", "functions", n),
    ("functions", "dat"): lambda n: npgettext("counted dative", "function", "functions", n),
    ("functions", "acc"): lambda n: npgettext("counted accusative", "function", "functions", n),
    ("functions", "ins"): lambda n: npgettext("counted instrumental", "function", "functions", n),
    ("functions", "loc"): lambda n: npgettext("counted locative", "function", "functions", n),
    ("functions", "abl"): lambda n: npgettext("counted ablative", "function", "functions", n),
    ("gifts", "gen"): lambda n: npgettext("counted genitive", "gift", "gifts", n),
    ("gifts", "dat"): lambda n: npgettext("counted dative", "gift", "gifts", n),
    ("gifts", "acc"): lambda n: npgettext("counted accusative", "gift", "gifts", n),
    ("gifts", "ins"): lambda n: npgettext("counted instrumental", "gift", "gifts", n),
    ("gifts", "loc"): lambda n: npgettext("counted locative", "gift", "gifts", n),
    ("gifts", "abl"): lambda n: npgettext("counted ablative", "gift", "gifts", n),
    ("hits", "gen"): lambda n: npgettext("counted genitive", "hit", "hits", n),
    ("hits", "dat"): lambda n: npgettext("counted dative", "hit", "hits", n),
    ("hits", "acc"): lambda n: npgettext("counted accusative", "hit", "hits", n),
    ("hits", "ins"): lambda n: npgettext("counted instrumental", "hit", "hits", n),
    ("hits", "loc"): lambda n: npgettext("counted locative", "hit", "hits", n),
    ("hits", "abl"): lambda n: npgettext("counted ablative", "hit", "hits", n),
    ("links", "gen"): lambda n: npgettext("counted genitive", "link", "links", n),
    ("links", "dat"): lambda n: npgettext("counted dative", "link", "links", n),
    ("links", "acc"): lambda n: npgettext("counted accusative", "link", "links", n),
    ("links", "ins"): lambda n: npgettext("counted instrumental", "link", "links", n),
    ("links", "loc"): lambda n: npgettext("counted locative", "link", "links", n),
    ("links", "abl"): lambda n: npgettext("counted ablative", "link", "links", n),
    ("measures", "gen"): lambda n: npgettext("counted genitive", "measure", "measures", n),
    ("measures", "dat"): lambda n: npgettext("counted dative", "measure", "measures", n),
    ("measures", "acc"): lambda n: npgettext("counted accusative", "measure", "measures", n),
    ("measures", "ins"): lambda n: npgettext("counted instrumental", "measure", "measures", n),
    ("measures", "loc"): lambda n: npgettext("counted locative", "measure", "measures", n),
    ("measures", "abl"): lambda n: npgettext("counted ablative", "measure", "measures", n),
    ("people", "gen"): lambda n: npgettext("counted genitive", "person", "people", n),
    ("people", "dat"): lambda n: npgettext("counted dative", "person", "people", n),
    ("people", "acc"): lambda n: npgettext("counted accusative", "person", "people", n),
    ("people", "ins"): lambda n: npgettext("counted instrumental", "person", "people", n),
    ("people", "loc"): lambda n: npgettext("counted locative", "person", "people", n),
    ("people", "abl"): lambda n: npgettext("counted ablative", "person", "people", n),
    ("positions", "gen"): lambda n: npgettext("counted genitive", "position", "positions", n),
    ("positions", "dat"): lambda n: npgettext("counted dative", "position", "positions", n),
    ("positions", "acc"): lambda n: npgettext("counted accusative", "position", "positions", n),
    ("positions", "ins"): lambda n: npgettext("counted instrumental", "position", "positions", n),
    ("positions", "loc"): lambda n: npgettext("counted locative", "position", "positions", n),
    ("positions", "abl"): lambda n: npgettext("counted ablative", "position", "positions", n),
    ("questions", "gen"): lambda n: npgettext("counted genitive", "question", "questions", n),
    ("questions", "dat"): lambda n: npgettext("counted dative", "question", "questions", n),
    ("questions", "acc"): lambda n: npgettext("counted accusative", "question", "questions", n),
    ("questions", "ins"): lambda n: npgettext("counted instrumental", "question", "questions", n),
    ("questions", "loc"): lambda n: npgettext("counted locative", "question", "questions", n),
    ("questions", "abl"): lambda n: npgettext("counted ablative", "question", "questions", n),
    ("reports", "gen"): lambda n: npgettext("counted genitive", "report", "reports", n),
    ("reports", "dat"): lambda n: npgettext("counted dative", "report", "reports", n),
    ("reports", "acc"): lambda n: npgettext("counted accusative", "report", "reports", n),
    ("reports", "ins"): lambda n: npgettext("counted instrumental", "report", "reports", n),
    ("reports", "loc"): lambda n: npgettext("counted locative", "report", "reports", n),
    ("reports", "abl"): lambda n: npgettext("counted ablative", "report", "reports", n),
    ("subjects", "gen"): lambda n: npgettext("counted genitive", "subject", "subjects", n),
    ("subjects", "dat"): lambda n: npgettext("counted dative", "subject", "subjects", n),
    ("subjects", "acc"): lambda n: npgettext("counted accusative", "subject", "subjects", n),
    ("subjects", "ins"): lambda n: npgettext("counted instrumental", "subject", "subjects", n),
    ("subjects", "loc"): lambda n: npgettext("counted locative", "subject", "subjects", n),
    ("subjects", "abl"): lambda n: npgettext("counted ablative", "subject", "subjects", n),
    ("units", "gen"): lambda n: npgettext("counted genitive", "unit", "units", n),
    ("units", "dat"): lambda n: npgettext("counted dative", "unit", "units", n),
    ("units", "acc"): lambda n: npgettext("counted accusative", "unit", "units", n),
    ("units", "ins"): lambda n: npgettext("counted instrumental", "unit", "units", n),
    ("units", "loc"): lambda n: npgettext("counted locative", "unit", "units", n),
    ("units", "abl"): lambda n: npgettext("counted ablative", "unit", "units", n),
    ("verifications", "gen"): lambda n: npgettext("counted genitive", "verification", "verifications", n),
    ("verifications", "dat"): lambda n: npgettext("counted dative", "verification", "verifications", n),
    ("verifications", "acc"): lambda n: npgettext("counted accusative", "verification", "verifications", n),
    ("verifications", "ins"): lambda n: npgettext("counted instrumental", "verification", "verifications", n),
    ("verifications", "loc"): lambda n: npgettext("counted locative", "verification", "verifications", n),
    ("verifications", "abl"): lambda n: npgettext("counted ablative", "verification", "verifications", n),
}

_register_nouns(
    {
        "agreements": ("agreement", "agreements"),
        "applications": ("application", "applications"),
        "cases": ("case", "cases"),
        "conflicts": ("conflict", "conflicts"),
        "contracts": ("contract", "contracts"),
        "counterparties": ("counterparty", "counterparties"),
        "days": ("day", "days"),
        "documents": ("document", "documents"),
        "drafts": ("draft", "drafts"),
        "employees": ("employee", "employees"),
        "events": ("event", "events"),
        "findings": ("finding", "findings"),
        "forms": ("form", "forms"),
        "functions": ("function", "functions"),
        "gifts": ("gift", "gifts"),
        "hits": ("hit", "hits"),
        "links": ("link", "links"),
        "measures": ("measure", "measures"),
        "people": ("person", "people"),
        "positions": ("position", "positions"),
        "questions": ("question", "questions"),
        "reports": ("report", "reports"),
        "subjects": ("subject", "subjects"),
        "units": ("unit", "units"),
        "verifications": ("verification", "verifications"),
    }
)
