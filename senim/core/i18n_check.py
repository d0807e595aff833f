"""Translation completeness check for Senim's gettext catalogues (pure Python: no settings, no database).

Run it as ``python -m senim.core.i18n_check`` (``./run check`` does). It reads every
``senim/locale/<lang>/LC_MESSAGES/django.po`` and exits non-zero, listing each problem, when:

* an entry is untranslated (an empty ``msgstr`` or ``msgstr[n]``) or marked ``#, fuzzy``;
* a translation's ``%(name)s`` placeholders differ from the source string's (for a plural entry every
  form must carry the placeholders of ``msgid`` and ``msgid_plural`` together: in Russian form 0 also
  serves 21, 31, …, so "One employee" becomes "%(count)d работник"); unnamed ``%s``/``%d`` must match
  in number, and ``{name}`` fields too where the entry is flagged ``python-brace-format``;
* a plural entry does not have exactly the ``nplurals`` forms its header announces;
* ``django.mo`` is missing or does not hold what ``django.po`` holds. A ``.mo`` older than its ``.po``
  is recompiled-or-fail: when the timestamps say older, the compiled messages are read back and
  compared with the ``.po``. Comparing content rather than trusting timestamps alone matters because
  git does not keep modification times: a fresh clone writes ``django.mo`` before ``django.po`` (index
  order), so an up-to-date ``.mo`` routinely looks "older" on CI.

Otherwise it prints one summary line per language.

Workflow (from ``senim/``)::

    ../.venv/bin/python ../manage.py makemessages -l ru -l kk -l uz \\
        --ignore "screening/engine/*" --ignore "*/tests/*" --no-obsolete
    # translate the new entries in locale/*/LC_MESSAGES/django.po, then
    ../.venv/bin/python ../manage.py compilemessages
    ../.venv/bin/python -m senim.core.i18n_check

The ``.mo`` files are committed on purpose: a fresh machine may lack gettext.

Entries that are Django's own strings
-------------------------------------
Kazakh puts month names in lowercase inside a date ("2025 жылғы 8 қазан"), while Django's ``kk``
catalogue capitalises them. ``senim.core.formats.kk`` renders the month with the "E" format character,
which looks up ``pgettext("alt. month", "October")``; Senim's ``kk`` catalogue therefore translates the
twelve "alt. month" entries with lowercase names, overriding Django's. ``makemessages`` only keeps
entries it extracts from Senim's own code, and ``--no-obsolete`` drops the rest, so the twelve
``pgettext_lazy`` markers in ``DATE_MONTHS`` below exist to keep those entries in every catalogue:
they MUST stay here (and be translated: lowercase nominative in ``kk`` and ``uz``, genitive in ``ru``,
as Django's ``ru`` catalogue has it). ``check_catalogue`` also verifies the twelve Kazakh entries.
"""

from __future__ import annotations

import argparse
import re
import struct
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.translation import pgettext_lazy

LOCALE_DIR = Path(__file__).resolve().parents[1] / "locale"
DOMAIN = "django"

# Keeps the "alt. month" entries in the catalogues across makemessages runs (see the module docstring).
DATE_MONTHS = (
    pgettext_lazy("alt. month", "January"),
    pgettext_lazy("alt. month", "February"),
    pgettext_lazy("alt. month", "March"),
    pgettext_lazy("alt. month", "April"),
    pgettext_lazy("alt. month", "May"),
    pgettext_lazy("alt. month", "June"),
    pgettext_lazy("alt. month", "July"),
    pgettext_lazy("alt. month", "August"),
    pgettext_lazy("alt. month", "September"),
    pgettext_lazy("alt. month", "October"),
    pgettext_lazy("alt. month", "November"),
    pgettext_lazy("alt. month", "December"),
)

# What the Kazakh catalogue must say for them: the lowercase names used inside a date.
KAZAKH_DATE_MONTHS = {
    "January": "қаңтар",
    "February": "ақпан",
    "March": "наурыз",
    "April": "сәуір",
    "May": "мамыр",
    "June": "маусым",
    "July": "шілде",
    "August": "тамыз",
    "September": "қыркүйек",
    "October": "қазан",
    "November": "қараша",
    "December": "желтоқсан",
}

NAMED_PLACEHOLDER = re.compile(r"%\((?P<name>[^)]*)\)[#0\- +]*(?:\d+|\*)?(?:\.(?:\d+|\*))?[diouxXeEfFgGcrsab]")
UNNAMED_PLACEHOLDER = re.compile(r"%(?!\()[#0\- +]*(?:\d+|\*)?(?:\.(?:\d+|\*))?(?P<conv>[diouxXeEfFgGcrsab%])")
BRACE_FIELD = re.compile(r"(?<!\{)\{(?P<name>[^{}!:]*)(?:![rsa])?(?::[^{}]*)?\}(?!\})")

_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b", "f": "\f", "v": "\v"}


class PoSyntaxError(ValueError):
    """A .po file this parser cannot read."""

    def __init__(self, path: Path | str, lineno: int, message: str) -> None:
        super().__init__(f"{path}:{lineno}: {message}")


@dataclass
class Entry:
    """One message of a .po file."""

    msgid: str = ""
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    obsolete: bool = False
    lineno: int = 0

    @property
    def is_header(self) -> bool:
        return self.msgid == "" and self.msgctxt is None and not self.obsolete

    @property
    def fuzzy(self) -> bool:
        return "fuzzy" in self.flags

    @property
    def translated(self) -> bool:
        return bool(self.msgstr) and all(self.msgstr.values())

    @property
    def mo_key(self) -> str:
        """The key under which msgfmt stores this entry in a .mo file."""
        key = self.msgid if self.msgctxt is None else f"{self.msgctxt}\x04{self.msgid}"
        return key if self.msgid_plural is None else f"{key}\x00{self.msgid_plural}"

    @property
    def mo_value(self) -> str:
        return "\x00".join(self.msgstr[index] for index in sorted(self.msgstr))

    def label(self) -> str:
        text = self.msgid if len(self.msgid) <= 70 else self.msgid[:67] + "..."
        text = text.replace("\n", "\\n")
        return f'[{self.msgctxt}] "{text}"' if self.msgctxt is not None else f'"{text}"'


def _unquote(literal: str, path: Path | str, lineno: int) -> str:
    literal = literal.strip()
    if len(literal) < 2 or literal[0] != '"' or literal[-1] != '"':
        raise PoSyntaxError(path, lineno, f"expected a quoted string, got {literal!r}")
    body, out, index = literal[1:-1], [], 0
    while index < len(body):
        char = body[index]
        if char == '"':
            raise PoSyntaxError(path, lineno, "unescaped double quote inside a string")
        if char != "\\":
            out.append(char)
            index += 1
            continue
        if index + 1 >= len(body):
            raise PoSyntaxError(path, lineno, "string ends with a lone backslash")
        code = body[index + 1]
        if code in _ESCAPES:
            out.append(_ESCAPES[code])
            index += 2
        elif code in "01234567":
            digits = re.match(r"[0-7]{1,3}", body[index + 1 :])
            assert digits is not None
            out.append(chr(int(digits.group(), 8)))
            index += 1 + len(digits.group())
        elif code == "x":
            digits = re.match(r"[0-9A-Fa-f]+", body[index + 2 :])
            if digits is None:
                raise PoSyntaxError(path, lineno, "\\x escape without hex digits")
            out.append(chr(int(digits.group(), 16)))
            index += 2 + len(digits.group())
        else:
            raise PoSyntaxError(path, lineno, f"unknown escape \\{code}")
    return "".join(out)


_KEYWORD = re.compile(r"^(?P<keyword>msgctxt|msgid_plural|msgid|msgstr(?:\[(?P<index>\d+)\])?)\s+(?P<rest>\".*)$")


def parse_po(text: str, path: Path | str = "<string>") -> list[Entry]:
    """The entries of a .po file, header included, obsolete (``#~``) entries marked ``obsolete``."""
    entries: list[Entry] = []
    current = Entry()
    started = False  # the current entry has a keyword already
    target: tuple[str, int | None] | None = None  # where continuation lines go

    def finish() -> None:
        nonlocal current, started, target
        if started:
            if not current.msgstr:
                raise PoSyntaxError(path, current.lineno, "entry without msgstr")
            entries.append(current)
        current, started, target = Entry(), False, None

    def append(kind: str, index: int | None, value: str, lineno: int) -> None:
        if kind == "msgctxt":
            current.msgctxt = (current.msgctxt or "") + value
        elif kind == "msgid":
            current.msgid += value
        elif kind == "msgid_plural":
            current.msgid_plural = (current.msgid_plural or "") + value
        else:
            key = 0 if index is None else index
            current.msgstr[key] = current.msgstr.get(key, "") + value

    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        obsolete = False
        if line.startswith("#~"):
            obsolete, line = True, line[2:].strip()
            if line.startswith("|"):  # previous msgid of an obsolete entry
                continue
        if not line:
            if started:
                finish()
            continue
        if line.startswith("#"):
            if started and target is not None and target[0] == "msgstr":
                finish()
            if started:
                raise PoSyntaxError(path, lineno, "comment inside an entry")
            if line.startswith("#,"):
                current.flags |= {flag.strip() for flag in line[2:].split(",") if flag.strip()}
            continue
        if line.startswith('"'):
            if target is None:
                raise PoSyntaxError(path, lineno, "string continuation outside an entry")
            append(target[0], target[1], _unquote(line, path, lineno), lineno)
            continue
        match = _KEYWORD.match(line)
        if match is None:
            raise PoSyntaxError(path, lineno, f"cannot read line: {raw!r}")
        keyword = match.group("keyword")
        kind = "msgstr" if keyword.startswith("msgstr") else keyword
        index = int(match.group("index")) if match.group("index") is not None else None
        # A new msgctxt or msgid after a msgstr starts the next entry (blank line missing).
        if started and kind in ("msgctxt", "msgid") and target is not None and target[0] == "msgstr":
            finish()
        if not started:
            current.lineno = lineno
            current.obsolete = obsolete
            started = True
        if kind == "msgstr" and (index is None) == (current.msgid_plural is not None):
            form = "msgstr without an index in a plural entry" if index is None else "msgstr[n] in a non-plural entry"
            raise PoSyntaxError(path, lineno, form)
        target = (kind, index)
        if kind == "msgstr":
            current.msgstr.setdefault(0 if index is None else index, "")
        elif kind == "msgid_plural":
            current.msgid_plural = current.msgid_plural or ""
        elif kind == "msgctxt":
            current.msgctxt = current.msgctxt or ""
        append(kind, index, _unquote(match.group("rest"), path, lineno), lineno)
    if started:
        finish()
    return entries


def parse_header(entries: Sequence[Entry]) -> dict[str, str]:
    """The header fields ("Plural-Forms", "Language", …) of a parsed catalogue."""
    for entry in entries:
        if entry.is_header:
            fields = {}
            for line in entry.msgstr.get(0, "").splitlines():
                name, sep, value = line.partition(":")
                if sep:
                    fields[name.strip()] = value.strip()
            return fields
    return {}


def nplurals(header: dict[str, str]) -> int | None:
    match = re.search(r"nplurals\s*=\s*(\d+)", header.get("Plural-Forms", ""))
    return int(match.group(1)) if match else None


def read_mo(data: bytes) -> dict[str, str]:
    """The messages of a GNU .mo file: key (``ctxt\\x04msgid[\\x00plural]``) → value (forms joined by NUL)."""
    if len(data) < 20:
        raise ValueError("too short to be a .mo file")
    magic = struct.unpack("<I", data[:4])[0]
    order = "<" if magic == 0x950412DE else ">" if magic == 0xDE120495 else None
    if order is None:
        raise ValueError("bad magic number: not a .mo file")
    _revision, count, originals, translations = struct.unpack(order + "4I", data[4:20])
    messages = {}
    for number in range(count):
        length, offset = struct.unpack(order + "2I", data[originals + 8 * number : originals + 8 * number + 8])
        key = data[offset : offset + length].decode("utf-8")
        length, offset = struct.unpack(order + "2I", data[translations + 8 * number : translations + 8 * number + 8])
        messages[key] = data[offset : offset + length].decode("utf-8")
    return messages


def _named(text: str) -> set[str]:
    return {match.group("name") for match in NAMED_PLACEHOLDER.finditer(text)}


def _unnamed(text: str) -> Counter[str]:
    conversions = (match.group("conv") for match in UNNAMED_PLACEHOLDER.finditer(text))
    return Counter(conv for conv in conversions if conv != "%")


def _brace(text: str) -> set[str]:
    return {match.group("name") for match in BRACE_FIELD.finditer(text)}


def placeholder_problems(entry: Entry) -> list[str]:
    """How the placeholders of each translated form differ from the source string's."""
    sources = [entry.msgid] if entry.msgid_plural is None else [entry.msgid, entry.msgid_plural]
    expected = set().union(*(_named(source) for source in sources))
    expected_unnamed = max((_unnamed(source) for source in sources), key=lambda counter: sum(counter.values()))
    problems = []
    for index, text in sorted(entry.msgstr.items()):
        if not text:
            continue
        form = "" if entry.msgid_plural is None else f"msgstr[{index}] "
        found = _named(text)
        if found != expected:
            missing, extra = sorted(expected - found), sorted(found - expected)
            detail = "; ".join(
                part
                for part in (
                    f"missing %({', '.join(missing)})" if missing else "",
                    f"unexpected %({', '.join(extra)})" if extra else "",
                )
                if part
            )
            problems.append(f"{form}placeholders differ from the source: {detail}")
        if _unnamed(text) != expected_unnamed:
            problems.append(f"{form}unnamed %-placeholders differ from the source")
        if "python-brace-format" in entry.flags:
            wanted = set().union(*(_brace(source) for source in sources))
            if _brace(text) != wanted:
                problems.append(f"{form}{{}} fields differ from the source")
    return problems


@dataclass
class Report:
    """What the check found in one language's catalogue."""

    language: str
    po_path: Path
    entries: int = 0
    plural: int = 0
    with_context: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        state = "all translated, django.mo up to date" if self.ok else f"{len(self.problems)} problem(s)"
        return (
            f"{self.language}: {self.entries} entries ({self.plural} plural, {self.with_context} with context), {state}"
        )


def check_catalogue(po_path: Path) -> Report:
    """Check one django.po and its django.mo."""
    language = po_path.parent.parent.name
    report = Report(language=language, po_path=po_path)

    def problem(message: str) -> None:
        report.problems.append(f"{language}: {message}")

    try:
        entries = [entry for entry in parse_po(po_path.read_text(encoding="utf-8"), po_path) if not entry.obsolete]
    except (PoSyntaxError, UnicodeDecodeError) as error:
        problem(f"cannot parse {po_path}: {error}")
        return report
    header = parse_header(entries)
    forms = nplurals(header)
    if not header:
        problem("no header entry")
    elif forms is None:
        problem("the header has no Plural-Forms with nplurals")
    if header and any(entry.is_header and entry.fuzzy for entry in entries):
        problem("the header entry is marked fuzzy (msgfmt ignores it; remove the flag)")

    messages = [entry for entry in entries if not entry.is_header]
    report.entries = len(messages)
    report.plural = sum(entry.msgid_plural is not None for entry in messages)
    report.with_context = sum(entry.msgctxt is not None for entry in messages)
    seen: set[str] = set()
    for entry in messages:
        where = entry.label()
        if entry.mo_key in seen:
            problem(f"duplicate entry {where} (line {entry.lineno})")
        seen.add(entry.mo_key)
        if entry.fuzzy:
            problem(f"fuzzy {where} (line {entry.lineno})")
        if not entry.translated:
            problem(f"untranslated {where} (line {entry.lineno})")
        if entry.msgid_plural is not None and forms is not None and sorted(entry.msgstr) != list(range(forms)):
            problem(f"{where} has {len(entry.msgstr)} plural form(s), the header says {forms} (line {entry.lineno})")
        for detail in placeholder_problems(entry):
            problem(f"{where}: {detail} (line {entry.lineno})")

    if language == "kk":
        months = {entry.msgid: entry.msgstr.get(0, "") for entry in messages if entry.msgctxt == "alt. month"}
        for month, name in KAZAKH_DATE_MONTHS.items():
            if months.get(month) != name:
                problem(f'[alt. month] "{month}" must be "{name}" for dates like "2025 жылғы 8 қазан"')

    mo_path = po_path.with_suffix(".mo")
    if not mo_path.exists():
        problem(f"{mo_path.name} is missing: run compilemessages")
    else:
        expected = {entry.mo_key: entry.mo_value for entry in messages if entry.translated and not entry.fuzzy}
        try:
            compiled = {key: value for key, value in read_mo(mo_path.read_bytes()).items() if key != ""}
        except (ValueError, struct.error, UnicodeDecodeError) as error:
            problem(f"cannot read {mo_path.name}: {error}")
        else:
            if compiled != expected:
                older = mo_path.stat().st_mtime < po_path.stat().st_mtime
                differing = sorted(set(compiled.items()) ^ set(expected.items()))
                problem(
                    f"{mo_path.name} is {'older than' if older else 'out of step with'} {po_path.name} "
                    f"({len(differing)} message(s) differ): run compilemessages"
                )
    return report


def run_check(locale_dir: Path | None = None, languages: Iterable[str] | None = None) -> list[Report]:
    """Check every ``<locale_dir>/<lang>/LC_MESSAGES/django.po`` (or only ``languages``)."""
    root = locale_dir or LOCALE_DIR
    paths = sorted(root.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))
    if languages is not None:
        wanted = set(languages)
        paths = [path for path in paths if path.parent.parent.name in wanted]
    return [check_catalogue(path) for path in paths]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m senim.core.i18n_check", description=__doc__.splitlines()[0])
    parser.add_argument("--locale-dir", type=Path, default=LOCALE_DIR, help="default: %(default)s")
    parser.add_argument("languages", nargs="*", help="only these languages (default: all)")
    options = parser.parse_args(argv)
    reports = run_check(options.locale_dir, options.languages or None)
    if not reports:
        print(f"no {DOMAIN}.po catalogues under {options.locale_dir}", file=sys.stderr)
        return 1
    failed = False
    for report in reports:
        for message in report.problems:
            print(message, file=sys.stderr)
        failed = failed or not report.ok
    for report in reports:
        print(report.summary())
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
