"""Text normalisation for matching, with a map back to the original offsets, and the one
word-token regex every matcher uses.

Normalising (NFC; apostrophes ’ ʼ ‘ ` to U+0027; soft hyphen and stress accent dropped; NBSP to
space) must never move a reported column, so `NormalText.origin(i)` gives the offset in the
original text of normalised character `i`.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

APOSTROPHE_CHARS = "\u2019\u02bc\u2018`\u2032"
SOFT_HYPHEN = "\u00ad"
_COMBINING_ACUTE = "\u0301"
_SPECIAL = re.compile(
    "[" + APOSTROPHE_CHARS + SOFT_HYPHEN + "\u00a0\u202f\u2007\u0300-\u036f" + "]"
)
_TRANSLATE = {ord(c): "'" for c in APOSTROPHE_CHARS} | {0xA0: " ", 0x202F: " ", 0x2007: " "}

# Letters and digits with inner apostrophes ("WW2" is one token, so the glossary form
# "World War 2" never matches "World War I"); underscores separate.
WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
_CYRILLIC = re.compile(r"[\u0400-\u052f]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")


@dataclass(frozen=True, slots=True)
class NormalText:
    """A normalised text; `offsets` is None when normalising changed nothing."""

    text: str
    offsets: tuple[int, ...] | None = None

    def origin(self, index: int) -> int:
        """Offset in the original text of normalised offset `index` (may be len(text))."""
        if self.offsets is None:
            return index
        return self.offsets[min(index, len(self.offsets) - 1)]


def normalize_text(text: str) -> NormalText:
    """NFC, one apostrophe, no soft hyphens or stress accents, ordinary spaces."""
    if text.isascii() and "`" not in text:  # the only special ASCII character; ASCII is NFC
        return NormalText(text)
    if not _SPECIAL.search(text) and unicodedata.is_normalized("NFC", text):
        return NormalText(text)
    out: list[str] = []
    offsets: list[int] = []
    index = 0
    length = len(text)
    while index < length:
        char = text[index]
        end = index + 1
        while end < length and unicodedata.combining(text[end]):
            end += 1
        if char == SOFT_HYPHEN:
            index = end
            continue
        cluster = char.translate(_TRANSLATE) + text[index + 1:end].replace(_COMBINING_ACUTE, "")
        if len(cluster) > 1 or not unicodedata.is_normalized("NFC", cluster):
            cluster = unicodedata.normalize("NFC", cluster)
        for piece in cluster:
            out.append(piece)
            offsets.append(index)
        index = end
    offsets.append(length)
    return NormalText("".join(out), tuple(offsets))


def normalize_apostrophes(text: str) -> str:
    """Only the character mapping of `normalize_text`, for glossary cells."""
    return normalize_text(text).text


def iter_words(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, word) of every word token of an already normalised text."""
    for match in WORD.finditer(text):
        yield match.start(), match.end(), match.group()


def has_cyrillic(text: str) -> bool:
    return _CYRILLIC.search(text) is not None


def has_latin(text: str) -> bool:
    return _LATIN.search(text) is not None


def is_mixed_script_word(word: str) -> bool:
    """A word with both Cyrillic and Latin letters: usually a homoglyph typo (Київ with a
    Latin i)."""
    return has_cyrillic(word) and has_latin(word)
