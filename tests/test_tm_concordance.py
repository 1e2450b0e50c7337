"""Concordance: phrases as consecutive words, Ukrainian words in every case form."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_tm_store import pair
from tmtool.errors import ConfigError
from tmtool.tm.concordance import ConcordanceOptions, concordance, holds_phrase, phrase_slots
from tmtool.tm.store import MemoryStore, open_store
from tmtool.tm.tokens import word_sequence

UNITS = [
    pair("Касим Кайсенов народився 1918 року.", "Qasim Qaysenov was born in 1918.", "born"),
    pair("Зустріч із Касимом Кайсеновим відбулася в Алмати.",
         "The meeting with Qasim Qaysenov took place in Almaty.", "meeting"),
    pair("Кайсенов і Касим — різні люди.", "Kaisenov and Qasim are different people.", "apart"),
    pair("Я народився в Кам’янському.", "I was born in Kamianske.", "kamianske"),
    pair("Міністри обговорили співпрацю.", "The ministers discussed cooperation.", "ministers"),
]


@pytest.fixture
def store(tmp_path: Path) -> MemoryStore:
    memory = open_store(str(tmp_path / "m.db"), create=True)
    memory.import_units(UNITS)
    return memory


@pytest.mark.parametrize(("phrase", "target", "expected"), [
    ("Кайсенов", False, ["born", "meeting", "apart"]),
    ("Касим Кайсенов", False, ["born", "meeting"]),      # consecutive words only
    ("КАСИМОМ КАЙСЕНОВИМ", False, ["born", "meeting"]),  # any form, any case
    ("Кам'янське", False, ["kamianske"]),                 # another apostrophe, another case
    ("minister", True, ["ministers"]),
    ("Qasim Qaysenov", True, ["born", "meeting"]),
    ("born in 1918", True, ["born"]),
    ("Харків", False, []),
])
def test_concordance_finds_the_phrase_in_every_form(store: MemoryStore, phrase: str,
                                                    target: bool, expected: list[str]) -> None:
    hits = concordance(store, phrase, ConcordanceOptions(search_target=target))
    assert [hit.unit.tuid for hit in hits] == expected


def test_the_limit_stops_the_search(store: MemoryStore) -> None:
    hits = concordance(store, "Кайсенов", ConcordanceOptions(limit=1))
    assert [hit.unit.tuid for hit in hits] == ["born"]


def test_a_phrase_without_words_is_refused() -> None:
    with pytest.raises(ConfigError, match="has no words to look for"):
        phrase_slots("— 1918 —")


def test_holds_phrase_wants_the_words_side_by_side() -> None:
    slots = phrase_slots("Касим Кайсенов")
    assert holds_phrase(word_sequence("із Касимом Кайсеновим"), slots)
    assert not holds_phrase(word_sequence("Кайсенов і Касим"), slots)
