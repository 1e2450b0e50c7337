"""translit rule table: Ukrainian names outside the glossary, romanized off-standard."""
from __future__ import annotations

import pytest

from tests.rules import lint_en, lint_pair, where
from tmtool.lang import morphology

RULE = "translit"
MODES = [pytest.param(True, id="pymorphy3", marks=pytest.mark.skipif(
    morphology.analyzer() is None, reason="pymorphy3 not installed")),
    pytest.param(False, id="suffix-rules")]


@pytest.mark.parametrize("use_morphology", MODES)
@pytest.mark.parametrize(("uk", "en", "expected"), [
    ("Міністр Борис Тарасюк прибув.", "Minister Borys Tarasiuk arrived.", []),
    ("Міністр Борис Тарасюк прибув.", "Minister Borys Tarasyuk arrived.", [(RULE, 11, 20)]),
    ("Ми зустріли Андрія Коваленка.", "We met Andrii Kovalenko.", []),
    ("Ми зустріли Андрія Коваленка.", "We met Andriy Kovalenko.", [(RULE, 11, 12)]),
    ("Вірш Тараса Шевченка", "A poem by Taras Shevchenko", []),      # in the glossary
    ("Зустріч із Володимиром Зеленським", "Meeting Volodymyr Zelenskyy", []),  # glossary wins
    ("Ми зустріли Андрія Коваленка.", "We met the mayor.", []),        # no rendering to judge
])
def test_bilingual(use_morphology: bool, uk: str, en: str, expected: list[tuple[str, int, int]]) -> None:
    assert where(lint_pair(uk, en, RULE, use_morphology=use_morphology)) == expected


def test_suggestion_is_the_standard_form() -> None:
    [finding] = lint_pair("Міністр Борис Тарасюк прибув.", "Minister Borys Tarasyuk arrived.", RULE)
    assert (finding.found, finding.expected) == ("Tarasyuk", "Tarasiuk")


def test_monolingual_text_is_never_checked() -> None:
    assert lint_en("Minister Borys Tarasyuk arrived.", RULE) == []


@pytest.mark.parametrize("use_morphology", MODES)
def test_place_names_are_checked_too(use_morphology: bool) -> None:
    findings = lint_pair("Ми приїхали до Житомира.", "We came to Zhitomir.", RULE,
                         use_morphology=use_morphology)
    assert [(f.found, f.expected) for f in findings] == [("Zhitomir", "Zhytomyr")]
    assert lint_pair("Ми приїхали до Житомира.", "We came to Zhytomyr.", RULE,
                     use_morphology=use_morphology) == []
