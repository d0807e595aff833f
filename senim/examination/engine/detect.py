"""Find the factors in one provision: patterns, bounds and negation per language (see rules.py).

result = examine_provision("Заказчик вправе по своему усмотрению ...")
[f.code for f in result.findings]  # ["DISCRETION"]
"""

import re
from dataclasses import dataclass, field
from functools import lru_cache

from senim.examination.engine import language as lang_mod
from senim.examination.engine.factors import FACTORS
from senim.examination.engine.frames import FRAMES, PROHIBIT, Frame
from senim.examination.engine.frames_uz import UZ
from senim.examination.engine.kazakh import stem
from senim.examination.engine.rules import NEGATION, RULES, Rule


@dataclass(slots=True)
class Finding:
    code: str
    triggers: list[str]
    confidence: float
    spans: list[tuple[int, int]] = field(default_factory=list)  # offsets of the triggers in the provision's text

    @property
    def why(self) -> str:
        return FACTORS[self.code].why if self.code in FACTORS else ""

    @property
    def bound(self) -> str:
        return FACTORS[self.code].bound if self.code in FACTORS else ""


@dataclass(slots=True)
class ProvisionResult:
    language: str
    findings: list[Finding]
    negated: list[str] = field(default_factory=list)  # factors whose trigger was negated ("cash is prohibited")

    @property
    def codes(self) -> list[str]:
        return [f.code for f in self.findings]


@dataclass(slots=True)
class _Compiled:
    rule: Rule
    risky: dict[str, list[re.Pattern]]
    bound: dict[str, list[re.Pattern]]


def _uz(pattern: str, lang: str) -> str:
    """Uzbek text is normalised to one apostrophe (ʻ), so patterns are too ("maʼlumot" matches "maʻlumot")."""
    return pattern.replace("ʼ", "ʻ").replace("'", "ʻ") if lang == "uz" else pattern


def _compile(patterns: dict[str, list[str]]) -> dict[str, list[re.Pattern]]:
    return {lang: [re.compile(_uz(p, lang), re.IGNORECASE) for p in pats] for lang, pats in patterns.items()}


_RULES = [_Compiled(r, _compile(r.risky), _compile(r.bound)) for r in RULES]
_BOUND = {c.rule.code: c.bound for c in _RULES}


@dataclass(slots=True)
class _Frame:
    parts: list[re.Pattern]
    unless: list[re.Pattern]
    negatable: bool
    bounded: bool


def _compile_frame(f: Frame, lang: str) -> _Frame:
    parts = [re.compile(_uz(p, lang)) for p in f.parts]
    return _Frame(parts, [re.compile(_uz(p, lang)) for p in f.unless], f.negatable, f.bounded)


_FRAMES = {
    code: {
        lang: [_compile_frame(f, lang) for f in fs]
        for lang, fs in {**FRAMES.get(code, {}), "uz": UZ.get(code, [])}.items()
    }
    for code in {**FRAMES, **UZ}
}
_PROHIBIT = {lang: re.compile(_uz(p, lang)) for lang, p in PROHIBIT.items()}
_NEGATION = {lang: re.compile(_uz(p, lang), re.IGNORECASE) for lang, p in NEGATION.items()}
_CLAUSE_BREAK = re.compile(r"[.;!?]\s|,\s*(?:а|но|однако|however|but|бірақ|алайда|lekin|biroq|ammo)\s", re.IGNORECASE)

# Russian negation by lemma: "не" followed by a verb of permission or action ("не допускаются", "не выплачиваются").
_RU_PERMISSIVE_LEMMAS = {
    "допускаться",
    "допускать",
    "разрешаться",
    "разрешать",
    "мочь",
    "производиться",
    "осуществляться",
    "выплачиваться",
    "оплачиваться",
    "предоставляться",
    "передаваться",
    "вручаться",
    "приниматься",
    "предлагать",
    "предлагаться",
    "использоваться",
    "взиматься",
    "перечисляться",
    "устанавливаться",
    "вправе",
    "иметь",
}
_RU_FORBID_LEMMAS = {"запрещать", "запрещаться", "запрещённый", "запретить", "недопустимый", "запрет"}


@lru_cache(maxsize=1)
def _morph():
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


@lru_cache(maxsize=200_000)
def _lemma(word: str) -> str:
    return _morph().parse(word)[0].normal_form


def _ru_negated(clause: str) -> bool:
    from razdel import tokenize

    words = [t.text.lower() for t in tokenize(clause) if t.text[:1].isalpha()]
    for i, w in enumerate(words):
        lemma = _lemma(w)
        if lemma in _RU_FORBID_LEMMAS:
            return True
        if w == "не" and i + 1 < len(words) and _lemma(words[i + 1]) in _RU_PERMISSIVE_LEMMAS:
            return True
    return False


def normalise(text: str, language: str) -> str:
    """Lower-case, one kind of quote and dash, ё as е; Uzbek in Latin script. Lengths are kept for offsets
    except in Uzbek Cyrillic (whose offsets then point into the transliteration)."""
    text = text.replace("ё", "е").replace("Ё", "Е").replace("\u00a0", " ")
    if language == "uz":
        return lang_mod.normalise_uzbek(text)
    return text.lower()


def _clause(text: str, pos: int) -> str:
    start = 0
    end = len(text)
    for m in _CLAUSE_BREAK.finditer(text):
        if m.end() <= pos:
            start = m.end()
        elif m.start() >= pos:
            end = m.start()
            break
    return text[start:end]


def _window(text: str, m: re.Match) -> str:
    """The part of the trigger's clause within 40 characters of it: where a negation would bear on it."""
    clause = _clause(text, m.start())
    offset = text.find(clause, max(0, m.start() - len(clause)))
    lo = max(0, m.start() - offset - 40)
    hi = min(len(clause), m.end() - offset + 40)
    return clause[lo:hi]


def _negated(clause: str, language: str) -> bool:
    neg = _NEGATION.get(language)
    if neg is not None and neg.search(clause):
        return True
    return language == "ru" and _ru_negated(clause)


def examine_provision(text: str, language: str | None = None) -> ProvisionResult:
    """The factors in one provision. `language` is detected when not given; an unsupported language
    (detected as "") yields no findings."""
    lang = language if language in lang_mod.SUPPORTED else (lang_mod.detect(text) if language is None else "")
    if lang not in lang_mod.SUPPORTED:
        return ProvisionResult(lang or "", [])
    norm = normalise(text, lang)
    findings: list[Finding] = []
    negated: list[str] = []
    for compiled in _RULES:
        risky = compiled.risky.get(lang, [])
        hits = []
        for pattern in risky:
            for m in pattern.finditer(norm):
                if compiled.rule.negatable and _negated(_window(norm, m), lang):
                    continue
                hits.append(m)
        if not hits:
            if compiled.rule.negatable and any(p.search(norm) for p in risky):
                negated.append(compiled.rule.code)
            continue
        if any(p.search(norm) for p in compiled.bound.get(lang, [])):
            continue
        triggers = []
        for m in hits:
            t = text[m.start() : m.end()] if len(norm) == len(text) else m.group(0)
            t = t.strip()
            if t and t not in triggers:
                triggers.append(t)
        confidence = min(0.95, compiled.rule.weight + 0.05 * (len(hits) - 1))
        spans = [(m.start(), m.end()) for m in hits] if len(norm) == len(text) else []
        findings.append(Finding(compiled.rule.code, triggers[:5], round(confidence, 2), spans))
    _add_frames(text, norm, lang, findings)
    _resolve_overlaps(findings)
    return ProvisionResult(lang, findings, negated)


@dataclass(slots=True)
class _View:
    """A clause as frames see it (lemmas, stems or the text) and, per token, where it lies in both."""

    text: str
    tokens: list[tuple[int, int, int, int]]  # view start, view end, text start, text end; none: the text itself
    offset: int = 0  # where the clause starts in the text

    def span(self, a: int, b: int) -> tuple[int, int]:
        if not self.tokens:
            return (self.offset + a, self.offset + b)
        inside = [t for t in self.tokens if t[1] > a and t[0] < b]
        return (inside[0][2], inside[-1][3]) if inside else (0, 0)


def _clauses(norm: str) -> list[tuple[int, int]]:
    from razdel import sentenize

    out = []
    for sentence in sentenize(norm):
        start = sentence.start
        for part in re.split(r"(;)", sentence.text):
            if part != ";" and part.strip():
                out.append((start, start + len(part)))
            start += len(part)
    return out


def _view(norm: str, start: int, end: int, lang: str) -> _View:
    from razdel import tokenize

    if lang not in ("ru", "kk"):  # English and Uzbek: the text itself
        return _View(norm[start:end], [], start)
    words: list[str] = []
    tokens = []
    at = 0
    for t in tokenize(norm[start:end]):
        word = t.text
        if lang == "ru" and word[:1].isalpha():
            word = _lemma(word).replace("ё", "е")
        elif lang == "kk" and word[:1].isalpha():
            word = stem(word)
        words.append(word)
        tokens.append((at, at + len(word), start + t.start, start + t.stop))
        at += len(word) + 1
    return _View(" ".join(words), tokens)


def _match(frame: _Frame, view: _View) -> list[tuple[int, int]] | None:
    """The places where each part of the frame matches, at different places, or None."""
    taken: list[tuple[int, int]] = []
    for part in frame.parts:
        for m in part.finditer(view.text):
            if not any(_overlap(m.span(), t) for t in taken):
                taken.append(m.span())
                break
        else:
            return None
    return taken


def _add_frames(text: str, norm: str, lang: str, findings: list[Finding]) -> None:
    """Findings from frames (frames.py) for the factors the fixed patterns did not find."""
    found = {f.code for f in findings}
    todo = [code for code, by in _FRAMES.items() if code not in found and by.get(lang)]
    if not todo:
        return
    views = [(norm[a:b], _view(norm, a, b, lang)) for a, b in _clauses(norm)]
    for code in todo:
        bounded = None
        for frame in _FRAMES[code][lang]:
            hit = next(
                (
                    (view, places)
                    for clause, view in views
                    if (places := _match(frame, view)) is not None
                    and not (frame.negatable and _PROHIBIT[lang].search(clause))
                    and not any(u.search(view.text) for u in frame.unless)
                ),
                None,
            )
            if hit is None:
                continue
            if frame.bounded:
                if bounded is None:
                    bounded = any(p.search(norm) for p in _BOUND.get(code, {}).get(lang, []))
                if bounded:
                    continue
            view, places = hit
            spans = [view.span(a, b) for a, b in places]
            triggers = [text[a:b].strip() for a, b in spans if b > a]
            findings.append(
                Finding(code, list(dict.fromkeys(triggers))[:5], 0.7, spans if len(norm) == len(text) else [])
            )
            break


def _resolve_overlaps(findings: list[Finding]) -> None:
    """Apply the taxonomy's precedence: an evaluative deadline is NO_DEADLINE only; vague acceptance wording
    is VAGUE_ACCEPTANCE only; a refusal without reasons to an applicant is not also a missing procedure."""
    codes = {f.code for f in findings}
    drop = set()
    if "VAGUE_TERMS" in codes and codes & {"VAGUE_ACCEPTANCE", "NO_DEADLINE"}:
        vague = next(f for f in findings if f.code == "VAGUE_TERMS")
        others = [f for f in findings if f.code in ("VAGUE_ACCEPTANCE", "NO_DEADLINE")]
        covered = (
            all(any(_overlap(s, o) for f in others for o in f.spans) for s in vague.spans) if vague.spans else True
        )
        if covered or "VAGUE_ACCEPTANCE" in codes:
            drop.add("VAGUE_TERMS")
    if "NO_PROCEDURE" in codes and "APPLICANT_ABUSE" in codes:
        drop.add("NO_PROCEDURE")
    if (
        "NO_DEADLINE" in codes
        and "APPLICANT_ABUSE" in codes
        and _covered(findings, "NO_DEADLINE", ("APPLICANT_ABUSE",))
    ):
        drop.add("NO_DEADLINE")  # an indefinite suspension of an application is the applicant's problem
    if "DISCRETION" in codes and _covered(
        findings, "DISCRETION", ("NORM_CONFLICT", "EXCESSIVE_REQUIREMENTS", "MAY_FORMULA")
    ):
        drop.add("DISCRETION")  # the choice is already what makes the conflict or the open-ended demand
    if "MAY_FORMULA" in codes and "UNILATERAL_PRICE_CHANGE" in codes:
        drop.add("MAY_FORMULA")  # a party's right to revise the price is not an optional control duty
    findings[:] = [f for f in findings if f.code not in drop]


def _covered(findings: list[Finding], code: str, by: tuple[str, ...]) -> bool:
    target = next(f for f in findings if f.code == code)
    others = [s for f in findings if f.code in by for s in f.spans]
    return bool(target.spans) and bool(others) and all(any(_overlap(s, o) for o in others) for s in target.spans)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]
