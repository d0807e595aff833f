"""Reading plans from Word and Excel: what is understood row by row, and what is refused."""

import datetime as dt

import docx
import pytest

from senim.risks.deadlines import Kind, Recurrence
from senim.risks.importing.reader import FileRejected, read_plan
from senim.risks.samples import UNPARSEABLE
from senim.risks.tests.factories import plan_xlsx, roadmap_docx, table_docx


def test_the_kazakh_roadmap_is_understood_row_by_row(tmp_path):
    u = read_plan(roadmap_docx(tmp_path))
    assert u.ok
    assert u.language == "kk"
    assert (u.first_year, u.last_year) == (2025, 2032)
    assert "ESG жол картасы" in u.title
    assert "шешімімен" in u.approval
    assert [r.number for r in u.rows] == [str(i) for i in range(1, 12)]
    first = u.rows[0]
    assert first.aspect.startswith("E —")
    assert first.topic.startswith("Климаттың")
    assert first.text.split("\n") == [
        "Парниктік газдар шығарындыларын түгендеу әдістемесін әзірлеу және бекіту",
        "Орындалуын бақылау және есеп беру",
    ]
    # The unit cell merged down over the topic's two measures is responsible for both.
    assert u.rows[0].units == u.rows[1].units != ""
    assert {r.aspect[0] for r in u.rows} == {"E", "S", "G"}
    by_text = {r.deadline.text: r.deadline for r in u.rows}
    assert by_text["2032 ж. дейін"].due == dt.date(2032, 12, 31)
    assert by_text["2026 жылдан бастап"].recurrence is Recurrence.CONTINUOUS
    assert by_text["по мере необходимости"].kind is Kind.ON_DEMAND
    assert by_text[UNPARSEABLE].kind is Kind.UNSET
    assert [r.number for r in u.deadlines_to_set] == ["11"]
    assert any("not understood" in w for w in u.deadlines_to_set[0].warnings)


def test_russian_headers_and_topic_rows_without_aspects(tmp_path):
    path = table_docx(
        tmp_path,
        [
            ["Совершенствование антикоррупционных процедур"],
            ["1", "Провести оценку коррупционных рисков", "ежегодно", "Отчет", "Комплаенс-офицер", "Служба комплаенс"],
            ["2.", "Актуализировать перечень должностей", "I квартал 2030 г.", "Приказ", "HR", "HR"],
        ],
    )
    u = read_plan(path)
    assert u.ok, u.file_errors
    assert u.language == "ru"
    assert [(r.aspect, r.topic, r.number) for r in u.rows] == [
        ("", "Совершенствование антикоррупционных процедур", "1"),
        ("", "Совершенствование антикоррупционных процедур", "2"),
    ]
    assert u.rows[1].deadline.due == dt.date(2030, 3, 31)


def test_duplicate_and_missing_numbers_and_empty_text_are_errors(tmp_path):
    path = table_docx(
        tmp_path,
        [
            ["1", "Первое", "2030", "", "", ""],
            ["1", "Второе", "2030", "", "", ""],
            ["", "Третье", "2030", "", "", ""],
            ["3", "", "2030", "", "", ""],
        ],
    )
    u = read_plan(path)
    assert not u.ok
    errors = {r.line: r.errors for r in u.rows}
    assert "used twice" in errors[3][0]
    assert "no number" in errors[4][0]
    assert "no text" in errors[5][0]


def test_a_document_without_a_table_says_what_was_found(tmp_path):
    document = docx.Document()
    for text in ("Протокол заседания", "Слушали:", "Решили:"):
        document.add_paragraph(text)
    document.save(str(tmp_path / "minutes.docx"))
    u = read_plan(tmp_path / "minutes.docx")
    assert not u.ok
    assert "3 paragraphs" in u.file_errors[0]


def test_a_table_without_the_plan_columns_quotes_its_first_row(tmp_path):
    path = table_docx(tmp_path, [["a", "b"]], header=["ФИО", "Должность"])
    u = read_plan(path)
    assert not u.ok
    assert "ФИО | Должность" in " ".join(u.file_errors)


def test_other_files_are_refused(tmp_path):
    (tmp_path / "x.docx").write_bytes(b"not a zip")
    with pytest.raises(FileRejected):
        read_plan(tmp_path / "x.docx")
    (tmp_path / "empty.docx").write_bytes(b"")
    with pytest.raises(FileRejected):
        read_plan(tmp_path / "empty.docx")


def test_xlsx_with_a_merged_topic_row(tmp_path):
    path = plan_xlsx(
        tmp_path,
        [
            ["Раздел 1. Оценка рисков"],
            ["1", "Оценить риски", "ежегодно", "Отчет", "Комплаенс", "Служба комплаенс"],
            ["2", "Утвердить карту рисков", "31.12.2026", "Решение", "Правление", ""],
            ["Обучение"],
            ["3", "Обучить работников", "", "Протокол", "HR", "HR"],
        ],
    )
    u = read_plan(path)
    assert u.ok
    assert (u.first_year, u.last_year) == (2026, 2027)
    assert [(r.aspect, r.topic) for r in u.rows] == [
        ("Раздел 1. Оценка рисков", ""),
        ("Раздел 1. Оценка рисков", ""),
        ("Раздел 1. Оценка рисков", "Обучение"),
    ]
    assert u.rows[1].deadline.due == dt.date(2026, 12, 31)
    assert u.rows[2].deadline.kind is Kind.UNSET
    assert "empty" in u.rows[2].warnings[0]
    assert u.rows[0].line == 4
