"""The candidate index: blocking on romanisation keys so a query never scans the whole list.

Layout (compact, picklable arrays; no per-record Python objects are kept after the build):

* a vocabulary of word keys (primary and alternative keys of every name word, plus joined keys of
  organisation names); ``postings`` maps each key id to the records containing it (CSR arrays);
* per name: its word key ids (then the keys of its initials, marked with ``INITIAL_MARK`` and never
  posted), patronymic key id, legal-form bit mask and implied gender, so that a candidate's
  ``ParsedName`` is rebuilt without parsing the text again;
* per record: id, schema, original names, identifiers, birth dates, countries, gender.

Search: each query word is expanded to the vocabulary keys it may match (same key, same loose key
whether or not the list knows the word, and for unknown words keys within one deletion of each
other – a SymSpell-style neighbourhood); a record is a candidate when it contains matches for at
least two query words (one for one-word names; one whole word whose entry fits every initial for
"Omarov G.N."), or shares an identifier. Candidates are scored with ``scoring.score_profiles``.
"""

from senim.screening.engine.index.build import FORMAT_VERSION, SEPARATOR
from senim.screening.engine.index.search import MAX_CANDIDATES, Index, _forms_of

__all__ = ["FORMAT_VERSION", "MAX_CANDIDATES", "SEPARATOR", "Index", "_forms_of"]
