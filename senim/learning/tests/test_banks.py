"""Question-bank formats: GIFT, Moodle XML and the workbook read every supported type, report an
unsupported or broken question by its number and keep the rest, and survive a round trip."""

import pytest

from senim.learning.banks import read_bank, read_gift, read_moodle_xml, write_gift, write_moodle_xml, write_workbook

GIFT = """// A bank from the compliance trainers
$CATEGORY: $course$/top/Gifts

::Q1:: Who approves a gift above the threshold? {=The compliance service ~The employee ~Nobody}

::Q2:: Which must be declared? {~%50%Gifts ~%50%Hospitality ~%-100%Salary}

::Q3:: A bribe may be accepted if small. {F}

::Q4:: Match the case to the action {=gift -> declare =bribe -> report}

::Q5:: Who answers questions on the Code? {=compliance service =compliance}

::Q6:: How many days to report? {#3}

::Q7:: Describe a conflict of interest. {}

::Q8:: Broken {=a =}
"""

MOODLE = b"""<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="category"><category><text>$course$/top/Policy</text></category></question>
  <question type="multichoice"><name><text>M1</text></name>
    <questiontext format="html"><text>&lt;p&gt;Pick one&lt;/p&gt;</text></questiontext>
    <single>true</single>
    <answer fraction="100"><text>yes</text></answer><answer fraction="0"><text>no</text></answer>
  </question>
  <question type="essay"><name><text>E1</text></name><questiontext><text>Write</text></questiontext></question>
  <question type="truefalse"><name><text>T1</text></name><questiontext><text>True?</text></questiontext>
    <answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer></question>
  <question type="matching"><name><text>P1</text></name><questiontext><text>Pairs</text></questiontext>
    <subquestion><text>a</text><answer><text>1</text></answer></subquestion>
    <subquestion><text>b</text><answer><text>2</text></answer></subquestion></question>
  <question type="shortanswer"><name><text>S1</text></name><questiontext><text>Who?</text></questiontext>
    <answer fraction="100"><text>Officer</text></answer></question>
  <question type="numerical"><name><text>N1</text></name><questiontext><text>2+2</text></questiontext></question>
</quiz>"""


def test_gift_reads_supported_types_and_reports_the_rest_by_number():
    result = read_gift(GIFT)
    assert [q.qtype for q in result.questions] == ["single", "multiple", "truefalse", "matching", "short"]
    assert {q.category for q in result.questions} == {"Gifts"}
    assert [(p.number, p.kind) for p in result.problems] == [(6, "unsupported"), (7, "unsupported"), (8, "invalid")]
    multiple = result.questions[1]
    assert [c.correct for c in multiple.choices] == [True, True, False]
    assert result.questions[2].answer_true is False
    assert [(c.text, c.match) for c in result.questions[3].choices] == [("gift", "declare"), ("bribe", "report")]


def test_moodle_xml_reads_supported_types_and_reports_the_rest():
    result = read_moodle_xml(MOODLE)
    assert [q.qtype for q in result.questions] == ["single", "truefalse", "matching", "short"]
    assert result.questions[0].text == "Pick one"
    assert [(p.number, p.message) for p in result.problems] == [(2, "essay"), (6, "numerical")]


def test_moodle_xml_with_a_doctype_is_refused():
    bomb = b'<?xml version="1.0"?><!DOCTYPE q [<!ENTITY a "aaaa">]><quiz>&a;</quiz>'
    result = read_moodle_xml(bomb)
    assert not result.questions and result.problems[0].kind == "invalid"


@pytest.mark.parametrize(
    ("name", "writer"),
    [("bank.gift", lambda qs: write_gift(qs).encode()), ("bank.xml", write_moodle_xml), ("bank.xlsx", write_workbook)],
)
def test_round_trip_keeps_every_question(name, writer):
    original = read_gift(GIFT).questions
    again = read_bank(name, writer(original))
    assert not again.problems
    assert [(q.qtype, q.text, q.category) for q in again.questions] == [(q.qtype, q.text, q.category) for q in original]
    assert [[(c.text, c.correct, c.match) for c in q.choices] for q in again.questions] == [
        [(c.text, c.correct, c.match) for c in q.choices] for q in original
    ]


def test_workbook_formula_cells_are_neutralised_and_read_back():
    from senim.learning.banks import ParsedChoice, ParsedQuestion

    question = ParsedQuestion("short", "=1+1 is?", "Math", choices=[ParsedChoice("=2", True)])
    again = read_bank("x.xlsx", write_workbook([question])).questions[0]
    assert (again.text, again.choices[0].text) == ("=1+1 is?", "=2")
