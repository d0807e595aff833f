"""Senim's screening matching engine: plain Python, no Django.

    from senim.screening.engine import Record, Query, Hit, Index, normalise_name, name_keys
    index = Index.build(records)
    hits = index.search(Query(names=["Тоқаев Қасым-Жомарт"]))

Names are compared through several romanisation keys per word (Kazakh/Russian/Uzbek Cyrillic,
Kazakh Latin 2017/2018/2021, Uzbek Latin, passport and English spellings); identifiers decide;
birth date, country, gender and legal form qualify. See the module docstrings for each step.
"""

from senim.screening.engine.explanation import Explanation, IdentifierFinding, Qualifier
from senim.screening.engine.identifiers import normalise_identifier
from senim.screening.engine.index import Index
from senim.screening.engine.legal_forms import LEGAL_FORM_LABELS
from senim.screening.engine.model import Hit, Query, Record
from senim.screening.engine.names import ParsedName, name_keys, normalise_name, parse_name
from senim.screening.engine.scoring import DEFAULT_THRESHOLD, score_pair

__all__ = [
    "DEFAULT_THRESHOLD",
    "LEGAL_FORM_LABELS",
    "Explanation",
    "Hit",
    "IdentifierFinding",
    "Index",
    "ParsedName",
    "Qualifier",
    "Query",
    "Record",
    "name_keys",
    "normalise_identifier",
    "normalise_name",
    "parse_name",
    "score_pair",
]
