"""English matching: whole words, case-insensitive, possessives, hyphen/space, line breaks,
plurals of titles; case classification."""
from __future__ import annotations

from pathlib import Path

import pytest

from tmtool.glossary import load_glossary
from tmtool.glossary.en_matcher import EnMatcher, case_problem, en_tokens, plural
from tmtool.glossary.model import Glossary
from tmtool.lang.tokens import normalize_text

DATA = Path(__file__).parent / "data" / "glossary"


@pytest.fixture(scope="module")
def matcher() -> EnMatcher:
    return EnMatcher(load_glossary([DATA / "rules.csv"]))


def found(matcher: EnMatcher, text: str) -> list[tuple[str, str, str]]:
    normal = normalize_text(text)
    return [(m.kind, m.entry.term_id, text[normal.origin(m.start):normal.origin(m.end)])
            for m in matcher.find(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("He lived in Kyiv.", [("en", "place.kyiv", "Kyiv")]),
    ("Kyiv's parks", [("en", "place.kyiv", "Kyiv's")]),
    ("Kyiv’s parks", [("en", "place.kyiv", "Kyiv’s")]),
    ("in KIEV", [("forbidden", "place.kyiv", "KIEV")]),
    ("Kyivan bakeries", []),
    ("President Kassym Jomart Tokayev", [("en", "person.tokayev", "Kassym Jomart Tokayev")]),
    ("Kassym-\nJomart Tokayev", [("en", "person.tokayev", "Kassym-\nJomart Tokayev")]),
    ("the city of Kamian-\nske", [("en", "place.kamianske", "Kamian-\nske")]),
    ("Kamian\u00adske", [("en", "place.kamianske", "Kamian\u00adske")]),
    ("two Ambassadors Extraordinary and Plenipotentiary",
     [("en", "title.ambassador_ep", "Ambassadors Extraordinary and Plenipotentiary")]),
    ("Kasym Kaisenov and Kaisenov", [("forbidden", "person.qaysenov", "Kasym Kaisenov"),
                                     ("forbidden", "person.qaysenov", "Kaisenov")]),
    ("Qasim Qaysenov", [("en", "person.qaysenov", "Qasim Qaysenov")]),
    ("Zelenskyy's", [("allowed", "person.zelenskyy", "Zelenskyy's")]),
])
def test_english_forms_are_found(matcher: EnMatcher, text: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(matcher, text) == expected


@pytest.mark.parametrize(("text", "wrong"), [
    ("Kyiv", False), ("KYIV", False), ("kyiv", True), ("KyIV", True),
    ("BI Group", False), ("Bi Group", True), ("bi group", True),
    ("ambassador extraordinary and plenipotentiary", False),
    ("agro-industrial complex", False),
])
def test_case_problem(matcher: EnMatcher, text: str, wrong: bool) -> None:
    [match] = matcher.find(text)
    assert case_problem(text, match) is wrong


@pytest.mark.parametrize(("word", "expected"), [
    ("ambassador", "ambassadors"), ("embassy", "embassies"), ("day", "days"), ("church", "churches"),
])
def test_plural(word: str, expected: str) -> None:
    assert plural(word) == expected


def test_cost_per_token_does_not_depend_on_glossary_size() -> None:
    from tmtool.glossary.model import GlossaryEntry

    entries = tuple(GlossaryEntry(f"t.{i}", "person", (f"Ім{i}",), f"Name{i} Surname{i}")
                    for i in range(2000))
    index = EnMatcher(Glossary(entries)).index
    # every pattern is filed once under one anchor form: one dict probe per text token
    assert index.size == 2000
    assert sum(len(v) for v in index._by_form.values()) == 2000


def test_index_files_pattern_numbers_so_the_garbage_collector_skips_it() -> None:
    import gc

    from tmtool.glossary.model import GlossaryEntry

    entries = tuple(GlossaryEntry(f"t.{i}", "person", (f"Ім{i}",), f"Name{i} Surname{i}")
                    for i in range(50))
    index = EnMatcher(Glossary(entries)).index
    gc.collect()  # tuples holding only ints are untracked by the first collection
    assert all(isinstance(v, tuple) and not gc.is_tracked(v) for v in index._by_form.values())
    assert [m.entry.term_id for m in index.find(en_tokens("Met Name7 Surname7."))] == ["t.7"]


def test_digits_belong_to_tokens_and_punctuation_inside_forms_matches() -> None:
    from tmtool.glossary.model import Glossary, GlossaryEntry

    war = GlossaryEntry("t.ww2", "term", ("Друга світова війна",), "World War II",
                        en_forbidden=("World War 2", "WW2"))
    city = GlossaryEntry("p.spb", "place", ("Санкт-Петербург",), "St. Petersburg")
    matcher = EnMatcher(Glossary((war, city)))
    assert [m.kind for m in matcher.find("World War I and World War II")] == ["en"]
    assert [m.pattern.form for m in matcher.find("in WW2 and WW1")] == ["WW2"]
    assert [m.pattern.form for m in matcher.find("St. Petersburg")] == ["St. Petersburg"]


@pytest.mark.parametrize("text", [
    "See https://kyiv.gov.ua/kiev for details", "Write to kiev@example.org", "www.kiev.info",
    "Follow #kiev and @kiev_news", "See kiev.gov.ua or kiev-city.example.com/about",
    "The table is in kiev.csv",
])
def test_words_inside_addresses_are_ignored(matcher: EnMatcher, text: str) -> None:
    assert matcher.find(text) == []


@pytest.mark.parametrize("text", [
    "They moved to Kiev.Later they left.", "He wrote Kiev/Kyiv.", "in kiev.", "Kiev (#1 city)",
])
def test_words_beside_dots_slashes_and_hashes_in_prose_still_match(
    matcher: EnMatcher, text: str
) -> None:
    assert [m.kind for m in matcher.find(text)][:1] == ["forbidden"]
