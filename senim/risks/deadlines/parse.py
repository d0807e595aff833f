"""Read a deadline written in Russian, Kazakh, English or Uzbek.

The text is normalised (lower case, ё → е, one kind of dash and apostrophe, Kazakh І written for the
Roman numeral I read as I), then recognised phrases are consumed one kind after another — "on demand",
recurrences, explicit dates, days with months, quarters, half-years, months, years with their case
endings, and the words that give a year its role ("by", "from", "during"). Whatever is left must be
filler ("г.", "года", "жыл", "year", punctuation). Anything else left over, or two deadlines in one
cell, makes the deadline unparseable: a person sets it. "До 2032 года" is read as due by the end of
2032 (how plans use it), with the text kept so the reading can be checked.
"""

from __future__ import annotations

import calendar
import enum
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date


class Kind(enum.StrEnum):
    DUE = "due"  # one due date
    RECURRING = "recurring"  # every period (possibly from / until a year)
    ON_DEMAND = "on_demand"  # as needed: no date to miss
    UNSET = "unset"  # empty or not understood: a person sets it


class Recurrence(enum.StrEnum):
    ANNUAL = "annual"
    SEMIANNUAL = "semiannual"
    QUARTERLY = "quarterly"
    MONTHLY = "monthly"
    CONTINUOUS = "continuous"  # ongoing, "from 2026": reported on once a year


class Problem(enum.StrEnum):
    EMPTY = "empty"
    UNPARSEABLE = "unparseable"  # words left that are not understood
    NO_YEAR = "no_year"  # a month or quarter without a year, and no plan year to assume
    SEVERAL = "several"  # two deadlines in one cell
    INVALID_DATE = "invalid_date"  # 31.02.2025


@dataclass(frozen=True)
class Deadline:
    text: str
    kind: Kind
    due: date | None = None
    recurrence: Recurrence | None = None
    start_year: int | None = None
    end_year: int | None = None
    anchor: tuple[int, int] | None = None  # (month, day) of a recurring due date, "ежегодно до 1 марта"
    problem: Problem | None = None
    leftover: str = ""  # what was not understood, to show the person who sets it

    @property
    def needs_person(self) -> bool:
        return self.kind is Kind.UNSET


@dataclass(frozen=True)
class Occurrence:
    period: str  # "2025", "2025-H1", "2025-Q3", "2025-03"
    due: date


# --------------------------------------------------------------------------- normalisation

_APOSTROPHES = re.compile(r"[ʻʼ‘’`´']")
_DASHES = re.compile(r"[‐‑‒–—―−]")
_ROMAN = re.compile(r"(?<![\w])[iіv]{1,4}(?![\w])")


def _normalise(text: str) -> str:
    text = text.lower().replace("ё", "е")
    text = _APOSTROPHES.sub("'", text)
    text = _DASHES.sub("-", text)
    text = text.replace("\u00a0", " ")
    # Kazakh writes the Roman I with the Cyrillic І; read it as Latin where it stands alone.
    text = _ROMAN.sub(lambda m: m.group().replace("і", "i"), text)
    return " " + re.sub(r"\s+", " ", text).strip() + " "


# --------------------------------------------------------------------------- vocabulary

_ON_DEMAND = (
    r"по мере (?:необходимости|потребности)|при необходимости|в случае необходимости|по необходимости"
    r"|по требованию|по запросу"
    r"|қажетіне (?:қарай|орай)|қажеттілігіне (?:қарай|орай)|қажет болған (?:жағдайда|кезде)|қажеттілік бойынша"
    r"|сұраныс бойынша"
    r"|as (?:needed|required|necessary)|when (?:needed|required|necessary)|if (?:needed|required|necessary)"
    r"|on demand|upon request|on request"
    r"|zarur(?:at)?(?:ga qarab| bo'lganda| bo'lgan (?:hollarda|taqdirda))|ehtiyojga (?:qarab|ko'ra)"
    r"|talab (?:qilinganda|bo'yicha)|so'rov bo'yicha"
)

_RECURRENCES: list[tuple[Recurrence, str]] = [
    (
        Recurrence.SEMIANNUAL,
        r"раз в полугодие|раз в полгода|ежеполугодно|полугодично"
        r"|жарты жылда (?:бір|1) рет|жарты жыл сайын|жартыжылдық сайын"
        r"|semi-annually|semiannually|twice a year|every six months|half-yearly"
        r"|har yarim yilda|yarim yilda (?:bir|1) (?:marta|bor)",
    ),
    (
        Recurrence.QUARTERLY,
        r"ежеквартально|раз в квартал|каждый квартал|поквартально"
        r"|тоқсан сайын|тоқсанына (?:бір|1) рет"
        r"|quarterly|every quarter|each quarter"
        r"|har chorakda|har chorak|chorakda (?:bir|1) (?:marta|bor)|choraklik",
    ),
    (
        Recurrence.MONTHLY,
        r"ежемесячно|раз в месяц|каждый месяц"
        r"|ай сайын|айына (?:бір|1) рет"
        r"|monthly|every month|each month"
        r"|har oyda|har oy|oyiga (?:bir|1) (?:marta|bor)",
    ),
    (
        Recurrence.ANNUAL,
        r"ежегодно|каждый год|(?:1|один) раз в год|раз в год"
        r"|жыл сайын|жылына (?:бір|1) рет|әр жыл сайын|жыл сайынғы"
        r"|annually|yearly|every year|each year|once a year"
        r"|har yili|har yil|yiliga (?:bir|1) (?:marta|bor)|yillik",
    ),
    (
        Recurrence.CONTINUOUS,
        r"на постоянной основе|постоянно|непрерывно|на регулярной основе|регулярно"
        r"|тұрақты (?:түрде|негізде)|тұрақты|үнемі|ұдайы"
        r"|on an ongoing basis|ongoing|continuously|continuous|permanently|regularly|on a regular basis"
        r"|doimiy (?:ravishda|asosda)|doimiy|muntazam(?: ravishda)?",
    ),
]

_MONTHS: list[tuple[int, str]] = [
    (1, r"январ[а-я]*|қаңтар[а-яәғқңөұүһі]*|january|jan|yanvar[a-z']*"),
    (2, r"феврал[а-я]*|ақпан[а-яәғқңөұүһі]*|february|feb|fevral[a-z']*"),
    (3, r"март[а-я]*|наурыз[а-яәғқңөұүһі]*|march|mar|mart(?:gacha|da|ning|ga|dan)?"),
    (4, r"апрел[а-я]*|сәуір[а-яәғқңөұүһі]*|april|apr|aprel[a-z']*"),
    (5, r"ма[йяею]|мамыр[а-яәғқңөұүһі]*|may(?:gacha|da|ning|ga|dan)?"),
    (6, r"июн[а-я]*|маусым[а-яәғқңөұүһі]*|june|jun|iyun[a-z']*"),
    (7, r"июл[а-я]*|шілде[а-яәғқңөұүһі]*|july|jul|iyul[a-z']*"),
    (8, r"август[а-я]*|тамыз[а-яәғқңөұүһі]*|august|aug|avgust[a-z']*"),
    (9, r"сентябр[а-я]*|қыркүйек[а-яәғқңөұүһі]*|september|sept|sep|sentyabr[a-z']*"),
    (10, r"октябр[а-я]*|қазан[а-яәғқңөұүһі]*|october|oct|oktyabr[a-z']*"),
    (11, r"ноябр[а-я]*|қараша[а-яәғқңөұүһі]*|november|nov|noyabr[a-z']*"),
    (12, r"декабр[а-я]*|желтоқсан[а-яәғқңөұүһі]*|december|dec|dekabr[a-z']*"),
]
_MONTH_ALT = "|".join(f"(?P<m{n}>{rx})" for n, rx in _MONTHS)

_ORDINAL_SUFFIX = r"(?:\s*-?\s*(?:й|ый|ой|го|е|ші|шы|inchi|chi|st|nd|rd|th)?)"
_QUARTER_WORD = r"(?:квартал[а-я]*|кв\.?|тоқсан[а-яәғқңөұүһі]*|chorak[a-z']*|quarter)"
_HALF_WORD = (
    r"(?:полугоди[а-я]*|жартыжылдық[а-яәғқңөұүһі]*|жарты жыл[а-яәғқңөұүһі]*|yarim yillik[a-z']*"
    r"|yarim yil[a-z']*|half(?: of)?(?: the year)?|half-year)"
)
_NUMERALS = {
    "i": 1,
    "ii": 2,
    "iii": 3,
    "iv": 4,
    "1": 1,
    "2": 2,
    "3": 3,
    "4": 4,
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
}

_YEAR_SUFFIX = (
    r"(?:\s*-?\s*(?P<ysuf>годов|годах|года|году|год|гг|г"
    r"|жылдардың|жылдарға|жылдары|жылдар|жылдың|жылғы|жылға|жылдан|жылы|жылда|жыл|жж|ж"
    r"|yillargacha|yillarda|yillar|yilgacha|yildan|yilning|yilga|yilda|yili|yil|years|year))?\.?"
)
_YEAR = r"(?<![\d.])(?P<y>(?:19|20)\d\d)(?![\d])"

_BY = (
    r"не позднее|не позже|до конца|до|к концу|к"
    r"|соңына дейін|соңына шейін|дейін|шейін|қарай"
    r"|no later than|by the end of|by end of|by|until|till|before"
    r"|oxirigacha|gacha|qadar|ga qadar"
)
_FROM = r"начиная с|начиная со|с|со|бастап|басталып|from|starting(?: in| from)?|since|beginning(?: in)?|boshlab"
_DURING = r"в течение|в ходе|на протяжении|ішінде|бойы|бойына|during|within|throughout|in|davomida|mobaynida|ichida"
_IMPLICIT_YEAR = (
    r"в течение года|в течение текущего года|жыл ішінде|жыл бойы|during the year|within the year"
    r"|yil davomida|yil mobaynida"
)

_FILLER = {
    "г",
    "гг",
    "год",
    "года",
    "году",
    "годов",
    "ж",
    "жж",
    "жыл",
    "жылы",
    "жылғы",
    "жылдың",
    "year",
    "years",
    "yil",
    "yili",
    "yilning",
    "the",
    "of",
    "end",
    "конца",
    "конец",
    "соңы",
    "соңына",
    "oxiri",
    "и",
    "and",
    "va",
    "және",
    "срок",
    "в",
    "включительно",
    "inclusive",
    "incl",
    "a",
    "an",
    "in",
    "на",
    "по",
    "not",
    "later",
    "than",
    "reporting",
    "ending",
    "period",
    "период",
    "мерзімі",
    "muddat",
    "-",
    "числа",
}


@dataclass
class _Facts:
    on_demand: bool = False
    recurrences: list[Recurrence] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    by: bool = False
    since: bool = False
    during: bool = False
    implicit_year: bool = False
    dates: list[date] = field(default_factory=list)
    day_months: list[tuple[int, int | None]] = field(default_factory=list)  # (month, day or None)
    quarters: list[int] = field(default_factory=list)
    halves: list[int] = field(default_factory=list)
    invalid_date: bool = False


def _consume(text: str, pattern: str, on: Callable[[re.Match[str]], None]) -> str:
    """Record every match of `pattern` (delimited as a word) and blank it out."""

    def replace(m: re.Match[str]) -> str:
        on(m)
        return " "

    return re.sub(rf"(?<![\w'])(?:{pattern})(?![\w'])", replace, text)


def _add_recurrence(f: _Facts, rec: Recurrence, _m: re.Match[str]) -> None:
    f.recurrences.append(rec)


def _month_of(m: re.Match[str]) -> int:
    for n, _ in _MONTHS:
        if m.group(f"m{n}"):
            return n
    raise AssertionError("a month alternative matched without a month group")


def _read(text: str) -> tuple[_Facts, str]:
    f = _Facts()
    t = _normalise(text)

    def on_demand(_: re.Match[str]) -> None:
        f.on_demand = True

    t = _consume(t, _ON_DEMAND, on_demand)
    for rec, rx in _RECURRENCES:
        t = _consume(t, rx, functools.partial(_add_recurrence, f, rec))

    def implicit(_: re.Match[str]) -> None:
        f.implicit_year = True
        f.during = True

    t = _consume(t, _IMPLICIT_YEAR, implicit)

    # Explicit dates: 31.12.2025, 31/12/2025, 2025-12-31, then 12.2025 (a month).
    def add_date(y: int, mo: int, d: int) -> None:
        try:
            f.dates.append(date(y, mo, d))
        except ValueError:
            f.invalid_date = True

    t = _consume(
        t,
        r"(?P<d>\d{1,2})[./](?P<mo>\d{1,2})[./](?P<y>\d{4})(?:\s*(?:г|ж|y)\b\.?)?",
        lambda m: add_date(int(m["y"]), int(m["mo"]), int(m["d"])),
    )
    t = _consume(
        t, r"(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})", lambda m: add_date(int(m["y"]), int(m["mo"]), int(m["d"]))
    )

    def month_year(m: re.Match[str]) -> None:
        mo = int(m["mo"])
        if 1 <= mo <= 12:
            f.day_months.append((mo, None))
            f.years.append(int(m["y"]))
        else:
            f.invalid_date = True

    t = _consume(t, r"(?P<mo>\d{1,2})[./](?P<y>(?:19|20)\d\d)", month_year)

    # Quarters and half-years: "I квартал", "1-тоқсан", "Q3", "third quarter", "2-chorak".
    num = r"(?P<n>iv|iii|ii|i|[1-4]|first|second|third|fourth)"
    t = _consume(
        t, rf"{num}{_ORDINAL_SUFFIX}\s*{_QUARTER_WORD}(?: of)?", lambda m: f.quarters.append(_NUMERALS[m["n"]])
    )
    t = _consume(t, r"q(?P<n>[1-4])", lambda m: f.quarters.append(int(m["n"])))
    half = r"(?P<n>ii|i|[12]|first|second)"
    t = _consume(t, rf"{half}{_ORDINAL_SUFFIX}\s*{_HALF_WORD}", lambda m: f.halves.append(_NUMERALS[m["n"]]))
    t = _consume(t, r"h(?P<n>[12])", lambda m: f.halves.append(int(m["n"])))

    # Days with months: "1 июля", "1 шілдеге", "1-iyul", "July 1", and months alone.
    def day_month(m: re.Match[str]) -> None:
        day = m.group("d") or m.group("d2")
        f.day_months.append((_month_of(m), int(day) if day else None))
        if m.group(0).rstrip().endswith("gacha"):
            f.by = True

    t = _consume(
        t,
        rf"(?:(?P<d>[12]?\d|3[01]){_ORDINAL_SUFFIX}\s*)?(?:{_MONTH_ALT})(?:\s+(?P<d2>[12]?\d|3[01])(?:st|nd|rd|th)?,?)?",
        day_month,
    )

    # Years, with the case endings that carry a role: "2032-yilgacha", "2026 жылдан".
    def year(m: re.Match[str]) -> None:
        f.years.append(int(m["y"]))
        suffix = m.group("ysuf") or ""
        if suffix.endswith("gacha") or suffix in {"жылға", "yilga", "жылдарға"}:
            f.by = True
        if suffix in {"жылдан", "yildan"}:
            f.since = True

    t = _consume(t, rf"{_YEAR}{_YEAR_SUFFIX}", year)

    def flag(name: str) -> Callable[[re.Match[str]], None]:
        return lambda _m: setattr(f, name, True)

    t = _consume(t, _FROM, flag("since"))
    t = _consume(t, _BY, flag("by"))
    t = _consume(t, _DURING, flag("during"))

    leftover = [w for w in re.split(r"[\s,;:()\[\]«»\"/.]+", t) if w and w not in _FILLER]
    return f, " ".join(leftover)


def _end_of_month(y: int, mo: int) -> date:
    return date(y, mo, calendar.monthrange(y, mo)[1])


def _unset(text: str, problem: Problem, leftover: str = "") -> Deadline:
    return Deadline(text=text, kind=Kind.UNSET, problem=problem, leftover=leftover)


def parse(text: str | None, *, default_year: int | None = None) -> Deadline:
    """Read `text` as a deadline; `default_year` (the plan's year, if any) completes "in March" or
    "during the year". Never raises: what is not understood comes back UNSET with the reason."""
    original = text or ""
    if not original.strip():
        return _unset(original, Problem.EMPTY)
    f, leftover = _read(original)
    if leftover:
        return _unset(original, Problem.UNPARSEABLE, leftover)
    if f.invalid_date:
        return _unset(original, Problem.INVALID_DATE)
    points = len(f.dates) + len(f.day_months) + len(f.quarters) + len(f.halves)
    if points > 1 or len(f.recurrences) > 1:
        return _unset(original, Problem.SEVERAL)
    years = sorted(set(f.years))
    if len(f.years) > 2 or (len(years) == 2 and points):
        return _unset(original, Problem.SEVERAL)

    if f.on_demand:
        if points or f.recurrences:
            return _unset(original, Problem.SEVERAL)
        return Deadline(
            text=original,
            kind=Kind.ON_DEMAND,
            start_year=years[0] if years else None,
            end_year=years[-1] if years else None,
        )

    if f.since and not f.recurrences:
        # "From 2026", "с 1 июля 2026 года": ongoing from then, reported on once a year.
        start_year = years[0] if years else (f.dates[0].year if f.dates else None)
        if start_year is None or len(years) > 1:
            return _unset(original, Problem.NO_YEAR if start_year is None else Problem.SEVERAL)
        return Deadline(text=original, kind=Kind.RECURRING, recurrence=Recurrence.CONTINUOUS, start_year=start_year)
    if f.recurrences:
        return _recurring(original, f, years)

    if not (points or years or f.implicit_year):
        return _unset(original, Problem.UNPARSEABLE)
    if f.dates:
        return Deadline(text=original, kind=Kind.DUE, due=f.dates[0], end_year=f.dates[0].year)
    if years:
        y = years[-1]
    elif default_year is not None:
        y = default_year
    else:
        return _unset(original, Problem.NO_YEAR)
    due = _due_in_year(f, y)
    if due is None:
        return _unset(original, Problem.INVALID_DATE)
    start = years[0] if len(years) == 2 else None
    return Deadline(text=original, kind=Kind.DUE, due=due, start_year=start, end_year=y)


def _due_in_year(f: _Facts, y: int) -> date | None:
    if f.quarters:
        return _end_of_month(y, f.quarters[0] * 3)
    if f.halves:
        return _end_of_month(y, f.halves[0] * 6)
    if f.day_months:
        mo, day = f.day_months[0]
        if day is None:
            return _end_of_month(y, mo)
        try:
            return date(y, mo, day)
        except ValueError:
            return None
    return date(y, 12, 31)


def _recurring(original: str, f: _Facts, years: list[int]) -> Deadline:
    recurrence = f.recurrences[0] if f.recurrences else Recurrence.CONTINUOUS
    start: int | None = None
    end: int | None = None
    if len(f.years) == 2:
        start, end = min(f.years), max(f.years)
    elif len(years) == 1:
        if f.by and not f.since:
            end = years[0]
        else:
            start = years[0]
    anchor: tuple[int, int] | None = None
    if f.dates:
        return _unset(original, Problem.SEVERAL)
    if f.quarters or f.halves:
        return _unset(original, Problem.SEVERAL)
    if f.day_months:
        mo, day = f.day_months[0]
        if recurrence not in (Recurrence.ANNUAL, Recurrence.CONTINUOUS):
            return _unset(original, Problem.SEVERAL)
        last = calendar.monthrange(2024, mo)[1]
        day = day or last
        if day > last:
            return _unset(original, Problem.INVALID_DATE)
        anchor = (mo, day)
        if recurrence is Recurrence.CONTINUOUS:
            recurrence = Recurrence.ANNUAL
    return Deadline(
        text=original, kind=Kind.RECURRING, recurrence=recurrence, start_year=start, end_year=end, anchor=anchor
    )


def _annual_due(y: int, anchor: tuple[int, int] | None) -> date:
    if anchor is None:
        return date(y, 12, 31)
    mo, day = anchor
    return date(y, mo, min(day, calendar.monthrange(y, mo)[1]))


def occurrences(deadline: Deadline, *, first_year: int, last_year: int) -> list[Occurrence]:
    """The periods to report on within [first_year, last_year] (the plan's years), narrowed by the
    deadline's own start and end. A single due date gives one occurrence; on demand and unset none."""
    if deadline.kind is Kind.DUE and deadline.due is not None:
        return [Occurrence(period=str(deadline.due.year), due=deadline.due)]
    if deadline.kind is not Kind.RECURRING or deadline.recurrence is None:
        return []
    lo = max(first_year, deadline.start_year or first_year)
    hi = min(last_year, deadline.end_year or last_year)
    out: list[Occurrence] = []
    for y in range(lo, hi + 1):
        match deadline.recurrence:
            case Recurrence.ANNUAL | Recurrence.CONTINUOUS:
                out.append(Occurrence(period=str(y), due=_annual_due(y, deadline.anchor)))
            case Recurrence.SEMIANNUAL:
                out += [Occurrence(f"{y}-H{h}", _end_of_month(y, h * 6)) for h in (1, 2)]
            case Recurrence.QUARTERLY:
                out += [Occurrence(f"{y}-Q{q}", _end_of_month(y, q * 3)) for q in (1, 2, 3, 4)]
            case Recurrence.MONTHLY:
                out += [Occurrence(f"{y}-{mo:02d}", _end_of_month(y, mo)) for mo in range(1, 13)]
    return out
