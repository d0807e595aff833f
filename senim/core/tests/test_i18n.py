"""Translation catalogues: complete, compiled, and actually used at run time (ru, kk, uz)."""

from datetime import date
from pathlib import Path

import pytest
from django.utils import formats, translation
from django.utils.translation import gettext, pgettext

from senim.core import i18n_check

LANGUAGES = ("ru", "kk", "uz")


def test_every_catalogue_is_complete_and_compiled():
    reports = i18n_check.run_check()
    assert sorted(report.language for report in reports) == sorted(LANGUAGES)
    problems = [problem for report in reports for problem in report.problems]
    assert problems == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_interface_strings_are_translated(language):
    with translation.override(language):
        assert gettext("Employees") != "Employees"
        assert gettext("Structural units") != "Structural units"


def test_glossary_terms():
    expected = {"ru": "Работники", "kk": "Жұмыскерлер", "uz": "Xodimlar"}
    for language, employees in expected.items():
        with translation.override(language):
            assert gettext("Employees") == employees


def test_product_name_is_written_in_kazakh_cyrillic_only_in_kazakh():
    names = {}
    for language in LANGUAGES:
        with translation.override(language):
            names[language] = pgettext("product name", "Senim")
    assert names == {"ru": "Senim", "kk": "Сенім", "uz": "Senim"}


def test_kazakh_long_date_uses_lowercase_month_inside_the_date():
    with translation.override("kk"):
        assert formats.date_format(date(2025, 10, 8), "DATE_FORMAT") == "2025 жылғы 8 қазан"
        assert formats.date_format(date(2025, 1, 31), "DATE_FORMAT") == "2025 жылғы 31 қаңтар"


def test_russian_long_date_keeps_the_genitive_month():
    with translation.override("ru"):
        assert formats.date_format(date(2025, 10, 8), "DATE_FORMAT") == "8 октября 2025 г."


# The parser and the checks, on small catalogues written for the test.

SAMPLE = r"""# Header comment
msgid ""
msgstr ""
"Language: ru\n"
"Plural-Forms: nplurals=4; plural=(n%10==1 && n%100!=11 ? 0 : 3);\n"

#: a.py:1
#, python-format
msgctxt "expires"
msgid "never %(x)s"
msgstr "бессрочно %(x)s"

msgid ""
"Two "
"lines with a \"quote\"\n"
msgstr ""
"Две строки "
"с «кавычкой»\n"

#, fuzzy
msgid "Fuzzy"
msgstr "Нечеткий"

msgid "Empty"
msgstr ""

msgid "%(counter)s row"
msgid_plural "%(counter)s rows"
msgstr[0] "%(counter)s строка"
msgstr[1] "%(counter)s строки"
msgstr[2] "строк"
msgstr[3] "%(counter)s строки"

msgid "Hello %(name)s"
msgstr "Привет, %(nom)s"

#~ msgid "Gone"
#~ msgstr "Удалено"
"""


def test_parser_reads_context_plurals_multiline_flags_and_obsolete():
    entries = i18n_check.parse_po(SAMPLE)
    header, never, two, fuzzy, empty, plural, hello, gone = entries
    assert hello.msgstr == {0: "Привет, %(nom)s"}
    assert header.is_header and i18n_check.nplurals(i18n_check.parse_header(entries)) == 4
    assert (never.msgctxt, never.msgid, never.msgstr, never.flags) == (
        "expires",
        "never %(x)s",
        {0: "бессрочно %(x)s"},
        {"python-format"},
    )
    assert two.msgid == 'Two lines with a "quote"\n' and two.msgstr[0] == "Две строки с «кавычкой»\n"
    assert fuzzy.fuzzy and not empty.translated
    assert plural.msgid_plural == "%(counter)s rows" and sorted(plural.msgstr) == [0, 1, 2, 3]
    assert gone.obsolete and gone.msgid == "Gone"


def _catalogue(tmp_path: Path, text: str, compile_mo: bool = True) -> Path:
    folder = tmp_path / "ru" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    po = folder / "django.po"
    po.write_text(text, encoding="utf-8")
    if compile_mo:
        _write_mo(folder / "django.mo", i18n_check.parse_po(text))
    return po


def _write_mo(path: Path, entries: list[i18n_check.Entry]) -> None:
    """A minimal GNU .mo writer (what msgfmt writes, minus the hash table) for tests without gettext."""
    import struct

    messages = {"": ""} | {e.mo_key: e.mo_value for e in entries if not e.is_header and e.translated and not e.fuzzy}
    keys = sorted(messages)
    ids = [k.encode() for k in keys]
    strs = [messages[k].encode() for k in keys]
    start = 28 + 16 * len(keys)
    offsets, data = [], b""
    for blob in ids + strs:
        offsets.append((len(blob), start + len(data)))
        data += blob + b"\0"
    header = struct.pack("<7I", 0x950412DE, 0, len(keys), 28, 28 + 8 * len(keys), 0, start)
    table = b"".join(struct.pack("<2I", *pair) for pair in offsets)
    path.write_bytes(header + table + data)


def test_check_reports_fuzzy_untranslated_placeholders_and_plural_forms(tmp_path):
    _catalogue(tmp_path, SAMPLE)
    (report,) = i18n_check.run_check(tmp_path)
    text = "\n".join(report.problems)
    assert 'fuzzy "Fuzzy"' in text
    assert 'untranslated "Empty"' in text
    assert '"%(counter)s row": msgstr[2] placeholders differ from the source: missing %(counter)' in text
    assert '"Hello %(name)s": placeholders differ from the source: missing %(name); unexpected %(nom)' in text
    assert "never" not in text and "Two" not in text and "Gone" not in text
    assert i18n_check.main(["--locale-dir", str(tmp_path)]) == 1


def test_check_passes_a_clean_catalogue_and_prints_a_summary(tmp_path, capsys):
    clean = SAMPLE.split("#, fuzzy")[0]
    _catalogue(tmp_path, clean)
    assert i18n_check.main(["--locale-dir", str(tmp_path)]) == 0
    assert capsys.readouterr().out.strip() == (
        "ru: 2 entries (0 plural, 1 with context), all translated, django.mo up to date"
    )


def test_check_reports_a_missing_or_stale_mo(tmp_path):
    clean = SAMPLE.split("#, fuzzy")[0]
    po = _catalogue(tmp_path, clean, compile_mo=False)
    assert any("django.mo is missing" in p for p in i18n_check.check_catalogue(po).problems)
    _write_mo(po.with_suffix(".mo"), i18n_check.parse_po(clean))
    po.write_text(clean.replace("бессрочно", "навсегда"), encoding="utf-8")
    problems = i18n_check.check_catalogue(po).problems
    assert len(problems) == 1 and "run compilemessages" in problems[0]


def test_an_up_to_date_mo_that_looks_older_is_accepted(tmp_path):
    """git does not keep timestamps: a fresh clone may write django.mo before django.po."""
    import os

    clean = SAMPLE.split("#, fuzzy")[0]
    po = _catalogue(tmp_path, clean)
    os.utime(po.with_suffix(".mo"), (1_000_000, 1_000_000))
    assert i18n_check.check_catalogue(po).problems == []
