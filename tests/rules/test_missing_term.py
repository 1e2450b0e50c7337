"""missing-term rule table (bilingual only)."""
from __future__ import annotations

import pytest

from tests.rules import lint_en, lint_pair, where
from tmtool.lang import morphology

RULE = "missing-term"
MODES = [pytest.param(True, id="pymorphy3", marks=pytest.mark.skipif(
    morphology.analyzer() is None, reason="pymorphy3 not installed")),
    pytest.param(False, id="suffix-rules")]


@pytest.mark.parametrize("use_morphology", MODES)
@pytest.mark.parametrize(("uk", "en", "expected"), [
    ("Зустріч із Касимом Кайсеновим", "A meeting with Qasim Qaysenov", []),
    ("Зустріч із Касимом Кайсеновим", "A meeting with Qaysenov", []),
    ("Зустріч із Касимом Кайсеновим", "A meeting with the hero", [(RULE, 10, 16)]),
    ("Пам'ятник Кайсенову", "A monument to him", [(RULE, 10, 15)]),
    ("Вручення грамот Надзвичайному і Повноважному Послу", "Handover to the Ambassador",
     [(RULE, 10, 21)]),
    ("Вручення грамот Надзвичайному і Повноважному Послу",
     "Handover to the Ambassador Extraordinary and Plenipotentiary", []),
    ("у Кам’янському", "in Kamianske", []),
    ("у Кам’янському", "in the city", [(RULE, 10, 7)]),
    ("Він узяв кий.", "He took the cue.", []),
    ("Олена Зеленська", "Olena Zelenska", []),
])
def test_bilingual(use_morphology: bool, uk: str, en: str, expected: list[tuple[str, int, int]]) -> None:
    assert where(lint_pair(uk, en, RULE, use_morphology=use_morphology)) == expected


@pytest.mark.parametrize(("uk", "en"), [
    ("у Києві", "in Kiev"),                      # forbidden-variant reports it
    ("Твори Шевченка", "Works of Shevchenco"),   # near-miss reports it
    ("у Кам'янському", "in Dniprodzerzhynsk"),   # historical-name reports it
])
def test_one_slip_gives_one_finding(uk: str, en: str) -> None:
    assert [f.rule for f in lint_pair(uk, en)] != [] and lint_pair(uk, en, RULE) == []


def test_monolingual_text_is_never_checked() -> None:
    assert lint_en("Зустріч із Касимом Кайсеновим", RULE) == []


def test_finding_details() -> None:
    [finding] = lint_pair("з Кайсеновим", "with him", RULE)
    assert (finding.term_id, finding.found, finding.expected, finding.unit) == (
        "person.qaysenov", "Кайсеновим", "Qasim Qaysenov", "1")


def run(*units: tuple[str, str], path: str = "mem.tmx") -> list[tuple[str, str | None]]:
    from tests.rules import GLOSSARY, options, pair
    from tmtool.lint.engine import lint_units
    from tmtool.lint.units import LintUnit

    built = [pair(uk, en, str(i), 10 * i) for i, (uk, en) in enumerate(units, 1)]
    built = [LintUnit(path, u.target, u.source, u.unit_id) for u in built]
    return [(f.rule, f.unit) for f in lint_units(built, GLOSSARY, options(RULE))]


FILLER = ("Ми працювали.", "We worked.")


def test_a_pronoun_right_after_the_name_is_not_missing() -> None:
    assert run(("Казахський герой Касим Кайсенов воював в Україні.",
                "Kazakh hero Qasim Qaysenov fought in Ukraine."),
               ("Я супроводжував Касима Кайсенова.", "I accompanied him.")) == []


def test_a_pronoun_just_before_the_name_is_not_missing() -> None:
    assert run(("Я супроводжував Касима Кайсенова.", "I accompanied him."), FILLER,
               ("Кайсенов був героєм.", "Qaysenov was a hero.")) == []


def test_a_name_dropped_far_from_any_mention_is_missing() -> None:
    assert run(("Казахський герой Касим Кайсенов воював.", "Kazakh hero Qasim Qaysenov fought."),
               FILLER, FILLER, ("Я супроводжував Касима Кайсенова.", "I accompanied him."),
               FILLER, FILLER) == [(RULE, "4")]


def test_context_does_not_cross_files() -> None:
    from tests.rules import GLOSSARY, options, pair
    from tmtool.lint.engine import lint_units
    from tmtool.lint.units import LintUnit

    first = pair("Касим Кайсенов воював.", "Qasim Qaysenov fought.", "1", 10)
    second = pair("Я супроводжував Касима Кайсенова.", "I accompanied him.", "1", 10)
    second = LintUnit("other.tmx", second.target, second.source, "1")
    assert [f.path for f in lint_units([first, second], GLOSSARY, options(RULE))] == ["other.tmx"]


def test_a_neighbour_mention_does_not_excuse_a_unit_with_no_word_that_could_refer_to_it() -> None:
    assert run(("Казахський герой Касим Кайсенов воював.", "Kazakh hero Qasim Qaysenov fought."),
               ("Я зустрів Касима Кайсенова в Алмати.", "I met a writer in Almaty."),
               ("Кайсенов був героєм.", "Qaysenov was a hero.")) == [(RULE, "2")]


def test_a_definite_description_after_the_name_is_not_missing() -> None:
    assert run(("Касим Кайсенов воював в Україні.", "Qasim Qaysenov fought in Ukraine."),
               ("Кайсенову поставили пам'ятник.", "A monument to the hero was erected.")) == []
