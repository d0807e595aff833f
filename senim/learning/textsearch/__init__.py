"""Search keys for knowledge-base text in Russian, Kazakh, Uzbek and English, in either script
(plain Python, no Django). See normalise.py."""

from senim.learning.textsearch.normalise import document_keys, query_keys

__all__ = ["document_keys", "query_keys"]
