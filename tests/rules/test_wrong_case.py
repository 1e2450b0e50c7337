"""wrong-case rule table."""
from __future__ import annotations

import pytest

from tests.rules import lint_en, lint_pair, where

RULE = "wrong-case"


@pytest.mark.parametrize(("text", "expected"), [
    ("We met in Kyiv.", []),
    ("## KYIV TODAY", []),
    ("We met in kyiv.", [(RULE, 1, 11)]),
    ("Shevchenko and shevchenko", [(RULE, 1, 16)]),
    ("The BI Group company", []),
    ("The Bi Group company", [(RULE, 1, 5)]),
    ("an ambassador extraordinary and plenipotentiary", []),
    ("the Agro-Industrial Complex", []),
])
def test_monolingual(text: str, expected: list[tuple[str, int, int]]) -> None:
    assert where(lint_en(text, RULE)) == expected


@pytest.mark.parametrize(("uk", "en", "expected"), [
    ("у Києві", "in Kyiv", []),
    ("у Києві", "in kyiv", [(RULE, 11, 8)]),
])
def test_bilingual(uk: str, en: str, expected: list[tuple[str, int, int]]) -> None:
    assert where(lint_pair(uk, en, RULE)) == expected
