"""Plain text -> blocks: blank lines separate paragraphs; inside one, a newline is a soft
wrap or a hard line break depending on how the file is laid out.

A file is "hard-wrapped" when most of its lines end near one width (the 90th percentile of
line lengths, 40-100 characters): then a newline after a line shorter than 60% of that width
is a hard break (a byline, an address) and any other newline is a space; a bullet line, or a
dash of dialogue after a short line, starts a new block. Otherwise (lines
are whole paragraphs) every non-empty line is a block of its own.
"""
from __future__ import annotations

from collections.abc import Iterator

import regex

from tmtool.segment.inline import HARD_BREAK, Piece, RawBlock

# "- " "* " "• " bullets (stripped) and "1." "2)" numbers (kept: they may be section
# numbers); a dash is NOT a bullet: "— " opens a line of dialogue in Ukrainian and English.
_BULLET = regex.compile(r"^\s*(?:(?P<symbol>[-*•])|\p{N}{1,3}[.)])\s+(?=\S)")
_DIALOGUE = regex.compile(r"^\s*[—–]\s")
_MIN_WRAP, _MAX_WRAP, _SHORT = 40, 100, 0.6


def wrap_width(lines: list[str]) -> int | None:
    """The width a hard-wrapped file is wrapped at, or None if it is not hard-wrapped."""
    lengths = sorted(len(line.rstrip()) for line in lines if line.strip())
    if len(lengths) < 2:
        return None
    width = lengths[min(len(lengths) - 1, int(len(lengths) * 0.9))]
    return width if _MIN_WRAP <= width <= _MAX_WRAP else None


def read_plain_blocks(text: str) -> Iterator[RawBlock]:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    width = wrap_width(lines)
    if width is None:
        for number, line in enumerate(lines, 1):
            if line.strip():
                yield RawBlock(_kind(line), number, [_content(line)])
        return
    block: RawBlock | None = None
    previous_short = False
    for number, line in enumerate(lines, 1):
        if not line.strip():
            if block is not None:
                yield block
            block = None
            continue
        if block is None or _BULLET.match(line) or (previous_short and _DIALOGUE.match(line)):
            if block is not None:
                yield block
            block = RawBlock(_kind(line), number, [_content(line)])
        else:
            separator: Piece = HARD_BREAK if previous_short else " "
            block.pieces += [separator, line.strip()]
        previous_short = len(line.rstrip()) < _SHORT * width
    if block is not None:
        yield block


def _kind(line: str) -> str:
    return "list-item" if _BULLET.match(line) else "paragraph"


def _content(line: str) -> str:
    """The line without a symbol bullet."""
    match = _BULLET.match(line)
    if match and match.group("symbol"):
        return line[match.end():].strip()
    return line.strip()
