"""Romanization skeletons and the near-miss index."""
from __future__ import annotations

import pytest

from tmtool.glossary.model import GlossaryEntry
from tmtool.glossary.skeleton import NearMissIndex, skeleton


@pytest.mark.parametrize(("variant", "name"), [
    ("Qaysenoff", "Qaysenov"), ("Kaissenov", "Qaysenov"), ("Kaysenov", "Qaysenov"),
    ("Kassym", "Qasim"), ("Shevchenco", "Shevchenko"), ("Kamyanske", "Kamianske"),
    ("Zelenskiy", "Zelenskyy"), ("Zelensky", "Zelenskyy"), ("Jambyl", "Zhambyl"),
    ("Odessa", "Odesa"), ("Kassym-Jomart", "Kasym Zhomart"), ("Tokaev", "Tokayev"),
    ("Nazarbaev", "Nazarbayev"), ("Mykolayiv", "Mykolaiv"),
])
def test_romanization_variants_share_a_skeleton(variant: str, name: str) -> None:
    assert skeleton(variant) == skeleton(name)


@pytest.mark.parametrize(("one", "other"), [
    ("Kyiv", "Kiev"), ("Crime", "Crimea"), ("Person", "Kherson"), ("Taras", "Texas"),
    ("Tokayev", "Nazarbayev"), ("Marat", "Karat"),
])
def test_distinct_words_keep_distinct_skeletons(one: str, other: str) -> None:
    assert skeleton(one) != skeleton(other)


def entry(term_id: str) -> GlossaryEntry:
    return GlossaryEntry(term_id, "person", ("x",), "x")


def test_fuzzy_lookup_needs_six_letters_and_one_edit() -> None:
    index = NearMissIndex([("Kramatorsk", entry("a")), ("Saule", entry("b")), ("Crimea", entry("c"))])
    assert index.lookup("kramatosk", fuzzy=True) is not None
    assert index.lookup("kramatosk", fuzzy=False) is None
    assert index.lookup("sauce", fuzzy=True) is None
    assert index.lookup("crime", fuzzy=True) is None  # a prefix: derivative, not a variant
