"""Which Latin spellings count as romanizations of a Ukrainian word (for the translit rule):
the systems English texts use for Ukrainian names, and none of the readings by which
Ukrainian spells foreign names."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tmtool.lang.romanizations import is_romanization, romanization_pattern
from tmtool.lang.translit import transliterate

UKRAINIAN = "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя"


@pytest.mark.parametrize(("latin", "ukrainian"), [
    ("Tarasyuk", "тарасюк"), ("Zelenskyy", "зеленський"), ("Zelensky", "зеленський"),
    ("Zelenskiy", "зеленський"), ("Prymachenko", "приймаченко"), ("Andriy", "андрій"), ("Mriya", "мрія"),
    ("Zgurskyi", "згурський"), ("Scherbukhy", "щербухи"), ("L'viv", "львів"),
    ("Yevhen", "євген"), ("Iryna", "ірина"), ("Kadyyivka", "кадиївка"),
    ("Ivano-Frankivsk", "івано-франківськ"), ("Nazarbayev", "назарбаєв"),
])
def test_other_systems_spellings_are_romanizations(latin: str, ukrainian: str) -> None:
    assert is_romanization(latin, ukrainian)


@pytest.mark.parametrize(("latin", "ukrainian"), [
    ("Boltzmann", "больцман"), ("Canada", "канада"), ("Knesset", "кнесет"),
    ("Bennett", "беннет"), ("Macron", "макрон"), ("Scholz", "шольц"), ("Madrid", "мадрид"),
    ("Angela", "ангела"), ("Riga", "рига"), ("Johann", "йоганн"), ("Nawrocki", "навроцький"),
    ("Schmidt", "шмідт"), ("Kharkov", "харків"), ("Zhitomir", "житомир"), ("Oleg", "олег"),
    ("Yulia", "юлія"), ("Kyiv", "київ1"), ("Kyivv", "київ"),
])
def test_foreign_readings_and_other_names_are_not(latin: str, ukrainian: str) -> None:
    assert not is_romanization(latin, ukrainian)


def test_a_word_with_other_than_ukrainian_letters_has_no_pattern() -> None:
    assert romanization_pattern("bi-group") is None
    assert romanization_pattern("ёлка") is None


@given(st.text(st.sampled_from(UKRAINIAN), min_size=1, max_size=12))
@settings(max_examples=300, deadline=None)
def test_the_standard_form_is_always_a_romanization(word: str) -> None:
    assert is_romanization(transliterate(word), word)
