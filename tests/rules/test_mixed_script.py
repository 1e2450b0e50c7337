"""mixed-script rule table."""
from __future__ import annotations

import pytest

from tests.rules import lint_en, lint_pair, where

RULE = "mixed-script"


@pytest.mark.parametrize(("text", "expected"), [
    ("We met in Kyiv.", []),
    ("We met in K\u0443iv.", [(RULE, 1, 11)]),
    ("Київ і Kyiv", []),
    ("Ki-67 and 3D", []),
])
def test_monolingual(text: str, expected: list[tuple[str, int, int]]) -> None:
    assert where(lint_en(text, RULE)) == expected


@pytest.mark.parametrize(("uk", "en", "expected"), [
    ("у Києві", "in Kyiv", []),
    ("у Kиєві", "in Kyiv", [(RULE, 10, 7)]),
    # a printf placeholder's conversion letter glued to a word is not a Latin letter in it
    ("Будь ласка, %(link)sзареєструйтесь%(end_link)s.", "Please %(link)ssign up%(end_link)s.", []),
    ("Файл {name}s і %sKиїв", "File", [(RULE, 10, 22)]),  # Kиїв is still found
])
def test_bilingual(uk: str, en: str, expected: list[tuple[str, int, int]]) -> None:
    assert where(lint_pair(uk, en, RULE)) == expected


def test_suggestion_is_the_word_in_its_majority_script() -> None:
    [finding] = lint_pair("у Kиєві", "in Kyiv", RULE)
    assert (finding.found, finding.expected) == ("Kиєві", "Києві")
    [finding] = lint_en("in K\u0443iv", RULE)
    assert finding.expected == "Kyiv"
