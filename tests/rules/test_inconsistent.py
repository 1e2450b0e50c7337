"""inconsistent rule table: spellings of one term across units of a run."""
from __future__ import annotations

from tests.rules import GLOSSARY, lint_en, options, pair, where
from tmtool.lint.engine import lint_units
from tmtool.lint.units import LintUnit, TextSide

RULE = "inconsistent"


def run(*units: LintUnit) -> list[tuple[str, int, int]]:
    return where(lint_units(list(units), GLOSSARY, options(RULE)))


def en(text: str, path: str = "a.md") -> LintUnit:
    return LintUnit(path, TextSide(text, 1, 1, "en"))


def test_same_spelling_everywhere_is_silent() -> None:
    assert run(en("Kassym-Jomart Tokayev spoke."), en("Kassym-Jomart Tokayev left.", "b.md")) == []


def test_minority_spelling_is_reported_across_files() -> None:
    assert run(
        en("Kassym-Jomart Tokayev spoke."),
        en("Then Kassym-Jomart Tokayev left.", "b.md"),
        en("Later Kassym Jomart Tokayev came.", "c.md"),
    ) == [(RULE, 1, 7)]


def test_allowed_short_forms_plurals_case_and_possessives_are_not_inconsistent() -> None:
    assert run(
        en("Qasim Qaysenov and Qaysenov's memoirs; Kyiv, KYIV, Kyiv's."),
        en("an Ambassador Extraordinary and Plenipotentiary; two Ambassadors Extraordinary "
           "and Plenipotentiary"),
        en("agro-industrial complex", "b.md"),
    ) == []


def test_hyphen_and_joined_spellings_in_bilingual_units() -> None:
    first = pair("агропромисловий комплекс", "the agro-industrial complex", "1", 10)
    second = pair("агропромисловий комплекс", "the agro-industrial complex", "2", 20)
    third = pair("агропромислового комплексу", "the agroindustrial complex", "3", 30)
    assert run(first, second, third) == [(RULE, 31, 9)]


def test_a_line_break_hyphen_is_the_same_spelling() -> None:
    assert run(en("Kamianske grew."), en("in Kamian-\nske", "b.md")) == []


def test_reported_once_per_occurrence_with_the_house_spelling() -> None:
    findings = lint_units([en("Kassym-Jomart Tokayev"), en("Kassym Jomart Tokayev", "b.md"),
                           en("Kassym-Jomart Tokayev", "c.md")], GLOSSARY, options(RULE))
    [finding] = findings
    assert (finding.path, finding.found, finding.expected) == (
        "b.md", "Kassym Jomart Tokayev", "Kassym-Jomart Tokayev")


def test_ignored_units_are_not_counted() -> None:
    ignored = LintUnit("b.md", TextSide("Kassym Jomart Tokayev", 1), ignored=frozenset({RULE}))
    assert run(en("Kassym-Jomart Tokayev"), ignored) == []
    assert lint_en("Kassym Jomart Tokayev", RULE) == []
