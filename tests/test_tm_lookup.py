"""Fuzzy lookup: order, limits, direction, and candidates found through the index only."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.test_tm_store import pair
from tmtool.errors import ConfigError
from tmtool.model import Segment, TranslationUnit, Variant
from tmtool.tm.lookup import LookupOptions, lookup
from tmtool.tm.sqlite import SqliteStore
from tmtool.tm.store import open_store

COMMON = ("Посол", "міністр", "сказав", "що", "у", "місті", "відбулася", "зустріч", "про",
          "співпрацю", "і", "на", "з", "до", "країн")


def crowd(count: int) -> Iterator[TranslationUnit]:
    """Sentences of the same common words in shifting order, each with its own number."""
    for n in range(count):
        words = [COMMON[(n + k * 7) % len(COMMON)] for k in range(9)]
        yield pair(" ".join(words) + f" {n}.", f"Sentence {n}.", f"c{n}")


class CountingStore(SqliteStore):
    """Counts the units a lookup reads, to show it never reads the memory through."""

    units_read = 0

    def units(self, unit_ids: Iterable[int]) -> dict[int, Any]:
        found = super().units(unit_ids)
        self.units_read += len(found)
        return found


@pytest.fixture
def crowded(tmp_path: Path) -> CountingStore:
    store = CountingStore(str(tmp_path / "m.db"), create=True)
    store.import_units(crowd(5000))
    store.import_units([pair("Так, звичайно.", "Yes, of course.", "yes"),
                        pair("Посол зустрівся з міністром у Києві.",
                             "The Ambassador met the minister in Kyiv.", "kyiv")])
    return store


def test_candidates_come_from_the_index_not_from_a_scan(crowded: CountingStore) -> None:
    found = lookup(crowded, "Посол зустрівся з міністром у Львові.", LookupOptions())
    assert [(m.score, m.tuid) for m in found] == [(83, "kyiv")]
    assert crowded.units_read < 50


def test_a_short_sentence_of_common_words_is_found(crowded: CountingStore) -> None:
    found = lookup(crowded, "так звичайно", LookupOptions())
    assert [(m.score, m.tuid) for m in found] == [(97, "yes")]   # case 1 + punctuation 2


def test_one_sentence_among_thousands_alike_is_found_by_its_number(
        crowded: CountingStore) -> None:
    text = " ".join(COMMON[(4321 + k * 7) % len(COMMON)] for k in range(9)) + " 4321."
    found = lookup(crowded, text, LookupOptions(limit=1))
    assert [(m.score, m.tuid) for m in found] == [(100, "c4321")]
    assert crowded.units_read < 100


def test_identical_segments_come_first_and_limit_and_min_apply(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "m.db"), create=True) as store:
        store.import_units([
            pair("Посол зустрівся з міністром у Львові.", "… in Lviv.", "lviv"),
            pair("Посол зустрівся з міністром у Києві.", "… in Kyiv.", "kyiv"),
            pair("Посол зустрівся з міністром у Києві.", "… in Kyiv!", "kyiv-2"),
            pair("Посол зустрівся з міністром.", "The Ambassador met the minister.", "short"),
        ])
        query = "Посол зустрівся з міністром у Києві."
        # "short" lacks two of six words: 100 * (12 - 2 - 2) / 12 = 66.7
        assert [(m.score, m.tuid) for m in lookup(store, query, LookupOptions(min_score=60))] == [
            (100, "kyiv-2"), (100, "kyiv"), (83, "lviv"), (66, "short")]
        assert [m.tuid for m in lookup(store, query, LookupOptions(limit=2))] == [
            "kyiv-2", "kyiv"]
        assert [m.score for m in lookup(store, query, LookupOptions())] == [100, 100, 83]


def test_lookup_goes_either_way_and_skips_units_without_the_target(tmp_path: Path) -> None:
    german = TranslationUnit((Variant("uk-UA", Segment.from_text("Дякуємо за ваш відгук!")),
                              Variant("de-DE", Segment.from_text("Danke!"))), tuid="de")
    with open_store(str(tmp_path / "m.db"), create=True) as store:
        store.import_units([german, pair("Дякуємо за ваш відгук!", "Thank you!", "en")])
        assert [m.tuid for m in lookup(store, "Дякуємо за ваш відгук!", LookupOptions())] == [
            "en"]
        back = lookup(store, "Thank you!", LookupOptions("en", "uk"))
        assert [(m.score, m.target.text) for m in back] == [(100, "Дякуємо за ваш відгук!")]


@pytest.mark.parametrize(("options", "message"), [
    ({"min_score": 101}, "--min 101: give a percentage from 0 to 100"),
    ({"limit": 0}, "--limit 0: give at least 1"),
    ({"src_lang": "uk-UA", "tgt_lang": "uk"}, "--from uk-UA and --to uk are one language"),
])
def test_bad_options_are_refused(options: dict[str, Any], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        LookupOptions(**options)


def test_an_empty_query_has_no_match(crowded: CountingStore) -> None:
    assert lookup(crowded, "   ", LookupOptions()) == []
