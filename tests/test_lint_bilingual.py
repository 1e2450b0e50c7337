"""Translation units as lint units: sides chosen by language, in one pass over the
variants, exactly as `TranslationUnit.variant` would choose them."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tmtool.lint.bilingual import lint_units
from tmtool.model import Segment, TranslationUnit, Variant

CODES = ["uk-UA", "uk", "UK", "uk_ua", "Uk-ua", "en-GB", "en", "EN-us", "en_GB", "de", "ukr"]


def unit_of(codes: list[str]) -> TranslationUnit:
    return TranslationUnit(tuple(
        Variant(code, Segment.from_text(f"text {number}")) for number, code in enumerate(codes)
    ), tuid="1")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(CODES), max_size=4))
def test_sides_are_the_variants_the_unit_names_for_each_language(codes: list[str]) -> None:
    unit = unit_of(codes)
    source, target = unit.variant("uk"), unit.variant("en")
    linted = list(lint_units([unit], name="t.tmx"))
    if source is None and target is None:
        assert linted == []
        return
    (lint_unit,) = linted
    assert (lint_unit.source.text if lint_unit.source else None) == (source.text if source else None)
    assert (lint_unit.target.text if lint_unit.target else None) == (target.text if target else None)


def test_bare_language_code_wins_over_an_earlier_regional_one() -> None:
    (unit,) = lint_units([unit_of(["uk-UA", "en-GB", "uk"])], name="t.tmx")
    assert unit.source is not None and unit.source.text == "text 2"
    assert unit.target is not None and unit.target.text == "text 1"


def test_units_without_notes_ignore_nothing() -> None:
    (unit,) = lint_units([unit_of(["uk", "en"])], name="t.tmx")
    assert unit.ignored == frozenset()
