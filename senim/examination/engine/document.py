"""Examine a whole draft: read it, split it into provisions, examine each, then the document-level checks
(a contract without an anti-corruption clause; provisions that contradict each other)."""

import re
from collections import Counter
from dataclasses import dataclass, field

from senim.examination.engine import language as lang_mod
from senim.examination.engine.detect import Finding, examine_provision, normalise
from senim.examination.engine.provisions import Provision, split
from senim.examination.engine.readers import Document, read

MAX_PROVISIONS = 20_000  # a 500-page draft has a few thousand; beyond this the rest is not examined

_AC_MENTION = re.compile(
    r"антикоррупц|коррупц|взятк|подкуп|сыбайлас жемқорлық|пара бер|anti-?corruption|anti-?bribery|brib|corrupt|"
    r"korrupsiya|pora",
    re.IGNORECASE,
)
_CONTRACT = re.compile(
    r"\b(?:договор|контракт|соглашени|шарт|келісімшарт|agreement|contract|shartnoma)\w*", re.IGNORECASE
)
_PARTIES = re.compile(r"стороны|тараптар|the parties|tomonlar", re.IGNORECASE)
_DAYS = re.compile(
    r"(\d{1,3})\s*(?:\([^)]{1,30}\)\s*)?(?:рабоч\w*|календарн\w*|банковск\w*|business|working|calendar|жұмыс|күнтізбелік|ish|kalendar)?\s*"
    r"(?:дн|days?|күн|kun)",
    re.IGNORECASE,
)
_TOPICS = {
    "payment": re.compile(r"оплат|оплач|платеж|pay|төле|төлем|toʻla|to'la|тўла", re.IGNORECASE),
    "delivery": re.compile(r"поставк|постав|deliver|жеткіз|yetkazib", re.IGNORECASE),
    "acceptance": re.compile(r"приемк|accept|қабылда|qabul", re.IGNORECASE),
}


@dataclass(slots=True)
class ProvisionReport:
    provision: Provision
    language: str
    findings: list[Finding]
    negated: list[str] = field(default_factory=list)


@dataclass(slots=True)
class DocumentFinding:
    code: str  # NO_AC_CLAUSE or NORM_CONFLICT
    kind: str  # "missing_clause", "weakened_clause", "contradiction"
    provisions: list[str]  # numbers of the provisions concerned
    detail: str = ""


@dataclass(slots=True)
class Report:
    language: str
    is_contract: bool
    provisions: list[ProvisionReport]
    document_findings: list[DocumentFinding] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # "unsupported_language", "truncated"
    pages: int = 0

    @property
    def finding_count(self) -> int:
        return sum(len(p.findings) for p in self.provisions) + len(self.document_findings)

    def factor_counts(self) -> Counter:
        c: Counter = Counter(f.code for p in self.provisions for f in p.findings)
        c.update(d.code for d in self.document_findings)
        return c


def examine_file(data: bytes, filename: str, *, kind: str | None = None) -> Report:
    """Read and examine a file; raise readers' InputError for what cannot be read."""
    return examine_document(read(data, filename), kind=kind)


def examine_document(document: Document, *, kind: str | None = None) -> Report:
    provisions = split(document)
    truncated = document.truncated or len(provisions) > MAX_PROVISIONS
    provisions = provisions[:MAX_PROVISIONS]
    language = lang_mod.detect(" ".join(p.text for p in provisions[:60]))
    is_contract = kind == "contract" if kind else _looks_like_contract(document, provisions)
    reports = []
    for p in provisions:
        if language:
            lang = lang_mod.detect(p.text) or language
            result = examine_provision(p.text, lang)
            reports.append(ProvisionReport(p, result.language, result.findings, result.negated))
        else:
            reports.append(ProvisionReport(p, "", []))
    report = Report(language, is_contract, reports, pages=document.pages)
    if not language:
        report.notes.append("unsupported_language")
    if truncated:
        report.notes.append("truncated")
    report.document_findings.extend(_clause_checks(reports, is_contract))
    report.document_findings.extend(_contradictions(reports, language))
    return report


def _looks_like_contract(document: Document, provisions: list[Provision]) -> bool:
    head = " ".join(b.text for b in document.blocks[:8])
    return bool(_CONTRACT.search(head)) and bool(_PARTIES.search(" ".join(p.text for p in provisions[:200])))


def _clause_checks(reports: list[ProvisionReport], is_contract: bool) -> list[DocumentFinding]:
    weakened = [r.provision.number for r in reports if any(f.code == "NO_AC_CLAUSE" for f in r.findings)]
    if weakened:
        return [DocumentFinding("NO_AC_CLAUSE", "weakened_clause", weakened)]
    if is_contract and not any(_AC_MENTION.search(r.provision.text) for r in reports):
        return [DocumentFinding("NO_AC_CLAUSE", "missing_clause", [])]
    return []


def _contradictions(reports: list[ProvisionReport], language: str) -> list[DocumentFinding]:
    """Two kinds: one provision forbids what another allows (a factor negated in one, found in another),
    and two provisions setting different day counts for the same step (payment, delivery, acceptance)."""
    out: list[DocumentFinding] = []
    if not language:
        return out
    found: dict[str, list[str]] = {}
    for r in reports:
        for f in r.findings:
            found.setdefault(f.code, []).append(r.provision.number)
    for r in reports:
        for code in r.negated:
            others = [n for n in found.get(code, []) if n != r.provision.number]
            if others:
                out.append(DocumentFinding("NORM_CONFLICT", "contradiction", [r.provision.number, *others[:3]], code))
    by_topic: dict[str, dict[str, list[str]]] = {}
    for r in reports:
        text = normalise(r.provision.text, r.language or language)
        days = {m.group(1) for m in _DAYS.finditer(text)}
        if len(days) != 1:
            continue
        topics = [t for t, rx in _TOPICS.items() if rx.search(text)]  # in order of precedence
        if not topics:
            continue
        by_topic.setdefault(topics[0], {}).setdefault(days.pop(), []).append(r.provision.number)
    for topic, values in by_topic.items():
        if len(values) > 1:
            numbers = [nums[0] for nums in values.values()]
            out.append(DocumentFinding("NORM_CONFLICT", "contradiction", numbers[:4], topic))
    return out
