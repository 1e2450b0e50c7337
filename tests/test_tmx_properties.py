"""Round-trip properties of the TMX writer and reader (hypothesis).

Any unit survives write -> read unchanged once trimmed at the ends; characters XML 1.0
forbids never reach the file, neither literally nor as character references.
"""

from __future__ import annotations

import io
import re
from datetime import datetime, timezone

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from tmtool.formats.tmx import FORBIDDEN_CHARS, TmxHeader, read_tmx, trim_segment, write_tmx
from tmtool.model import CodeKind, InlineCode, Prop, Segment, TranslationUnit, Variant

HEADER = TmxHeader(srclang="uk-UA")
SPECIAL = "&<>\"'«»„“’ʼ—–\u00a0\u202f😀👍🏽\u0301\u0306שלוםمرحبا\u200f\u200e\r\n\t]]>"

_allowed_char = st.characters(
    codec="utf-8", exclude_categories=("Cs",), exclude_characters="\ufffe\uffff"
).filter(lambda ch: FORBIDDEN_CHARS.match(ch) is None)
allowed_text = st.text(st.one_of(_allowed_char, st.sampled_from(SPECIAL)), max_size=30)
any_text = st.text(
    st.one_of(st.characters(codec="utf-16", exclude_categories=()), st.sampled_from(SPECIAL)),
    max_size=30,
)
code_type = st.one_of(st.none(), st.sampled_from(["bold", "italic", "link", "x-md-emphasis"]))
dates = st.one_of(
    st.none(),
    st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2100, 1, 1)).map(
        lambda d: d.replace(microsecond=0, tzinfo=timezone.utc)
    ),
)


@st.composite
def segments(draw: st.DrawFn) -> Segment:
    """Text with well-formed inline codes: unique pairs, standalone codes, unpaired ones."""
    items: list[str | InlineCode] = []
    open_pairs: list[tuple[int, str | None, bool]] = []
    next_pair = draw(st.integers(0, 5))
    for _ in range(draw(st.integers(0, 6))):
        items.append(draw(allowed_text))
        choice = draw(st.sampled_from(["open", "close", "standalone", "isolated", "none"]))
        if choice == "open":
            kind_type = draw(code_type)
            items.append(InlineCode(CodeKind.OPEN, next_pair, draw(allowed_text), kind_type))
            open_pairs.append((next_pair, kind_type, True))
            next_pair += 1
        elif choice == "close" and open_pairs:
            pair, kind_type, _ = open_pairs.pop()
            items.append(InlineCode(CodeKind.CLOSE, pair, draw(allowed_text), kind_type))
        elif choice == "standalone":
            items.append(InlineCode(CodeKind.STANDALONE, None, draw(allowed_text), draw(code_type)))
        elif choice == "isolated":
            kind = draw(st.sampled_from([CodeKind.OPEN, CodeKind.CLOSE]))
            items.append(InlineCode(kind, None, draw(allowed_text), draw(code_type)))
    items.append(draw(allowed_text))
    while open_pairs:  # close what is open so every pair is complete
        pair, kind_type, _ = open_pairs.pop()
        items.append(InlineCode(CodeKind.CLOSE, pair, draw(allowed_text), kind_type))
    return Segment(tuple(items))


props = st.lists(
    st.builds(
        Prop,
        st.text(st.sampled_from("abcxyz-"), min_size=1, max_size=8).map(lambda t: "x-" + t),
        allowed_text,
        st.one_of(st.none(), st.sampled_from(["uk-UA", "en-GB"])),
    ),
    max_size=2,
).map(tuple)
notes = st.lists(allowed_text, max_size=2).map(tuple)


@st.composite
def units(draw: st.DrawFn) -> TranslationUnit:
    langs = draw(
        st.lists(
            st.sampled_from(["uk-UA", "en-GB", "en-US", "de-DE", "he-IL"]),
            min_size=1,
            max_size=3,
            unique=True,
        )
    )
    variants = tuple(
        Variant(
            lang, trim_segment(draw(segments())), draw(props), draw(notes), draw(dates), draw(dates)
        )
        for lang in langs
    )
    return TranslationUnit(
        variants,
        tuid=draw(allowed_text.filter(lambda t: t != "")),
        props=draw(props),
        notes=draw(notes),
        creation_date=draw(dates),
        change_date=draw(dates),
        creation_id=draw(st.one_of(st.none(), allowed_text.filter(bool))),
        change_id=draw(st.one_of(st.none(), allowed_text.filter(bool))),
    )


def _round_trip(unit_list: list[TranslationUnit]) -> tuple[bytes, list[TranslationUnit], list[str]]:
    out = io.BytesIO()
    warnings: list[str] = []
    write_tmx(unit_list, out, header=HEADER, on_warning=warnings.append)
    data = out.getvalue()
    return data, list(read_tmx(io.BytesIO(data), name="prop.tmx")), warnings


@settings(max_examples=100, deadline=None)
@given(st.lists(units(), max_size=3))
def test_any_unit_survives_write_then_read_unchanged(unit_list: list[TranslationUnit]) -> None:
    expected = [u for u in unit_list if all(v.segment.parts for v in u.variants)]
    _data, read_back, warnings = _round_trip(unit_list)
    assert read_back == expected
    assert len(warnings) == len(unit_list) - len(expected)


_CHAR_REF = re.compile(r"&#(x[0-9a-fA-F]+|[0-9]+);")


@settings(max_examples=100, deadline=None)
@given(st.lists(any_text, min_size=2, max_size=2), any_text)
def test_forbidden_characters_never_reach_the_file(texts: list[str], native: str) -> None:
    segment = Segment((texts[0], InlineCode(CodeKind.STANDALONE, None, native), "x"))
    unit = TranslationUnit(
        (Variant("uk-UA", segment), Variant("en-GB", Segment.from_text(texts[1] + "y"))),
        tuid="t",
        notes=(native,),
    )
    data, read_back, warnings = _round_trip([unit])
    text = data.decode("utf-8")
    assert FORBIDDEN_CHARS.search(text) is None
    for reference in _CHAR_REF.findall(text):
        number = int(reference[1:], 16) if reference.startswith("x") else int(reference)
        assert FORBIDDEN_CHARS.match(chr(number)) is None
    etree.fromstring(data)  # well-formed XML 1.0
    had_forbidden = any(FORBIDDEN_CHARS.search(t) for t in (*texts, native))
    assert bool(warnings) == bool(had_forbidden)
    assert len(read_back) == 1
