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


def test_title_case_heading_is_not_a_case_error() -> None:
    from tests.rules import GLOSSARY, options
    from tmtool.glossary.model import Glossary, GlossaryEntry
    from tmtool.lint.engine import lint_units
    from tmtool.lint.units import LintUnit, TextSide

    mfa = GlossaryEntry("org.mfa", "organization", ("МЗС",), "Ministry of Foreign Affairs")
    glossary = Glossary((*GLOSSARY.entries, mfa))
    assert lint_units([LintUnit("a.md", TextSide("# The Ministry Of Foreign Affairs", 1))],
                      glossary, options(RULE)) == []
    [finding] = lint_units([LintUnit("a.md", TextSide("the ministry of Foreign Affairs", 1))],
                           glossary, options(RULE))
    assert finding.found == "ministry of Foreign Affairs"
