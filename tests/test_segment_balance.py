"""Markup written back as text with every span closed (TSV cells): a sentence break inside a
bold, italic, code, HTML or link span leaves no half of it open in a cell."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.test_segment_properties import texts
from tmtool.model import CodeKind
from tmtool.segment import read_document
from tmtool.segment.balance import balanced_native_text


def balanced(text: str, lang: str = "en") -> list[str]:
    return [balanced_native_text(s) for b in read_document(text, lang=lang, name="x.md") for s in b.segments]


@pytest.mark.parametrize(("text", "expected"), [
    ("Start **one. Two** end.", ["Start **one.**", "**Two** end."]),
    ("Початок __одне. Два__ кінець.", ["Початок __одне.__", "__Два__ кінець."]),
    ("<b>Bold one. Bold two</b> end.", ["<b>Bold one.</b>", "<b>Bold two</b> end."]),
    ("***Both. Still*** here.", ["***Both.***", "***Still*** here."]),
    ("*Em **strong. Tail** end* done.", ["*Em **strong.***", "***Tail** end* done."]),
    ("~~Old. Gone~~ now.", ["~~Old.~~", "~~Gone~~ now."]),
    ("[Read this. And that](https://x.org) now.", ["Read this.", "[And that](https://x.org) now."]),
    ("Plain **bold** text. And `code`.", ["Plain **bold** text.", "And `code`."]),
])
def test_every_span_is_closed_within_its_segment(text: str, expected: list[str]) -> None:
    assert balanced(text) == expected


@settings(max_examples=150, deadline=None)
@given(texts(markup=True), st.sampled_from(["uk", "en"]))
def test_segments_whose_codes_all_pair_are_written_as_they_are(text: str, lang: str) -> None:
    for block in read_document(text, lang=lang, name="x.md"):
        for segment in block.segments:
            opens = {c.pair for c in segment.codes if c.kind is CodeKind.OPEN}
            closes = {c.pair for c in segment.codes if c.kind is CodeKind.CLOSE}
            if opens == closes:
                assert balanced_native_text(segment) == segment.native_text()
            else:  # markup is added or dropped, never a word
                written = iter(balanced_native_text(segment))
                assert all(char in written for char in segment.text)
