from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from senim.risks.deadlines import Kind, Problem, Recurrence, occurrences, parse


@pytest.mark.parametrize(
    "text",
    ["жыл сайын", "Ежегодно", "annually", "every year", "har yili", "Жылына 1 рет", "1 раз в год"],
)
def test_annual_wordings_recur_every_year(text):
    d = parse(text)
    assert d.kind is Kind.RECURRING
    assert d.recurrence is Recurrence.ANNUAL
    assert d.text == text


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("2025 ж.", date(2025, 12, 31)),
        ("2025", date(2025, 12, 31)),
        ("2025 г.", date(2025, 12, 31)),
        ("2025-yil", date(2025, 12, 31)),
        ("до 2032 года", date(2032, 12, 31)),
        ("2032 ж. дейін", date(2032, 12, 31)),
        ("2032 жылға дейін", date(2032, 12, 31)),
        ("by 2032", date(2032, 12, 31)),
        ("2032-yilgacha", date(2032, 12, 31)),
        ("в течение 2032 года", date(2032, 12, 31)),
        ("2032 жыл ішінде", date(2032, 12, 31)),
        ("during 2030", date(2030, 12, 31)),
        ("I квартал 2025 года", date(2025, 3, 31)),
        ("IV кв. 2026 г.", date(2026, 12, 31)),
        ("2025 жылдың ІІ тоқсаны", date(2025, 6, 30)),
        ("2025 жылдың 3-тоқсаны", date(2025, 9, 30)),
        ("Q3 2027", date(2027, 9, 30)),
        ("2025 yil 4-chorak", date(2025, 12, 31)),
        ("I полугодие 2026 г.", date(2026, 6, 30)),
        ("H2 2026", date(2026, 12, 31)),
        ("март 2025 г.", date(2025, 3, 31)),
        ("в феврале 2028 года", date(2028, 2, 29)),
        ("2025 ж. наурыз", date(2025, 3, 31)),
        ("March 2025", date(2025, 3, 31)),
        ("dekabr 2025", date(2025, 12, 31)),
        ("до 1 июля 2025 г.", date(2025, 7, 1)),
        ("2025 жылғы 1 шілдеге дейін", date(2025, 7, 1)),
        ("July 1, 2025", date(2025, 7, 1)),
        ("31.12.2025", date(2025, 12, 31)),
        ("до 15.03.2026 г.", date(2026, 3, 15)),
        ("2026-03-15", date(2026, 3, 15)),
        ("2025–2032 жж.", date(2032, 12, 31)),
    ],
)
def test_due_dates(text, due):
    d = parse(text)
    assert d.kind is Kind.DUE, d
    assert d.due == due
    assert d.text == text


@pytest.mark.parametrize(
    "text", ["қажетіне қарай", "по мере необходимости", "as needed", "Қажет болған жағдайда", "zarur bo'lganda"]
)
def test_on_demand(text):
    d = parse(text)
    assert d.kind is Kind.ON_DEMAND
    assert d.due is None


@pytest.mark.parametrize(
    ("text", "start", "end", "recurrence"),
    [
        ("2026 жылдан бастап", 2026, None, Recurrence.CONTINUOUS),
        ("с 2026 года", 2026, None, Recurrence.CONTINUOUS),
        ("from 2026", 2026, None, Recurrence.CONTINUOUS),
        ("2026-yildan boshlab", 2026, None, Recurrence.CONTINUOUS),
        ("жыл сайын, 2026 жылдан бастап", 2026, None, Recurrence.ANNUAL),
        ("ежегодно до 2030 года", None, 2030, Recurrence.ANNUAL),
        ("ежеквартально, 2025-2027 гг.", 2025, 2027, Recurrence.QUARTERLY),
        ("тұрақты", None, None, Recurrence.CONTINUOUS),
        ("ай сайын", None, None, Recurrence.MONTHLY),
    ],
)
def test_recurring_with_bounds(text, start, end, recurrence):
    d = parse(text)
    assert d.kind is Kind.RECURRING
    assert (d.start_year, d.end_year, d.recurrence) == (start, end, recurrence)


def test_annual_with_a_day_anchors_each_year():
    d = parse("ежегодно до 1 марта")
    assert d.anchor == (3, 1)
    assert [o.due for o in occurrences(d, first_year=2025, last_year=2026)] == [date(2025, 3, 1), date(2026, 3, 1)]


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", Problem.EMPTY),
        ("   ", Problem.EMPTY),
        ("после согласования с акционером", Problem.UNPARSEABLE),
        ("Басқарма шешімі бойынша", Problem.UNPARSEABLE),
        ("2025 ж., бірақ кейінірек", Problem.UNPARSEABLE),
        ("I квартал", Problem.NO_YEAR),
        ("31.02.2025", Problem.INVALID_DATE),
        ("I квартал 2025, II квартал 2026", Problem.SEVERAL),
        ("ежегодно, ежеквартально", Problem.SEVERAL),
    ],
)
def test_what_is_not_understood_is_flagged_never_guessed(text, problem):
    d = parse(text)
    assert d.kind is Kind.UNSET
    assert d.needs_person
    assert d.problem is problem
    assert d.due is None
    assert d.text == text


def test_the_plan_year_completes_a_month_without_a_year():
    assert parse("в течение года", default_year=2026).due == date(2026, 12, 31)
    assert parse("в течение года").problem is Problem.NO_YEAR
    assert parse("II квартал", default_year=2026).due == date(2026, 6, 30)


def test_leftover_names_what_was_not_understood():
    assert "акционером" in parse("после согласования с акционером").leftover


def test_occurrences_per_recurrence():
    window = {"first_year": 2025, "last_year": 2032}
    assert len(occurrences(parse("жыл сайын"), **window)) == 8
    assert next(o.period for o in occurrences(parse("2026 жылдан бастап"), **window)) == "2026"
    assert len(occurrences(parse("ежеквартально"), first_year=2025, last_year=2025)) == 4
    assert occurrences(parse("раз в полугодие"), first_year=2025, last_year=2025)[0].due == date(2025, 6, 30)
    assert len(occurrences(parse("monthly"), first_year=2025, last_year=2025)) == 12
    assert occurrences(parse("2027 ж."), **window) == [occurrences(parse("2027"), **window)[0]]
    assert occurrences(parse("по мере необходимости"), **window) == []
    assert occurrences(parse("непонятно"), **window) == []


@given(st.text(max_size=60))
def test_any_text_is_read_without_error_and_kept(text):
    d = parse(text)
    assert d.text == text
    assert (d.kind is Kind.UNSET) == (d.problem is not None)
    if d.kind is Kind.DUE:
        assert d.due is not None
    else:
        assert d.due is None


@given(st.integers(2000, 2099), st.sampled_from(["{y}", "{y} ж.", "{y} г.", "до {y} года", "{y} ж. дейін", "by {y}"]))
def test_a_year_in_any_wording_is_due_at_its_end(year, wording):
    assert parse(wording.format(y=year)).due == date(year, 12, 31)


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2099, 12, 31)))
def test_numeric_dates_round_trip(day):
    assert parse(day.strftime("%d.%m.%Y")).due == day
    assert parse(day.isoformat()).due == day


@given(st.integers(2000, 2090), st.integers(0, 9), st.sampled_from(["жыл сайын", "ежегодно", "annually"]))
def test_recurring_between_years_gives_one_instance_per_year(start, span, wording):
    d = parse(f"{wording} {start}-{start + span}")
    occ = occurrences(d, first_year=1990, last_year=2100)
    assert [o.period for o in occ] == [str(y) for y in range(start, start + span + 1)]
