"""Exact columns for segments of bilingual files: a segment whose words stand in the file
exactly as read (no entity, escape or inline code inside) is located on its line, so
findings point at the word, not at the segment's line only.

Decision: this is a forward-only second read of the file, keeping a small window of lines,
so large files stay streamed; anything uncertain (a non-UTF-8 file, text found twice on the
line, text not delimited by `>...<` or `"..."`) keeps the segment's inexact position.
"""
from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from typing import IO

from tmtool.lint.units import LintUnit, TextSide

_OPEN_DELIMITERS = frozenset('>"')
_CLOSE_DELIMITERS = frozenset('<"')
_ENCODING = re.compile(rb"""encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
_WINDOW = 200  # lines kept behind the furthest line asked for
_CHUNK = 1 << 16  # bytes read at a time
_CHUNK_LINES = 4096  # forgotten lines are dropped in batches of at least this many


def is_utf8(head: bytes) -> bool:
    """True when a file starting with `head` is UTF-8 (no UTF-16/32 BOM, no other XML encoding)."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" in head[:4]:
        return False
    declared = _ENCODING.search(head.split(b"\n", 1)[0])
    return declared is None or declared.group(1).lower().replace(b"_", b"-") in (b"utf-8", b"utf8")


class RawLines:
    """Lines of a UTF-8 file by number, read forward in chunks, forgetting those more than
    `_WINDOW` lines behind the furthest line asked for."""

    def __init__(self, handle: IO[bytes]) -> None:
        self._handle = handle
        self._lines: list[bytes] = []  # raw: only the lines asked for get decoded
        self._first = 1  # the number of self._lines[0]
        self._furthest = 0
        self._eof = False

    def get(self, number: int) -> str | None:
        lines = self._lines
        while self._first + len(lines) <= number and not self._eof:
            chunk = self._handle.readlines(_CHUNK)
            lines.extend(chunk)
            self._eof = not chunk
        last = self._first + len(lines) - 1
        self._furthest = max(self._furthest, min(number, last))
        if number > last or number < self._first or number <= self._furthest - _WINDOW:
            return None
        forgotten = self._furthest - _WINDOW - self._first + 1
        if forgotten > _CHUNK_LINES:
            del lines[:forgotten]
            self._first += forgotten
        try:
            return lines[number - self._first].decode(
                "utf-8-sig" if number == 1 else "utf-8").rstrip("\r\n")
        except UnicodeDecodeError:
            return None


def pin_side(side: TextSide, lines: RawLines) -> TextSide:
    """The side with its exact column, when its text stands verbatim and once on its line."""
    text = side.text
    if side.exact or not text.strip():
        return side
    raw = lines.get(side.line)
    if raw is None:
        return side
    first_line_end = len(raw)
    if "\n" in text:
        parts = [raw]
        for k in range(1, text.count("\n") + 1):
            part = lines.get(side.line + k)
            if part is None:
                return side
            parts.append(part)
        raw = "\n".join(parts)
    start = raw.find(text)
    if start <= 0 or start > first_line_end or raw[start - 1] not in _OPEN_DELIMITERS:
        return side
    end = start + len(text)
    if end >= len(raw) or raw[end] not in _CLOSE_DELIMITERS or raw.find(text, start + 1) >= 0:
        return side
    return TextSide(text, side.line, start + 1, side.lang, exact=True)


def pin_columns(units: Iterator[LintUnit], handle: IO[bytes]) -> Iterator[LintUnit]:
    """Pass units through, giving exact columns where the raw file allows."""
    if not is_utf8(handle.read(256)):
        yield from units
        return
    handle.seek(0)
    lines = RawLines(handle)
    for unit in units:
        source, target = unit.source, unit.target
        if source is not None and target is not None and target.line < source.line:
            target = pin_side(target, lines)  # read in line order: the window holds both
            source = pin_side(source, lines)
        else:
            source = pin_side(source, lines) if source is not None else None
            target = pin_side(target, lines) if target is not None else None
        if source is not unit.source or target is not unit.target:
            unit = LintUnit(unit.path, target, source, unit.unit_id, unit.ignored)
        yield unit
