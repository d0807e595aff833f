"""A counterparty's legal form, said once: names are tidied of a repeated legal form on input and
import ("Sunkar Energy Ltd Ltd", "ИП Иванов ИП", "ТОО ТОО «Алтын»"), and the legal-form field is shown
beside a name only when the name does not already carry one (in any script: "Altyn Construction LLP"
with the form "ТОО" is shown as it is). Plain Python over the screening engine's legal-form table."""

from functools import lru_cache

from senim.screening.engine import parse_name
from senim.screening.engine.legal_forms import legal_form_types
from senim.screening.engine.names import fold_case

_QUOTES = "«»\"'“”„"
# Abbreviations the register writes that the engine's table (made for list entries) leaves out.
_EXTRA = {"ie": frozenset({"individual_entrepreneur"})}


@lru_cache(maxsize=4096)
def _form_of(word: str) -> frozenset[str]:
    bare = fold_case(word.strip(_QUOTES + ",."))
    if not bare:
        return frozenset()
    return _EXTRA.get(bare) or legal_form_types([bare])


def carries_legal_form(name: str) -> bool:
    """Whether the name already says its legal form at its start or end."""
    words = name.split()
    if not words:
        return False
    return bool(_form_of(words[0]) or _form_of(words[-1]) or parse_name(name, "Organization").legal_forms)


def tidy_name(name: str) -> str:
    """The name with each legal form at its edges said once; other words and their order unchanged."""
    words = name.split()
    if len(words) < 2:
        return " ".join(words)
    seen: set[frozenset[str]] = set()
    keep = [True] * len(words)
    # Legal forms stand at the start ("ТОО ТОО «X»") or at the end ("X Ltd Ltd", "ИП X ИП").
    start = 0
    while start < len(words) - 1 and _form_of(words[start]) and not any(q in words[start] for q in _QUOTES):
        form = _form_of(words[start])
        if form in seen:
            keep[start] = False
        seen.add(form)
        start += 1
    end = len(words) - 1
    while end > start and _form_of(words[end]):
        end -= 1
    for index in range(end + 1, len(words)):
        form = _form_of(words[index])
        if form in seen:
            keep[index] = False
        seen.add(form)
    kept = [w for w, k in zip(words, keep, strict=True) if k]
    return " ".join(kept) if kept else " ".join(words)
