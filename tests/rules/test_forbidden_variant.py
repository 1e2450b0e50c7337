"""forbidden-variant rule table."""
from __future__ import annotations

import pytest

from tests.rules import lint_en, lint_pair, where
from tmtool.findings import Severity

RULE = "forbidden-variant"


@pytest.mark.parametrize(("text", "expected"), [
    ("He studied in Kyiv.", []),
    ("He studied in Kiev.", [(RULE, 1, 15)]),
    ("KIEV AND KYIV", [(RULE, 1, 1)]),
    ("The\nKiev's parks", [(RULE, 2, 1)]),
    ("Kazakh hero Kasym Kaisenov fought.", [(RULE, 1, 13)]),
    ("Kazakh hero Qasim Qaysenov fought.", []),
    ("Kiev-based", [(RULE, 1, 1)]),
    ("Kievan Rus", []),
])
def test_monolingual(text: str, expected: list[tuple[str, int, int]]) -> None:
    assert where(lint_en(text, RULE)) == expected


def test_finding_details() -> None:
    [finding] = lint_en("He met Zelensky.", RULE)
    assert finding.severity is Severity.ERROR
    assert (finding.term_id, finding.found, finding.expected, finding.end_column) == (
        "person.zelenskyy", "Zelensky", "Volodymyr Zelenskyy", 16)
    assert finding.message == "'Zelensky' is a forbidden rendering of person.zelenskyy; use 'Volodymyr Zelenskyy'"


@pytest.mark.parametrize(("uk", "en", "expected"), [
    ("у Києві", "in Kyiv", []),
    ("у Києві", "in Kiev", [(RULE, 11, 8)]),
])
def test_bilingual(uk: str, en: str, expected: list[tuple[str, int, int]]) -> None:
    assert where(lint_pair(uk, en, RULE)) == expected
