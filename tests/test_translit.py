"""KMU-55 romanization against the resolution's own examples and translitua as an oracle."""
from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tmtool.lang.translit import _transliterate_text, transliterate

DATA = Path(__file__).parent / "data" / "glossary"


def examples() -> list[tuple[str, str]]:
    rows = []
    for line in (DATA / "kmu55_examples.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            cyrillic, latin = line.split("\t")
            rows.append((cyrillic, latin))
    return rows


@pytest.mark.parametrize(("cyrillic", "latin"), examples())
def test_resolution_examples(cyrillic: str, latin: str) -> None:
    assert transliterate(cyrillic) == latin


def test_example_file_has_the_whole_table() -> None:
    assert len(examples()) >= 80


@pytest.mark.parametrize(("text", "expected"), [
    ("Кам’янське", "Kamianske"), ("Камʼянське", "Kamianske"), ("Кам'янське", "Kamianske"),
    ("ЩЕРБУХИ", "SHCHERBUKHY"), ("Щербухи", "Shcherbukhy"), ("Згорани", "Zghorany"),
    ("Київ, 2025 р.", "Kyiv, 2025 r."), ("Qasim", "Qasim"), ("Івано-Франківськ", "Ivano-Frankivsk"),
])
def test_positional_rules_and_passthrough(text: str, expected: str) -> None:
    assert transliterate(text) == expected


def test_output_is_ascii_for_ukrainian_letters() -> None:
    alphabet = "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя'"
    assert transliterate(alphabet + alphabet.upper()).isascii()


def test_matches_translitua_on_the_bench_corpus(shared_dir: Path) -> None:
    translitua = pytest.importorskip("translitua")
    corpus = shared_dir / "bench" / "data" / "uk_nt_1903.tsv.gz"
    if not corpus.exists():
        pytest.skip(f"{corpus} is absent")
    words: set[str] = set()
    with gzip.open(corpus, "rt", encoding="utf-8") as stream:
        for line in stream:
            words.update(re.findall(r"[А-ЩЬЮЯҐЄІЇа-щьюяґєії]+(?:['’ʼ][А-ЩЬЮЯҐЄІЇа-щьюяґєії]+)*", line))
    # One-letter capitals (initials such as «Я.») are title case here, ALL CAPS in translitua.
    words = {word for word in words if len(word) > 1}
    assert len(words) > 10_000
    differences = [w for w in sorted(words) if transliterate(w) != translitua.translit(w)]
    assert differences == []


@given(st.text(alphabet="абвгґдеєжзиіїйклмнопрстуфхцчшщьюяАБВГҐДЕЄЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЬЮЯ'ʼ-a", max_size=12))
def test_a_word_romanized_at_once_equals_the_letter_by_letter_rules(text: str) -> None:
    assert transliterate(text) == _transliterate_text(text)


@pytest.mark.parametrize("word", ["Згорани", "розгон", "зграя", "ЗГОРАНИ", "Ярина", "їжак", "Юрій"])
def test_the_shortcut_keeps_the_positional_rules(word: str) -> None:
    assert transliterate(word) == _transliterate_text(word)
