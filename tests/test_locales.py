from __future__ import annotations

import pytest

from tmtool.errors import ConfigError
from tmtool.locales import canonical_locale, locale_problem, primary_language


@pytest.mark.parametrize(
    ("code", "canonical"),
    [("uk-ua", "uk-UA"), ("EN-gb", "en-GB"), ("uk", "uk"), ("sr-latn-rs", "sr-Latn-RS"), ("es-419", "es-419")],
)
def test_canonical_locale_fixes_case(code: str, canonical: str) -> None:
    assert canonical_locale(code) == canonical


@pytest.mark.parametrize(
    ("code", "problem"),
    [
        ("uk_UA", "locale 'uk_UA' uses '_'; write 'uk-UA'"),
        ("ua", "locale 'ua': 'ua' is not a language code; use 'uk'"),
        ("ukr", "locale 'ukr': 'ukr' is not a language code; use 'uk'"),
        ("english", "locale 'english' is not a BCP 47 language[-REGION] code"),
    ],
)
def test_locale_problem_names_codes_cat_tools_reject(code: str, problem: str) -> None:
    assert locale_problem(code) == problem
    with pytest.raises(ConfigError):
        canonical_locale(code)


def test_primary_language() -> None:
    assert primary_language("uk-UA") == primary_language("uk_ua") == "uk"
