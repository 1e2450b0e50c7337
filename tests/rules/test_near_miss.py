"""near-miss rule table: variants fire, ordinary words never do."""
from __future__ import annotations

import pytest

from tests.rules import lint_en, lint_pair, options, pair, where
from tmtool.glossary import load_glossary
from tmtool.glossary.model import Glossary
from tmtool.lint.engine import lint_units
from tmtool.lint.units import LintUnit, TextSide

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


@pytest.fixture(scope="module")
def names(tmp_path_factory: pytest.TempPathFactory) -> Glossary:
    path = tmp_path_factory.mktemp("glossary") / "names.csv"
    path.write_text(
        "id,type,uk,en,en_allowed,en_forbidden,en_historical,note\n"
        "place.uzhhorod,place,Ужгород,Uzhhorod,,Uzhgorod,,\n"
        "person.rotaru,person,Софія Ротару | Ротару,Sofia Rotaru,Rotaru,,,\n"
        "org.ukrzaliznytsia,organization,Укрзалізниця,Ukrzaliznytsia,,,,\n"
        "person.kostenko,person,Ліна Костенко | Костенко,Lina Kostenko,Kostenko,,,\n"
        "person.zelenskyy,person,Володимир Зеленський | Зеленський,Volodymyr Zelenskyy,"
        "Zelenskyy,,,\n",
        encoding="utf-8",
    )
    return load_glossary([path])


def test_a_sentence_initial_variant_fires_when_the_ukrainian_side_names_the_term(
    names: Glossary,
) -> None:
    unit = pair("Ужгород розташований біля кордону.", "Uzhorod lies near the border.")
    assert [(f.rule, f.found) for f in lint_units([unit], names, options(None))] == [
        (RULE, "Uzhorod")]


def test_a_sentence_initial_word_without_bilingual_evidence_must_match_exactly(
    names: Glossary,
) -> None:
    unit = LintUnit("doc.md", TextSide("Uzhorod lies near the border.", 1, 1, "en"))
    assert lint_units([unit], names, options(RULE)) == []


@pytest.mark.parametrize(("uk", "en", "found"), [
    (None, "Then Sofia Rotary sang.", "Sofia Rotary"),           # a two-word name
    ("Софія Ротару заспівала.", "Rotary sang.", "Rotary"),        # the Ukrainian names her
    ("Квитки на сайті Укрзалізниці.", "Tickets on the Ukrzaliznytsa site.", "Ukrzaliznytsa"),
    (None, "A statement by Lina Kostenka.", "Lina Kostenka"),      # -a for -o is no feminine
    ("Костенко рідко дає інтерв'ю.", "Kostenka rarely gives interviews.", "Kostenka"),
])
def test_a_final_vowel_slip_in_a_known_name_fires(
    names: Glossary, uk: str | None, en: str, found: str
) -> None:
    if uk is None:
        unit = LintUnit("doc.md", TextSide(en, 1, 1, "en"))
    else:
        unit = pair(uk, en)
    assert [(f.rule, f.found) for f in lint_units([unit], names, options(RULE))] == [(RULE, found)]


def test_a_lone_english_word_one_vowel_off_a_name_is_silent(names: Glossary) -> None:
    unit = LintUnit("doc.md", TextSide("A new Rotary Club opened in town.", 1, 1, "en"))
    assert lint_units([unit], names, options(RULE)) == []


def test_the_feminine_of_a_named_surname_is_silent_beside_it(names: Glossary) -> None:
    unit = pair("Прибули Зеленський і його дружина Зеленська.",
                "Zelenskyy and his wife Zelenska arrived.")
    assert lint_units([unit], names, options(RULE)) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Ukrzaliznytsa cancelled trains.", ["Ukrzaliznytsa"]),  # long: a name even at the start
    ("Crimes fell.", []),                                   # short: may be an ordinary word
])
def test_a_long_sentence_initial_word_is_matched_by_edit_distance(
    names: Glossary, text: str, expected: list[str]
) -> None:
    unit = LintUnit("doc.md", TextSide(text, 1, 1, "en"))
    assert [f.found for f in lint_units([unit], names, options(RULE))] == expected
