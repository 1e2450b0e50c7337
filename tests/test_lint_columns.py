"""Exact columns for bilingual segments that stand verbatim in the file."""
from __future__ import annotations

import io

from tmtool.lint.columns import RawLines, is_utf8, pin_columns, pin_side
from tmtool.lint.units import LintUnit, TextSide


def lines_of(text: str) -> RawLines:
    return RawLines(io.BytesIO(text.encode("utf-8")))


def test_verbatim_segment_gets_its_column() -> None:
    raw = lines_of('<tu>\n  <tuv xml:lang="en"><seg>He went to Kiev.</seg></tuv>\n')
    side = pin_side(TextSide("He went to Kiev.", 2, exact=False), raw)
    assert side.exact and side.position(side.text.index("Kiev")) == (2, 38)


def test_po_string_gets_its_column() -> None:
    side = pin_side(TextSide("Kiev", 1, exact=False), lines_of('msgstr "Kiev"\n'))
    assert (side.exact, side.column) == (True, 9)


def test_escaped_or_ambiguous_text_keeps_the_line_only() -> None:
    escaped = pin_side(TextSide("A & B", 1, exact=False), lines_of("<seg>A &amp; B</seg>\n"))
    assert not escaped.exact
    twice = pin_side(TextSide("Kyiv", 1, exact=False), lines_of("<seg>Kyiv</seg><seg>Kyiv</seg>\n"))
    assert not twice.exact
    partial = pin_side(TextSide("Kyiv", 1, exact=False), lines_of("<seg>Kyiv and more</seg>\n"))
    assert not partial.exact


def test_multi_line_segment_is_located_from_its_first_line() -> None:
    raw = lines_of("<seg>First line\nsecond Kiev</seg>\n")
    side = pin_side(TextSide("First line\nsecond Kiev", 1, exact=False), raw)
    assert side.exact and side.position(side.text.index("Kiev")) == (2, 8)


def test_non_utf8_files_are_left_alone() -> None:
    assert not is_utf8(b"\xff\xfe<\x00?\x00")
    assert not is_utf8(b'<?xml version="1.0" encoding="ISO-8859-1"?>\n')
    assert is_utf8(b'<?xml version="1.0" encoding="UTF-8"?>\n<tmx>')
    units = [LintUnit("a.tmx", TextSide("Kiev", 1, exact=False))]
    assert list(pin_columns(iter(units), io.BytesIO(b'<?xml version="1.0" encoding="latin-1"?>'))) == units


def test_window_forgets_old_lines_but_serves_recent_ones() -> None:
    raw = lines_of("".join(f"<seg>line {n}</seg>\n" for n in range(1, 1001)))
    assert raw.get(900) == "<seg>line 900</seg>"
    assert raw.get(899) == "<seg>line 899</seg>"
    assert raw.get(10) is None
