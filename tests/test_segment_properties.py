"""Invariants of segmentation on arbitrary text: no word lost, segments trimmed and
non-empty, inline code pair ids consistent within every segment."""
from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from tmtool.model import CodeKind, Segment
from tmtool.segment import read_document, split_sentences

WORDS = st.sampled_from([
    "Dr.", "Mr.", "м.", "р.", "т.", "д.", "Київ", "він", "He", "said", "1814", "3.5", "etc.",
    "...", "…", "?!", "!", "?", ".", "«Так.»", "“Yes.”", "(so)", "—", "J.", "Т.", "e.g.",
])
SEPARATORS = st.sampled_from([" ", " ", " ", "  ", "\n", "\n\n", "\t", "\u00a0"])
MARKUP = st.sampled_from(["**", "*", "_", "`", "<b>", "</b>", "<sup>", "</sup>", "[", "](u)", "<br>", "  \n", "\\"])


@st.composite
def texts(draw: st.DrawFn, markup: bool) -> str:
    pieces = draw(st.lists(st.tuples(WORDS, SEPARATORS, st.none() | MARKUP if markup else st.none()), max_size=30))
    return "".join(word + separator + (extra or "") for word, separator, extra in pieces)


def squeeze(text: str) -> str:
    return regex.sub(r"\s+", "", text)


@settings(max_examples=100, deadline=None)
@given(texts(markup=False), st.sampled_from(["uk", "en", "de"]))
def test_split_sentences_loses_no_character_and_trims(text: str, lang: str) -> None:
    sentences = split_sentences(text, lang)
    assert squeeze("".join(sentences)) == squeeze(text)
    assert all(s and s == s.strip() for s in sentences)


@settings(max_examples=100, deadline=None)
@given(texts(markup=False), st.sampled_from(["uk", "en"]))
def test_plain_text_documents_lose_no_character(text: str, lang: str) -> None:
    blocks = read_document(text, lang=lang, name="x.txt")
    assert squeeze("".join(s.text for b in blocks for s in b.segments)) == squeeze(text)


def assert_well_formed(segment: Segment) -> None:
    assert segment.text.strip()
    assert not isinstance(segment.parts[0], str) or segment.parts[0] == segment.parts[0].lstrip()
    assert not isinstance(segment.parts[-1], str) or segment.parts[-1] == segment.parts[-1].rstrip()
    open_ids: list[int] = []
    closed: set[int] = set()
    seen: list[int] = []
    for code in segment.codes:
        if code.kind is CodeKind.STANDALONE:
            assert code.pair is None
            continue
        assert code.pair is not None
        if code.kind is CodeKind.OPEN:
            assert code.pair not in seen
            open_ids.append(code.pair)
        else:
            assert code.pair not in closed
            assert code.pair in open_ids or code.pair not in seen
            closed.add(code.pair)
        seen.append(code.pair)
    first_seen = list(dict.fromkeys(seen))
    assert first_seen == list(range(1, len(first_seen) + 1))


@settings(max_examples=120, deadline=None)
@given(texts(markup=True), st.sampled_from(["uk", "en"]), st.sampled_from(["md", "html"]))
def test_markup_documents_give_well_formed_segments(text: str, lang: str, fmt: str) -> None:
    for block in read_document(text, lang=lang, name="x", fmt=fmt):
        assert block.segments
        for segment in block.segments:
            assert_well_formed(segment)
