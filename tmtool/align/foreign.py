"""Segments written in the other side's language, which pair with nothing.

A community translation often keeps a paragraph the translator has not reached yet in English,
and a page committed mid-merge holds both halves of a conflict: an English sentence then
stands on the Ukrainian side. Paired with its English twin it would be a unit whose Ukrainian
is English; paired with another sentence it would push aside the Ukrainian one that translates
it. Such a segment is prose (five words or more) with no letter of its own side's script in a
pair of documents whose languages are written in two scripts; short ones (`Try React`, a
command, a product name) are left to the aligner, whose pairs of them are harmless.
"""
from __future__ import annotations

from collections.abc import Sequence

import regex

from tmtool.align.inputs import AlignSide, expected_script
from tmtool.lang.script import script_counts

PROSE_WORDS = 5  # whitespace-separated words with letters that make a segment prose
_WORD = regex.compile(r"\S*\p{L}\S*")


def foreign_segments(side: AlignSide, other: AlignSide) -> list[bool]:
    """Per segment of `side`: True when it is prose in `other`'s script only."""
    own, theirs = expected_script(side.lang), expected_script(other.lang)
    if own == theirs:
        return [False] * len(side.segments)
    return [_is_foreign(segment.text, own) for segment in side.segments]


def _is_foreign(text: str, own: str) -> bool:
    cyrillic, latin = script_counts(text)
    own_letters, other_letters = (cyrillic, latin) if own == "cyrillic" else (latin, cyrillic)
    return own_letters == 0 and other_letters > 0 and len(_WORD.findall(text)) >= PROSE_WORDS


def mark_unpaired(groups: Sequence[int], foreign: Sequence[bool], unpaired: int) -> list[int]:
    """`groups` with each foreign segment's group replaced by `unpaired`."""
    return [unpaired if lone else group for group, lone in zip(groups, foreign)]
