"""historical-name rule table."""
from __future__ import annotations

import pytest

from tests.rules import lint_en, lint_pair, where

RULE = "historical-name"


@pytest.mark.parametrize(("text", "expected"), [
    ("Kamianske, formerly Dniprodzerzhynsk, lies on the Dnipro.", []),
    ("He studied in Dniprodzerzhynsk [modern name: Kamianske].", []),
    ("He worked in Dniprodzerzhynsk.", [(RULE, 1, 14)]),
    ("He worked in Kamianske. He was born in Dniprodzerzhynsk.", [(RULE, 1, 40)]),
    ("He worked in Dniprodzerzhynsk.\n\nKamianske is a city.", [(RULE, 1, 14)]),
])
def test_monolingual(text: str, expected: list[tuple[str, int, int]]) -> None:
    assert where(lint_en(text, RULE)) == expected


@pytest.mark.parametrize(("uk", "en", "expected"), [
    ("Він навчався в Дніпродзержинську (нині Кам'янське).",
     "He studied in Dniprodzerzhynsk (now Kamianske).", []),
    ("Він навчався в Кам'янському.", "He studied in Dniprodzerzhynsk.", [(RULE, 11, 19)]),
])
def test_bilingual(uk: str, en: str, expected: list[tuple[str, int, int]]) -> None:
    assert where(lint_pair(uk, en, RULE)) == expected
