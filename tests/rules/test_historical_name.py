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
    # the region keeps the old name of its city: not a former name
    ("Strikes hit the Dniprodzerzhynsk region and the capital.", []),
    ("The Dniprodzerzhynsk Oblast council met.", []),
    ("He lived in Dniprodzerzhynsk, the regional centre.", [(RULE, 1, 13)]),
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


def test_a_region_named_after_a_renamed_city_is_not_flagged_with_the_shipped_glossary() -> None:
    """A real speech of April 2022: "strikes at Lviv, at the Dnipropetrovsk region". The city
    is Dnipro since 2016; the region kept its name."""
    from pathlib import Path

    from tests.rules import options
    from tmtool.glossary import load_glossary
    from tmtool.lint.engine import lint_units
    from tmtool.lint.units import LintUnit, TextSide

    shipped = load_glossary([Path(__file__).resolve().parents[2] / "glossaries"])
    region = LintUnit("s.md", TextSide("Today's strikes at Lviv, at the Dnipropetrovsk region hurt.", 1, 1, "en"))
    city = LintUnit("c.md", TextSide("He lived in Dnipropetrovsk.", 1, 1, "en"))
    found = lint_units([region, city], shipped, options(RULE))
    assert [(f.path, f.rule) for f in found] == [("c.md", RULE)]
