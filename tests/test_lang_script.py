"""Counting letters by script (Cyrillic, Latin), character by character."""
from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from tmtool.lang.script import script_counts


def counted_one_by_one(text: str) -> tuple[int, int]:
    cyrillic = sum(1 for c in text if c.isalpha() and "\u0400" <= c <= "\u052f")
    latin = sum(1 for c in text if c.isalpha() and not "\u0400" <= c <= "\u052f"
                and (c.isascii() or unicodedata.name(c, "").startswith("LATIN")))
    return cyrillic, latin


def test_counts_cyrillic_and_latin_letters_only() -> None:
    assert script_counts("Київ (Kyiv), 2025 р.; ǅ Ω") == (5, 5)


@given(st.text())
def test_counts_equal_those_taken_character_by_character(text: str) -> None:
    assert script_counts(text) == counted_one_by_one(text)
