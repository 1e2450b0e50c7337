"""The match percentage on hand-checked cases, and the properties lookups rely on."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tmtool.lang.stemming import stem
from tmtool.model import CodeKind, InlineCode, Segment
from tmtool.tm.packing import decode_sketch, encode_sketch, token_hashes
from tmtool.tm.similarity import match_score, sketch_bound, stem_bound
from tmtool.tm.tokens import segment_tokens, text_tokens

BOLD = (InlineCode(CodeKind.OPEN, 1, "<b>", "bold"), InlineCode(CodeKind.CLOSE, 1, "</b>", "bold"))
ITALIC = (InlineCode(CodeKind.OPEN, 1, "<i>", "italic"),
          InlineCode(CodeKind.CLOSE, 1, "</i>", "italic"))


def _score(query: str, candidate: str) -> int:
    return match_score(text_tokens(query), text_tokens(candidate))


# Each expected value worked out by hand from the formula in tmtool/tm/similarity.py.
@pytest.mark.parametrize(("query", "candidate", "expected"), [
    # identical: the only 100
    ("Посол зустрівся з міністром у Києві.", "Посол зустрівся з міністром у Києві.", 100),
    # one word of six changed: 100 * (12 - 1 - 1) / 12 = 83.3
    ("The minister visited Kyiv on Monday.", "The minister visited Lviv on Monday.", 83),
    # a number changed: words equal (100), minus 2 per number edit
    ("Ціна квитка 25 гривень.", "Ціна квитка 30 гривень.", 98),
    # punctuation only: ", ." against "!" is two edits, minus 1 each
    ("Hello, world.", "Hello world!", 98),
    # case only: one word differs in case, minus 1
    ("Kyiv is the capital of Ukraine.", "kyiv is the capital of Ukraine.", 99),
    # word order: "today" moved is a deletion plus an insertion in words and stems:
    # 100 * (12 - 2 - 2) / 12 = 66.7, and "Today"/"The" differ in case once more: 65
    ("Today the minister met the ambassador.", "The minister met the ambassador today.", 65),
    # Ukrainian inflection: same stem (кайсен*в), another ending: half a word of four,
    # 100 * (8 - 1 - 0) / 8 = 87.5
    ("Вірш Кайсенова прочитали вголос.", "Вірш Кайсенову прочитали вголос.", 87),
    # ... while another name is a whole word: 100 * (8 - 1 - 1) / 8 = 75
    ("Вірш Кайсенова прочитали вголос.", "Вірш Петренка прочитали вголос.", 75),
    # a placeholder changed counts as a code: minus 2
    ("Deleted %d files.", "Deleted %s files.", 98),
    # a double space: not identical, nothing else differs
    ("Same  text", "Same text", 99),
    # another apostrophe character: the same words, not the same text
    ("Кам’янське — місто.", "Кам'янське — місто.", 99),
    # nothing in common
    ("Дякуємо за відгук!", "Yes, of course.", 0),
])
def test_match_percentage_on_hand_checked_cases(query: str, candidate: str, expected: int) -> None:
    assert _score(query, candidate) == expected
    assert _score(candidate, query) == expected


def test_an_inline_code_changed_costs_two_points_per_code() -> None:
    bold = Segment(("Click ", BOLD[0], "Save", BOLD[1], " now."))
    italic = Segment(("Click ", ITALIC[0], "Save", ITALIC[1], " now."))
    plain = Segment(("Click Save now.",))
    assert match_score(segment_tokens(bold), segment_tokens(bold)) == 100
    assert match_score(segment_tokens(bold), segment_tokens(italic)) == 96
    assert match_score(segment_tokens(bold), segment_tokens(plain)) == 96


def test_a_code_typed_as_text_equals_the_same_code_read_from_a_file() -> None:
    bold = Segment(("Click ", BOLD[0], "Save", BOLD[1], " now."))
    assert match_score(text_tokens("Click <b>Save</b> now."), segment_tokens(bold)) == 100


def test_bold_is_bold_in_every_markup_syntax() -> None:
    # A memory aligned from Markdown must give 100 % for the same bold sentence in HTML, in a
    # Word file or in an XLIFF <g ctype="bold">: the formatting is the same, only the syntax is not.
    markdown = Segment(("Click ", InlineCode(CodeKind.OPEN, 1, "**", "bold"), "Save",
                        InlineCode(CodeKind.CLOSE, 1, "**", "bold"), " now."))
    untyped_html = Segment(("Click ", InlineCode(CodeKind.OPEN, 1, "<b>"), "Save",
                            InlineCode(CodeKind.CLOSE, 1, "</b>"), " now."))
    bold = Segment(("Click ", BOLD[0], "Save", BOLD[1], " now."))
    for other in (untyped_html, bold):
        assert match_score(segment_tokens(markdown), segment_tokens(other)) == 100
    assert match_score(segment_tokens(markdown), text_tokens("Click <strong>Save</strong> now.")) == 100
    assert match_score(segment_tokens(markdown), text_tokens("Click <em>Save</em> now.")) == 96


def test_numbers_alone_are_compared_as_words() -> None:
    assert _score("2024", "2024") == 100
    assert _score("2024", "2025") == 0
    assert _score("1, 2", "1; 2") == 99


@pytest.mark.parametrize(("query", "candidate", "expected"), [
    # real catalogue messages made of placeholders: nothing in common but punctuation
    # (both codes differ: 100 * (4 - 2 - 2) / 4 = 0, less 2 punctuation edits, floored at 0)
    ("{category} ({category_type})", "%(class_name)s %(instance)s", 0),
    # one of two codes the same: 100 * (4 - 1 - 1) / 4 = 50
    ("%(count)s %(name)s", "%(count)s %(other)s", 50),
    # the same codes, other punctuation: the punctuation penalty only
    ("%(count)s: %(name)s", "%(count)s %(name)s", 99),
    # a number and a code: 100 * (4 - 1 - 1) / 4 = 50
    ("%(count)s 5", "%(count)s 6", 50),
])
def test_placeholders_alone_are_compared_as_words(query: str, candidate: str,
                                                  expected: int) -> None:
    assert _score(query, candidate) == expected
    assert _score(candidate, query) == expected


@pytest.mark.parametrize(("forms", "same"), [
    (("Кайсенов", "Кайсенова", "Кайсеновим", "КАЙСЕНОВУ"), True),
    (("Київ", "Києва", "Києві"), True),
    (("Харків", "Харкова"), True),
    (("Кам’янське", "Кам'янському", "Камʼянське"), True),
    (("ґрунт", "грунт"), True),
    (("minister", "ministers", "Minister's"), True),
    (("visit", "visited", "visiting"), True),
    (("Київ", "Львів"), False),
    (("міністр", "посол"), False),
])
def test_stems_join_the_forms_of_one_word_only(forms: tuple[str, ...], same: bool) -> None:
    assert (len({stem(form) for form in forms}) == 1) is same


def test_a_latin_look_alike_inside_a_cyrillic_word_is_folded() -> None:
    assert stem("Kиїв") == stem("Київ")  # the first letter is a Latin K


words = st.sampled_from(["посол", "Посол", "міністр", "Кайсенова", "Кайсенов", "the", "The",
                         "25", "30", ",", ".", "<b>", "</b>", "%s", "у", "Києві", "Kyiv"])
texts = st.lists(words, max_size=8).map(" ".join)


@given(texts, texts)
def test_the_score_is_symmetric_bounded_and_100_only_when_identical(a: str, b: str) -> None:
    score = _score(a, b)
    assert score == _score(b, a)
    assert 0 <= score <= 100
    assert (score == 100) is (a.strip() == b.strip())


@given(texts, texts)
def test_the_stem_bound_never_underestimates_a_score(a: str, b: str) -> None:
    query, candidate = text_tokens(a), text_tokens(b)
    missing = sum(1 for term in query.stems if term not in candidate.stems)
    bound = stem_bound(len(query.stems), len(candidate.stems), missing)
    assert match_score(query, candidate) <= bound or not query.stems


@given(texts, texts)
def test_the_sketch_bound_never_underestimates_a_score(a: str, b: str) -> None:
    query, candidate = text_tokens(a), text_tokens(b)
    bound = sketch_bound(token_hashes(query.stems), token_hashes(query.numbers),
                         *decode_sketch(encode_sketch(candidate)))
    assert match_score(query, candidate) <= bound or not (query.stems or candidate.stems)
