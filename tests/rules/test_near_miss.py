"""near-miss rule table: variants fire, ordinary words never do."""
from __future__ import annotations

import pytest

from tests.rules import lint_en, lint_pair, where

RULE = "near-miss"


@pytest.mark.parametrize(("text", "expected"), [
    ("Kazakh hero Qasim Qaysenov fought here.", []),
    ("Kazakh hero Qasim Qaysenoff fought here.", [(RULE, 1, 13)]),
    ("We read Shevchenco every year.", [(RULE, 1, 9)]),
    ("The Kamyanske plant", [(RULE, 1, 5)]),
    ("Kaissenov's memoirs", [(RULE, 1, 1)]),
    ("President Kassym-Zhomart Tokayev", [(RULE, 1, 11)]),
    ("Zelenskyi spoke.", [(RULE, 1, 1)]),
    ("Tokaev spoke first.", [(RULE, 1, 1)]),
    ("He met Kasym Tokaev.", [(RULE, 1, 14)]),  # the surname alone is a variant of Tokayev
    ("Taras Shevchanko wrote it.", [(RULE, 1, 1)]),  # two words: a name even at the start
    ("We read Volodymyr Zelenskij.", [(RULE, 1, 9)]),  # j written for y (German/Polish style)
])
def test_variants_fire(text: str, expected: list[tuple[str, int, int]]) -> None:
    assert where(lint_en(text, RULE)) == expected


@pytest.mark.parametrize("text", [
    "Crime rates fell in Crimea.", "Person of the Year", "The Shevchenko Prize",
    "Kiev is forbidden, not a near miss.", "President Zelenskyy and Taras Shevchenko.",
    "Texas and Tarot", "Kyivan Rus", "Kazakhs and Ukrainians", "The Aktau port",
    "Sauce, Senator, Shelter, Kamikaze, Ambassador, Tokyo, Zealand.",
])
def test_ordinary_and_correct_words_are_silent(text: str) -> None:
    assert lint_en(text, RULE) == []


def test_finding_names_the_approved_form() -> None:
    [finding] = lint_en("We read Shevchenco.", RULE)
    assert (finding.term_id, finding.found, finding.expected) == (
        "person.shevchenko", "Shevchenco", "Shevchenko")


@pytest.mark.parametrize(("uk", "en", "expected"), [
    ("Твори Шевченка", "Works of Shevchenko", []),
    ("Твори Шевченка", "Works of Shevchenco", [(RULE, 11, 14)]),
])
def test_bilingual(uk: str, en: str, expected: list[tuple[str, int, int]]) -> None:
    assert where(lint_pair(uk, en, RULE)) == expected


@pytest.mark.parametrize("text", [
    "First Lady Olena Zelenska spoke.", "Mrs Kaisenova spoke.", "His wife Tokayeva came.",
])
def test_feminine_and_inflected_forms_of_a_name_are_not_misspellings(text: str) -> None:
    assert lint_en(text, RULE) == []
