"""Script-level text normalisation: Unicode forms, look-alike letters, Turkic case folding, quotes.

Contract: every function here accepts any ``str`` (emoji, unknown scripts, control characters, empty)
and never raises. Nothing here transliterates; see ``transliteration`` for that.
"""

from __future__ import annotations

import re
import unicodedata

from senim.screening.engine import tables

# Apostrophe-like marks used in Uzbek Latin (oʻ, gʻ, tutuq belgisi) and in the Kazakh 2017 alphabet.
# Real data uses them interchangeably, so all collapse to ASCII "'".
APOSTROPHES = "ʻʼ'`‘’′´ʹʽʾʿ＇"
# Quotes that always open or always close a quoted span.
OPENING_QUOTES = "«„‹「『⹂"
CLOSING_QUOTES = "»›」』"
# Quotes whose direction depends on context ("…", “…”, „…“ German style).
AMBIGUOUS_QUOTES = '"“”‟＂'

_LOOKALIKES = tables.LOOKALIKES
_APOSTROPHE_TABLE = {ord(c): "'" for c in APOSTROPHES}
_QUOTE_TABLE = {ord(c): " " for c in OPENING_QUOTES + CLOSING_QUOTES + AMBIGUOUS_QUOTES}
_FOLD_TABLE = str.maketrans(
    {**_LOOKALIKES, **{chr(k): v for k, v in _APOSTROPHE_TABLE.items()}, **dict.fromkeys(tables.SILENT_MARKS, "")}
)

# Latin letters that look like Cyrillic ones; used only inside a word that is mostly Cyrillic.
_LATIN_TO_CYRILLIC = str.maketrans(tables.LATIN_TO_CYRILLIC)
_CYRILLIC_TO_LATIN_LOOKALIKE = str.maketrans(tables.CYRILLIC_TO_LATIN_LOOKALIKE)
_CYRILLIC = re.compile(r"[\u0400-\u04ff\u0500-\u052f]")
_LATIN = re.compile(r"[a-z\u00c0-\u024f]")
_COMBINING = re.compile(r"[\u0300-\u036f\u0483-\u0489\u1ab0-\u1aff\u20d0-\u20ff\ufe20-\ufe2f]")
_CONTROL = re.compile(r"[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]")


# GOST 7.79 system B marks ы, э and ъ with a backtick after y, e (y`, e`) and a double one (``);
# Uzbek o` and g` keep theirs (tables.SILENT_MARKS are dropped too: BGN/PCGN's · in Bau·yrzhan).
_GOST_B_MARKS = re.compile(r"(?<=[yYeE])`|``")


def fold_case(text: str) -> str:
    """Lower-case ``text`` treating Turkic İ/I/ı and Latin look-alikes of Kazakh letters as one.

    Python's ``lower()`` turns "İ" into "i̇" (with a combining dot) and is not Turkic-aware, so the
    dotted and dotless forms are folded to plain "i" first. Apostrophe variants become "'".
    """
    text = unicodedata.normalize("NFKC", text)
    if "<<" in text or ">>" in text:
        # Guillemets typed on a Latin keyboard, or folded to ASCII (ICU's Latin-ASCII: « → <<).
        text = text.replace("<<", "«").replace(">>", "»")
    if "`" in text:
        text = _GOST_B_MARKS.sub("", text)
    text = text.translate(_FOLD_TABLE).lower()
    text = _CONTROL.sub(" ", text)
    return _COMBINING.sub("", text)


def fix_mixed_script(word: str) -> str:
    """Repair a word typed with a mix of Latin and Cyrillic look-alike letters.

    "Aхметов" (Latin A) becomes all-Cyrillic; a mostly Latin word with a stray Cyrillic "о" becomes
    all-Latin. Words in one script are returned unchanged.
    """
    cyrillic = len(_CYRILLIC.findall(word))
    if not cyrillic:
        return word
    latin = len(_LATIN.findall(word))
    if not latin:
        return word
    if cyrillic >= latin:
        return word.translate(_LATIN_TO_CYRILLIC)
    return word.translate(_CYRILLIC_TO_LATIN_LOOKALIKE)


def is_cyrillic(word: str) -> bool:
    return _CYRILLIC.search(word) is not None


_ANY_QUOTE = re.compile("[" + re.escape(OPENING_QUOTES + CLOSING_QUOTES + AMBIGUOUS_QUOTES) + "]")
# A word: letters/digits with inner apostrophes ("o'g'li", "ra'no"); a trailing apostrophe is kept
# because it is meaningful in the Kazakh 2017 alphabet ("a'" = ә) and harmless otherwise.
_WORD = re.compile(r"[^\W_]+(?:'+[^\W_]+)*'?")


def has_quotes(text: str) -> bool:
    return _ANY_QUOTE.search(text) is not None


_QUOTE_SPLIT = re.compile("([" + re.escape(OPENING_QUOTES + CLOSING_QUOTES + AMBIGUOUS_QUOTES) + "])")


def quote_depths(text: str) -> list[tuple[str, int, bool]]:
    """Split folded ``text`` into words with their quote nesting depth.

    Returns ``(word, depth, opens_quote_after)`` where ``opens_quote_after`` tells whether the next
    non-space character after the word opens a quote (as in АО «НК «ҚазМұнайГаз»» for "нк"). Nested
    and unbalanced quotes of every kind are tolerated. An ambiguous quote (" “ ”) opens after a
    space, the start or another opening quote, and closes otherwise.
    """
    words: list[tuple[str, int, bool]] = []
    depth = 0
    previous = " "
    for index, part in enumerate(_QUOTE_SPLIT.split(text)):
        if not part:
            continue
        if index % 2 == 0:  # text between quotes
            for word in _WORD.findall(part):
                trimmed = _trim(word)
                if trimmed:
                    words.append((trimmed, depth, False))
            previous = part[-1]
            continue
        opening = part in OPENING_QUOTES or (
            part in AMBIGUOUS_QUOTES and (previous.isspace() or previous in OPENING_QUOTES)
        )
        if opening:
            if (
                words
                and words[-1][1] == depth
                and not words[-1][2]
                and (previous.isspace() or previous == words[-1][0][-1:])
            ):
                word, word_depth, _ = words[-1]
                words[-1] = (word, word_depth, True)
            depth += 1
        else:
            depth = max(0, depth - 1)
        previous = part
    return words


_MEANINGFUL_TRAILING_APOSTROPHE = re.compile(r"[agiounysc]'$")


def _trim(word: str) -> str:
    """Drop apostrophes used as quotes: leading ones, and trailing ones unless they mark a Kazakh
    2017 letter (a' = ә) or Uzbek oʻ/gʻ."""
    word = word.lstrip("'")
    if word.endswith("'") and not _MEANINGFUL_TRAILING_APOSTROPHE.search(word):
        word = word.rstrip("'")
    return word


def split_words(text: str) -> list[str]:
    """Split folded text into words, dropping quotes, punctuation and quote-like apostrophes."""
    return [w for w in (_trim(m) for m in _WORD.findall(text)) if w]
