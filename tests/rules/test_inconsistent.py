"""inconsistent rule table: spellings of one term across units of a run."""
from __future__ import annotations

from pathlib import Path

from tests.rules import GLOSSARY, lint_en, options, pair, where
from tmtool.glossary import load_glossary
from tmtool.glossary.model import Glossary
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


def _romanized_glossary(tmp_path: Path) -> Glossary:
    path = tmp_path / "names.csv"
    path.write_text(
        "id,type,uk,en,en_allowed,en_forbidden,en_historical,note\n"
        "person.ukrainka,person,Леся Українка,Lesya Ukrainka,Lesia Ukrainka,,,\n"
        "person.skoropadsky,person,Павло Скоропадський | Скоропадський,Pavlo Skoropadskyi,"
        "Skoropadskyi | Skoropadsky,,,\n"
        "title.pm,title,Прем'єр-міністр України,Prime Minister of Ukraine,"
        "Ukrainian Prime Minister,,,\n",
        encoding="utf-8",
    )
    return load_glossary([path])


def test_two_romanizations_of_one_name_are_inconsistent_even_when_both_are_allowed(
    tmp_path: Path,
) -> None:
    units = [en("Lesya Ukrainka wrote it."), en("Skoropadskyi ruled."),
             en("Later Lesia Ukrainka's poems and Skoropadsky's decrees.", "b.md")]
    findings = lint_units(units, _romanized_glossary(tmp_path), options(RULE))
    assert [(f.term_id, f.found, f.expected) for f in findings] == [
        ("person.ukrainka", "Lesia Ukrainka's", "Lesya Ukrainka"),
        ("person.skoropadsky", "Skoropadsky's", "Skoropadskyi"),
    ]


def test_different_wordings_the_glossary_allows_are_not_inconsistent(tmp_path: Path) -> None:
    units = [en("The Prime Minister of Ukraine spoke."), en("The Ukrainian Prime Minister left.")]
    assert lint_units(units, _romanized_glossary(tmp_path), options(RULE)) == []
