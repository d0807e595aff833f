"""Deadlines as people write them in plans, read into a due date, a recurrence or "on demand": plain
Python, no Django.

    from senim.risks.deadlines import parse, occurrences
    d = parse("2026 жылдан бастап")      # Deadline(kind=RECURRING, recurrence=CONTINUOUS, start=2026…)
    d = parse("до 2032 года")            # Deadline(kind=DUE, due=date(2032, 12, 31))
    d = parse("как-нибудь потом")        # Deadline(kind=UNSET, problem=UNPARSEABLE) — never guessed

The original text is always kept. Every word of it must be understood: anything left over makes the
deadline unparseable, so a person sets it (see `parse.py` for the wordings understood).
"""

from senim.risks.deadlines.parse import (
    Deadline,
    Kind,
    Occurrence,
    Problem,
    Recurrence,
    occurrences,
    parse,
)

__all__ = ["Deadline", "Kind", "Occurrence", "Problem", "Recurrence", "occurrences", "parse"]
